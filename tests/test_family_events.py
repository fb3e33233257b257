"""events family: events named in prose (not GFMD meetings), their place, date, organisers and attendees."""
import pytest

registry_mod = pytest.importorskip("migkg.ontology.registry")
if not hasattr(registry_mod, "default_registry"):
    pytest.skip("registry not available yet", allow_module_level=True)

from migkg.loaders.pipeline import extract  # noqa: E402
from migkg.loaders.reader import read_text  # noqa: E402

DEBATE = {"title": "Informal Thematic Debate on International Migration and Development, 19 May 2011",
          "date": "2011-05-19", "subject_date": "2011-05"}
SERIES = {"title": "Connecting the Dots: a fresh look. A report of the Conversations on the Global Governance of Migration, "
                   "Phase 1, October-December 2009", "date": "2010", "subject_date": "2009-12"}


def run(text, meta=DEBATE):
    ex = extract([read_text(text, "t", meta)])
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
