"""events family: events named in prose (not GFMD meetings), their place, date, organisers and attendees."""
import pytest

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

from genre import DEBATE_2011, extract_text


SERIES = {"title": "Connecting the Dots: a fresh look. A report of the Conversations on the Global Governance of Migration, "
                   "Phase 1, October-December 2009", "date": "2010", "subject_date": "2009-12"}


def run(text, meta=DEBATE_2011):
    ex = extract_text(text, meta)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements.values()}
    return facts, ex


def event_named(ex, fragment):
    found = [e for e in ex.entities.values() if e.type == "Event" and fragment.lower() in e.label.lower()]
    assert len(found) == 1, [e.label for e in ex.entities.values() if e.type == "Event"]
    return found[0]


def test_corpus_meeting_with_organisers_place_date_and_attendees():
    facts, ex = run("PPMD, in collaboration with the International Organization for Migration (IOM), organized a Coordination "
                    "Meeting on Fostering More Opportunities for Legal Migration in Cairo, Egypt, from 8 to 9 October 2008. "
                    "The meeting was opened by the Minister and attended by governmental representatives from 3 Arab "
                    "countries (Algeria, Iraq and Jordan).\n")
    ev = event_named(ex, "Fostering More Opportunities")
    assert ev.date == "2008-10" and ev.country == "state:EGY"
    assert (ev.id, "located_in", "state:EGY") in facts
    assert ("org:iom", "hosts", ev.id) in facts
    assert {a for a, p, o in facts if p == "participates_in" and o == ev.id} == {"state:DZA", "state:IRQ", "state:JOR"}


def test_own_workshop_convened_by_two_organisers():
    facts, ex = run("The Government of Ghana, together with ILO, convened a Regional Workshop on Labour Migration Statistics "
                    "in Accra, Ghana, on 3 March 2012.\n")
    ev = event_named(ex, "Labour Migration Statistics")
    assert ev.date == "2012-03"
    assert {("state:GHA", "hosts", ev.id), ("org:ilo", "hosts", ev.id), (ev.id, "located_in", "state:GHA")} <= facts


def test_co_organised_by_and_held_in_further_on():
    facts, ex = run("Four Governments committed to a contract at the High-level Regional Forum on Domestic Workers, co-organized "
                    "by Jordan's Ministry of Labour and UNIFEM held in Amman, Jordan, from 27 to 28 March 2007.\n")
    ev = event_named(ex, "Domestic Workers")
    assert {("state:JOR", "hosts", ev.id), ("org:unifem", "hosts", ev.id), (ev.id, "located_in", "state:JOR")} <= facts


def test_unnamed_symposium_is_named_after_its_host_and_planned_then_held():
    facts, ex = run("The Global Migration Group (GMG) intends to organise an experts symposium preceding the debate, which is "
                    "expected to take place on 17-18 May in New York.\n\n"
                    "Earlier this week, the GMG hosted a symposium here in New York to address youth migration.\n")
    ev = event_named(ex, "symposium")
    statuses = {s.qualifiers["status"] for s in ex.statements.values() if s.predicate == "hosts" and s.object == ev.id}
    assert statuses == {"planned", "actual"}
    assert (ev.id, "located_in", "state:USA") in facts


def test_observer_delegation_and_official_attending():
    facts, _ = run("Nepal's observer delegation to the Colombo Process meeting raised the issue.\n\n"
                   "A senior Canadian official attended the 2009 GFMD in Athens.\n")
    assert ("state:NPL", "participates_in", "process:colombo-process") in facts
    assert ("state:CAN", "participates_in", "event:gfmd-2009") in facts
    assert ("event:gfmd-2009", "located_in", "state:GRC") in facts


def test_further_roundtables_of_the_documents_series_are_planned():
    _, ex = run("Immediate next steps\n\n- Hold further roundtables with a variety of migration actors in Nairobi and Dakar.\n",
                SERIES)
    located = {(s.object, s.qualifiers["status"]) for s in ex.statements.values() if s.predicate == "located_in"}
    assert located == {("state:KEN", "planned"), ("state:SEN", "planned")}


def test_event_in_the_ministerial_consultations_with_relative_date():
    facts, ex = run("The UAE later proposed to the Fourth Ministerial Consultations of Colombo Process member countries in "
                    "Dhaka last month that these principles be adopted.\n")
    ev = event_named(ex, "Fourth Ministerial Consultations")
    assert ev.date == "2011-04"
    assert (ev.id, "located_in", "state:BGD") in facts and (ev.id, "part_of", "process:colombo-process") in facts


@pytest.mark.parametrize("text", [
    "The Steering Group meeting discussed the budget.\n",
    "The RCPs included the Ministerial Consultations on Overseas Employment and Contractual Labour for Countries of "
    "Origin (Colombo Process).\n",
    "Preparatory Meetings in Geneva\n",
    "The Friends of the Forum met twice in Geneva.\n",
])
def test_no_event_without_a_name_and_context(text):
    facts, ex = run(text)
    assert not [e for e in ex.entities.values() if e.type == "Event" and e.id != "event:informal-thematic-debate-on-international-migration-and-development-2011"]
    assert not any(p in ("located_in", "hosts") for _, p, _ in facts)


# --- one entity per real event, clean labels (audit pattern 9) ----------------------------------------------------
def _events(ex):
    return {e.id: e for e in ex.entities.values() if e.type == "Event"}


def test_resolution_paragraph_and_month_are_not_part_of_an_event_name():
    ex = extract([read_text("Recalling the High-level Dialogue on International Migration and Development, Acknowledging "
                            "the contribution of migrants, held in New York on 14 and 15 September 2006,\n\n"
                            "Welcoming the outcome of the High Level Dialogue of September 2006 on migration,\n", "t", {"date": "2008"})])
    labels = [e.label for e in _events(ex).values()]
    assert not any("Acknowledging" in l or "of September" in l for l in labels)


def test_a_registry_process_named_with_a_year_is_one_event_per_year():
    ex = extract([read_text("States met at the High Level Dialogue on Migration and Development in October 2013 in New York.\n\n"
                            "The UN High-level Dialogue on International Migration and Development in October 2013 adopted a "
                            "declaration.\n", "t", {"date": "2014"})])
    events = _events(ex)
    assert "event:hld-2013" in events and len([e for e in events if "dialogue" in e or "hld" in e]) == 1
    assert any(s.subject == "event:hld-2013" and s.predicate == "part_of" and s.object == "process:hld"
               for s in ex.statements.values())


def test_same_kind_city_and_year_is_the_same_event():
    ex = extract([read_text("Morocco and Spain co-organized an international seminar on seasonal work in Rabat in March 2012.\n\n"
                            "Morocco held a seminar in Rabat in 2012 on the same subject.\n\n"
                            "Tunisia held a seminar in Tunis in 2012.\n", "t", {"date": "2013"})])
    seminars = [e for e in _events(ex).values() if "seminar" in e.label.lower()]
    assert len(seminars) == 2
    assert {e.place for e in seminars} == {"Rabat", "Tunis"}


def test_an_aside_about_a_later_name_is_not_an_organiser():
    ex = extract([read_text("This echoed the consultations co-organized by UNIFEM (now part of UN Women) and Chile on 3 May 2009 "
                            "on domestic work.\n", "t", {"date": "2010"})])
    hosts = {s.subject for s in ex.statements.values() if s.predicate == "hosts"}
    assert "org:unifem" in hosts and "state:CHL" in hosts and "org:un-women" not in hosts


def test_bare_united_nations_inside_a_longer_name_is_not_the_un():
    ex = extract([read_text("A regional forum on women migrant workers was organized by the United Nations Development for "
                            "Women—Arab States Office in Amman in 2007.\n", "t", {"date": "2008"})])
    assert not any(s.subject == "org:un" and s.predicate == "hosts" for s in ex.statements.values())


def test_planned_workshop_organised_by_with_the_support_of():
    ex = extract([read_text("The representative of OHCHR said that a regional workshop on border procedures, organized by "
                            "UNHCR with the support of the Government of Chile, would take place in Santiago, Chile, in "
                            "March 2017.\n", "t", {"date": "2016-09"})])
    facts = {(s.subject, s.predicate): s for s in ex.statements.values()}
    assert facts[("org:unhcr", "hosts")].qualifiers["status"] == "planned"
    assert ("state:CHL", "hosts") not in facts      # a supporter (read by the partnerships family), not a host
    assert facts[("event:" + facts[("org:unhcr", "hosts")].object.split(":", 1)[1], "located_in")].qualifiers["place"] == "Santiago"


def test_representatives_attended_the_documents_meeting():
    meta = {"title": "Record of the Inter-Agency Meeting on Migrant Children", "date": "2016-09-09", "place": "Panama City, Panama"}
    ex = extract([read_text("Record of the Inter-Agency Meeting on Migrant Children\n\nPanama City, Panama, 9 September 2016\n\n"
                            "Representatives of IOM, WFP and OHCHR attended, together with officials of the Government of "
                            "Honduras.\n\nThe Regional Workshop on Recruitment was held in Lima on 2 May 2016. Representatives of "
                            "UNFPA attended.\n", "t", meta)])
    attended = {s.subject for s in ex.statements.values() if s.rule == "participates_in.attended-doc-meeting"}
    assert {"org:iom", "org:wfp", "org:ohchr"} <= attended and "org:unfpa" not in attended


def test_one_event_dated_coarsely_and_precisely_gives_one_statement():
    ex = extract([read_text("The OAS also organized the Inter-American Meeting on Labour Migration in 2009 to coordinate "
                            "policies.\n\nThe OAS organized the Inter-American Meeting on Labour Migration in Lima, Peru, from "
                            "3 to 4 June 2009.\n", "t", {"date": "2010"})])
    hosts = [s for s in ex.statements.values() if s.predicate == "hosts" and s.subject == "org:oas"]
    assert len(hosts) == 1 and hosts[0].qualifiers["date"] == "2009-06" and len(hosts[0].evidence) == 2


def test_the_document_date_is_not_the_date_of_an_undated_event():
    ex = extract([read_text("Presented the research agenda at a symposium organized by the Center for Migration Studies "
                            "and IOM.\n", "t", {"date": "2008"})])
    hosts = [s for s in ex.statements.values() if s.predicate == "hosts"]
    assert hosts and all("date" not in s.qualifiers for s in hosts)


def test_this_past_month_and_a_recent_mention_date_the_same_workshop():
    ex = extract([read_text("Qatar and Nepal co-organized an international workshop on recruitment fees in Doha in January 2012.\n\n"
                            "During the workshop on recruitment hosted by Qatar in Doha this past January, principles emerged.\n\n"
                            "A recent workshop organized by Qatar in Doha engaged countries of origin.\n", "t", {"date": "2012-05"})])
    workshops = [e for e in ex.entities.values() if e.type == "Event" and "workshop" in e.label.lower()]
    assert len(workshops) == 1 and workshops[0].date == "2012-01"


def test_offer_to_host_the_next_meeting_of_the_documents_series():
    meta = {"title": "Fourth Senior Officials' Meeting of the Almaty Process", "date": "2015-06-03", "place": "Ashgabat, Turkmenistan"}
    text = ("Fourth Senior Officials' Meeting of the Almaty Process\n\nAshgabat, Turkmenistan, 3 June 2015\n\n"
            "The participants welcomed the invitation of the Government of Kyrgyzstan, a member of the Almaty Process, to "
            "host the Fifth Senior Officials' Meeting in Bishkek.\n\nThe Second Regional Workshop was held in Almaty.\n")
    ex = extract([read_text(text, "t", meta)])
    fifth = event_named(ex, "Fifth Senior Officials")
    assert fifth.label == "Fifth Senior Officials' Meeting of the Almaty Process"
    facts = {(s.subject, s.predicate, s.object): s.qualifiers for s in ex.statements.values()}
    assert facts[("state:KGZ", "hosts", fifth.id)]["status"] == "planned"
    assert facts[(fifth.id, "located_in", "state:KGZ")] == {"place": "Bishkek", "status": "planned"}
    # an ordinal meeting that the document's series does not name stays unnamed (no event, no host)
    assert not [e for e in ex.entities.values() if e.type == "Event" and "Workshop" in e.label]
