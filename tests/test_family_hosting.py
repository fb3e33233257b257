"""hosting family: who hosts a GFMD meeting and where it took place."""
import pytest

from genre import COORDINATION_2008, extract_text


def run(text, meta=COORDINATION_2008):
    ex = extract_text(text, meta)
    return {(s.subject, s.predicate, s.object): s for s in ex.statements.values()}


def test_corpus_resolution_offer_to_host_the_second_meeting():
    facts = run("Taking note of the summary report of the first meeting of the Global Forum on Migration and Development, held "
                "in Brussels from 9 to 11 July 2007 under the auspices of the Government of Belgium, and the generous offer "
                "of the Government of the Philippines to host the second meeting, from 27 to 30 October 2008, in Manila,\n")
    assert ("state:PHL", "hosts", "event:gfmd-2008") in facts
    assert ("event:gfmd-2008", "located_in", "state:PHL") in facts
    assert ("state:BEL", "hosts", "event:gfmd-2007") in facts
    assert ("event:gfmd-2007", "located_in", "state:BEL") in facts
    assert facts[("state:PHL", "hosts", "event:gfmd-2008")].qualifiers["date"] == "2008"


def test_own_sentence_to_host_a_meeting_by_year():
    facts = run("The Government of Bangladesh offered to host the 2016 GFMD in Dhaka.\n")
    assert ("state:BGD", "hosts", "event:gfmd-2016") in facts
    assert ("event:gfmd-2016", "located_in", "state:BGD") in facts


def test_hosted_by_after_the_meeting():
    facts = run("The 2012 GFMD meeting in Port Louis was hosted by Mauritius.\n")
    assert ("state:MUS", "hosts", "event:gfmd-2012") in facts


def test_meeting_city_without_host():
    facts = run("In line with the recommendations of the 2009 Athens GFMD meeting, the seminar took place.\n")
    assert ("event:gfmd-2009", "located_in", "state:GRC") in facts
    assert not [k for k in facts if k[1] == "hosts"]


@pytest.mark.parametrize("text", [
    "Delegates asked who would host the second meeting.\n",                       # the Forum is not named
    "Greece, Argentina, Spain and Morocco had already offered to host future meetings of the Global Forum.\n",
    "The Government of Chile hosted a reception for the delegates of the GFMD.\n",
])
def test_no_host_without_a_named_meeting(text):
    assert not [k for k in run(text) if k[1] == "hosts" and k[2].startswith("event:gfmd-")]


# --- the document's own meeting (uncatalogued: title, date and place from the front matter) ----------------------
NEPAL = {"title": "Report of the Regional Consultation on Migrant Workers' Welfare", "date": "2016-05", "place": "Kathmandu, Nepal"}
NEPAL_TEXT = "Report of the Regional Consultation on Migrant Workers' Welfare\n\nKathmandu, Nepal, 3-4 May 2016\n\n"


def _event(facts):
    return next(k[0] for k in facts if k[1] == "located_in" and k[0].startswith("event:regional-consultation"))


def test_place_date_line_locates_the_documents_meeting():
    facts = run(NEPAL_TEXT + "1. Opening\n\nDelegates met for two days.\n", NEPAL)
    event = _event(facts)
    st = facts[(event, "located_in", "state:NPL")]
    assert st.qualifiers["place"] == "Kathmandu" and st.qualifiers["date"] == "2016-05"


def test_jointly_organized_by_ministry_and_agency_hosts_the_documents_meeting():
    facts = run(NEPAL_TEXT + "The meeting was jointly organized by the Ministry of Labour of Nepal and the International Labour "
                "Organization (ILO).\n", NEPAL)
    event = _event(facts)
    assert ("state:NPL", "hosts", event) in facts and ("org:ilo", "hosts", event) in facts


def test_it_was_hosted_by_the_government_after_the_meeting_is_named():
    facts = run(NEPAL_TEXT + "The Regional Consultation on Migrant Workers' Welfare was held in Kathmandu on 3 and 4 May 2016. "
                "It was hosted by the Government of Nepal, with the technical support of UNDP.\n", NEPAL)
    event = _event(facts)
    assert ("state:NPL", "hosts", event) in facts
    assert ("org:undp", "hosts", event) not in facts


def test_the_next_meeting_hosted_by_is_planned_and_not_the_documents():
    facts = run(NEPAL_TEXT + "The next consultation meeting will be hosted by the Government of Sri Lanka in Colombo in 2017.\n", NEPAL)
    event = _event(facts)
    assert ("state:LKA", "hosts", event) not in facts
    hosted = [s for (a, p, o), s in facts.items() if a == "state:LKA" and p == "hosts"]
    assert hosted and all(s.qualifiers["status"] == "planned" for s in hosted)
    assert all(s.qualifiers.get("status") == "planned" for (a, p, o), s in facts.items() if p == "located_in" and o == "state:LKA")


def test_would_host_the_next_gfmd_meeting_is_planned_everywhere():
    facts = run("Turkey announced that it would host the Ninth Meeting of the GFMD in Istanbul in 2015.\n")
    assert facts[("state:TUR", "hosts", "event:gfmd-2015")].qualifiers["status"] == "planned"
    assert facts[("event:gfmd-2015", "located_in", "state:TUR")].qualifiers["status"] == "planned"


def test_an_offer_to_host_is_planned_an_actual_hosting_is_not():
    facts = run("Noting the generous offer of the Government of Morocco to host the 2014 GFMD in Marrakesh,\n")
    assert facts[("state:MAR", "hosts", "event:gfmd-2014")].qualifiers["status"] == "planned"
    hosted = run("Mexico hosted the 2010 GFMD in Puerto Vallarta.\n")
    assert hosted[("state:MEX", "hosts", "event:gfmd-2010")].qualifiers["status"] == "actual"


def test_ordinals_beyond_ten_and_a_summit_in_a_city():
    facts = run("Bangladesh will host the Eleventh GFMD Summit in Dhaka in December 2016.\n")
    hosts = facts[("state:BGD", "hosts", "event:gfmd-2016")]
    assert hosts.qualifiers["status"] == "planned"
    assert facts[("event:gfmd-2016", "located_in", "state:BGD")].qualifiers["place"] == "Dhaka"
