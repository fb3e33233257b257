"""`migkg export`: the build in other tools' formats, one small function per format (see FORMATS).

Every writer takes the migkg Graph and a target path, writes atomically and returns the path(s) written.
The RDF and Neo4j writers belong to `graph.rdf` and `graph.neo4j_store`; they are imported lazily so that
a missing optional piece only breaks its own format.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx

from migkg.graph.nx_graph import flatten, iso_span, to_networkx
from migkg.graph.output import Graph, atomic_file

# Edge attributes that are lists (evidence in parallel lists) and the qualifiers that stay numbers/booleans.
LIST_ATTRS = ("docs", "lines", "quotes", "aliases")
NODE_COLUMNS = ("id", "type", "label", "kind", "aliases", "acronym", "iso3", "wikidata", "country", "date", "place")
EDGE_COLUMNS = ("id", "source", "source_label", "predicate", "target", "target_label", "status", "role", "date",
                "start", "end", "as_of", "place", "title", "flow", "currency", "amount", "support", "act", "context",
                "direction_inferred", "other_qualifiers", "confidence", "rule", "docs", "lines", "quotes")


def _scalar_graph(graph: Graph) -> nx.MultiDiGraph:
    """The networkx graph with lists joined into strings and every qualifier but amount/confidence/
    direction_inferred as a string, so GraphML/GEXF keys have one type each."""
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        for k in list(data):
            data[k] = flatten(data[k])
    for _, _, data in g.edges(data=True):
        for k, v in list(data.items()):
            if k in ("confidence", "amount") and isinstance(v, (int, float)) and not isinstance(v, bool):
                data[k] = float(v)
            elif k == "direction_inferred" and isinstance(v, bool):
                pass
            else:
                data[k] = flatten(v) if isinstance(v, (list, tuple)) else str(v)
    g.graph["name"] = "migkg"
    return g


def _write_text(path: Path, text: str, newline: str | None = None) -> Path:
    with atomic_file(Path(path), encoding="utf-8", newline=newline) as f:
        f.write(text)
    return Path(path)


def export_graphml(graph: Graph, path) -> Path:
    g = _scalar_graph(graph)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return _write_text(path, buf.getvalue().decode("utf-8"))


def export_gexf(graph: Graph, path) -> Path:
    """GEXF 1.2 in dynamic mode: statements with start/end/date/as_of carry full ISO start/end dates
    (partial dates widened to the month or year) so Gephi's timeline can replay memberships and chairs."""
    g = _scalar_graph(graph)
    for u, v, key, data in g.edges(keys=True, data=True):
        # keep the original qualifiers under their own names; `start`/`end` are GEXF's time slice
        for q in ("start", "end"):
            if q in data:
                data[f"{q}_qualifier"] = data.pop(q)
    spans = {s.id: iso_span(s) for s in graph.statements}
    for u, v, key, data in g.edges(keys=True, data=True):
        start, end = spans[key]
        if start:
            data["start"] = start
        if end:
            data["end"] = end
    g.graph["mode"] = "dynamic"
    g.graph["timeformat"] = "date"
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps today's date; use the build's date so the same build exports the same bytes
    built = str(graph.manifest.get("built_at") or "")[:10] or "1970-01-01"
    text = re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{built}"', buf.getvalue().decode("utf-8"), count=1)
    return _write_text(path, text)


def _csv_cell(value) -> str:
    """Spreadsheet-safe text: lists joined; a leading = + - @ (a formula to Excel/LibreOffice) gets a quote mark,
    unless the cell is a plain number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = flatten(value) if isinstance(value, (list, tuple)) else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def _csv_text(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_csv_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def csv_paths(path) -> tuple[Path, Path]:
    """`-o DIR/` (or an existing directory) -> DIR/nodes.csv, DIR/edges.csv; `-o out/migkg` or `out/migkg.csv`
    -> out/migkg-nodes.csv, out/migkg-edges.csv."""
    raw = str(path)
    p = Path(path)
    if raw.endswith(("/", "\\")) or p.is_dir():
        return p / "nodes.csv", p / "edges.csv"
    stem = p.name[:-4] if p.name.lower().endswith(".csv") else p.name
    return p.with_name(f"{stem}-nodes.csv"), p.with_name(f"{stem}-edges.csv")


def export_csv(graph: Graph, path) -> tuple[Path, Path]:
    """nodes.csv (one row per entity) and edges.csv (one row per statement, evidence joined with '; ' in
    parallel columns docs/lines/quotes), UTF-8 with a byte-order mark so spreadsheets detect the encoding."""
    nodes_path, edges_path = csv_paths(path)
    nodes = [e.to_dict() for e in graph.entities.values()]
    edges = []
    known = set(EDGE_COLUMNS)
    for s in graph.statements:
        ev = sorted(set(s.evidence))
        row = {"id": s.id, "source": s.subject, "source_label": graph.label(s.subject), "predicate": s.predicate,
               "target": s.object, "target_label": graph.label(s.object), "confidence": round(s.confidence, 3),
               "rule": s.rule, "docs": [e.doc for e in ev], "lines": [e.line for e in ev],
               "quotes": [e.quote for e in ev]}
        other = {}
        for k, v in sorted(s.qualifiers.items()):
            if k in known:
                row[k] = v
            else:
                other[k] = v
        row["other_qualifiers"] = json.dumps(other, ensure_ascii=False, sort_keys=True) if other else None
        edges.append(row)
    _write_text(nodes_path, "\ufeff" + _csv_text(NODE_COLUMNS, nodes), newline="")
    _write_text(edges_path, "\ufeff" + _csv_text(EDGE_COLUMNS, edges), newline="")
    return nodes_path, edges_path


def export_jsonld(graph: Graph, path) -> Path:
    from migkg.graph.rdf import write_jsonld

    write_jsonld(graph, path)
    return Path(path)


def export_ntriples(graph: Graph, path) -> Path:
    from migkg.graph.rdf import write_ntriples

    write_ntriples(graph, path)
    return Path(path)


def export_cytoscape(graph: Graph, path) -> Path:
    """Cytoscape.js / Cytoscape desktop JSON (networkx's cytoscape_data): elements.nodes and elements.edges."""
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        data["name"] = data.get("label", "")
    data = nx.cytoscape_data(g)
    return _write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def export_kumu(graph: Graph, path) -> Path:
    """A Kumu blueprint: {"elements": [...], "connections": [...]} with connections pointing at element ids."""
    elements = []
    for e in graph.entities.values():
        d = e.to_dict()
        el = {"id": e.id, "label": e.label, "type": e.type, "kind": e.kind, "tags": [e.type, e.kind]}
        for k in ("aliases", "acronym", "iso3", "wikidata", "country", "date", "place"):
            if d.get(k):
                el[k] = d[k]
        elements.append(el)
    connections = []
    for s in graph.statements:
        ev = sorted(set(s.evidence))
        connections.append({
            "id": s.id, "from": s.subject, "to": s.object, "type": s.predicate,
            "direction": "mutual" if s.predicate == "partners_with" else "directed",
            **{k: v for k, v in sorted(s.qualifiers.items())},
            "confidence": round(s.confidence, 3), "rule": s.rule,
            "description": "\n".join(f"“{e.quote}” ({e.doc}, line {e.line})" for e in ev),
            "docs": sorted({e.doc for e in ev}),
        })
    blueprint = {"elements": elements, "connections": connections}
    return _write_text(path, json.dumps(blueprint, ensure_ascii=False, indent=1) + "\n")


def export_neo4j(graph: Graph, path) -> Path:
    """A neo4j-admin import bundle (CSV files, import.sh, Cypher scripts) in the directory `path`."""
    from migkg.graph.neo4j_store import write_import_bundle

    return Path(write_import_bundle(graph, path))


FORMATS = {
    "graphml": export_graphml,
    "gexf": export_gexf,
    "csv": export_csv,
    "jsonld": export_jsonld,
    "nt": export_ntriples,
    "cytoscape": export_cytoscape,
    "kumu": export_kumu,
    "neo4j": export_neo4j,
}
