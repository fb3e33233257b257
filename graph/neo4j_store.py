"""Neo4j projection: the Cypher the writer sends, a store that pushes with the official driver, and a bulk bundle.

Labels, relationship types and property names follow the shared property-graph conventions (the same as Ladybug),
so one canned Cypher text runs on both. Every data value travels as a parameter; the only words formatted into
Cypher text are labels and types, and those come from the contract vocabulary, never from data.
"""
from __future__ import annotations

import csv
import io
import math
import re
import shlex
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NamedTuple
from urllib.parse import urlsplit

from .errors import BackendUnavailable, ContractError, QueryError
from .model import ENTITY_TYPES, PREDICATES, Entity, Statement
from .output import Graph, atomic_dir

NODE_PROPERTIES = ("label", "kind", "aliases", "iso3", "acronym", "wikidata", "country", "date", "place")
STRING_QUALIFIERS = ("role", "status", "date", "start", "end", "as_of", "place", "title", "flow", "currency",
                     "support", "act", "context", "purpose", "shared_with", "pairing")
EVIDENCE_PROPERTIES = ("docs", "lines", "starts", "ends", "quotes")
REL_PROPERTIES = ("statement_id",) + STRING_QUALIFIERS + (
    "amount", "direction_inferred", "confidence", "rule") + EVIDENCE_PROPERTIES
PROPERTY_KEYS = tuple(dict.fromkeys(("id",) + NODE_PROPERTIES + REL_PROPERTIES))

DEFAULT_BATCH_SIZE = 500
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


# --- vocabulary -> Cypher names ---------------------------------------------------------------------------------

def node_label(entity_type: str) -> str:
    """The node label of an entity type; only contract types pass, so no data value reaches Cypher text."""
    if entity_type not in ENTITY_TYPES or not _IDENTIFIER.match(entity_type):
        raise ContractError(f"entity type {entity_type!r} is not in the contract vocabulary {list(ENTITY_TYPES)}")
    return entity_type


def rel_type(predicate: str) -> str:
    """The relationship type of a predicate (upper-cased contract name)."""
    if predicate not in PREDICATES or not _IDENTIFIER.match(predicate):
        raise ContractError(f"predicate {predicate!r} is not in the contract vocabulary")
    return predicate.upper()


def cypher_schema() -> dict:
    """Labels, relationship types and property keys of the projection, in the shape of a linter's DbSchema."""
    return {"labels": [node_label(t) for t in ENTITY_TYPES],
            "relationshipTypes": [rel_type(p) for p in PREDICATES],
            "propertyKeys": list(PROPERTY_KEYS)}


# --- rows -------------------------------------------------------------------------------------------------------

def node_props(entity: Entity) -> dict:
    """Node properties (without the key `id`); absent fields are null so a re-push also clears them."""
    props = {k: getattr(entity, k) for k in NODE_PROPERTIES}
    props["aliases"] = entity.to_dict()["aliases"]
    return props


def rel_props(st: Statement) -> dict:
    """Relationship properties (without the key `statement_id`): qualifiers, provenance and evidence lists."""
    q = st.qualifiers
    props = {k: (None if q.get(k) is None else str(q[k])) for k in STRING_QUALIFIERS}
    amount = q.get("amount")
    try:
        props["amount"] = None if amount is None else float(amount)
    except (TypeError, ValueError):
        raise ContractError(f"statement {st.id}: qualifier amount={amount!r} is not a number") from None
    inferred = q.get("direction_inferred")
    props["direction_inferred"] = None if inferred is None else inferred in (True, "true", "True", 1)
    props["confidence"] = float(st.confidence)
    props["rule"] = st.rule or None
    evidence = sorted(set(st.evidence))
    props["docs"] = [e.doc for e in evidence]
    props["lines"] = [int(e.line) for e in evidence]
    props["starts"] = [int(e.start) for e in evidence]
    props["ends"] = [int(e.end) for e in evidence]
    props["quotes"] = [e.quote for e in evidence]
    return props


def node_rows(graph: Graph) -> dict[str, list[dict]]:
    """Rows per node label, in id order."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for eid in sorted(graph.entities):
        e = graph.entities[eid]
        rows[node_label(e.type)].append({"id": e.id, "props": node_props(e)})
    return dict(sorted(rows.items()))


def rel_rows(graph: Graph) -> dict[tuple[str, str, str], list[dict]]:
    """Rows per (relationship type, subject label, object label), so each statement text names concrete labels."""
    rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for st in sorted(graph.statements, key=lambda s: s.id):
        ends = [graph.entities.get(st.subject), graph.entities.get(st.object)]
        if None in ends:
            missing = st.subject if ends[0] is None else st.object
            raise ContractError(f"statement {st.id}: {missing} is not in entities.jsonl")
        key = (rel_type(st.predicate), node_label(ends[0].type), node_label(ends[1].type))
        rows[key].append({"s": st.subject, "o": st.object, "statement_id": st.id, "props": rel_props(st)})
    return dict(sorted(rows.items()))


# --- the Cypher the writer sends --------------------------------------------------------------------------------

class WriterStatement(NamedTuple):
    cypher: str
    params: dict
    rows: int  # data rows in this batch (0 for schema statements), for progress


def schema_statements() -> list[str]:
    """Uniqueness constraints on every node label's id, then an index on every relationship type's statement_id."""
    out = [f"CREATE CONSTRAINT {node_label(t).lower()}_id IF NOT EXISTS "
           f"FOR (n:{node_label(t)}) REQUIRE n.id IS UNIQUE" for t in ENTITY_TYPES]
    out += [f"CREATE INDEX {p}_statement_id IF NOT EXISTS "
            f"FOR ()-[r:{rel_type(p)}]-() ON (r.statement_id)" for p in PREDICATES]
    return out


def node_merge(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{node_label(label)} {{id: row.id}}) SET n += row.props"


def rel_merge(rtype: str, subject_label: str, object_label: str) -> str:
    if rtype.lower() not in PREDICATES:
        raise ContractError(f"relationship type {rtype!r} is not in the contract vocabulary")
    # `MATCH (a:L) WHERE a.id = …` plans like `(a:L {id: …})` (unique-constraint seek); the linter misreads the
    # latter's `row.s` as a node property key.
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{node_label(subject_label)}) WHERE a.id = row.s "
            f"MATCH (b:{node_label(object_label)}) WHERE b.id = row.o "
            f"MERGE (a)-[r:{rel_type(rtype.lower())} {{statement_id: row.statement_id}}]->(b) "
            f"SET r += row.props")


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def writer_statements(graph: Graph, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[WriterStatement]:
    """Everything a push sends, in order: schema, node batches, relationship batches (MERGE keys: ids)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    nodes, rels = node_rows(graph), rel_rows(graph)  # validate everything before the first statement is sent
    for cypher in schema_statements():
        yield WriterStatement(cypher, {}, 0)
    for label, rows in nodes.items():
        for batch in _batches(rows, batch_size):
            yield WriterStatement(node_merge(label), {"rows": batch}, len(batch))
    for (rtype, s_label, o_label), rows in rels.items():
        for batch in _batches(rows, batch_size):
            yield WriterStatement(rel_merge(rtype, s_label, o_label), {"rows": batch}, len(batch))


# --- the store --------------------------------------------------------------------------------------------------

def redact_uri(uri: str) -> str:
    """The URI without any user:password@ part, for messages (split by hand: a password may hold '#' or '/')."""
    head, q, query = uri.partition("?")
    if "@" not in head:
        return uri
    scheme, sep, rest = head.partition("://")
    if not sep:
        scheme, rest = "", head
    return scheme + sep + rest.rpartition("@")[2] + q + query


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> None:
    """Accept only Bolt URIs without credentials in them (the password comes from --password-env)."""
    shown = redact_uri(uri)
    has_userinfo = "@" in uri.partition("?")[0]
    try:
        parts = urlsplit(shown)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        raise BackendUnavailable(f"--uri {shown!r} is not a Neo4j URI") from None
    if parts.scheme not in BOLT_SCHEMES or not parts.hostname or parts.fragment:
        raise BackendUnavailable(f"--uri {shown!r} is not a Neo4j URI: use one of "
                                 f"{', '.join(s + '://HOST:7687' for s in ('bolt', 'neo4j'))} "
                                 f"(or the +s/+ssc variants)")
    if has_userinfo:
        raise BackendUnavailable(f"--uri {shown!r} must not hold a user or password: use --user and --password-env")


def _quiet_driver_logging() -> None:
    """The driver logs connection failures as warnings; without a handler Python would print them to stderr."""
    import logging

    logger = logging.getLogger("neo4j")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


class Neo4jStore:
    """A Neo4j database reached with the official driver. Use as a context manager, or call close()."""

    def __init__(self, uri: str, user: str, password: str, database: str | None = None):
        import neo4j

        self.uri, self.user, self.database = uri, user, database
        self._password = password or ""
        self.shown_uri = redact_uri(uri)
        self._verified = False
        check_uri(uri)
        _quiet_driver_logging()
        with self._errors("connecting"):
            try:
                self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10.0)
            except (neo4j.exceptions.ConfigurationError, ValueError) as e:
                raise BackendUnavailable(f"--uri {self.shown_uri!r} is not a Neo4j URI: {self._clean(e)}") from None

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    def _clean(self, e: BaseException) -> str:
        """One line of an exception's message, with the password (should a server echo it) masked."""
        from neo4j.exceptions import Neo4jError

        if isinstance(e, Neo4jError):
            text = e.message or str(e)
        else:  # driver errors: args[0] is the specific text, str() may be a generic GQL status line
            text = str(e.args[0]) if e.args else str(e)
        text = text or type(e).__name__
        line = " ".join(text.split())
        if self._password:
            line = line.replace(self._password, "***")
        return line[:300]

    @contextmanager
    def _errors(self, doing: str, query_errors: bool = False):
        """Map driver exceptions to BackendUnavailable (server, credentials) or QueryError (the query)."""
        from neo4j import exceptions as ne

        where = f"Neo4j at {self.shown_uri}" + (f" (database {self.database!r})" if self.database else "")
        try:
            yield
        except (BackendUnavailable, QueryError):
            raise
        except ne.AuthError as e:
            raise BackendUnavailable(f"{where} refused the credentials of user {self.user!r} "
                                     f"while {doing}: {self._clean(e)}") from None
        except (ne.ServiceUnavailable, ne.SessionExpired, OSError) as e:
            raise BackendUnavailable(f"{where} is unreachable while {doing}: {self._clean(e)}") from None
        except (ValueError, TypeError) as e:
            if query_errors:  # after verify(): the driver could not encode a parameter
                raise QueryError(f"{where}: bad query parameter: {self._clean(e)}") from None
            raise BackendUnavailable(f"{where} is unreachable while {doing}: {self._clean(e)}") from None
        except ne.DriverError as e:
            raise BackendUnavailable(f"{where} failed while {doing}: {self._clean(e)}") from None
        except ne.Neo4jError as e:
            code = getattr(e, "code", None) or type(e).__name__
            if query_errors and isinstance(e, ne.ClientError):
                raise QueryError(f"{where} rejected the query: {code}: {self._clean(e)}") from None
            raise BackendUnavailable(f"{where} failed while {doing}: {code}: {self._clean(e)}") from None

    def _session(self):
        return self._driver.session(database=self.database) if self.database else self._driver.session()

    def verify(self) -> None:
        """Connect and authenticate once, so a bad address or password fails before any write."""
        if self._verified:
            return
        with self._errors("connecting"):
            kw = {"database": self.database} if self.database else {}
            self._driver.verify_connectivity(**kw)
        self._verified = True

    def push(self, graph: Graph, batch_size: int = DEFAULT_BATCH_SIZE,
             progress: Callable[[int], None] | None = None) -> dict:
        """Write the graph: constraints, then batched MERGEs. Idempotent. Returns the server's change counters."""
        statements = list(writer_statements(graph, batch_size))  # contract errors surface before connecting
        self.verify()
        totals = {"nodes_created": 0, "relationships_created": 0, "properties_set": 0,
                  "constraints_added": 0, "indexes_added": 0, "statements_sent": 0}
        with self._errors("writing"), self._session() as session:
            for st in statements:
                counters = session.execute_write(_run_and_count, st.cypher, st.params)
                for key in totals:
                    totals[key] += getattr(counters, key, 0) if key != "statements_sent" else 1
                if progress is not None and st.rows:
                    progress(st.rows)
        totals["entities"], totals["statements"] = len(graph.entities), len(graph.statements)
        return totals

    def run(self, query: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        """Run a read query with bound parameters; return column names and rows of plain Python values."""
        self.verify()  # a dead server fails at once instead of after the driver's retries
        with self._errors("querying", query_errors=True), self._session() as session:
            return session.execute_read(_run_and_fetch, query, dict(params or {}))

    def counts(self) -> dict:
        """Node count per label and relationship count per type (to check that a second push changes nothing)."""
        out = {}
        for label in cypher_schema()["labels"]:
            _, rows = self.run(f"MATCH (n:{node_label(label)}) RETURN count(n) AS c")
            out[label] = rows[0][0]
        for predicate in PREDICATES:
            _, rows = self.run(f"MATCH ()-[r:{rel_type(predicate)}]->() RETURN count(r) AS c")
            out[rel_type(predicate)] = rows[0][0]
        return out


def _run_and_count(tx, cypher: str, params: dict):
    return tx.run(cypher, params).consume().counters


def _run_and_fetch(tx, query: str, params: dict):
    result = tx.run(query, params)
    columns = list(result.keys())
    return columns, [[_plain(v) for v in record.values()] for record in result]


def _plain(value):
    """Driver values as JSON-friendly Python: nodes/relationships as property dicts, temporals as ISO text."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, (Node, Relationship)):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


# --- cypher-shell script ----------------------------------------------------------------------------------------

_CYPHER_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_literal(value) -> str:
    """A Cypher literal for a parameter value (used only inside `:param`, never in a statement)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ContractError(f"{value!r} cannot be written as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in _CYPHER_ESCAPES:
                out.append(_CYPHER_ESCAPES[ch])
            elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            key = k if _IDENTIFIER.match(k) else "`" + k.replace("`", "``") + "`"
            items.append(f"{key}: {cypher_literal(v)}")
        return "{" + ", ".join(items) + "}"
    raise ContractError(f"cannot write a {type(value).__name__} as a Cypher literal")


def cypher_shell_script(graph: Graph, batch_size: int = DEFAULT_BATCH_SIZE) -> str:
    """A cypher-shell script: the writer's statements, each batch's rows set first with `:param rows => [...]`."""
    lines = ["// migkg graph for cypher-shell (Neo4j 5): cypher-shell -a URI -u USER -f load.cypher",
             "// Data is bound with :param; the statements below are the same parameterised MERGEs `migkg push neo4j`"
             " sends.", ""]
    for st in writer_statements(graph, batch_size):
        if "rows" in st.params:
            lines.append(f":param rows => {cypher_literal(st.params['rows'])};")
        lines.append(st.cypher + ";")
    return "\n".join(lines) + "\n"


# --- neo4j-admin bulk import bundle -----------------------------------------------------------------------------

ARRAY_DELIMITER = "\u001f"  # ASCII unit separator: cannot occur in cleaned text, unlike ';' or '|'
ARRAY_DELIMITER_ARG = "U+001F"
NODE_HEADER = ["id:ID", "label", "kind", "aliases:string[]", "iso3", "acronym", "wikidata", "country", "date",
               "place", ":LABEL"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "statement_id", *STRING_QUALIFIERS, "amount:double",
              "direction_inferred:boolean", "confidence:double", "rule", "docs:string[]", "lines:long[]",
              "starts:long[]", "ends:long[]", "quotes:string[]"]


def _csv_cell(value, where: str) -> str | None:
    """One CSV cell in neo4j-admin's syntax; None (and an empty list) is an empty unquoted cell: no property."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if not value:
            return None
        return ARRAY_DELIMITER.join(_csv_cell(v, where) for v in value)
    text = repr(value) if isinstance(value, float) else str(value)
    if ARRAY_DELIMITER in text:
        raise ContractError(f"{where}: a value holds the control character U+001F, which the bundle reserves")
    return text


def _csv_text(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def import_files(graph: Graph) -> dict[str, str]:
    """File name -> CSV text for neo4j-admin: one node file per label, one relationship file per type."""
    files = {}
    for label, rows in node_rows(graph).items():
        body = [[_csv_cell(r["id"], r["id"])] + [_csv_cell(r["props"][k], r["id"]) for k in NODE_PROPERTIES]
                + [label] for r in rows]
        files[f"nodes_{label}.csv"] = _csv_text(NODE_HEADER, body)
    by_type: dict[str, list] = defaultdict(list)
    for (rtype, _, _), rows in rel_rows(graph).items():
        for r in rows:
            props = r["props"]
            by_type[rtype].append([r["s"], r["o"], rtype, r["statement_id"]]
                                  + [_csv_cell(props[k], r["statement_id"]) for k in REL_PROPERTIES[1:]])
    for rtype, rows in sorted(by_type.items()):
        rows.sort(key=lambda row: row[3])
        files[f"rels_{rtype}.csv"] = _csv_text(REL_HEADER, rows)
    return files


def import_command(file_names: list[str], database: str = "neo4j") -> list[str]:
    """The neo4j-admin (Neo4j 5) argv for a full import of the bundle into `database` (database name first)."""
    argv = ["neo4j-admin", "database", "import", "full", database]
    argv += [f"--nodes={n}" for n in file_names if n.startswith("nodes_")]
    argv += [f"--relationships={n}" for n in file_names if n.startswith("rels_")]
    argv += [f"--array-delimiter={ARRAY_DELIMITER_ARG}", "--multiline-fields=true", "--overwrite-destination=true"]
    return argv


def _import_sh(file_names: list[str]) -> str:
    argv = import_command(file_names, "DATABASE")
    args = " \\\n  ".join(shlex.quote(a) for a in argv[5:])
    return f"""#!/bin/sh
# Bulk-load this bundle into an offline Neo4j 5 database (replacing it), then create the constraints.
# Usage: sh import.sh [DATABASE]       (default: neo4j; set NEO4J_ADMIN to the neo4j-admin binary if not on PATH)
# Stop the database first (or use a database that does not exist yet); afterwards start it and run
#   cypher-shell -d DATABASE -f schema.cypher
set -eu
cd "$(dirname "$0")"
DATABASE="${{1:-neo4j}}"
"${{NEO4J_ADMIN:-neo4j-admin}}" database import full "$DATABASE" \\
  {args}
"""


def _readme(graph: Graph, file_names: list[str]) -> str:
    listing = "\n".join(f"  {n}" for n in file_names)
    command = " ".join(shlex.quote(a) for a in import_command(file_names))
    return f"""migkg graph for Neo4j: {len(graph.entities)} entities (nodes), {len(graph.statements)} statements \
(relationships).

Labels are entity types, relationship types are the predicates upper-cased (MEMBER_OF, CHAIRS, ...); property
names follow the migkg property-graph conventions, so the canned Cypher queries run unchanged.

Two ways to load it:

1. Bulk import with neo4j-admin (fast; the target database must be offline, and is replaced):

     {command}

   import.sh runs exactly this (sh import.sh [DATABASE]). Then start the database and create the uniqueness
   constraints and indexes with: cypher-shell -d neo4j -f schema.cypher
   CSV notes: comma-separated, RFC 4180 quoting (a double quote inside a field is doubled), UTF-8, header on the
   first line of each file. Array properties (aliases, docs, lines, starts, ends, quotes) separate their
   elements with the control character U+001F, hence --array-delimiter=U+001F (';' and '|' occur in quotes).
   Evidence quotes may span lines, hence --multiline-fields=true. An empty cell means the property is absent
   (an empty alias list is not stored at all).

2. cypher-shell into a running database (any edition; safe to repeat, MERGE on id and statement_id):

     cypher-shell -a neo4j://HOST:7687 -u USER -d DATABASE -f load.cypher

   load.cypher holds the same parameterised statements `migkg push neo4j` sends; each batch's rows are bound
   first with `:param rows => [...]`, so no data value is written into a Cypher statement.

Files:
{listing}
"""


def write_import_bundle(graph: Graph, directory, batch_size: int = DEFAULT_BATCH_SIZE) -> Path:
    """Write the neo4j-admin CSV bundle, import.sh, schema.cypher, load.cypher and README.txt (atomically)."""
    csv_files = import_files(graph)
    names = list(csv_files)
    texts = dict(csv_files)
    texts["schema.cypher"] = "".join(s + ";\n" for s in schema_statements())
    texts["load.cypher"] = cypher_shell_script(graph, batch_size)
    texts["import.sh"] = _import_sh(names)
    texts["README.txt"] = _readme(graph, names)
    target = Path(directory)
    with atomic_dir(target) as tmp:
        for name, text in texts.items():
            (tmp / name).write_text(text, encoding="utf-8", newline="")
        (tmp / "import.sh").chmod(0o755)
    return target
