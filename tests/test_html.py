"""graph.html: offline, escaped, with legend/filters/search and the right data embedded."""
import json
import random
import re

import pytest

from migkg.graph.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Statement
from migkg.graph.output import Graph, load_graph
from migkg.viz.html import render_html, write_html

EVIL_NAME = "<script>alert(1)</script>"
EVIL_QUOTE = "He said </script><script>alert(2)</script> & left; see http://example.org/x"


def evil_graph() -> Graph:
    ents = {
        "org:evil": Entity("org:evil", "Organization", EVIL_NAME, "ngo", aliases=["<b>bold</b>", "Evil & Co"],
                           acronym="EVL"),
        "state:PHL": Entity("state:PHL", "State", "Philippines", "state", iso3="PHL"),
    }
    st = Statement("state:PHL", "member_of", "org:evil", {"role": "<i>member</i>"},
                   [Evidence("doc1", 3, 10, 60, EVIL_QUOTE)], 0.9, "test")
    return Graph(ents, [st], {"documents": [{"id": "doc1", "title": "Doc </script> one"}]})


def synthetic_graph(n=1500, m=3000, seed=3) -> Graph:
    """A random graph of the size of a big build: hubs, every predicate, dated statements, long quotes."""
    rnd = random.Random(seed)
    ents = {}
    for i in range(n):
        t = ENTITY_TYPES[i % 6]
        eid = f"{t.lower()}:n{i:04d}"
        ents[eid] = Entity(eid, t, f"{t} number {i}", "x", aliases=[f"N{i}"])
    ids = sorted(ents)
    sts = {}
    while len(sts) < m:
        a, b = rnd.sample(ids, 2)
        if rnd.random() < 0.5:
            b = ids[rnd.randrange(40)]
        if a == b:
            continue
        s = Statement(a, rnd.choice(PREDICATES), b, {"date": str(rnd.randint(2005, 2020))},
                      [Evidence("docA", rnd.randint(1, 900), 0, 10,
                                f"Quote {rnd.randint(0, 2000)} about {a} and {b}, a sentence of typical length.")])
        sts[s.id] = s
    return Graph(dict(sorted(ents.items())), [sts[k] for k in sorted(sts)],
                 {"documents": [{"id": "docA", "title": "Doc A", "date": "2012"}]})


def embedded_data(html: str) -> dict:
    m = re.search(r'<script id="migkg-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "no embedded data"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def sample_graph(sample_build):
    return load_graph(sample_build)


def test_no_remote_resource_in_file(sample_graph):
    html = render_html(sample_graph)
    assert "http://" not in html.lower() and "https://" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(?!#)[a-z]+:""", html, re.I)
    assert "vis.Network" in html and "vis-network" in html  # the library is inlined, not linked


def test_no_url_even_from_data():
    html = render_html(evil_graph())
    assert "http://" not in html and "https://" not in html
    # ...but the quote is still all there once the JSON is decoded
    assert embedded_data(html)["quotes"] == [EVIL_QUOTE]


def test_names_and_quotes_are_escaped():
    html = render_html(evil_graph(), title="<b>title</b>")
    assert EVIL_NAME not in html and "<script>alert" not in html
    assert "<b>bold</b>" not in html and "<i>member</i>" not in html
    # exactly the page's own three script elements are closed
    assert html.lower().count("</script") == 3
    assert "&lt;b&gt;title&lt;/b&gt;" in html
    data = embedded_data(html)
    assert data["entities"][0][3] == EVIL_NAME
    assert data["documents"] == [["doc1", "Doc </script> one"]]


def test_legend_filters_and_search_are_there(sample_graph):
    html = render_html(sample_graph)
    for element_id in ("search", "filter-types", "filter-predicates", "filter-document", "filter-status",
                       "filter-since", "filter-until", "panel", "network"):
        assert f'id="{element_id}"' in html
    data = embedded_data(html)
    assert [t[0] for t in data["types"]] == list(ENTITY_TYPES)
    assert data["predicates"] == list(PREDICATES)
    assert data["documents"][0][0] == "000_1c002d2b4943b699"


def test_counts_in_embedded_data(sample_graph):
    data = embedded_data(render_html(sample_graph))
    assert len(data["nodes"]) == len(data["entities"]) == len(sample_graph.entities) == 16
    assert len(data["edges"]) == len(data["statements"]) == len(sample_graph.statements) == 22
    assert {n["id"] for n in data["nodes"]} == set(sample_graph.entities)
    by_id = {s.id: s for s in sample_graph.statements}
    for e in data["edges"]:
        st = by_id[data["statements"][e["s"]][6]]
        assert (e["from"], e["to"]) == (st.subject, st.object)
    # every statement's evidence is there, quotes stored once
    assert sum(len(s[4]) for s in data["statements"]) == sum(len(s.evidence) for s in sample_graph.statements)
    assert len(data["quotes"]) == len({ev.quote for s in sample_graph.statements for ev in s.evidence})


def test_node_style_by_type_and_size_by_degree(sample_graph):
    data = embedded_data(render_html(sample_graph))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["state:MEX"]["group"] == "State" and nodes["state:MEX"]["shape"] == "dot"
    assert nodes["org:iom"]["shape"] == "square"
    assert nodes["state:MEX"]["value"] > nodes["state:JPN"]["value"]


def test_subset_and_determinism(sample_graph, tmp_path):
    keep = ["state:MEX", "process:gfmd", "person:julian-ventura-valero"]
    data = embedded_data(render_html(sample_graph, node_ids=keep))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(keep)
    assert all(e["from"] in keep and e["to"] in keep for e in data["edges"]) and data["edges"]
    a = write_html(sample_graph, tmp_path / "a.html", title="t")
    b = write_html(sample_graph, tmp_path / "b.html", title="t")
    assert a.read_bytes() == b.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left behind


def test_big_graph_stays_small():
    g = synthetic_graph()
    html = render_html(g)
    size = len(html.encode("utf-8"))
    print(f"\nHTML for {len(g.entities)} nodes / {len(g.statements)} edges: {size / 1e6:.2f} MB")
    assert size < 3_000_000
    data = embedded_data(html)
    assert len(data["nodes"]) == len(g.connected_ids()) > 1400 and len(data["edges"]) == 3000
