"""chairs / membership / funding / participation / entities families on small texts in the corpus' genre."""
import pytest

registry_mod = pytest.importorskip("migkg.ontology.registry")
if not hasattr(registry_mod, "default_registry"):
    pytest.skip("registry not available yet", allow_module_level=True)

from migkg.loaders.pipeline import extract  # noqa: E402
from migkg.loaders.reader import read_text  # noqa: E402

GFMD_META = {"title": "Fourth Meeting of the Global Forum on Migration and Development, Puerto Vallarta, 8-11 November 2010",
             "date": "2011-12-01", "subject_date": "2010-11"}


def run(text, meta=GFMD_META):
    ex = extract([read_text(text, "t", meta)])
    return {(s.subject, s.predicate, s.object, s.qualifiers.get("role"), s.qualifiers.get("status"))
            for s in ex.statements.values()}, ex


def test_parenthetical_co_chairs_under_a_session_heading():
    facts, _ = run("RT Session 2.1: Reducing the costs of migration\n\n(Co-chairs: Sri Lanka; Sweden; United Arab Emirates)\n")
    chairs = {f[0] for f in facts if f[1] == "chairs" and f[2] == "event:gfmd-2010-rt-2-1"}
    assert chairs == {"state:LKA", "state:SWE", "state:ARE"}


def test_panel_line_person_and_government():
    facts, _ = run("Session 1.4 – How can circular migration serve development?\n\n"
                   "Co-chair : Mr Ali Mansoor, Financial Secretary, Ministry of Finance, Mauritius\n")
    assert ("state:MUS", "chairs", "event:gfmd-2010-rt-1-4", "co-chair", "actual") in facts
    assert any(f[0] == "person:ali-mansoor" and f[1] == "affiliated_with" and f[2] == "state:MUS" for f in facts)


def test_no_chair_without_a_session():
    facts, _ = run("The delegates discussed many things.\n\n(Co-chairs: Brazil and France)\n")
    assert not any(f[1] == "chairs" for f in facts)


def test_listed_body_with_changes():
    facts, _ = run("² The extended Troika for the 2010 GFMD was comprised by Belgium, Philippines, Greece, Spain (replaced by "
                   "Switzerland in October 2010) and Morocco (withdrew in October 2010).\n")
    troika = {(f[0], f[4]) for f in facts if f[1] == "member_of"}
    assert ("state:ESP", "ended") in troika and ("state:CHE", "actual") in troika and ("state:MAR", "ended") in troika
    assert ("state:BEL", "actual") in troika


def test_leaving_a_listed_body():
    facts, _ = run("The GFMD assessment team is comprised of the Governments of Argentina, Kenya and Greece. "
                   "On October 2010, the Greek government announced its decision to not participate in the assessment team.\n")
    members = {(f[0], f[4]) for f in facts if f[1] == "member_of"}
    assert ("state:GRC", "ended") in members and ("state:GRC", "actual") not in members
    assert ("state:KEN", "actual") in members


def test_contribution_table_and_prose_amounts():
    _, ex = run("International contributions to the fourth Meeting of the Global Forum on Migration and Development\n\n"
                "Donors\tAmount\tPurpose\n\nNorway\tEuro 104,448.50\tFor participants from developing countries\n\n"
                "The budget allocated by the Government of Belgium was of 890,000 €.\n")
    funds = {(s.subject, s.qualifiers.get("amount"), s.qualifiers.get("currency"))
             for s in ex.statements.values() if s.predicate == "funds"}
    assert ("state:NOR", 104448.5, "EUR") in funds
    assert ("state:BEL", 890000, "EUR") in funds


def test_acronym_definition_makes_an_organisation():
    _, ex = run("Mr. John Bingham of the International Catholic Migration Commission (ICMC) spoke.\n")
    assert "org:international-catholic-migration-commission" in ex.entities
    assert ex.entities["org:international-catholic-migration-commission"].acronym == "ICMC"


def test_evidence_is_exact():
    text = "RT Session 1.1: Partnerships\n\n(Co-Chairs: Brazil and France)\n"
    _, ex = run(text)
    for st in ex.statements.values():
        for ev in st.evidence:
            assert text[ev.start:ev.end].strip()
