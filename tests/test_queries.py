"""Canned queries: the catalogue's rules, typed parameters, normalisation, and equal answers from SPARQL (rdflib in
memory and Oxigraph) and Cypher (Ladybug) on the sample build and on the bundled build."""
from __future__ import annotations

import shutil

import pytest

from migkg.graph.errors import QueryError
from migkg.graph.ladybug_store import open_db, run_cypher as ladybug_cypher, write_db
from migkg.graph.output import load_graph
from migkg.queries import catalog
from migkg.queries.run import (coerce_params, normalise, rdf_store, run_cypher, run_query, run_sparql)

NAMES = catalog.names()
ENGINES = ("memory", "oxigraph", "ladybug")


# --- the catalogue ----------------------------------------------------------------------------------------------

def test_at_least_fifteen_pairs_covering_the_questions():
    assert len(NAMES) >= 15
    for needed in ("partners", "members", "members_at", "memberships", "shared_memberships", "cochairs",
                   "hosts_and_chairs", "agreements", "corridors", "supporters", "funders", "speaks_for",
                   "shortest_path", "most_connected", "document_statements", "planned"):
        assert needed in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_headers_are_complete(name):
    q = catalog.get(name)
    assert q.name == name and q.description and q.columns
    assert set(q.example) == set(q.params)
    assert set(q.lists) <= set(q.columns)
    assert all(t in catalog.PARAM_TYPES for t in q.params.values())
    assert catalog.cypher_params(q.cypher) == set(q.params)


def copy_queries(tmp_path, *names):
    for n in names:
        for ext in ("rq", "cypher"):
            shutil.copy(catalog.query_dir() / f"{n}.{ext}", tmp_path / f"{n}.{ext}")
    catalog.catalog.cache_clear()
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file, old, new, message", [
    ("partners.cypher", "//+ description: Partners", "//+ description: Friends", "headers differ in description"),
    ("partners.cypher", "WHERE p.id <> a.id", "WHERE p.id <> $other", "uses parameters"),
    ("partners.rq", "SELECT ?actor ?partner", "SELECT ?partner", "must be projected"),
    ("partners.rq", "#+ params: {actor: entity}", "#+ params: {actor: text}", "parameter types"),
    ("partners.cypher", "//+ params: {actor: entity}", "//+ params: {actor: text}", "parameter types"),
    ("partners.rq", "GROUP BY ?actor", "GROUP ?actor", "SPARQL syntax error"),
    ("partners.rq", "#+ name: partners", "#+ name: partner", "headers differ"),
])
def test_catalogue_rejects_broken_pairs(tmp_path, file, old, new, message):
    folder = copy_queries(tmp_path, "partners")
    edit(folder / file, old, new)
    try:
        with pytest.raises(QueryError, match=message):
            catalog.catalog(str(folder))
    finally:
        catalog.catalog.cache_clear()


def test_catalogue_rejects_a_query_without_its_twin(tmp_path):
    folder = copy_queries(tmp_path, "funders")
    (folder / "funders.cypher").unlink()
    with pytest.raises(QueryError, match="without their twin.*funders"):
        catalog.catalog(str(folder))


def test_name_must_match_the_file(tmp_path):
    folder = copy_queries(tmp_path, "funders")
    for ext in ("rq", "cypher"):
        (folder / f"funders.{ext}").rename(folder / f"money.{ext}")
    with pytest.raises(QueryError, match="differs from the file name 'money'"):
        catalog.catalog(str(folder))


def test_unknown_query_names_the_known_ones():
    with pytest.raises(QueryError, match=r"unknown query 'nope'; known: agreements, .*partners"):
        catalog.get("nope")


# --- parameters and normalisation -------------------------------------------------------------------------------

def test_parameters_are_checked_and_typed():
    q = catalog.get("members_at")
    assert coerce_params(q, {"body": "process:x", "date": " 2010-11 "}) == {"body": "process:x", "date": "2010-11"}
    with pytest.raises(QueryError, match="missing parameter 'date'"):
        coerce_params(q, {"body": "process:x"})
    with pytest.raises(QueryError, match="unknown parameter 'when'"):
        coerce_params(q, {"body": "x", "date": "2010", "when": "now"})
    for bad in ("2010-13", "10", "2010-02-30", "yesterday"):
        with pytest.raises(QueryError, match="must be a date"):
            coerce_params(q, {"body": "x", "date": bad})
    fake = catalog.CannedQuery("t", "d", {"n": "int"}, ["c"])
    assert coerce_params(fake, {"n": "42"}) == {"n": 42}
    for bad in ("4.2", "x", "", True):
        with pytest.raises(QueryError, match="must be an integer"):
            coerce_params(fake, {"n": bad})


def test_normalise():
    rows = [{"a": 50000.0, "b": ["y", "x"], "c": None, "d": True},
            {"a": 1.23456789, "b": [], "c": {"id": "state:MEX", "label": "Mexico"}, "d": False}]
    assert normalise(rows, ["a", "b", "c", "d"]) == [("1.234568", "", "state:MEX", "false"),
                                                     ("50000", "x | y", "", "true")]


# --- equal answers ----------------------------------------------------------------------------------------------

class Engines:
    """The three embedded engines over one build, opened once."""

    def __init__(self, out, db_path):
        self.rdf = {"memory": rdf_store(out, "memory"), "oxigraph": rdf_store(out, "oxigraph")}
        self.db = open_db(db_path)

    def rows(self, engine, name, params):
        q = catalog.get(name)
        values = coerce_params(q, params)
        if engine == "ladybug":
            return run_cypher(q, values, self.db)
        return run_sparql(q, values, self.rdf[engine])

    def answers(self, name, params):
        out = {}
        for engine in ENGINES:
            columns, rows = self.rows(engine, name, params)
            assert columns == catalog.get(name).columns
            out[engine] = normalise(rows, columns)
        return out


@pytest.fixture(scope="module")
def sample_engines(sample_build, tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "out"
    shutil.copytree(sample_build, out)
    write_db(load_graph(out), out / "graph.lbdb")
    engines = Engines(out, out / "graph.lbdb")
    yield engines
    engines.db.close()


@pytest.fixture(scope="module")
def bundled_engines(bundled_build):
    from migkg.graph.build import LADYBUG_DB

    engines = Engines(bundled_build, bundled_build / LADYBUG_DB)
    yield engines
    engines.db.close()


SAMPLE_PARAMS = {  # values that reach rows in the hand-written sample (the headers' examples suit the bundled build)
    "agreements": {"actor": "state:MLI"}, "corridors": {"state": "state:PHL"}, "members": {"body": "org:gmg"},
    "members_at": {"body": "process:gfmd-steering-group", "date": "2010-11"}, "memberships": {"actor": "org:iom"},
    "participants": {"event": "event:gfmd-2010-rt-1-1"}, "partners": {"actor": "org:iom"},
    "shortest_path": {"source": "state:BRA", "target": "org:iom"}, "supporters": {"process": "process:gfmd"},
    "hosts_and_chairs": {"process": "process:gfmd"}, "document_statements": {"doc": "000_1c002d2b4943b699"},
}


@pytest.mark.parametrize("name", NAMES)
def test_same_rows_on_every_engine_sample(sample_engines, name):
    answers = sample_engines.answers(name, SAMPLE_PARAMS.get(name, catalog.get(name).example))
    assert answers["memory"] == answers["oxigraph"] == answers["ladybug"], answers
    assert answers["ladybug"], f"{name}: no rows on the sample"


@pytest.mark.parametrize("name", NAMES)
def test_same_nonempty_rows_on_every_engine_bundled(bundled_engines, name):
    answers = bundled_engines.answers(name, catalog.get(name).example)
    assert answers["memory"] == answers["oxigraph"] == answers["ladybug"]
    assert answers["ladybug"], f"{name}: its example gives no rows on the bundled build"


def test_answers_are_real(sample_engines):
    """Spot checks against the sample's statements, so that equal answers are also right ones."""
    _, rows = sample_engines.rows("ladybug", "cochairs", {})
    assert [(r["chair_a"], r["chair_b"], r["chaired"]) for r in rows] == [("state:BRA", "state:FRA",
                                                                            "event:gfmd-2010-rt-1-1")]
    _, rows = sample_engines.rows("memory", "funders", {})
    assert [(r["funder"], r["amount"], r["currency"]) for r in rows] == [("state:BRA", 50000.0, "USD")]
    _, rows = sample_engines.rows("oxigraph", "shortest_path", {"source": "state:PHL", "target": "state:JPN"})
    assert rows == [{"hops": 1, "path": ["state:PHL", "state:JPN"]}]
    _, rows = sample_engines.rows("memory", "members_at", {"body": "process:gfmd-steering-group", "date": "2009"})
    # no start and no end: a membership "as of 2010" is not ruled out in 2009 (as_of does not bound it)
    assert sorted(r["member"] for r in rows) == ["state:BRA", "state:FRA"]
    _, rows = sample_engines.rows("ladybug", "planned", {})
    assert [(r["subject"], r["predicate"], r["object"], r["status"]) for r in rows] == [
        ("state:PHL", "corridor", "state:JPN", "planned")]


HOSTILE = ["x' OR '1'='1", "'}) DETACH DELETE n //", "\"} } DROP GRAPH <https://w3id.org/migkg/graph> #",
           "state:MEX\" . ?s ?p ?o } #", "') MATCH (n) DETACH DELETE n RETURN 1 AS x //", "$actor", "\\\"\n}"]


def store_sizes(engines) -> tuple:
    _, n = ladybug_cypher(engines.db, "MATCH (n) RETURN count(n)")
    _, r = ladybug_cypher(engines.db, "MATCH ()-[r]->() RETURN count(r)")
    return len(engines.rdf["memory"]), len(engines.rdf["oxigraph"]), n[0][0], r[0][0]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_parameters_match_nothing_and_change_nothing(sample_engines, hostile):
    before = store_sizes(sample_engines)
    for name in ("partners", "members", "corridors", "document_statements", "shortest_path"):
        q = catalog.get(name)
        params = {k: hostile for k in q.params}
        for engine in ENGINES:
            _, rows = sample_engines.rows(engine, name, params)
            assert rows == [], (name, engine)
    assert store_sizes(sample_engines) == before


def test_run_query_reads_a_build_directory(sample_engines, tmp_path, sample_build):
    out = tmp_path / "out"
    shutil.copytree(sample_build, out)
    with pytest.raises(Exception, match="no Ladybug database here"):
        run_query("funders", {}, engine="cypher", out_dir=out)
    write_db(load_graph(out), out / "graph.lbdb")
    a = run_query("partners", {"actor": "org:iom"}, engine="cypher", out_dir=out)
    b = run_query("partners", {"actor": "org:iom"}, engine="sparql", out_dir=out, store="oxigraph")
    assert a[0] == b[0] and normalise(a[1], a[0]) == normalise(b[1], b[0]) and a[1]
    with pytest.raises(QueryError, match="unknown engine"):
        run_query("funders", {}, engine="gremlin", out_dir=out)
