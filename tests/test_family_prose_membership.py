"""prose_membership family: member_of in prose and succeeded_by."""
import pytest

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

pytest.importorskip("migkg.ontology.registry")


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
