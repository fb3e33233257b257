"""`migkg viz`: focused and filtered views, the PNG, and clear errors; plus the view functions behind it."""
import json
import re

import pytest
from click.testing import CliRunner

from migkg.cli import main
from migkg.graph.errors import MigkgError
from migkg.graph.nx_graph import ego, filter_graph, to_networkx, year_span
from migkg.graph.output import load_graph
from migkg.viz.png import render_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def graph(sample_build):
    return load_graph(sample_build)


def run(sample_build, *args):
    return CliRunner().invoke(main, ["viz", "--out", str(sample_build), *args])


def shown(path):
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="migkg-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    return {n["id"] for n in data["nodes"]}, {data["statements"][e["s"]][6] for e in data["edges"]}


def test_find_by_name_alias_acronym_or_id(graph):
    assert graph.find("iom").id == "org:iom"
    assert graph.find("International Organization for Migration").id == "org:iom"
    assert graph.find("the forum").id == "process:gfmd"
    assert graph.find("state:MEX").id == "state:MEX"
    with pytest.raises(MigkgError, match="no entity named 'Atlantis'"):
        graph.find("Atlantis").id


def test_ego_depths(graph):
    assert set(ego(graph, "org:iom", 0).entities) == {"org:iom"}
    one = ego(graph, "org:iom", 1)
    assert set(one.entities) == {"org:iom", "org:gmg", "org:unitar", "process:gfmd"}
    assert all(s.subject in one.entities and s.object in one.entities for s in one.statements)
    two = ego(graph, "org:iom", 2)
    assert set(one.entities) < set(two.entities) and "state:MEX" in two.entities


def test_filters(graph):
    states = filter_graph(graph, ["state"])
    assert {e.type for e in states.entities.values()} == {"State"} and len(states.entities) == 7
    assert all(s.predicate == "corridor" for s in states.statements)
    chairs = filter_graph(graph, None, ["chairs"])
    assert {s.predicate for s in chairs.statements} == {"chairs"}
    assert set(chairs.entities) == {s.subject for s in chairs.statements} | {s.object for s in chairs.statements}
    later = filter_graph(graph, since=2011)
    assert later.statements
    for s in later.statements:  # the sample's document has no date, so undated statements are left out
        first, last = year_span(s)
        assert last is None or last >= 2011
    with pytest.raises(MigkgError, match="unknown predicate 'chaired'"):
        filter_graph(graph, None, ["chaired"])


def test_networkx_projection(graph):
    g = to_networkx(graph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(graph.entities), len(graph.statements))
    s = graph.statements[0]
    data = g.edges[s.subject, s.object, s.id]
    assert data["predicate"] == s.predicate and data["quotes"] == [e.quote for e in sorted(set(s.evidence))]


def test_whole_build(sample_build, tmp_path):
    r = run(sample_build, "-o", str(tmp_path / "all.html"))
    assert r.exit_code == 0, r.output
    nodes, statements = shown(tmp_path / "all.html")
    assert len(nodes) == 16 and len(statements) == 22


def test_focus_and_depth(sample_build, graph, tmp_path):
    r = run(sample_build, "--focus", "IOM", "--depth", "1", "-o", str(tmp_path / "iom.html"))
    assert r.exit_code == 0, r.output
    nodes, statements = shown(tmp_path / "iom.html")
    expected = ego(graph, "org:iom", 1)
    assert nodes == set(expected.entities) and statements == {s.id for s in expected.statements}
    assert "International Organization for Migration (depth 1)" in (tmp_path / "iom.html").read_text(encoding="utf-8")
    r = run(sample_build, "--focus", "iom", "--depth", "2", "-o", str(tmp_path / "iom2.html"))
    assert len(shown(tmp_path / "iom2.html")[0]) > len(nodes)


def test_types_predicates_years(sample_build, graph, tmp_path):
    r = run(sample_build, "--types", "State,Process", "--types", "Event", "-o", str(tmp_path / "t.html"))
    assert r.exit_code == 0, r.output
    nodes, _ = shown(tmp_path / "t.html")
    assert {graph.entities[n].type for n in nodes} == {"State", "Process", "Event"}
    r = run(sample_build, "--predicates", "chairs", "--since", "2010", "--until", "2010", "-o", str(tmp_path / "c.html"))
    assert r.exit_code == 0, r.output
    _, statements = shown(tmp_path / "c.html")
    by_id = {s.id: s for s in graph.statements}
    assert statements and {by_id[s].predicate for s in statements} == {"chairs"}
    r = run(sample_build, "--focus", "Mexico", "--predicates", "chairs", "-o", str(tmp_path / "m.html"))
    nodes, statements = shown(tmp_path / "m.html")
    assert "state:MEX" in nodes and all(by_id[s].predicate == "chairs" for s in statements)


def test_png(sample_build, graph, tmp_path):
    r = run(sample_build, "--focus", "GFMD", "--depth", "2", "--png", str(tmp_path / "g.png"), "-o", str(tmp_path / "g.html"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "g.png").read_bytes()[:8] == PNG_MAGIC and (tmp_path / "g.html").exists()
    r = run(sample_build, "--png", str(tmp_path / "all.png"))
    assert r.exit_code == 0 and (tmp_path / "all.png").read_bytes()[:8] == PNG_MAGIC
    assert render_png(graph, top_labels=5) == render_png(graph, top_labels=5)  # deterministic layout


@pytest.mark.parametrize("args, message", [
    (["--focus", "Atlantis"], "no entity named 'Atlantis'"),
    (["--types", "Country"], "unknown entity type 'Country'"),
    (["--predicates", "rules"], "unknown predicate 'rules'"),
    (["--since", "2012", "--until", "2010"], "--since 2012 is after --until 2010"),
    (["--types", "Document"], "nothing to show"),
])
def test_errors_are_one_line(sample_build, tmp_path, args, message):
    r = run(sample_build, *args, "-o", str(tmp_path / "x.html"), "--png", str(tmp_path / "x.png"))
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and message in r.output and r.output.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_usage_errors(sample_build, tmp_path):
    r = run(sample_build)
    assert r.exit_code == 2 and "give -o FILE.html and/or --png FILE.png" in r.output
    r = CliRunner().invoke(main, ["viz", "--out", str(tmp_path / "missing"), "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and "no entities.jsonl" in r.output
