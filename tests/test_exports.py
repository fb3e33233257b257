"""Every export format, read back with the library that owns it, holds the build's entities and statements."""
import csv
import json

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from migkg.cli import main
from migkg.graph.export import FORMATS, csv_paths
from migkg.graph.model import Entity
from migkg.graph.nx_graph import iso_span
from migkg.graph.output import Graph, load_graph

MK = rdflib.Namespace("https://w3id.org/migkg/ns#")


@pytest.fixture(scope="module")
def graph(sample_build):
    return load_graph(sample_build)


def test_every_format_is_listed():
    assert set(FORMATS) == {"graphml", "gexf", "csv", "jsonld", "nt", "cytoscape", "kumu", "neo4j"}


def test_graphml(graph, tmp_path):
    g = nx.read_graphml(FORMATS["graphml"](graph, tmp_path / "g.graphml"))
    assert isinstance(g, nx.MultiDiGraph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(graph.entities), len(graph.statements))
    assert sorted(d["statement_id"] for _, _, d in g.edges(data=True)) == sorted(s.id for s in graph.statements)
    assert g.nodes["org:iom"]["aliases"] == "IOM" and g.nodes["org:iom"]["type"] == "Organization"
    funds = [d for _, _, d in g.edges(data=True) if d["predicate"] == "funds"]
    assert funds and isinstance(funds[0]["amount"], float)


def test_gexf_has_timeline(graph, tmp_path):
    path = FORMATS["gexf"](graph, tmp_path / "g.gexf")
    g = nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(graph.entities), len(graph.statements))
    assert g.graph.get("mode") == "dynamic"
    timed = {s.id: iso_span(s) for s in graph.statements if any(iso_span(s))}
    assert timed  # the sample has chairs/membership with dates
    seen = {d["statement_id"]: (d.get("start"), d.get("end")) for _, _, d in g.edges(data=True)}
    assert {k: v for k, v in seen.items() if any(v)} == timed
    text = path.read_text(encoding="utf-8")
    assert 'start="2010-10-01"' in text and 'end="2010-11-30"' in text
    # the same build exports the same bytes (no "last modified today")
    assert FORMATS["gexf"](graph, tmp_path / "h.gexf").read_bytes() == path.read_bytes()


@pytest.mark.parametrize("target", ["dir/", "prefix", "named.csv"])
def test_csv(graph, tmp_path, target):
    nodes_path, edges_path = FORMATS["csv"](graph, tmp_path / target if target != "dir/" else str(tmp_path / "dir") + "/")
    assert (nodes_path, edges_path) == csv_paths(tmp_path / target if target != "dir/" else str(tmp_path / "dir") + "/")
    with open(nodes_path, encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(edges_path, encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == len(graph.entities) and len(edges) == len(graph.statements)
    assert {r["id"] for r in nodes} == set(graph.entities)
    row = next(r for r in edges if r["source"] == "state:MEX" and r["predicate"] == "chairs" and r["start"])
    assert row["source_label"] == "Mexico" and row["quotes"].startswith("In late October 2010")


def test_csv_cells_cannot_be_formulas(tmp_path):
    g = Graph({"org:x": Entity("org:x", "Organization", "=HYPERLINK(1)", "ngo"),
               "org:y": Entity("org:y", "Organization", "-5", "ngo")}, [], {})
    nodes_path, _ = FORMATS["csv"](g, tmp_path / "t")
    with open(nodes_path, encoding="utf-8-sig", newline="") as f:
        labels = {r["id"]: r["label"] for r in csv.DictReader(f)}
    assert labels == {"org:x": "'=HYPERLINK(1)", "org:y": "-5"}


def _ids(rdf: rdflib.Graph) -> set[str]:
    return {str(o) for o in rdf.objects(None, MK.id)}


@pytest.mark.parametrize("fmt, parse_as", [("jsonld", "json-ld"), ("nt", "nt")])
def test_rdf_formats(graph, tmp_path, fmt, parse_as):
    path = FORMATS[fmt](graph, tmp_path / f"g.{fmt}")
    rdf = rdflib.Graph().parse(path, format=parse_as)
    ids = _ids(rdf)
    assert {i for i in ids if i.startswith("st:")} == {s.id for s in graph.statements}
    assert set(graph.entities) <= ids
    assert all(i.startswith(("st:", "doc:")) for i in ids - set(graph.entities))
    assert len(set(rdf.subjects(rdflib.RDF.type, MK.Statement))) == len(graph.statements)


def test_cytoscape(graph, tmp_path):
    data = json.loads(FORMATS["cytoscape"](graph, tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    assert len(data["elements"]["nodes"]) == len(graph.entities)
    assert len(data["elements"]["edges"]) == len(graph.statements)
    back = nx.cytoscape_graph(data)
    assert back.number_of_edges() == len(graph.statements)


def test_kumu(graph, tmp_path):
    data = json.loads(FORMATS["kumu"](graph, tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["elements"]) == len(graph.entities) and len(data["connections"]) == len(graph.statements)
    ids = {e["id"] for e in data["elements"]}
    assert all(c["from"] in ids and c["to"] in ids for c in data["connections"])
    assert {c["type"] for c in data["connections"]} == {s.predicate for s in graph.statements}


def test_neo4j_bundle(graph, tmp_path):
    out = FORMATS["neo4j"](graph, tmp_path / "neo4j")
    def rows(pattern):
        n = 0
        for p in out.glob(pattern):
            with open(p, encoding="utf-8", newline="") as f:
                n += sum(1 for _ in csv.DictReader(f))
        return n
    assert rows("nodes_*.csv") == len(graph.entities)
    assert rows("rels_*.csv") == len(graph.statements)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_export(sample_build, tmp_path, fmt):
    target = tmp_path / ("out/" if fmt == "csv" else f"out.{fmt}")
    r = CliRunner().invoke(main, ["export", fmt, "-o", str(target) + ("/" if fmt == "csv" else ""),
                                  "--out", str(sample_build)])
    assert r.exit_code == 0, r.output
    assert all(line and __import__("pathlib").Path(line).exists() for line in r.stdout.splitlines())


def test_cli_export_errors(sample_build, tmp_path):
    r = CliRunner().invoke(main, ["export", "gexf", "-o", str(tmp_path / "x.gexf"), "--out", str(tmp_path / "none")])
    assert r.exit_code == 1 and r.output.startswith("Error: ") and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["export", "gexf", "-o", str(tmp_path), "--out", str(sample_build)])
    assert r.exit_code == 1 and "cannot write" in r.output
    assert [p.name for p in tmp_path.iterdir()] == []  # nothing half-written
    r = CliRunner().invoke(main, ["export", "xlsx", "-o", str(tmp_path / "x")])
    assert r.exit_code == 2
