"""Remote SPARQL: binding by VALUES, push over SPARQL Update and the Graph Store Protocol, and canned queries run
on a real Virtuoso (virtuoso-t on 127.0.0.1 with a temporary database) giving the same rows as the local stores."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner
from rdflib import Graph as RDFGraph

from migkg.cli import main
from migkg.graph.errors import BackendUnavailable, QueryError
from migkg.graph.output import load_graph
from migkg.graph.sparql_endpoint import bind_values, outer_group_start, push, select, values_block
from migkg.queries import catalog
from migkg.queries.run import coerce_params, normalise, rdf_store, run_endpoint, run_sparql

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
NAMES = catalog.names()


# --- binding without a server -------------------------------------------------------------------------------------

def test_values_block_serialises_terms():
    assert values_block({"b": "x", "a": 5}) == 'VALUES (?a ?b) { ("5"^^<http://www.w3.org/2001/XMLSchema#integer> "x") }'
    hostile = 'x" ) } DROP GRAPH <g> # \\ \n'
    block = values_block({"v": hostile})
    parsed = RDFGraph().query("SELECT ?v WHERE { " + block + " }")
    assert [str(r[0]) for r in parsed] == [hostile]  # the value comes back intact: it stayed data


def test_values_go_into_the_outer_where_group():
    q = ('PREFIX mk: <https://w3id.org/migkg/ns#>\n# a { comment\nSELECT ?a (CONCAT("{", ?b) AS ?c)\n'
         'WHERE { ?x mk:id ?a . { SELECT ?b WHERE { ?y mk:id ?b } } }')
    at = outer_group_start(q)
    assert q[:at].endswith("WHERE {")
    bound = bind_values(q, {"a": "state:MEX"})
    assert 'WHERE {\n  VALUES (?a) { ("state:MEX") }' in bound
    assert bind_values(q, {}) == q
    with pytest.raises(QueryError):
        outer_group_start("SELECT ?a")


def test_canned_queries_with_values_equal_init_bindings(sample_build):
    """The remote binding (VALUES) gives the local binding's rows, checked on rdflib without a server."""
    rdf = rdf_store(sample_build, "memory")
    for name in NAMES:
        q = catalog.get(name)
        params = coerce_params(q, q.example)
        local = run_sparql(q, params, rdf)
        remote = run_sparql(q, {}, rdf, text=bind_values(q.sparql, params))
        assert normalise(remote[1], q.columns) == normalise(local[1], q.columns), name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_endpoint_is_one_clear_error():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(BackendUnavailable, match="is unreachable"):
        select(url, "SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(BackendUnavailable, match="not an http"):
        select("ftp://example.org/sparql", "SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(BackendUnavailable, match="must not hold a user"):
        select("http://u:secret@127.0.0.1:1/sparql", "SELECT * WHERE { ?s ?p ?o }")
    r = CliRunner().invoke(main, ["push", "sparql", "--endpoint", url, "--out", "tests/fixtures/sample_build"])
    assert r.exit_code == 1 and r.output.startswith("Error: ") and "unreachable" in r.output
    assert len(r.output.strip().splitlines()) == 1


# --- a real Virtuoso ----------------------------------------------------------------------------------------------

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {d}
MaxQueryExecutionTime = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def wait_for(url: str, proc, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"virtuoso-t did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """virtuoso-t on 127.0.0.1 with a fresh database; SPARQL Update granted to the anonymous SPARQL user."""
    if VIRTUOSO is None or ISQL is None:
        pytest.skip("virtuoso-t / isql-vt not installed (Debian package virtuoso-opensource-7-bin)")
    d = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http}"
    try:
        wait_for(base + "/sparql", proc)
        subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, timeout=30, capture_output=True)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


SAMPLE_GRAPH = "https://w3id.org/migkg/test/sample"
BUNDLED_GRAPH = "https://w3id.org/migkg/test/bundled"


def count(base, graph_iri) -> int:
    _, rows = select(base + "/sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph_iri=graph_iri)
    return int(rows[0]["n"])


@pytest.fixture(scope="module")
def pushed(virtuoso, sample_build, bundled_build):
    """The sample pushed over SPARQL Update (by the CLI), the bundled build over the Graph Store Protocol."""
    r = CliRunner().invoke(main, ["push", "sparql", "--endpoint", virtuoso + "/sparql", "--graph", SAMPLE_GRAPH,
                                  "--batch-size", "100", "--out", str(sample_build)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Pushed ") and "22 statements" in r.output
    push(load_graph(bundled_build), virtuoso + "/sparql-graph-crud", graph_iri=BUNDLED_GRAPH, protocol="gsp",
         batch_size=5000)
    return virtuoso


@pytest.mark.virtuoso
def test_push_loads_every_triple_and_replaces(pushed, sample_build, bundled_build):
    assert count(pushed, SAMPLE_GRAPH) == len(rdf_store(sample_build, "memory"))
    assert count(pushed, BUNDLED_GRAPH) == len(rdf_store(bundled_build, "memory"))
    # pushing again replaces the graph rather than adding to it, over either protocol
    push(load_graph(sample_build), pushed + "/sparql", graph_iri=SAMPLE_GRAPH)
    push(load_graph(sample_build), pushed + "/sparql-graph-crud", graph_iri=SAMPLE_GRAPH, protocol="gsp",
         batch_size=50)
    assert count(pushed, SAMPLE_GRAPH) == len(rdf_store(sample_build, "memory"))


@pytest.mark.virtuoso
@pytest.mark.parametrize("name", NAMES)
def test_remote_rows_equal_local_rows_sample(pushed, sample_build, name):
    from test_queries import SAMPLE_PARAMS

    q = catalog.get(name)
    params = coerce_params(q, SAMPLE_PARAMS.get(name, q.example))
    local = run_sparql(q, params, rdf_store(sample_build, "memory"))
    remote = run_endpoint(q, params, {"url": pushed + "/sparql", "graph": SAMPLE_GRAPH})
    assert remote[0] == local[0]
    assert normalise(remote[1], q.columns) == normalise(local[1], q.columns) != []


@pytest.mark.virtuoso
@pytest.mark.parametrize("name", NAMES)
def test_remote_rows_equal_local_rows_bundled(pushed, bundled_build, name):
    q = catalog.get(name)
    params = coerce_params(q, q.example)
    local = run_sparql(q, params, rdf_store(bundled_build, "oxigraph"))
    remote = run_endpoint(q, params, {"url": pushed + "/sparql", "graph": BUNDLED_GRAPH})
    assert normalise(remote[1], q.columns) == normalise(local[1], q.columns) != []


@pytest.mark.virtuoso
def test_query_cli_on_the_endpoint(pushed, sample_build):
    args = ["query", "partners", "-p", "actor=org:iom", "--format", "json", "--out", str(sample_build)]
    remote = CliRunner().invoke(main, args + ["--engine", "endpoint", "--endpoint", pushed + "/sparql",
                                              "--graph", SAMPLE_GRAPH])
    local = CliRunner().invoke(main, args)
    assert remote.exit_code == 0, remote.output
    key = lambda rows: sorted(json.dumps(r, sort_keys=True) for r in rows)
    norm = lambda rows: key([{k: sorted(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows])
    assert norm(json.loads(remote.output)) == norm(json.loads(local.output))
    adhoc = CliRunner().invoke(main, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--endpoint",
                                      pushed + "/sparql", "--graph", SAMPLE_GRAPH, "--format", "json"])
    assert adhoc.exit_code == 0 and json.loads(adhoc.output)[0]["n"] > 0
    refused = CliRunner().invoke(main, ["sparql", f"DROP GRAPH <{SAMPLE_GRAPH}>", "--endpoint", pushed + "/sparql"])
    assert refused.exit_code == 1 and "not updates" in refused.output


@pytest.mark.virtuoso
@pytest.mark.parametrize("hostile", ['x" ) } DROP GRAPH <https://w3id.org/migkg/test/sample> #',
                                     "'}) DETACH DELETE n //", 'state:MEX" } } ; CLEAR ALL #', "\\\"\n}"])
def test_hostile_remote_parameters_match_nothing_and_change_nothing(pushed, hostile):
    before = count(pushed, SAMPLE_GRAPH), count(pushed, BUNDLED_GRAPH)
    for name in ("partners", "members", "corridors", "document_statements", "shortest_path"):
        q = catalog.get(name)
        _, rows = run_endpoint(q, {k: hostile for k in q.params}, {"url": pushed + "/sparql", "graph": SAMPLE_GRAPH})
        assert rows == [], name
    assert (count(pushed, SAMPLE_GRAPH), count(pushed, BUNDLED_GRAPH)) == before


@pytest.mark.virtuoso
def test_authenticated_push(pushed, sample_build, monkeypatch):
    """Digest authentication on /sparql-auth; the password comes from the environment and never shows."""
    graph = "https://w3id.org/migkg/test/auth"
    monkeypatch.setenv("MIGKG_TEST_PW", "dba")
    r = CliRunner().invoke(main, ["push", "sparql", "--endpoint", pushed + "/sparql-auth", "--graph", graph,
                                  "--user", "dba", "--password-env", "MIGKG_TEST_PW", "--out", str(sample_build)])
    assert r.exit_code == 0, r.output
    assert count(pushed, graph) == len(rdf_store(sample_build, "memory"))
    monkeypatch.setenv("MIGKG_TEST_PW", "wrong-secret")
    r = CliRunner().invoke(main, ["push", "sparql", "--endpoint", pushed + "/sparql-auth", "--graph", graph,
                                  "--user", "dba", "--password-env", "MIGKG_TEST_PW", "--out", str(sample_build)])
    assert r.exit_code == 1 and "refused access" in r.output and "wrong-secret" not in r.output
    r = CliRunner().invoke(main, ["push", "sparql", "--endpoint", pushed + "/sparql-auth", "--user", "dba",
                                  "--password-env", "MIGKG_UNSET_VAR", "--out", str(sample_build)])
    assert r.exit_code == 1 and "MIGKG_UNSET_VAR is not set" in r.output
