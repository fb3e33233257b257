"""part_of family: sessions of a meeting, meetings of the GFMD process, named sessions, events of a process."""
from genre import COORDINATION_2008, GFMD_2010, extract_text


def run(text, meta=GFMD_2010):
    ex = extract_text(text, meta)
    return {(s.subject, s.object) for s in ex.statements.values() if s.predicate == "part_of"}, ex


def test_sessions_under_headings_are_part_of_the_documents_meeting():
    facts, ex = run("The Fourth Meeting of the Global Forum took place in Puerto Vallarta.\n\n"
                    "RT Session 1.1: Partnerships for more regular and protected migration\n\n"
                    "(Co-Chairs: Brazil and France)\n\n"
                    "6.5. SPECIAL SESSION ON THE FUTURE OF THE FORUM\n\nThe session was lively.\n")
    assert ("event:gfmd-2010-rt-1-1", "event:gfmd-2010") in facts
    assert ("event:gfmd-2010", "process:gfmd") in facts
    special = next(e for e in ex.entities.values() if "future of the forum" in e.label.lower())
    assert (special.id, "event:gfmd-2010") in facts
    assert ex.entity("event:gfmd-2010-rt-1-1").date == "2010"


def test_every_gfmd_meeting_a_sentence_names_is_part_of_the_gfmd():
    facts, ex = run("The 2012 GFMD in Mauritius built on the results of GFMD 2011. The next meeting is planned.\n",
                    COORDINATION_2008)
    assert {("event:gfmd-2012", "process:gfmd"), ("event:gfmd-2011", "process:gfmd")} <= facts
    rules = {s.rule for s in ex.statements.values() if s.subject == "event:gfmd-2012"}
    assert rules == {"part_of.gfmd-meeting-named"}
    assert run("The Global Forum process continued in 2012.\n", COORDINATION_2008)[0] == set()


def test_named_session_in_prose_belongs_to_the_meeting_just_named():
    facts, ex = run("Mr. Esteban Conejos, in his capacity as Chair of the second meeting of the Global Forum on Migration and "
                    "Development, held in Manila from 27 to 30 October 2008, presented its outcomes. The Special Session on "
                    "the Future of the Forum had been chaired by Mr. Peter Sutherland.\n", COORDINATION_2008)
    special = next(e for e in ex.entities.values() if "future of the forum" in e.label.lower())
    assert (special.id, "event:gfmd-2008") in facts


def test_event_of_a_process():
    facts, ex = run("The Fifth Ministerial Consultations of the Colombo Process were held in Dhaka, Bangladesh, in April 2011.\n",
                    COORDINATION_2008)
    ev = next(e for e in ex.entities.values() if "Fifth Ministerial" in e.label)
    assert (ev.id, "process:colombo-process") in facts


def test_no_session_without_a_heading_or_a_meeting():
    facts, _ = run("Delegates discussed session 1.1 at length, as noted in the previous report.\n", COORDINATION_2008)
    assert not facts
