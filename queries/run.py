"""Run canned (and ad hoc) queries on SPARQL and Cypher engines, with typed, bound parameters.

Engines: `sparql` (rdflib in memory, or Oxigraph with store="oxigraph"), `cypher` (the build's Ladybug database,
opened read-only), `neo4j` (a running server, through the official driver) and `endpoint` (a remote SPARQL 1.1
endpoint). Parameter values are always bound: rdflib `initBindings`, pyoxigraph substitutions, Cypher `$params`;
remote endpoints get a `VALUES` block of RDF terms serialised by rdflib (see graph/sparql_endpoint.py).

Every runner returns (columns, rows): the header's columns, rows as dicts of plain Python values (lists for list
columns, entity ids for nodes). `normalise` makes rows from different engines comparable.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path

from migkg.graph.errors import BackendUnavailable, QueryError

from .catalog import LIST_SEPARATOR, CannedQuery, get

ENGINES = ("sparql", "cypher", "neo4j", "endpoint")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")


# --- parameters -------------------------------------------------------------------------------------------------

def coerce_params(q: CannedQuery, params: dict) -> dict:
    """Check names against the header and convert each value to its declared type (string, int, date)."""
    unknown = sorted(set(params) - set(q.params))
    if unknown:
        known = ", ".join(f"{k} ({t})" for k, t in q.params.items()) or "none"
        raise QueryError(f"query {q.name!r}: unknown parameter {unknown[0]!r}; parameters: {known}")
    missing = [k for k in q.params if k not in params]
    if missing:
        raise QueryError(f"query {q.name!r}: missing parameter {missing[0]!r} ({q.params[missing[0]]}); "
                         f"give it with -p {missing[0]}=VALUE")
    return {k: coerce(q.name, k, q.params[k], params[k]) for k in q.params}


def coerce(query: str, name: str, kind: str, value):
    if kind == "int":
        if isinstance(value, bool):
            raise QueryError(f"query {query!r}: parameter {name!r} must be an integer, got {value!r}")
        try:
            return int(str(value).strip(), 10)
        except ValueError:
            raise QueryError(f"query {query!r}: parameter {name!r} must be an integer, got {value!r}") from None
    text = str(value)
    if kind == "date":
        text = text.strip()
        if not _DATE.match(text) or not _valid_date(text):
            raise QueryError(f"query {query!r}: parameter {name!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD, "
                             f"got {value!r}")
    return text


def _valid_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def parse_param_args(pairs) -> dict[str, str]:
    """`-p key=value` options -> {key: value}; the value may contain '=' and be empty."""
    out = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"-p {pair!r}: expected key=value")
        out[key.strip()] = value
    return out


# --- values -----------------------------------------------------------------------------------------------------

def rdf_value(term):
    """An rdflib term as plain Python: IRIs as text, literals as their Python value (decimals as float)."""
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Literal) or not isinstance(value, (str, int, float, bool)):
            return str(term)
        return value
    return str(term)


def sparql_rows(q: CannedQuery | None, variables: list[str], solutions) -> tuple[list[str], list[dict]]:
    """Solutions (dicts of rdflib terms by variable name) -> rows with the declared columns; lists split."""
    columns = list(q.columns) if q else list(variables)
    lists = set(q.lists) if q else set()
    rows = []
    for sol in solutions:
        row = {}
        for c in columns:
            value = rdf_value(sol.get(c))
            if c in lists:
                value = [] if value in (None, "") else str(value).split(LIST_SEPARATOR)
            row[c] = value
        rows.append(row)
    return columns, rows


def graph_value(value):
    """A Cypher result value as plain Python; a node (a property dict with an id) becomes its id."""
    if isinstance(value, dict):
        return value.get("id") if "id" in value else {k: graph_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [graph_value(v) for v in value]
    return value


def cypher_rows(q: CannedQuery | None, columns: list[str], rows: list[list]) -> tuple[list[str], list[dict]]:
    out = [{c: graph_value(v) for c, v in zip(columns, r)} for r in rows]
    if q is None:
        return columns, out
    missing = [c for c in q.columns if c not in columns]
    if missing:
        raise QueryError(f"query {q.name!r}: the Cypher returned no column {missing[0]!r}")
    return list(q.columns), [{c: r[c] for c in q.columns} for r in out]


def normalise(rows: list[dict], columns: list[str] | None = None) -> list[tuple[str, ...]]:
    """The form in which answers of different engines are compared: every value a string (None -> "",
    booleans "true"/"false", numbers rounded to 6 decimals without a trailing ".0", nodes -> their id),
    lists sorted and joined with " | ", rows as tuples in column order, sorted."""
    columns = columns or (list(rows[0]) if rows else [])
    return sorted(tuple(_norm(r.get(c)) for c in columns) for r in rows)


def _norm(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, Decimal)):
        f = float(v)
        if math.isfinite(f) and f == int(f):
            return str(int(f))
        return repr(round(f, 6))
    if isinstance(v, dict):
        return _norm(v.get("id")) if "id" in v else repr(sorted((k, _norm(x)) for k, x in v.items()))
    if isinstance(v, (list, tuple)):
        return " | ".join(sorted(_norm(x) for x in v))
    return str(v)


# --- stores -----------------------------------------------------------------------------------------------------

_RDF_CACHE: dict = {}


def _stamp(out_dir: Path) -> tuple:
    files = [out_dir / n for n in ("entities.jsonl", "statements.jsonl", "manifest.json")]
    return tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


def rdf_store(out_dir, store: str = "memory"):
    """The build's RDF in an rdflib graph (memory or Oxigraph), cached per directory, store and file stamps."""
    from migkg.graph.output import load_graph
    from migkg.graph.rdf import open_store

    out = Path(out_dir).absolute()
    key = (str(out), store)
    stamp = _stamp(out)
    cached = _RDF_CACHE.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    g = open_store(load_graph(out), store)
    _RDF_CACHE[key] = (stamp, g)
    return g


def ladybug_path(out_dir) -> Path:
    from migkg.graph.build import LADYBUG_DB

    return Path(out_dir) / LADYBUG_DB


# --- runners ----------------------------------------------------------------------------------------------------

def run_sparql(q: CannedQuery | None, params: dict, rdf, text: str | None = None) -> tuple[list[str], list[dict]]:
    """Run a canned query's SPARQL (or an ad hoc `text`) on an rdflib graph with `initBindings`.
    Only queries are accepted: an update is a syntax error."""
    from rdflib import Literal

    text = text if text is not None else q.sparql
    if _looks_like_update(text):
        raise QueryError("SPARQL: only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed here, not updates")
    bindings = {k: Literal(v) for k, v in params.items()}
    try:
        result = rdf.query(text, initBindings=bindings)
    except QueryError:
        raise
    except Exception as e:  # rdflib's parser raises pyparsing errors; Oxigraph SyntaxError/OSError
        raise QueryError(f"SPARQL: {type(e).__name__}: {' '.join(str(e).split())[:300]}") from None
    if result.type == "ASK":
        return ["ask"], [{"ask": bool(result.askAnswer)}]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        cols = ["subject", "predicate", "object"]
        return cols, [dict(zip(cols, (rdf_value(t) for t in triple))) for triple in result]
    variables = [str(v) for v in result.vars]
    solutions = ({str(k): v for k, v in zip(result.vars, row)} for row in result)
    return sparql_rows(q, variables, solutions)


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


def _looks_like_update(text: str) -> bool:
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    return bool(_UPDATE.match(body))


def run_cypher(q: CannedQuery | None, params: dict, db, text: str | None = None) -> tuple[list[str], list[dict]]:
    """Run a canned query's Cypher (or an ad hoc `text`) on Ladybug: a database path or an open LadybugDB."""
    from migkg.graph.ladybug_store import run_cypher as ladybug_cypher

    columns, rows = ladybug_cypher(db, text if text is not None else q.cypher, params)
    return cypher_rows(q, columns, rows)


def run_neo4j(q: CannedQuery | None, params: dict, neo4j: dict, text: str | None = None):
    """Run the Cypher on a Neo4j server. `neo4j`: {uri, user, password, database}."""
    from migkg.graph.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j.get("uri") or "bolt://localhost:7687", neo4j.get("user") or "neo4j",
                    neo4j.get("password") or "", neo4j.get("database")) as store:
        columns, rows = store.run(text if text is not None else q.cypher, params)
    return cypher_rows(q, columns, rows)


def run_endpoint(q: CannedQuery | None, params: dict, endpoint: dict, text: str | None = None):
    """Run the SPARQL on a remote endpoint. `endpoint`: {url, user, password, graph (default-graph-uri)}."""
    from migkg.graph.sparql_endpoint import select

    text = text if text is not None else q.sparql
    if _looks_like_update(text):
        raise QueryError("SPARQL: only queries are allowed here, not updates")
    variables, solutions = select(endpoint["url"], text, params, user=endpoint.get("user"),
                                  password=endpoint.get("password"), graph_iri=endpoint.get("graph"))
    return sparql_rows(q, variables, solutions)


def run_query(name: str, params: dict | None = None, *, engine: str = "sparql", out_dir="migkg-out",
              store: str = "memory", endpoint: dict | None = None, neo4j: dict | None = None,
              ) -> tuple[list[str], list[dict]]:
    """Run the canned query `name` with `params` (strings or typed values) on `engine`."""
    q = get(name)
    values = coerce_params(q, dict(params or {}))
    if engine == "sparql":
        return run_sparql(q, values, rdf_store(out_dir, store))
    if engine == "cypher":
        return run_cypher(q, values, ladybug_path(out_dir))
    if engine == "neo4j":
        return run_neo4j(q, values, neo4j or {})
    if engine == "endpoint":
        if not endpoint or not endpoint.get("url"):
            raise BackendUnavailable("--engine endpoint needs --endpoint URL")
        return run_endpoint(q, values, endpoint)
    raise QueryError(f"--engine: unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
