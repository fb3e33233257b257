"""Neo4j projection: parameterised writer statements, MERGE idempotence, the bulk bundle, push errors, and (when
MIGKG_NEO4J_URI is set) a real push plus every canned query against a live server."""
from __future__ import annotations

import csv
import json
import os
import re
import socket
import struct
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from migkg.cli.neo4j import push_neo4j
from migkg.graph import neo4j_store as ns
from migkg.graph.errors import BackendUnavailable, ContractError
from migkg.graph.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Statement
from migkg.graph.output import Graph, load_graph

SAMPLE = Path(__file__).parent / "fixtures" / "sample_build"
QUERIES = Path(__file__).parent.parent / "queries"
PASSWORD = "pw-Zq8#not-to-be-shown"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(SAMPLE)


def data_values(graph: Graph) -> set[str]:
    """Every string value in the data (ids, names, qualifiers, quotes), to look for in Cypher text."""
    values = set()
    for e in graph.entities.values():
        values |= {v for v in (e.id, e.label, e.kind, e.iso3, e.acronym, e.wikidata, e.country, e.date, e.place) if v}
        values |= set(e.aliases)
    for st in graph.statements:
        values |= {st.id, st.rule} | {str(v) for v in st.qualifiers.values()}
        values |= {ev.quote for ev in st.evidence} | {ev.doc for ev in st.evidence}
    return {v for v in values if len(v) > 3}


def hostile_graph() -> Graph:
    label = "x'}) DETACH DELETE n //"
    quote = "*/ MATCH (n) DETACH DELETE n; // \"quoted\" \\ back\nslash $rows `tick`"
    entities = {
        "state:AAA": Entity("state:AAA", "State", label, "state", aliases=["a;b|c", "$rows"], iso3="AAA"),
        "org:b'}]->()": Entity("org:b'}]->()", "Organization", "B `}` ]", "igo"),
    }
    st = Statement("state:AAA", "member_of", "org:b'}]->()", {"role": "member') RETURN 1 //"},
                   [Evidence("doc-1", 3, 10, 20, quote)], 0.9, "rule'x")
    return Graph(entities, [st], {"contract_version": 1})


# --- writer statements ------------------------------------------------------------------------------------------

def test_statement_order_schema_then_nodes_then_relationships(graph):
    sts = list(ns.writer_statements(graph))
    kinds = ["schema" if s.cypher.startswith("CREATE ") else "node" if "MERGE (n:" in s.cypher else "rel"
             for s in sts]
    assert kinds == sorted(kinds, key=["schema", "node", "rel"].index)
    constraints = [s.cypher for s in sts if s.cypher.startswith("CREATE CONSTRAINT")]
    assert len(constraints) == len(ENTITY_TYPES)
    for t in ENTITY_TYPES:
        assert f"CREATE CONSTRAINT {t.lower()}_id IF NOT EXISTS FOR (n:{t}) REQUIRE n.id IS UNIQUE" in constraints
    assert sum(s.rows for s in sts if "MERGE (n:" in s.cypher) == len(graph.entities)
    assert sum(s.rows for s in sts if "MERGE (a)-" in s.cypher) == len(graph.statements)


def test_every_value_is_a_parameter(graph):
    values = data_values(graph)
    assert "Philippines" in values or "state:MEX" in values  # the probe set is real
    for st in ns.writer_statements(graph):
        assert set(st.params) <= {"rows"}
        # whole words only: "member" (a role) is part of the schema name member_of_statement_id, not a leak
        leaked = [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", st.cypher)]
        assert not leaked, (st.cypher, leaked)
        assert re.fullmatch(r"[A-Za-z0-9_ :()\[\]{}.$=+>\-]+", st.cypher), st.cypher


def test_hostile_values_stay_in_parameters():
    g = hostile_graph()
    sts = list(ns.writer_statements(g))
    for st in sts:
        for bad in ("DETACH", "RETURN 1", "'", "`", "//", "*/", "b'}"):
            assert bad not in st.cypher, (bad, st.cypher)
    rows = [r for st in sts for r in st.params.get("rows", [])]
    assert {"state:AAA", "org:b'}]->()"} <= {r.get("id") for r in rows}
    rel = next(r for r in rows if "statement_id" in r)
    assert rel["props"]["quotes"] == [g.statements[0].evidence[0].quote]
    assert rel["props"]["role"] == "member') RETURN 1 //"


@pytest.mark.parametrize("bad", ["State) DETACH DELETE (n", "state", "Statement"])
def test_labels_come_only_from_the_vocabulary(bad):
    g = Graph({"x:1": Entity("x:1", bad, "X", "k")}, [], {})
    with pytest.raises(ContractError, match="not in the contract vocabulary"):
        list(ns.writer_statements(g))


@pytest.mark.parametrize("bad", ["chairs]->() DETACH DELETE a //", "CHAIRS", "knows"])
def test_relationship_types_come_only_from_the_vocabulary(graph, bad):
    st = Statement("state:MEX", bad, "process:gfmd", {}, [], 0.9, "r")
    g = Graph(graph.entities, [st], {})
    with pytest.raises(ContractError, match="not in the contract vocabulary"):
        list(ns.writer_statements(g))


def test_statement_with_unknown_entity_is_a_contract_error(graph):
    g = Graph(graph.entities, [Statement("state:MEX", "chairs", "event:nowhere", {}, [], 0.9, "r")], {})
    with pytest.raises(ContractError, match="event:nowhere is not in entities.jsonl"):
        list(ns.writer_statements(g))


def test_relationship_rows_have_concrete_labels_per_end(graph):
    for st in ns.writer_statements(graph):
        m = re.match(r"UNWIND \$rows AS row MATCH \(a:(\w+)\) WHERE a.id = row.s MATCH \(b:(\w+)\) WHERE "
                     r"b.id = row.o MERGE \(a\)-\[r:(\w+) \{statement_id: row.statement_id\}\]->\(b\) "
                     r"SET r \+= row.props\Z", st.cypher)
        if not m:
            continue
        s_label, o_label, rtype = m.groups()
        assert rtype.lower() in PREDICATES
        for row in st.params["rows"]:
            assert graph.entities[row["s"]].type == s_label and graph.entities[row["o"]].type == o_label


def test_property_values_follow_the_shared_conventions(graph):
    rows = {r.get("statement_id") or r["id"]: r for st in ns.writer_statements(graph)
            for r in st.params.get("rows", [])}
    for st in graph.statements:
        props = rows[st.id]["props"]
        assert set(props) == set(ns.REL_PROPERTIES) - {"statement_id"}
        ev = sorted(set(st.evidence))
        assert props["docs"] == [e.doc for e in ev] and props["lines"] == [e.line for e in ev]
        assert props["starts"] == [e.start for e in ev] and props["ends"] == [e.end for e in ev]
        assert props["quotes"] == [e.quote for e in ev]
        assert props["confidence"] == pytest.approx(st.confidence)
        for q in ns.STRING_QUALIFIERS:
            assert props[q] == (str(st.qualifiers[q]) if q in st.qualifiers else None)
        if "amount" in st.qualifiers:
            assert isinstance(props["amount"], float)
        if "direction_inferred" in st.qualifiers:
            assert props["direction_inferred"] is st.qualifiers["direction_inferred"]
    for e in graph.entities.values():
        props = rows[e.id]["props"]
        assert set(props) == set(ns.NODE_PROPERTIES) and isinstance(props["aliases"], list)
        assert props["iso3"] == e.iso3  # None (null) when absent, so a re-push clears a removed field


def apply_merges(statements, store):
    """Execute the writer's MERGE statements on a dict the way Neo4j would: find-or-create on the MERGE key."""
    node_re = re.compile(r"UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row.id\}\) SET n \+= row.props\Z")
    rel_re = re.compile(r".* MERGE \(a\)-\[r:(\w+) \{statement_id: row.statement_id\}\]->\(b\) SET r \+= row.props\Z")
    created = 0
    for st in statements:
        if st.cypher.startswith("CREATE "):
            continue
        if m := node_re.match(st.cypher):
            for row in st.params["rows"]:
                key = (m.group(1), row["id"])
                created += key not in store
                store.setdefault(key, {"id": row["id"]}).update(row["props"])
        elif m := rel_re.match(st.cypher):
            for row in st.params["rows"]:
                key = (row["s"], m.group(1), row["o"], row["statement_id"])
                created += key not in store
                store.setdefault(key, {"statement_id": row["statement_id"]}).update(row["props"])
        else:
            raise AssertionError(f"unexpected statement shape: {st.cypher}")
    return created


def test_merge_design_is_idempotent(graph):
    store: dict = {}
    first = apply_merges(ns.writer_statements(graph), store)
    snapshot = json.dumps(sorted((repr(k), v) for k, v in store.items()), sort_keys=True)
    second = apply_merges(ns.writer_statements(graph, batch_size=3), store)
    assert first == len(graph.entities) + len(graph.statements)  # MERGE keys are unique: nothing collapses
    assert second == 0
    assert json.dumps(sorted((repr(k), v) for k, v in store.items()), sort_keys=True) == snapshot


def test_batches_respect_batch_size(graph):
    sts = [s for s in ns.writer_statements(graph, batch_size=2) if s.rows]
    assert max(len(s.params["rows"]) for s in sts) == 2
    assert sum(s.rows for s in sts) == len(graph.entities) + len(graph.statements)
    with pytest.raises(ValueError):
        list(ns.writer_statements(graph, batch_size=0))


# --- cypher-shell literals --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, literal", [
    (None, "null"), (True, "true"), (False, "false"), (3, "3"), (2.5, "2.5"), ([], "[]"),
    ("it's", r"'it\'s'"), ("a\\b", r"'a\\b'"), ("l1\nl2\r\t", r"'l1\nl2\r\t'"), ("\x01", r"'\u0001'"),
    ("Julián", "'Julián'"), ({"id": "x", "odd key": [1]}, "{id: 'x', `odd key`: [1]}"),
])
def test_cypher_literal(value, literal):
    assert ns.cypher_literal(value) == literal


def test_cypher_literal_rejects_non_finite_numbers():
    with pytest.raises(ContractError):
        ns.cypher_literal(float("nan"))


def test_cypher_shell_script_binds_rows_before_each_batch(graph):
    script = ns.cypher_shell_script(graph, batch_size=4)
    lines = [ln for ln in script.splitlines() if ln and not ln.startswith("//")]
    sts = list(ns.writer_statements(graph, batch_size=4))
    assert [ln for ln in lines if not ln.startswith(":param")] == [s.cypher + ";" for s in sts]
    for i, ln in enumerate(lines):
        if ln.startswith("UNWIND"):
            assert lines[i - 1].startswith(":param rows => [")


# --- bulk import bundle -----------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split_array(cell: str) -> list[str]:
    return cell.split(ns.ARRAY_DELIMITER) if cell else []


def test_import_bundle(graph, tmp_path):
    out = ns.write_import_bundle(graph, tmp_path / "neo4j")
    names = sorted(p.name for p in out.iterdir())
    labels = sorted({e.type for e in graph.entities.values()})
    types = sorted({s.predicate.upper() for s in graph.statements})
    assert names == sorted([f"nodes_{x}.csv" for x in labels] + [f"rels_{x}.csv" for x in types]
                           + ["README.txt", "import.sh", "load.cypher", "schema.cypher"])
    nodes = {}
    for label in labels:
        path = out / f"nodes_{label}.csv"
        assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(ns.NODE_HEADER)
        for row in read_csv(path):
            assert row[":LABEL"] == label
            nodes[row["id:ID"]] = row
    assert set(nodes) == set(graph.entities)
    for eid, e in graph.entities.items():
        assert nodes[eid]["label"] == e.label and nodes[eid]["iso3"] == (e.iso3 or "")
        assert split_array(nodes[eid]["aliases:string[]"]) == e.to_dict()["aliases"]
    rels = {}
    for rtype in types:
        path = out / f"rels_{rtype}.csv"
        assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(ns.REL_HEADER)
        for row in read_csv(path):
            assert row[":TYPE"] == rtype
            rels[row["statement_id"]] = row
    assert len(rels) == len(graph.statements)
    for st in graph.statements:
        row, ev = rels[st.id], sorted(set(st.evidence))
        assert (row[":START_ID"], row[":END_ID"]) == (st.subject, st.object)
        assert row[":TYPE"] == st.predicate.upper()
        assert split_array(row["quotes:string[]"]) == [e.quote for e in ev]
        assert [int(x) for x in split_array(row["lines:long[]"])] == [e.line for e in ev]
        assert float(row["confidence:double"]) == pytest.approx(st.confidence)
        assert row["role"] == st.qualifiers.get("role", "")


def test_import_script_and_readme(graph, tmp_path):
    out = ns.write_import_bundle(graph, tmp_path / "neo4j")
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert os.access(out / "import.sh", os.X_OK)
    assert '"${NEO4J_ADMIN:-neo4j-admin}" database import full "$DATABASE" \\' in script
    for p in out.glob("*.csv"):
        flag = "--nodes" if p.name.startswith("nodes_") else "--relationships"
        assert f"{flag}={p.name}" in script
    assert "--array-delimiter=U+001F" in script and "--overwrite-destination=true" in script
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j --nodes=" in readme
    assert "cypher-shell" in readme and "load.cypher" in readme and "schema.cypher" in readme
    assert (out / "schema.cypher").read_text(encoding="utf-8").count("CREATE CONSTRAINT") == len(ENTITY_TYPES)


def test_import_bundle_quotes_and_arrays_round_trip(tmp_path):
    g = hostile_graph()
    out = ns.write_import_bundle(g, tmp_path / "neo4j")
    (row,) = read_csv(out / "rels_MEMBER_OF.csv")
    assert split_array(row["quotes:string[]"]) == [g.statements[0].evidence[0].quote]
    node = read_csv(out / "nodes_State.csv")[0]
    assert split_array(node["aliases:string[]"]) == ["$rows", "a;b|c"]
    assert "DETACH" not in "".join(ln for ln in (out / "load.cypher").read_text().splitlines()
                                   if not ln.startswith(":param"))


def test_import_bundle_is_atomic(graph, tmp_path):
    target = tmp_path / "neo4j"
    ns.write_import_bundle(graph, target)
    before = sorted(p.name for p in target.iterdir())
    g = hostile_graph()
    g.entities["state:AAA"].label = "bad\x1fvalue"
    with pytest.raises(ContractError, match="U\\+001F"):
        ns.write_import_bundle(g, target)
    assert sorted(p.name for p in target.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["neo4j"]


# --- push errors (no server needed) -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def push(*args, env=None):
    env = {"NEO4J_PASSWORD": PASSWORD} if env is None else env
    return CliRunner().invoke(push_neo4j, ["--out", str(SAMPLE), *args], env=env)


def assert_one_error_line(result, *fragments):
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert PASSWORD not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_push_to_unreachable_server(scheme):
    uri = f"{scheme}://127.0.0.1:{free_port()}"
    assert_one_error_line(push("--uri", uri), uri, "unreachable")


@pytest.mark.parametrize("uri, fragment", [
    ("http://127.0.0.1:7474", "is not a Neo4j URI"),
    ("nonsense", "is not a Neo4j URI"),
    (f"bolt://neo4j:{PASSWORD}@127.0.0.1:7687", "must not hold a user or password"),
])
def test_push_with_malformed_uri(uri, fragment):
    assert_one_error_line(push("--uri", uri), "--uri", fragment)


def test_push_without_password_variable():
    assert_one_error_line(push("--password-env", "MIGKG_TEST_NO_SUCH_VAR", env={}), "MIGKG_TEST_NO_SUCH_VAR")


def test_push_with_missing_build(tmp_path):
    result = CliRunner().invoke(push_neo4j, ["--out", str(tmp_path / "nothing")], env={"NEO4J_PASSWORD": PASSWORD})
    assert_one_error_line(result, "entities.jsonl")


def _packstream_str(s: str) -> bytes:
    b = s.encode()
    return (bytes([0x80 + len(b)]) if len(b) < 16 else bytes([0xD0, len(b)])) + b


class FakeBoltServer:
    """Just enough Bolt 5.0 to answer HELLO with an authentication FAILURE, like a server with a wrong password."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    self._handle(conn)
                except OSError:
                    pass

    @staticmethod
    def _handle(conn):
        conn.settimeout(5)
        handshake = b""
        while len(handshake) < 20:
            chunk = conn.recv(20 - len(handshake))
            if not chunk:
                return
            handshake += chunk
        assert handshake[:4] == b"\x60\x60\xb0\x17"
        conn.sendall(b"\x00\x00\x00\x05")  # agree on Bolt 5.0: credentials travel in HELLO
        message = b""
        while not message.endswith(b"\x00\x00"):  # HELLO, chunked, ends with a zero chunk
            chunk = conn.recv(65536)
            if not chunk:
                return
            message += chunk
        failure = (b"\xb1\x7f\xa2" + _packstream_str("code") + _packstream_str("Neo.ClientError.Security.Unauthorized")
                   + _packstream_str("message")
                   + _packstream_str("The client is unauthorized due to authentication failure."))
        conn.sendall(struct.pack(">H", len(failure)) + failure + b"\x00\x00")
        while conn.recv(65536):
            pass

    def close(self):
        self.sock.close()


def test_push_with_bad_credentials():
    server = FakeBoltServer()
    try:
        result = push("--uri", f"bolt://127.0.0.1:{server.port}", "--user", "alice")
    finally:
        server.close()
    assert_one_error_line(result, "refused the credentials of user 'alice'", "unauthorized")


class RecordingDriver:
    """Stands in for neo4j.Driver to check what push() sends, in which order, and how it adds up the counters."""

    def __init__(self):
        self.sent, self.sessions = [], []

    def verify_connectivity(self, **kw):
        self.verified = kw

    def session(self, **kw):
        self.sessions.append(kw)
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, fn, *args):
        return fn(self, *args)

    def run(self, cypher, params):
        from types import SimpleNamespace

        self.sent.append((cypher, params))
        created = len(params.get("rows", []))
        counters = SimpleNamespace(nodes_created=created if "MERGE (n:" in cypher else 0,
                                   relationships_created=created if "MERGE (a)-" in cypher else 0,
                                   properties_set=0, constraints_added=int("CONSTRAINT" in cypher),
                                   indexes_added=int("CREATE INDEX" in cypher))
        return SimpleNamespace(consume=lambda: SimpleNamespace(counters=counters))

    def close(self):
        pass


def test_push_sends_the_writer_statements_with_progress(graph):
    store = ns.Neo4jStore("bolt://127.0.0.1:7687", "neo4j", PASSWORD, database="migkg")
    store._driver.close()
    store._driver = RecordingDriver()
    done = []
    result = store.push(graph, batch_size=4, progress=done.append)
    expected = list(ns.writer_statements(graph, batch_size=4))
    assert store._driver.sent == [(s.cypher, s.params) for s in expected]
    assert store._driver.sessions == [{"database": "migkg"}] and store._driver.verified == {"database": "migkg"}
    assert sum(done) == len(graph.entities) + len(graph.statements) and max(done) <= 4
    assert result["nodes_created"] == len(graph.entities)
    assert result["relationships_created"] == len(graph.statements)
    assert result["constraints_added"] == len(ENTITY_TYPES) and result["statements_sent"] == len(expected)


def test_store_errors_are_backend_unavailable():
    with pytest.raises(BackendUnavailable, match="unreachable"):
        with ns.Neo4jStore(f"bolt://127.0.0.1:{free_port()}", "neo4j", PASSWORD) as store:
            store.run("RETURN 1 AS one")


# --- against a real Neo4j (MIGKG_NEO4J_URI) ---------------------------------------------------------------------

def canned_cypher_queries() -> list[tuple[str, str, dict]]:
    """(name, text, header) for every queries/*.cypher, the header being its `//+` lines read as YAML."""
    out = []
    for path in sorted(QUERIES.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        header = "\n".join(ln[3:].strip() for ln in text.splitlines() if ln.startswith("//+"))
        out.append((path.stem, text, yaml.safe_load(header) or {}))
    return out


def _live_store_gen():
    uri = os.environ.get("MIGKG_NEO4J_URI")
    if not uri:
        pytest.skip("MIGKG_NEO4J_URI not set")
    store = ns.Neo4jStore(uri, os.environ.get("MIGKG_NEO4J_USER", "neo4j"),
                          os.environ.get("MIGKG_NEO4J_PASSWORD", ""), os.environ.get("MIGKG_NEO4J_DATABASE"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def live_store():
    yield from _live_store_gen()


@pytest.fixture(scope="module")
def pushed_store(live_store, graph):
    """The live store after two pushes of the sample, with the change counters of each push."""
    first = live_store.push(graph, batch_size=5)
    counts = live_store.counts()
    second = live_store.push(graph)
    return live_store, first, second, counts


@pytest.mark.neo4j
def test_live_push_twice_changes_nothing(pushed_store, graph):
    store, first, second, counts = pushed_store
    assert first["statements"] == len(graph.statements) and first["entities"] == len(graph.entities)
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0
    assert store.counts() == counts
    for t in ENTITY_TYPES:
        assert counts[t] >= sum(1 for e in graph.entities.values() if e.type == t)
    _, rows = store.run("MATCH (n) WHERE n.id IN $ids RETURN count(n) AS c", {"ids": sorted(graph.entities)})
    assert rows == [[len(graph.entities)]]
    _, rows = store.run("MATCH ()-[r]->() WHERE r.statement_id IN $ids RETURN count(r) AS c",
                        {"ids": [s.id for s in graph.statements]})
    assert rows == [[len(graph.statements)]]
    st = graph.statements[0]
    _, rows = store.run("MATCH ()-[r {statement_id: $sid}]->() RETURN r.quotes AS q, r.lines AS l", {"sid": st.id})
    assert rows == [[[e.quote for e in sorted(set(st.evidence))], [e.line for e in sorted(set(st.evidence))]]]


@pytest.mark.neo4j
@pytest.mark.parametrize("name, text, meta", canned_cypher_queries())
def test_live_canned_query(pushed_store, name, text, meta):
    store = pushed_store[0]
    columns, rows = store.run(text, dict(meta.get("example") or {}))
    if meta.get("columns"):
        assert columns == list(meta["columns"]), name
    assert all(len(r) == len(columns) for r in rows)


def test_live_tests_skip_with_a_reason_without_a_server(monkeypatch):
    monkeypatch.delenv("MIGKG_NEO4J_URI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="MIGKG_NEO4J_URI not set"):
        next(_live_store_gen())


def test_push_command_reports_on_stdout_and_progress_on_stderr(monkeypatch):
    real_init = ns.Neo4jStore.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self._driver.close()
        self._driver = RecordingDriver()

    monkeypatch.setattr(ns.Neo4jStore, "__init__", init)
    result = push("--batch-size", "3", "--database", "graphs")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Pushed 16 entities and 22 statements to bolt://localhost:7687 (database graphs): "
                             "16 nodes and 22 relationships created, 0 properties set.\n")
    assert "Pushing to Neo4j" in result.stderr and PASSWORD not in result.output
