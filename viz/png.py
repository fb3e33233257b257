"""A static picture of a (focused) network for reports: networkx layout, matplotlib (Agg) drawing."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from migkg.graph.errors import MigkgError
from migkg.graph.nx_graph import to_networkx
from migkg.graph.output import Graph, atomic_file
from migkg.viz.html import PREDICATE_COLOURS, TYPE_STYLE

# vis-network shape names -> matplotlib markers
MARKERS = {"dot": "o", "square": "s", "diamond": "D", "triangle": "^", "star": "*", "triangleDown": "v", "hexagon": "h"}
LAYOUT_SEED = 7


def top_nodes(g: nx.MultiDiGraph, n: int) -> list[str]:
    """The `n` most central nodes (degree centrality, ties broken by id so the choice is stable)."""
    centrality = nx.degree_centrality(g) if len(g) > 1 else {v: 0.0 for v in g}
    return [v for v, _ in sorted(centrality.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def render_png(graph: Graph, *, top_labels: int = 25, title: str | None = None, size=(12, 9), dpi: int = 120) -> bytes:
    """PNG bytes of the network: colour and marker by type, size by degree, labels on the most central nodes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    if not graph.entities:
        raise MigkgError("nothing to draw: the view holds no entities")
    g = to_networkx(graph)
    simple = nx.Graph(g.to_undirected())
    # Fruchterman-Reingold: networkx's energy form (its gravity keeps separate components close) for views of
    # a few hundred nodes; the plain force form with fewer iterations for whole big builds, which is quicker.
    if len(simple) < 500:
        pos = nx.spring_layout(simple, seed=LAYOUT_SEED, method="energy", gravity=2.0)
    else:
        pos = nx.spring_layout(simple, seed=LAYOUT_SEED, method="force", iterations=30)
    degree = dict(g.degree())
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    edges = sorted(g.edges(data="predicate"), key=lambda e: (e[2], e[0], e[1]))
    ax.add_collection(LineCollection([(pos[u], pos[v]) for u, v, _ in edges], linewidths=0.7, alpha=0.55, zorder=1,
                                     colors=[PREDICATE_COLOURS.get(p, "#999999") for _, _, p in edges]))
    present = []
    for etype, (colour, shape) in TYPE_STYLE.items():
        members = sorted(v for v, d in g.nodes(data=True) if d.get("type") == etype)
        if not members:
            continue
        present.append((etype, colour, MARKERS.get(shape, "o")))
        ax.scatter([pos[v][0] for v in members], [pos[v][1] for v in members],
                   s=[30 + 25 * degree[v] ** 0.85 for v in members], c=colour, marker=MARKERS.get(shape, "o"),
                   edgecolors="#333333", linewidths=0.5, zorder=2)
    for v in top_nodes(g, top_labels):
        data = g.nodes[v]
        text = data.get("acronym") or data.get("label", v)
        text = text if len(text) <= 40 else text[:39] + "…"
        ax.annotate(text, pos[v], xytext=(4, 4), textcoords="offset points", fontsize=8, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    handles = [Line2D([], [], marker=m, linestyle="", markerfacecolor=c, markeredgecolor="#333", markersize=8, label=t)
               for t, c, m in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(title or f"{len(g)} entities, {g.number_of_edges()} statements", fontsize=11)
    ax.set_axis_off()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def write_png(graph: Graph, path, *, top_labels: int = 25, title: str | None = None) -> Path:
    data = render_png(graph, top_labels=top_labels, title=title)
    with atomic_file(Path(path), "wb") as f:
        f.write(data)
    return Path(path)
