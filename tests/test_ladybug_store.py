"""The Ladybug projection: schema from the contract, bulk load, round trip of properties, read-only access,
atomic writes and bound parameters."""
from __future__ import annotations

import time

import pytest

from migkg.graph import ladybug_store as lbs
from migkg.graph.errors import BackendUnavailable, ContractError, QueryError
from migkg.graph.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Statement
from migkg.graph.output import Graph, load_graph


@pytest.fixture(scope="module")
def graph(sample_build):
    return load_graph(sample_build)


@pytest.fixture(scope="module")
def db_path(graph, tmp_path_factory):
    return lbs.write_db(graph, tmp_path_factory.mktemp("lb") / "graph.lbdb")


def counts(db) -> tuple[int, int]:
    _, n = lbs.run_cypher(db, "MATCH (n) RETURN count(n)")
    _, r = lbs.run_cypher(db, "MATCH ()-[r]->() RETURN count(r)")
    return n[0][0], r[0][0]


def test_schema_has_a_table_per_type_and_predicate():
    ddl = lbs.schema_ddl()
    nodes = [s for s in ddl if s.startswith("CREATE NODE TABLE")]
    rels = [s for s in ddl if s.startswith("CREATE REL TABLE")]
    assert [s.split()[3].split("(")[0] for s in nodes] == list(ENTITY_TYPES)
    assert [s.split()[3].split("(")[0] for s in rels] == [p.upper() for p in PREDICATES]
    for s in rels:
        for col in ("statement_id", "`end`", "amount` DOUBLE", "direction_inferred` BOOLEAN", "docs` STRING[]",
                    "lines` INT64[]", "quotes` STRING[]"):
            assert col in s
        assert s.count("FROM ") == len(ENTITY_TYPES) ** 2


def test_every_entity_and_statement_is_loaded(graph, db_path):
    db_path = lbs.open_db(db_path)  # one connection for the many queries below
    assert counts(db_path) == (len(graph.entities), len(graph.statements))
    for t in ENTITY_TYPES:
        _, rows = lbs.run_cypher(db_path, f"MATCH (n:{t}) RETURN count(n)")
        assert rows[0][0] == sum(1 for e in graph.entities.values() if e.type == t)
    for p in PREDICATES:
        _, rows = lbs.run_cypher(db_path, f"MATCH ()-[r:{p.upper()}]->() RETURN count(r)")
        assert rows[0][0] == sum(1 for s in graph.statements if s.predicate == p)


def test_properties_round_trip(graph, db_path):
    with lbs.open_db(db_path) as db:
        for st in graph.statements:
            cols, rows = lbs.run_cypher(db, "MATCH (a)-[r]->(b) WHERE r.statement_id = $sid RETURN a.id, b.id, r.status, "
                                            "r.amount, r.direction_inferred, r.docs, r.lines, r.`starts`, r.`ends`, r.quotes, "
                                            "r.confidence, r.rule, r.`end`", {"sid": st.id})
            ev = sorted(set(st.evidence))
            q = st.qualifiers
            assert rows == [[st.subject, st.object, q["status"],
                             None if "amount" not in q else float(q["amount"]), q.get("direction_inferred"),
                             [e.doc for e in ev], [e.line for e in ev], [e.start for e in ev], [e.end for e in ev],
                             [e.quote for e in ev], st.confidence, st.rule, q.get("end")]]
        e = graph.entities["event:gfmd-2010"]
        _, rows = lbs.run_cypher(db, "MATCH (n:Event {id: $id}) RETURN n.label, n.aliases, n.country, n.date, n.place, "
                                     "n.iso3", {"id": e.id})
        assert rows == [[e.label, e.aliases, e.country, e.date, e.place, None]]


def test_nodes_come_back_as_property_dicts(db_path):
    _, rows = lbs.run_cypher(db_path, "MATCH (n:State {id: 'state:MEX'}) RETURN n")
    assert rows[0][0]["id"] == "state:MEX" and rows[0][0]["label"] == "Mexico"
    assert not any(k.startswith("_") for k in rows[0][0])


def test_read_only_by_default(db_path):
    before = counts(db_path)
    with pytest.raises(QueryError, match="read-only"):
        lbs.run_cypher(db_path, "MATCH (n) DETACH DELETE n")
    with pytest.raises(QueryError, match="read-only"):
        lbs.run_cypher(db_path, "CREATE (n:State {id: 'state:ZZZ'})")
    assert counts(db_path) == before


def test_syntax_error_is_one_line(db_path):
    with pytest.raises(QueryError) as e:
        lbs.run_cypher(db_path, "MATCH (n) RETRN n")
    assert "\n" not in str(e.value) and "Parser exception" in str(e.value)


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(BackendUnavailable, match="no Ladybug database here"):
        lbs.open_db(tmp_path / "graph.lbdb")


@pytest.mark.parametrize("hostile", ["x' OR 1=1 //", "'}) DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n",
                                     "state:MEX' } DROP GRAPH <g>", "$actor", "\\'; MATCH (n) DELETE n"])
def test_hostile_parameters_match_nothing_and_change_nothing(db_path, hostile):
    with lbs.open_db(db_path) as db:
        before = counts(db)
        _, rows = lbs.run_cypher(db, "MATCH (n {id: $id}) RETURN n.id", {"id": hostile})
        assert rows == []
        assert counts(db) == before


def test_rewrite_replaces_the_database_atomically(graph, tmp_path):
    path = tmp_path / "graph.lbdb"
    lbs.write_db(graph, path)
    small = Graph({k: v for k, v in graph.entities.items() if k.startswith("state:")}, [], {})
    lbs.write_db(small, path)
    assert counts(path) == (len(small.entities), 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.lbdb"]


def test_bad_graph_leaves_nothing_behind(graph, tmp_path):
    path = tmp_path / "graph.lbdb"
    lbs.write_db(graph, path)
    broken = Graph(dict(graph.entities), [Statement("state:MEX", "member_of", "org:nowhere")], {})
    with pytest.raises(ContractError, match="org:nowhere"):
        lbs.write_db(broken, path)
    assert counts(path) == (len(graph.entities), len(graph.statements))  # the old database is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.lbdb"]


def test_batches_with_only_nulls_or_empty_lists_load(tmp_path):
    """A batch whose optional values are all null still types them by the column (the CASTs)."""
    ents = {"state:AAA": Entity("state:AAA", "State", "A", "state"), "state:BBB": Entity("state:BBB", "State", "B", "state")}
    st = Statement("state:AAA", "corridor", "state:BBB", {}, [Evidence("d", 1, 0, 1, "q")], 0.5, "")
    path = lbs.write_db(Graph(ents, [st], {}), tmp_path / "g.lbdb")
    _, rows = lbs.run_cypher(path, "MATCH (a)-[r:CORRIDOR]->(b) RETURN r.amount, r.direction_inferred, r.rule, a.aliases")
    assert rows == [[None, None, None, []]]


def test_bulk_load_of_a_build_sized_graph_is_fast(tmp_path):
    """~3,000 statements spread over realistic label pairs load in a few seconds."""
    ents = {}
    for i in range(300):
        for t, prefix in (("State", "state"), ("Organization", "org"), ("Process", "process"), ("Event", "event")):
            ents[f"{prefix}:e{i}"] = Entity(f"{prefix}:e{i}", t, f"{t} {i}", "x", aliases=[f"E{i}"])
    pairs = [("member_of", "state", "process"), ("member_of", "org", "process"), ("chairs", "state", "event"),
             ("participates_in", "org", "event"), ("part_of", "event", "process"), ("funds", "state", "event")]
    sts = [Statement(f"{s}:e{i % 300}", p, f"{o}:e{(i * 7) % 300}", {"role": "member", "amount": i},
                     [Evidence("doc", i, i, i + 3, f"quote {i}")], 0.9, "r")
           for i in range(500) for p, s, o in pairs]
    t = time.perf_counter()
    lbs.write_db(Graph(ents, sts, {}), tmp_path / "big.lbdb")
    elapsed = time.perf_counter() - t
    assert counts(tmp_path / "big.lbdb") == (len(ents), len(sts))
    assert elapsed < 10, elapsed
