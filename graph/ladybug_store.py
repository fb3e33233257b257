"""Ladybug projection: the build as an embedded property graph that answers the canned Cypher.

Labels, relationship types and property names are the shared property-graph conventions (the same as Neo4j,
see graph/neo4j_store.py), so one Cypher text runs on both. The schema is generated from the contract: a node
table per entity type and a relationship table per predicate connecting every entity type to every entity type
(Ladybug needs the FROM/TO pairs declared; declaring all of them keeps ad hoc patterns valid whatever the data).
Data is loaded with batched `UNWIND $rows` statements: every value travels as a parameter.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import BackendUnavailable, ContractError, QueryError
from .model import ENTITY_TYPES, PREDICATES
from .neo4j_store import NODE_PROPERTIES, STRING_QUALIFIERS, node_label, node_props, rel_props, rel_type
from .output import Graph

# Column types of every node table (`id` is the primary key) and every relationship table.
NODE_COLUMNS = {"id": "STRING", **{k: "STRING[]" if k == "aliases" else "STRING" for k in NODE_PROPERTIES}}
REL_COLUMNS = {
    "statement_id": "STRING", **{k: "STRING" for k in STRING_QUALIFIERS},
    "amount": "DOUBLE", "direction_inferred": "BOOLEAN", "confidence": "DOUBLE", "rule": "STRING",
    "docs": "STRING[]", "lines": "INT64[]", "starts": "INT64[]", "ends": "INT64[]", "quotes": "STRING[]",
}
BATCH_SIZE = 2000


def _buffer_pool() -> int:
    """4 GiB, or less on a small machine. Ladybug's default (80% of memory) makes every open slower; much less
    than 4 GiB is too little for three-hop variable-length patterns around the hubs of a build."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0  # Ladybug's default
    return min(4 << 30, int(total * 0.6))


BUFFER_POOL = _buffer_pool()


def schema_ddl(graph: Graph | None = None) -> list[str]:
    """CREATE statements: one node table per entity type, one relationship table per predicate.

    The schema depends only on the contract vocabulary (`graph` is accepted so callers need not care), which
    keeps every label and type of the Neo4j projection valid in Ladybug even when the data has none of it."""
    node_cols = ", ".join(f"`{k}` {t}" for k, t in NODE_COLUMNS.items())
    out = [f"CREATE NODE TABLE {node_label(t)}({node_cols}, PRIMARY KEY (id))" for t in ENTITY_TYPES]
    pairs = ", ".join(f"FROM {a} TO {b}" for a in ENTITY_TYPES for b in ENTITY_TYPES)
    rel_cols = ", ".join(f"`{k}` {t}" for k, t in REL_COLUMNS.items())
    out += [f"CREATE REL TABLE {rel_type(p)}({pairs}, {rel_cols})" for p in PREDICATES]
    return out


def _typed(name: str, columns: dict) -> str:
    # A batch whose values are all null (or all empty lists) has no type of its own; the cast gives it the column's.
    return f"CAST(row.`{name}` AS {columns[name]})"


def _node_insert(label: str) -> str:
    props = ", ".join(f"`{k}`: {_typed(k, NODE_COLUMNS)}" for k in NODE_COLUMNS)
    return f"UNWIND $rows AS row CREATE (n:{node_label(label)} {{{props}}})"


def _rel_insert(predicate: str, s_label: str, o_label: str) -> str:
    props = ", ".join(f"`{k}`: {_typed(k, REL_COLUMNS)}" for k in REL_COLUMNS)
    return (f"UNWIND $rows AS row MATCH (a:{node_label(s_label)} {{id: row.s}}), (b:{node_label(o_label)} {{id: row.o}}) "
            f"CREATE (a)-[r:{rel_type(predicate)} {{{props}}}]->(b)")


def _batches(rows: list, size: int = BATCH_SIZE):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def load_rows(graph: Graph) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """Node rows per label and relationship rows per (predicate, subject label, object label), in id order."""
    nodes: dict[str, list[dict]] = {}
    for eid in sorted(graph.entities):
        e = graph.entities[eid]
        nodes.setdefault(e.type, []).append({"id": e.id, **node_props(e)})
    rels: dict[tuple[str, str, str], list[dict]] = {}
    for st in sorted(graph.statements, key=lambda s: s.id):
        ends = graph.entities.get(st.subject), graph.entities.get(st.object)
        if None in ends:
            missing = st.subject if ends[0] is None else st.object
            raise ContractError(f"statement {st.id}: {missing} is not in entities.jsonl")
        rels.setdefault((st.predicate, ends[0].type, ends[1].type), []).append(
            {"s": st.subject, "o": st.object, "statement_id": st.id, **rel_props(st)})
    return nodes, rels


def _ladybug():
    try:
        import ladybug
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise BackendUnavailable(f"ladybug is not installed ({e}); pip install ladybug") from None
    return ladybug


def write_db(graph: Graph, db_path) -> Path:
    """Write the graph as a Ladybug database at `db_path`, built in a temporary sibling and renamed into place."""
    lb = _ladybug()
    target = Path(db_path).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    nodes, rels = load_rows(graph)  # contract errors surface before anything is written
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    tmp = tmp_dir / target.name
    try:
        db = lb.Database(str(tmp), buffer_pool_size=BUFFER_POOL)
        conn = lb.Connection(db)
        try:
            for ddl in schema_ddl(graph):
                conn.execute(ddl)
            for label, rows in sorted(nodes.items()):
                for batch in _batches(rows):
                    conn.execute(_node_insert(label), {"rows": batch})
            for (predicate, s_label, o_label), rows in sorted(rels.items()):
                for batch in _batches(rows):
                    conn.execute(_rel_insert(predicate, s_label, o_label), {"rows": batch})
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
            db.close()
        leftovers = [p for p in tmp_dir.iterdir() if p.name != target.name]
        if leftovers:  # a write-ahead log that was not folded in would be lost by the rename below
            raise ContractError(f"{target}: Ladybug left {leftovers[0].name} after checkpoint")
        if target.is_dir():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return target


class LadybugDB:
    """An open database and one connection to it (keeps the Database alive as long as the connection)."""

    def __init__(self, db_path, read_only: bool = True):
        lb = _ladybug()
        path = Path(db_path)
        if not path.exists():
            raise BackendUnavailable(f"{path}: no Ladybug database here; run 'migkg ladybug --out {path.parent}' "
                                     f"(or 'migkg build') first")
        try:
            self.db = lb.Database(str(path), read_only=read_only, buffer_pool_size=BUFFER_POOL)
            self.conn = lb.Connection(self.db)
        except RuntimeError as e:
            raise BackendUnavailable(f"{path}: cannot open the Ladybug database ({_first_line(e)})") from None
        self.path, self.read_only = path, read_only

    def execute(self, query: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        try:
            result = self.conn.execute(query, dict(params or {}))
            columns = result.get_column_names()
            rows = [list(r) for r in result.get_all()]
        except RuntimeError as e:
            raise QueryError(f"Cypher on Ladybug: {_first_line(e)}") from None
        return columns, rows

    def close(self) -> None:
        self.conn.close()
        self.db.close()

    def __enter__(self) -> "LadybugDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0][:300] if text else type(e).__name__


def open_db(db_path, read_only: bool = True) -> LadybugDB:
    """Open a database written by write_db; read-only by default (ad hoc queries cannot change it)."""
    return LadybugDB(db_path, read_only=read_only)


def run_cypher(db, query: str, params: dict | None = None) -> tuple[list[str], list[list]]:
    """Run `query` with bound `params` on a database path or an open LadybugDB; return (columns, rows).
    Node and relationship values come back as their property dicts."""
    if isinstance(db, LadybugDB):
        columns, rows = db.execute(query, params)
    else:
        with open_db(db) as opened:
            columns, rows = opened.execute(query, params)
    return columns, [[plain(v) for v in row] for row in rows]


def plain(value):
    """Ladybug values as plain Python: nodes as their property dict (internal `_`-keys dropped), paths as lists."""
    if isinstance(value, dict):
        if "_nodes" in value and "_rels" in value:  # a path
            return [plain(n) for n in value["_nodes"]]
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
