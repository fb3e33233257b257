"""graph.html: an interactive, fully offline network view (pyvis builds the network, our own template renders it).

pyvis's template links Bootstrap and vis-network from CDNs, so the page is rendered with `templates/graph.html`
instead, with vis-network's JavaScript inlined. All data goes into the page as JSON whose `<`, `>`, `&` and
`/` are escaped, so no name or quote can close the script element or smuggle in an `http(s)://` resource;
the page's script only ever writes data with `textContent`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from migkg.graph.model import ENTITY_TYPES, PREDICATES
from migkg.graph.nx_graph import _document_span, _document_years, subgraph, year_span
from migkg.graph.output import Graph, atomic_file

TEMPLATES = Path(__file__).parent / "templates"

# Colour and vis-network shape per entity type (colour-blind-safe Okabe-Ito hues), and a colour per predicate.
TYPE_STYLE = {
    "State": ("#0072B2", "dot"),
    "Organization": ("#E69F00", "square"),
    "Process": ("#009E73", "diamond"),
    "Event": ("#CC79A7", "triangle"),
    "Agreement": ("#D55E00", "star"),
    "Person": ("#56B4E9", "triangleDown"),
    "Document": ("#7f7f7f", "hexagon"),
}
PREDICATE_COLOURS = dict(zip(PREDICATES, (
    "#4e79a7", "#e15759", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22",
)))

# Physics tuned so a few thousand nodes settle in seconds: Barnes-Hut, straight edges (no support nodes),
# a bounded number of stabilisation iterations, and no Kamada-Kawai pre-layout.
OPTIONS = {
    "autoResize": True,
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "nodes": {
        "scaling": {"min": 8, "max": 42, "label": {"enabled": True, "min": 10, "max": 34, "drawThreshold": 4.5, "maxVisible": 40}},
        "font": {"face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
    },
    "edges": {
        "smooth": False,
        "width": 1.2,
        "selectionWidth": 2.5,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"opacity": 0.75},
    },
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.9, "springLength": 110,
                      "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0.05},
        "maxVelocity": 60,
        "minVelocity": 1.0,
        "timestep": 0.5,
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 25, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "navigationButtons": False,
                    "keyboard": False},
}

_URL_SCHEME = re.compile(r"(https?):/{2}", re.IGNORECASE)


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network (the standalone build pyvis ships), made safe to inline: its licence comments and a few string
    literals contain URLs; writing `:\\/\\/` keeps every string the same to JavaScript and leaves no `://` in the file."""
    import pyvis

    root = Path(pyvis.__file__).parent
    candidates = sorted(root.glob("templates/lib/vis-*/vis-network.min.js")) + sorted(root.glob("lib/vis-*/vis-network.min.js"))
    if not candidates:
        raise FileNotFoundError(f"vis-network.min.js not found under {root}")
    text = candidates[-1].read_text(encoding="utf-8")
    text = _URL_SCHEME.sub(lambda m: m.group(1) + r":\/\/", text)
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def script_json(value) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>`, `&` (so no `</script` or `<!--`) and no `/`."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # These characters only occur inside JSON strings, where the \\uXXXX and \\/ escapes mean the same thing.
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("/", "\\/")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def short_label(e) -> str:
    """The node caption: the acronym when there is one, else the label, shortened."""
    text = e.acronym or e.label
    return text if len(text) <= 32 else text[:31] + "…"


def documents(graph: Graph) -> list[tuple[str, str]]:
    """(doc id, title) of every document cited by the statements or listed in the manifest, sorted by id."""
    titles = {}
    for d in graph.manifest.get("documents", []):
        titles[d["id"]] = d.get("title") or d.get("file") or d["id"]
    for s in graph.statements:
        for ev in s.evidence:
            titles.setdefault(ev.doc, ev.doc)
    for doc_id in titles:
        e = graph.entities.get(f"doc:{doc_id}")
        if e is not None and titles[doc_id] == doc_id:
            titles[doc_id] = e.label
    return sorted(titles.items())


def build_network(graph: Graph):
    """The pyvis Network of `graph`: one node per entity (shape/colour by type, size by degree), one edge per
    statement (colour by predicate, `s` = the statement's index in the page's statement table)."""
    from pyvis.network import Network

    degree = {eid: 0 for eid in graph.entities}
    for s in graph.statements:
        degree[s.subject] = degree.get(s.subject, 0) + 1
        degree[s.object] = degree.get(s.object, 0) + 1
    net = Network(directed=True, cdn_resources="remote")
    for eid, e in graph.entities.items():
        net.add_node(eid, label=short_label(e), shape=TYPE_STYLE.get(e.type, ("", "dot"))[1], group=e.type,
                     value=degree[eid] + 1)
    for i, s in enumerate(graph.statements):
        net.add_edge(s.subject, s.object, id=i, s=i, color=PREDICATE_COLOURS.get(s.predicate, "#888888"))
    options = json.loads(json.dumps(OPTIONS))
    options["groups"] = {t: {"color": {"background": c, "border": "#333333",
                                       "highlight": {"background": c, "border": "#000000"},
                                       "hover": {"background": c, "border": "#000000"}}}
                         for t, (c, _) in TYPE_STYLE.items()}
    if len(graph.entities) > 800:  # bigger graphs: fewer iterations, labels only when zoomed in
        options["physics"]["stabilization"]["iterations"] = 120
    net.options = options
    return net


def page_data(graph: Graph) -> dict:
    """Everything the page's script needs, compactly: entities and statements refer to each other, to
    documents, predicates and quotes by index, so each quote is written once however often it is cited."""
    net = build_network(graph)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    index = {eid: i for i, eid in enumerate(graph.entities)}
    docs = documents(graph)
    doc_index = {d: i for i, (d, _) in enumerate(docs)}
    doc_years = _document_years(graph)
    quotes: dict[str, int] = {}
    statements = []
    for s in graph.statements:
        ev = [[doc_index[e.doc], e.line, quotes.setdefault(e.quote, len(quotes))] for e in sorted(set(s.evidence))]
        span = year_span(s) or _document_span(s, doc_years)
        statements.append([index[s.subject], PREDICATES.index(s.predicate) if s.predicate in PREDICATES else -1,
                           index[s.object], dict(sorted(s.qualifiers.items())), ev, round(s.confidence, 3),
                           s.id, list(span) if span else None])
    entities = [[e.id, e.type, e.kind, e.label, sorted(e.aliases), e.acronym, e.iso3, e.wikidata, e.country,
                 e.date, e.place] for e in graph.entities.values()]
    years = [y for st in statements if st[7] for y in st[7] if y is not None]
    return {
        "nodes": nodes, "edges": edges, "options": json.loads(options),
        "entities": entities, "statements": statements, "quotes": list(quotes), "documents": [list(d) for d in docs],
        "predicates": list(PREDICATES), "types": [[t, *TYPE_STYLE[t]] for t in ENTITY_TYPES],
        "predicateColours": PREDICATE_COLOURS,
        "years": [min(years), max(years)] if years else None,
    }


def render_html(graph: Graph, *, node_ids=None, title: str = "migkg") -> str:
    """The whole page as one string (deterministic for the same graph)."""
    if node_ids is None:  # documents and other unconnected entities would only ring the network
        node_ids = graph.connected_ids()
    graph = subgraph(graph, node_ids)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      keep_trailing_newline=True)
    template = env.get_template("graph.html")
    return template.render(
        title=title, n_entities=len(graph.entities), n_statements=len(graph.statements),
        data_json=script_json(page_data(graph)),
        vis_js=vis_network_js(),
        app_js=(TEMPLATES / "graph.js").read_text(encoding="utf-8"),
        app_css=(TEMPLATES / "graph.css").read_text(encoding="utf-8"),
    )


def write_html(graph: Graph, path, *, node_ids=None, title: str = "migkg") -> Path:
    """Write the page to `path` atomically."""
    text = render_html(graph, node_ids=node_ids, title=title)
    with atomic_file(Path(path), encoding="utf-8") as f:
        f.write(text)
    return Path(path)
