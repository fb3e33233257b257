"""Smaller views of a build (ego networks, filters by type/predicate/time) and its networkx projection.

The HTML view, the PNG and every export start from the same migkg `Graph`, cut down here first.
"""
from __future__ import annotations

import calendar
import re
from collections import deque

import networkx as nx

from migkg.graph.errors import MigkgError
from migkg.graph.model import ENTITY_TYPES, PREDICATES, Statement
from migkg.graph.output import Graph

# Qualifiers that carry a time, in the order a statement's span is read from them.
TIME_QUALIFIERS = ("start", "end", "date", "as_of")
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def subgraph(graph: Graph, node_ids) -> Graph:
    """The entities in `node_ids` and the statements whose both ends are among them."""
    keep = set(node_ids)
    entities = {eid: e for eid, e in graph.entities.items() if eid in keep}
    statements = [s for s in graph.statements if s.subject in entities and s.object in entities]
    return Graph(entities, statements, graph.manifest)


def year_span(st: Statement) -> tuple[int | None, int | None] | None:
    """Years (first, last) a statement holds, from its start/end/date/as_of qualifiers; None when undated.
    An open side (a start with no end) is None."""
    years = {k: int(m.group(1)) for k in TIME_QUALIFIERS
             if (m := _YEAR.match(str(st.qualifiers.get(k) or "")))}
    if not years:
        return None
    point = years.get("date", years.get("as_of"))
    first = years.get("start", point)
    last = years.get("end", point)
    return first, last


def iso_span(st: Statement) -> tuple[str | None, str | None]:
    """(start, end) as full ISO dates for timeline tools: partial dates widen to the whole month or year."""
    def full(value, at_end: bool):
        m = _YEAR.match(str(value or ""))
        if not m:
            return None
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if mo is None:
            return f"{y:04d}-12-31" if at_end else f"{y:04d}-01-01"
        mo = int(mo)
        if d is None:
            d = calendar.monthrange(y, mo)[1] if at_end else 1
        return f"{y:04d}-{mo:02d}-{int(d):02d}"

    q = st.qualifiers
    point = q.get("date") or q.get("as_of")
    return full(q.get("start") or point, False), full(q.get("end") or point, True)


def _overlaps(span, since: int | None, until: int | None) -> bool:
    first, last = span
    if since is not None and last is not None and last < since:
        return False
    if until is not None and first is not None and first > until:
        return False
    return True


def _check_names(values, vocabulary, what: str) -> set[str]:
    by_fold = {v.casefold(): v for v in vocabulary}
    out = set()
    for v in values:
        if v.casefold() not in by_fold:
            raise MigkgError(f"unknown {what} '{v}' (one of: {', '.join(vocabulary)})")
        out.add(by_fold[v.casefold()])
    return out


def filter_graph(graph: Graph, types=None, predicates=None, since: int | None = None, until: int | None = None,
                 *, keep=()) -> Graph:
    """Keep entities of `types` and statements with `predicates` whose time overlaps [since, until].

    A statement's time comes from its qualifiers, or else from the date of its earliest source document.
    When a statement-level filter (predicates, since, until) is given, entities left without any statement
    are dropped too (ids in `keep` always stay). Names are matched case-insensitively; unknown ones raise."""
    if since is not None and until is not None and since > until:
        raise MigkgError(f"--since {since} is after --until {until}")
    types = _check_names(types, ENTITY_TYPES, "entity type") if types else None
    predicates = _check_names(predicates, PREDICATES, "predicate") if predicates else None
    doc_years = _document_years(graph)
    entities = {eid: e for eid, e in graph.entities.items() if types is None or e.type in types or eid in keep}
    statements = []
    for s in graph.statements:
        if s.subject not in entities or s.object not in entities:
            continue
        if predicates is not None and s.predicate not in predicates:
            continue
        if since is not None or until is not None:
            span = year_span(s) or _document_span(s, doc_years)
            if span is None or not _overlaps(span, since, until):
                continue
        statements.append(s)
    if predicates is not None or since is not None or until is not None:
        touched = {s.subject for s in statements} | {s.object for s in statements} | set(keep)
        entities = {eid: e for eid, e in entities.items() if eid in touched}
    return Graph(entities, statements, graph.manifest)


def _document_years(graph: Graph) -> dict[str, int]:
    years = {}
    for d in graph.manifest.get("documents", []):
        if (m := _YEAR.match(str(d.get("date") or ""))):
            years[d["id"]] = int(m.group(1))
    for eid, e in graph.entities.items():
        if e.type == "Document" and (m := _YEAR.match(str(e.date or ""))):
            years.setdefault(eid.split(":", 1)[1], int(m.group(1)))
    return years


def _document_span(st: Statement, doc_years: dict[str, int]):
    years = [doc_years[ev.doc] for ev in st.evidence if ev.doc in doc_years]
    return (min(years), min(years)) if years else None


def ego(graph: Graph, focus_id: str, depth: int = 1) -> Graph:
    """Everything within `depth` statements of `focus_id` (in either direction), and the statements among them."""
    if focus_id not in graph.entities:
        raise MigkgError(f"no entity '{focus_id}' in this view")
    if depth < 0:
        raise MigkgError(f"--depth must be 0 or more, not {depth}")
    neighbours: dict[str, set[str]] = {}
    for s in graph.statements:
        neighbours.setdefault(s.subject, set()).add(s.object)
        neighbours.setdefault(s.object, set()).add(s.subject)
    seen, queue = {focus_id: 0}, deque([focus_id])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for nxt in sorted(neighbours.get(node, ())):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return subgraph(graph, seen)


def to_networkx(graph: Graph, *, node_ids=None) -> nx.MultiDiGraph:
    """A MultiDiGraph: one node per entity (its fields as attributes, `aliases` a list), one edge per statement
    keyed by statement id, with predicate, qualifiers, confidence, rule and evidence lists (docs, lines, quotes)."""
    if node_ids is not None:
        graph = subgraph(graph, node_ids)
    g = nx.MultiDiGraph()
    for eid, e in graph.entities.items():
        g.add_node(eid, **e.to_dict())
    for s in graph.statements:
        ev = sorted(set(s.evidence))
        g.add_edge(s.subject, s.object, key=s.id, statement_id=s.id, predicate=s.predicate,
                   **dict(sorted(s.qualifiers.items())), confidence=round(s.confidence, 3), rule=s.rule,
                   docs=[e.doc for e in ev], lines=[e.line for e in ev], quotes=[e.quote for e in ev])
    return g


def flatten(value):
    """A value that GraphML/GEXF/CSV cells can hold: lists become '; '-joined strings."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value
