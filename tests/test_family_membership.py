"""membership family: members of listed bodies, with joins and leaves."""
import pytest

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

from genre import GFMD_2010, extract_text


def run(text, meta=GFMD_2010):
    ex = extract_text(text, meta)
    return {(s.subject, s.object, s.qualifiers.get("status")) for s in ex.statements.values() if s.predicate == "member_of"}, ex


def members_of(facts, body):
    return {m for m, b, st in facts if b == body and st == "actual"}


def test_corpus_steering_group_list():
    facts, ex = run("The GFMD Steering Group includes: Argentina, Australia, Bangladesh, Belgium and Brazil.\n")
    body = next(b for _, b, _ in facts)
    assert ex.entity(body).label == "GFMD Steering Group" and ex.entity(body).kind == "body"
    assert members_of(facts, body) == {"state:ARG", "state:AUS", "state:BGD", "state:BEL", "state:BRA"}


def test_own_working_group_list_with_other_states():
    facts, ex = run("The ad hoc Working Group on Policy Coherence consists of Ghana, Peru, Viet Nam and Sweden (co-chair).\n")
    body = next(b for _, b, _ in facts)
    assert members_of(facts, body) == {"state:GHA", "state:PER", "state:VNM", "state:SWE"}
    assert any(s.predicate == "chairs" and s.subject == "state:SWE" for s in ex.statements.values())


def test_agencies_of_the_gmg_without_count_phrases():
    facts, _ = run("The Global Migration Group (GMG) is an inter-agency group bringing together 16 agencies including ILO, "
                   "IOM, UN/DESA, UNHCR and WHO.\n\n"
                   "The GMG encompasses 15 United Nations entities plus the International Organization for Migration.\n")
    members = members_of(facts, "org:gmg")
    assert {"org:ilo", "org:iom", "org:unhcr", "org:who"} <= members
    assert "org:un" not in members


def test_replaced_and_withdrawn_members_end():
    facts, _ = run("The extended Troika for the 2010 GFMD was comprised by Belgium, Philippines, Greece, Spain (replaced by "
                   "Switzerland in October 2010) and Morocco (withdrew in October 2010).\n")
    assert ("state:ESP", "ended") in {(m, st) for m, _, st in facts}
    assert ("state:CHE", "actual") in {(m, st) for m, _, st in facts}


@pytest.mark.parametrize("text", [
    "The Steering Group was chaired by Mexico and Switzerland, and the Working Groups were chaired by Spain.\n",
    "The Troika met in Geneva.\n",
    "Members of the Steering Group discussed Mexico and Brazil.\n",
])
def test_no_membership(text):
    facts, _ = run(text)
    assert not facts


# --- standing bodies of a registry process: process:<process-slug>-<body> ---------------------------------------------
def _body_facts(text):
    ex = extract([read_text(text, "t", {"title": "Note on regional consultative processes", "date": "2014"})])
    return {(s.subject, s.predicate, s.object) for s in ex.statements.values()}, ex


def test_gfmd_year_troika_is_the_gfmd_troika_in_any_document():
    facts, ex = _body_facts("The GFMD 2013 Troika was composed of Mauritius (past Chair), Ghana (current Chair) and "
                            "Ecuador (incoming Chair).\n")
    assert {("state:MUS", "member_of", "process:gfmd-troika"), ("state:ECU", "member_of", "process:gfmd-troika")} <= facts
    assert ex.entity("process:troika") is None


def test_steering_group_of_a_named_process():
    facts, _ = _body_facts("The Budapest Process Steering Group comprises Turkey, Hungary and Germany.\n")
    assert ("state:TUR", "member_of", "process:budapest-process-steering-group") in facts
    assert ("process:budapest-process-steering-group", "part_of", "process:budapest-process") in facts


def test_a_steering_group_of_no_named_process_is_not_a_process_body():
    facts, _ = _body_facts("The project Steering Group comprises Turkey, Hungary and Germany.\n")
    assert not any(p == "part_of" for _, p, _ in facts)


RCP_META = {"title": "Third Senior Officials' Meeting of the Budapest Process", "date": "2019-03"}


def test_body_named_before_its_members_in_parentheses():
    facts, _ = run("Under the guidance of the Troika (Mexico, Switzerland and Greece), the Chair convened two meetings "
                   "of the Friends of the Forum.\n")
    assert members_of(facts, "process:gfmd-troika") == {"state:MEX", "state:CHE", "state:GRC"}


def test_members_as_list_items_after_a_colon():
    facts, _ = run("The following governments served on the GFMD Steering Group in 2010:\n\n- Argentina\n- Kenya\n"
                   "- Norway\n\nThe Chair thanked them.\n")
    assert members_of(facts, "process:gfmd-steering-group") == {"state:ARG", "state:KEN", "state:NOR"}


def test_member_states_of_a_process_listed_after_a_colon():
    facts, _ = run("Delegates from the following member States of the Budapest Process took part: Armenia, Georgia, "
                   "Hungary and Turkey.\n", RCP_META)
    assert members_of(facts, "process:budapest-process") == {"state:ARM", "state:GEO", "state:HUN", "state:TUR"}


@pytest.mark.parametrize("text", [
    "The Troika (past, present and future Chairs) met twice.\n",                       # no actor in the parentheses
    "The following governments hosted side events: Canada, Peru and Norway.\n",        # no body named
    "Observers to the Budapest Process: Canada, Peru.\n",                               # not 'members of'
])
def test_no_body_list_membership(text):
    facts, _ = run(text, RCP_META)
    assert not facts
