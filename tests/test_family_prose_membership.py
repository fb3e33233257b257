"""prose_membership family: member_of in prose and succeeded_by."""

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text



def statements(text, meta=None):
    ex = extract([read_text(text, "t", meta or {"title": "Statements", "date": "2011"})])
    return {(s.subject, s.predicate, s.object, s.qualifiers.get("role")) for s in ex.statements.values()}


def test_welcomed_as_members():
    got = statements("We are pleased to have welcomed UN Women and the World Health Organization as the most recent "
                     "members of the GMG.\n")
    members = {s for s, p, o, r in got if p == "member_of" and r == "member"}
    assert "org:who" in members and len(members) == 2


def test_now_parenthetical_succession():
    got = statements("The consultations co-organized by UNIFEM (now part of UN Women) and Mexico were held.\n")
    assert any(p == "succeeded_by" and s == "org:unifem" for s, p, o, r in got)


def test_next_meeting_of_the_documents_gfmd_meeting():
    meta = {"title": "Report of the first meeting of the Global Forum on Migration and Development, Belgium, July 2007",
            "date": "2008", "subject_date": "2007-07"}
    got = statements("Looking forward, the next GFMD meeting will be organized by the Philippines in Manila in 2008.\n", meta)
    assert ("event:gfmd-2007", "succeeded_by", "event:gfmd-2008", None) in got


def test_no_membership_without_a_body():
    got = statements("Mexico, a member of many groups, spoke.\n")
    assert not any(p == "member_of" for _, p, _, _ in got)


def own_meeting(text):
    """A document without catalogue entry: its meeting comes from the front matter, as in a build."""
    from migkg.loaders.doc_meta import infer_meta
    doc = read_text("**Third Ministerial Conference of the Budapest Process**\n\nIstanbul, Turkey, 19 April 2013\n\n"
                    + text, "t", None)
    doc.meta = infer_meta(doc)
    ex = extract([doc])
    return {(s.subject, s.predicate, s.object, s.qualifiers.get("role"), s.qualifiers.get("status"))
            for s in ex.statements.values()}


def test_members_listed_after_the_process_and_their_participation():
    got = own_meeting("Delegations of the member States of the Budapest Process (Bulgaria, Georgia and Turkey) took "
                      "part in the meeting. Member States of the Colombo Process: Nepal, Sri Lanka.\n")
    members = {(s, o) for s, p, o, r, _ in got if p == "member_of" and r == "member"}
    assert members == {("state:BGR", "process:budapest-process"), ("state:GEO", "process:budapest-process"),
                       ("state:TUR", "process:budapest-process"), ("state:NPL", "process:colombo-process"),
                       ("state:LKA", "process:colombo-process")}
    assert {s for s, p, o, r, _ in got if p == "participates_in" and r == "participant"} == {
        "state:BGR", "state:GEO", "state:TUR"}


def test_observers_of_a_process_and_of_the_meeting():
    got = own_meeting("Armenia and Azerbaijan participate in the Budapest Process as observers. Canada and Norway "
                      "attended as observers, as did representatives of UNHCR.\n")
    assert {(s, r) for s, p, o, r, _ in got if p == "member_of"} == {("state:ARM", "observer"), ("state:AZE", "observer")}
    assert {(s, r) for s, p, o, r, _ in got if p == "participates_in"} == {
        ("state:CAN", "observer"), ("state:NOR", "observer"), ("org:unhcr", "observer")}
    got = own_meeting("Representatives of the World Health Organization (WHO) and UNICEF also attended as observers.\n")
    assert {(s, r) for s, p, o, r, _ in got if p == "participates_in"} == {("org:who", "observer"), ("org:unicef", "observer")}
    # people "from" states who attend are not the states' delegations
    got = own_meeting("Experts from Canada and Norway attended as observers.\n")
    assert not any(p == "participates_in" for _, p, _, _, _ in got)


def test_next_meeting_succeeds_the_gfmd_meeting_as_planned():
    got = statements("The next GFMD meeting will be organized by the Philippines in Manila in 2008.\n",
                     {"title": "Report of the First Meeting of the Global Forum on Migration and Development",
                      "date": "2007", "subject_date": "2007-07"})
    assert ("event:gfmd-2007", "succeeded_by", "event:gfmd-2008", None) in got


def test_succession_dates_and_other_series():
    ex = extract([read_text("The consultations co-organized by UNIFEM (now part of UN Women) and Mexico on 7-8 "
                            "September 2010 were held.\n", "t", {"title": "Statements", "date": "2011"})])
    [st] = [s for s in ex.statements.values() if s.predicate == "succeeded_by"]
    assert st.qualifiers == {"status": "actual"}          # the date is the consultations', not the succession's
    got = own_meeting("The representative noted that the next Global Urban Forum would be held in Brazil in 2014.\n")
    assert not any(p == "succeeded_by" for _, p, _, _, _ in got)


def test_is_member_of_with_a_subject_list():
    got = statements("Mexico and Guatemala are members of the Puebla Process. Norway is an observer of the Budapest "
                     "Process.\n")
    assert {(s, o, r) for s, p, o, r in got if p == "member_of"} == {
        ("state:MEX", "process:rcm", "member"), ("state:GTM", "process:rcm", "member"),
        ("state:NOR", "process:budapest-process", "observer")}
    assert not any(p == "member_of" for _, p, _, _ in statements("Experts from Mexico are members of the Puebla "
                                                                  "Process.\n"))
