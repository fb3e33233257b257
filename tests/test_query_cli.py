"""`migkg queries`, `migkg query`, `migkg sparql`, `migkg cypher`, `migkg ladybug` through click's CliRunner."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from migkg.cli import main
from migkg.queries import catalog
from migkg.queries.run import run_query


@pytest.fixture(scope="module")
def out(sample_build, tmp_path_factory):
    """A copy of the sample build with its Ladybug database, made by `migkg ladybug`."""
    out = tmp_path_factory.mktemp("cli") / "out"
    shutil.copytree(sample_build, out)
    r = CliRunner().invoke(main, ["ladybug", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "Wrote" in r.output and (out / "graph.lbdb").exists()
    return out


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def error_line(r) -> str:
    assert r.exit_code != 0
    assert "Traceback" not in r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1, r.output
    return lines[0]


def test_queries_lists_every_query_with_parameters():
    r = run("queries", "--format", "json")
    assert r.exit_code == 0, r.output
    listed = json.loads(r.output)
    assert [q["name"] for q in listed] == catalog.names()
    partners = next(q for q in listed if q["name"] == "partners")
    assert partners["params"] == "actor: entity" and partners["description"].startswith("Partners of an actor")
    assert partners["example"] == "-p actor=org:iom"
    table = run("queries")
    assert table.exit_code == 0 and "members_at" in table.output and "date: date" in table.output


@pytest.mark.parametrize("engine", [["--engine", "sparql"], ["--engine", "sparql", "--store", "oxigraph"],
                                    ["--engine", "cypher"]])
def test_query_runs_on_each_engine(out, engine):
    r = run("query", "partners", "-p", "actor=org:iom", "--out", out, "--format", "json", *engine)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {(row["partner"], row["link"]) for row in rows} == {("org:unitar", "partners_with"),
                                                                ("org:unitar", "member_of")}
    assert all(isinstance(row["docs"], list) and row["docs"] for row in rows)


def test_query_formats(out):
    r = run("query", "funders", "--out", out, "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert rows == [{"funder": "state:BRA", "funder_label": "Brazil", "funded": "event:gfmd-2010",
                     "funded_label": "Fourth Meeting of the Global Forum on Migration and Development",
                     "amount": "50000.0", "currency": "USD", "support": "financial", "status": "actual",
                     "docs": "000_1c002d2b4943b699"}]
    table = run("query", "members_at", "-p", "body=process:gfmd-steering-group", "-p", "date=2010", "--out", out)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split()[:2] == ["member", "member_label"]
    assert "state:FRA" in table.output and "state:BRA" in table.output


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "Error: unknown query 'nope'; known: agreements"),
    (["query", "members_at", "-p", "body=x"], "Error: query 'members_at': missing parameter 'date'"),
    (["query", "members_at", "-p", "body=x", "-p", "date=2010-13"], "must be a date"),
    (["query", "funders", "-p", "x=1"], "Error: query 'funders': unknown parameter 'x'"),
    (["query", "funders", "-p", "novalue"], "Error: -p 'novalue': expected key=value"),
    (["sparql", "SELECT ?s WHERE { ?s ?p "], "Error: SPARQL:"),
    (["sparql", "DROP GRAPH <https://w3id.org/migkg/graph>"], "not updates"),
    (["sparql", "PREFIX mk: <https://w3id.org/migkg/ns#>\nINSERT DATA { mk:a mk:b mk:c }"], "not updates"),
    (["sparql", "DELETE WHERE { ?s ?p ?o }"], "not updates"),
    (["cypher", "MATCH (n) RETRN n"], "Error: Cypher on Ladybug: Parser exception"),
    (["cypher", "MATCH (n) DETACH DELETE n"], "read-only"),
    (["query", "funders", "--engine", "endpoint"], "needs --endpoint URL"),
])
def test_errors_are_one_clear_line(out, args, message):
    r = run(*args, "--out", out)
    assert message in error_line(r)


def test_missing_build_and_database(tmp_path, sample_build):
    assert "no entities.jsonl here" in error_line(run("query", "funders", "--out", tmp_path / "none"))
    copy = tmp_path / "copy"
    shutil.copytree(sample_build, copy)
    assert "no Ladybug database here" in error_line(run("query", "funders", "--engine", "cypher", "--out", copy))


def test_ad_hoc_queries(out, tmp_path):
    r = run("sparql", "PREFIX mk: <https://w3id.org/migkg/ns#> SELECT ?id WHERE { ?s a mk:State ; mk:id ?id } "
                      "ORDER BY ?id", "--out", out, "--format", "json")
    assert r.exit_code == 0, r.output
    assert [row["id"] for row in json.loads(r.output)][:2] == ["state:BRA", "state:ESP"]
    f = tmp_path / "q.cypher"
    f.write_text("MATCH (n:State) RETURN n.id AS id ORDER BY id LIMIT 2", encoding="utf-8")
    r = run("cypher", f, "--out", out, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [{"id": "state:BRA"}, {"id": "state:ESP"}]
    r = run("sparql", "ASK { ?s ?p ?o }", "--out", out, "--format", "json")
    assert json.loads(r.output) == [{"ask": True}]


@pytest.mark.parametrize("hostile", ["x' OR '1'='1", "'}) MATCH (n) DETACH DELETE n //",
                                     "\"} } DROP GRAPH <https://w3id.org/migkg/graph> #"])
def test_hostile_parameters_match_nothing_and_change_nothing(out, hostile):
    def sizes():
        r1 = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--out", out, "--format", "json")
        r2 = run("cypher", "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r",
                 "--out", out, "--format", "json")
        return json.loads(r1.output), json.loads(r2.output)

    before = sizes()
    for engine, store in (("sparql", "memory"), ("sparql", "oxigraph"), ("cypher", "memory")):
        # the runner binds the values as they are (the CLI would first look an entity name up in the build)
        for name, key in (("partners", "actor"), ("members", "body"), ("document_statements", "doc")):
            assert run_query(name, {key: hostile}, engine=engine, store=store, out_dir=out)[1] == []
        r = run("query", "partners", "-p", f"actor={hostile}", "--out", out, "--engine", engine, "--store", store)
        assert "no entity named" in error_line(r)
        r = run("query", "document_statements", "-p", f"doc={hostile}", "--out", out, "--engine", engine,
                "--store", store, "--format", "json")
        assert r.exit_code == 0 and json.loads(r.output) == []
    assert sizes() == before


def test_entity_parameters_take_names_aliases_and_acronyms(out):
    by_id = run("query", "partners", "-p", "actor=org:iom", "--out", out, "--format", "json")
    for name in ("IOM", "International Organization for Migration", "iom"):
        r = run("query", "partners", "-p", f"actor={name}", "--out", out, "--format", "json")
        assert r.exit_code == 0 and r.output == by_id.output
    assert "-p actor: no entity named 'Atlantis'" in error_line(run("query", "partners", "-p", "actor=Atlantis",
                                                                      "--out", out))


def test_viz_draws_the_entities_of_the_result(out, tmp_path):
    pytest.importorskip("migkg.viz.html")
    page = tmp_path / "result.html"
    r = run("query", "partners", "-p", "actor=org:iom", "--out", out, "--viz", page)
    assert r.exit_code == 0, r.output
    html = page.read_text(encoding="utf-8")
    assert "org:unitar" in html and "org:gmg" in html
    assert "state:JPN" not in html  # only the entities named in the result
