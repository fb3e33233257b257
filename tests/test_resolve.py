import shutil

import yaml
from click.testing import CliRunner

from migkg.cli import main
from migkg.graph.model import Entity, Evidence, Statement
from migkg.loaders.resolve import apply_decisions, load_decisions, propose


def people():
    return {e.id: e for e in [
        Entity("person:peter-sutherland", "Person", "Peter Sutherland", "person"),
        Entity("person:sir-peter-sutherland", "Person", "Sir Peter Sutherland", "person"),
        Entity("person:peter-d-sutherland", "Person", "Peter D. Sutherland", "person"),
        Entity("person:anthony-lake", "Person", "Anthony Lake", "person"),
        Entity("org:icmc", "Organization", "International Catholic Migration Commission", "ngo", acronym="ICMC"),
        Entity("org:international-catholic-migration-commission-icmc", "Organization",
               "ICMC", "ngo", acronym="ICMC"),
        Entity("state:IRL", "State", "Ireland", "state", iso3="IRL"),
    ]}


def test_propose_finds_honorifics_initials_and_acronyms_only_outside_the_registry():
    pairs = propose(people(), registry_ids={"state:IRL"}, decided=set())
    got = {(p["left"], p["right"]): p["reason"] for p in pairs}
    assert got[("person:peter-sutherland", "person:sir-peter-sutherland")].startswith("same name")
    assert ("person:peter-d-sutherland", "person:peter-sutherland") in got
    assert got[("org:icmc", "org:international-catholic-migration-commission-icmc")] == "same acronym ICMC"
    assert not any("anthony" in a or "anthony" in b for a, b in got)
    assert all(p["decision"] == "pending" for p in pairs)
    decided = {frozenset(k) for k in got}
    assert propose(people(), {"state:IRL"}, decided) == []


def test_apply_merge_rewrites_statements_and_merges_evidence():
    ents = people()
    ev1 = Evidence("d", 1, 0, 10, "one")
    ev2 = Evidence("d", 2, 20, 30, "two")
    a = Statement("person:peter-sutherland", "affiliated_with", "state:IRL", {}, [ev1], 0.9, "r")
    b = Statement("person:sir-peter-sutherland", "affiliated_with", "state:IRL", {}, [ev2], 0.9, "r")
    sts = {a.id: a, b.id: b}
    apply_decisions(ents, sts, [
        {"left": "person:peter-sutherland", "right": "person:sir-peter-sutherland", "decision": "merge"},
        {"left": "person:peter-sutherland", "right": "person:anthony-lake", "decision": "keep-apart"},
    ])
    assert "person:sir-peter-sutherland" not in ents and "person:anthony-lake" in ents
    assert "Sir Peter Sutherland" in ents["person:peter-sutherland"].aliases
    assert list(sts) == [a.id] and sorted(sts[a.id].evidence) == [ev1, ev2]


def test_cli_resolve_appends_pending_pairs(tmp_path, sample_build):
    out = tmp_path / "out"
    shutil.copytree(sample_build, out)
    with open(out / "entities.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "person:julian-ventura", "type": "Person", "label": "Julián Ventura Valero", '
                '"aliases": [], "kind": "person"}\n')
    decisions = tmp_path / "decisions.yaml"
    r = CliRunner().invoke(main, ["resolve", "--out", str(out), "--decisions", str(decisions), "--format", "json"])
    assert r.exit_code == 0, r.output
    saved = load_decisions(decisions)
    assert [(d["left"], d["right"], d["decision"]) for d in saved] == [
        ("person:julian-ventura", "person:julian-ventura-valero", "pending")]
    r = CliRunner().invoke(main, ["resolve", "--out", str(out), "--decisions", str(decisions)])
    assert r.exit_code == 0 and len(yaml.safe_load(decisions.read_text())) == 1


def test_bad_decisions_file_is_one_clear_error(tmp_path, sample_build):
    bad = tmp_path / "d.yaml"
    bad.write_text("- {left: a, right: b, decision: maybe}\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["resolve", "--out", str(sample_build), "--decisions", str(bad)])
    assert r.exit_code == 1 and r.output.startswith(f"Error: {bad}: pair 1 needs")


def test_the_bundled_build_applies_the_reviewed_decisions(bundled_graph):
    decisions = load_decisions()
    assert decisions and all(d["decision"] in ("merge", "keep-apart") for d in decisions)  # reviewed: none pending
    merged_away = {d["right"] for d in decisions if d["decision"] == "merge"}
    assert not merged_away & set(bundled_graph.entities)
    for d in decisions:
        if d["decision"] == "keep-apart":
            assert {d["left"], d["right"]} <= set(bundled_graph.entities) | merged_away
