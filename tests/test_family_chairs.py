"""chairs / membership / funding / participation / entities families on small texts in the corpus' genre."""
import pytest

from genre import GFMD_2010, extract_text


def run(text, meta=GFMD_2010):
    ex = extract_text(text, meta)
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


# --- offices resolved to their holders, process chairs, passive "chaired by" ------------------------------------
def chairs_of(facts, obj):
    return {f[0] for f in facts if f[1] == "chairs" and f[2] == obj}


def test_offices_resolve_to_the_people_the_document_names():
    facts, ex = run("In late October 2010, Amb. Julián Ventura Valero, Undersecretary for North America at the SRE assumed "
                    "the GFMD Chairmanship.\n\n"
                    "6.5. SPECIAL SESSION ON THE FUTURE OF THE FORUM\n\n"
                    "The Special Session was co-chaired by the Mexican Chair-in-office and the Special Representative of the "
                    "Secretary-General for Migration and Development.\n\n"
                    "The Special Representative of the Secretary General, Sir Peter Sutherland, suggested some approaches.\n")
    special = next(e.id for e in ex.entities.values() if "future of the forum" in e.label.lower())
    assert {"person:julian-ventura-valero", "person:peter-sutherland"} <= chairs_of(facts, special)
    assert "state:MEX" in chairs_of(facts, special)
    rules = {s.rule for s in ex.statements.values() if s.object == special and s.predicate == "chairs"}
    assert "chairs.chaired-by+office-holder" in rules
    assert ("person:julian-ventura-valero", "chairs", "process:gfmd", "chair-in-office", "actual") in facts


def test_the_latest_holder_before_the_reference_wins():
    facts, ex = run("The Government appointed Amb. Ana Ruiz, Undersecretary, as the GFMD 2010 Chair-in-Office.\n\n"
                    "In October 2010, Amb. Luis Mora, Undersecretary, assumed the GFMD Chairmanship.\n\n"
                    "RT Session 1.1: Partnerships\n\n"
                    "The Session was chaired by the Chair-in-Office.\n")
    assert chairs_of(facts, "event:gfmd-2010-rt-1-1") == {"person:luis-mora"}


def test_a_chair_appointed_by_a_government_acts_for_its_state():
    facts, _ = run("The Ghanaian Government appointed Amb. Kofi Mensah, Chief Director, as the GFMD 2013 Chair-in-Office.\n"
                   "The Government appointed Amb. Ana Ruiz, Undersecretary, as the GFMD 2014 Chair-in-Office.\n")
    assert ("person:kofi-mensah", "chairs", "process:gfmd", "chair-in-office", "actual") in facts
    assert ("state:GHA", "chairs", "process:gfmd", "chair-in-office", "actual") in facts
    assert ("person:kofi-mensah", "affiliated_with", "state:GHA", None, "actual") in facts
    assert {f[0] for f in facts if f[1] == "chairs"} == {"person:kofi-mensah", "state:GHA", "person:ana-ruiz"}


def test_chaired_by_named_person_in_apposition():
    facts, ex = run("The second meeting of the GFMD, held in Manila in October 2008, closed. The Special Session on the Future "
                    "of the Forum had been chaired by the Special Representative to the Secretary-General, Mr. Peter "
                    "Sutherland.\n", {"title": "Seventh Coordination Meeting on International Migration",
                                      "date": "2009", "subject_date": "2008-11"})
    special = next(e.id for e in ex.entities.values() if "future of the forum" in e.label.lower())
    assert special.startswith("event:gfmd-2008-")
    assert chairs_of(facts, special) == {"person:peter-sutherland"}


def test_incoming_and_next_process_chairs_are_planned():
    facts, _ = run("As next GFMD Chair, Switzerland gave assurance that the concerns will be taken into account.\n\n"
                   "The incoming 2011 GFMD Chair, H.E. Mr. Eduard Gnesa, Special Ambassador for Migration, Switzerland, "
                   "expressed his satisfaction.\n")
    assert ("state:CHE", "chairs", "process:gfmd", "chair", "planned") in facts
    assert ("person:eduard-gnesa", "chairs", "process:gfmd", "chair", "planned") in facts


def test_ordinal_meeting_year_interpolated_for_a_chair():
    facts, _ = run("The second meeting of the GFMD was held in Manila in October 2008. The Fourth Meeting of the Global Forum "
                   "on Migration and Development was held in November 2010.\n\n"
                   "Mr. Athanassios Nakos, Vice-Minister of the Interior of Greece and Chair of the Third Meeting of the "
                   "Global Forum, spoke.\n")
    assert ("state:GRC", "chairs", "event:gfmd-2009", "chair", "actual") in facts


@pytest.mark.parametrize("text", [
    # a vocative list: the speaker ("I") is the chair, not the last person named
    "Mr. President, Mr. Peter Sutherland, Special Representative, Dr. Koser, I have the honor to address you today as "
    "the Chair of the Global Migration Group.\n",
    # a committee of an organisation, not the organisation
    "Rapporteur : Mr Richard Manning, Chair of the OECD's Development Assistance Committee\n",
    # an office nobody in the document holds
    "RT Session 1.1: Partnerships\n\nThe Session was chaired by the High Commissioner.\n",
])
def test_no_chair(text):
    facts, _ = run(text)
    assert not [f for f in facts if f[1] == "chairs"]


# --- roles: the explicit text wins over a table column or an acting-for copy (audit pattern 8) ---------------------
def test_single_chair_in_parentheses_is_chair_and_stays_chair():
    facts, _ = run("RT Session 2.1: Engaging diaspora entrepreneurs\n\n(Chair: Kenya)\n\n"
                   "Chair: Mr. David Mwangi, Principal Secretary, Ministry of Labour, Kenya\n")
    roles = {f[3] for f in facts if f[0] == "state:KEN" and f[1] == "chairs"}
    assert roles == {"chair"}


def test_co_chair_state_is_not_also_chair_through_its_minister():
    facts, _ = run("RT Session 1.1: Recognizing skills\n\n(Co-chairs: Chile and Spain)\n\n"
                   "Chair: Ms. Elena Ruiz, Secretary of State for Migration, Spain\n")
    assert {f[3] for f in facts if f[0] == "state:ESP" and f[1] == "chairs"} == {"co-chair"}
    assert ("person:elena-ruiz", "chairs", "event:gfmd-2010-rt-1-1", "chair", "actual") in facts


# --- taking up or holding the chair of a process ----------------------------------------------------------------
def test_served_as_chair_in_office_person_and_state():
    facts, _ = run("H.E. Ms. Amina Diallo, Minister of Foreign Affairs of Senegal, served as GFMD Chair-in-Office for 2015.\n")
    assert ("person:amina-diallo", "chairs", "process:gfmd", "chair-in-office", "actual") in facts
    assert ("state:SEN", "chairs", "process:gfmd", "chair-in-office", "actual") in facts


def test_will_assume_chairmanship_of_a_process_is_planned():
    facts, ex = run("Paraguay will assume the chairmanship of the Regional Conference on Migration in 2017.\n")
    assert ("state:PRY", "chairs", "process:rcm", "chair", "planned") in facts
    st = next(s for s in ex.statements.values() if s.subject == "state:PRY" and s.predicate == "chairs")
    assert st.qualifiers["start"] == "2017"


def test_chair_of_a_panel_is_not_chair_of_a_process():
    facts, _ = run("Professor Anna Berg served as chair of the panel discussion on skills.\n")
    assert not any(f[1] == "chairs" and f[2].startswith("process:") for f in facts)


# --- the document's own meeting: "The meeting was chaired by" --------------------------------------------------------
UNSEEN_META = {"title": "Record of the Regional Consultation on Labour Migration in West Africa", "date": "2017-03-02",
               "place": "Dakar, Senegal"}


def test_the_meeting_chaired_by_is_the_documents_meeting():
    facts, _ = run("Record of the Regional Consultation on Labour Migration in West Africa\n\nDakar, Senegal, 2 March 2017\n\n"
                   "1. Opening\n\nThe meeting was convened by the International Labour Organization (ILO) and co-chaired by "
                   "Ms. Awa Ba, Director of Employment, Ministry of Labour, Senegal, and Mr. Kofi Mensah, Senior Migration "
                   "Specialist, ILO.\n", UNSEEN_META)
    chairs = {f[0] for f in facts if f[1] == "chairs" and f[3] == "co-chair"}
    assert {"person:awa-ba", "state:SEN", "person:kofi-mensah", "org:ilo"} <= chairs


def test_the_meeting_after_another_event_is_not_the_documents():
    facts, _ = run("Record of the Regional Consultation on Labour Migration in West Africa\n\nDakar, Senegal, 2 March 2017\n\n"
                   "The second meeting of the Working Group on Recruitment was held in Accra on 1 February 2017. "
                   "The meeting was chaired by Mr. Kofi Mensah, Senior Migration Specialist, ILO.\n", UNSEEN_META)
    assert not any(f[1] == "chairs" and f[0] == "person:kofi-mensah" for f in facts)


def test_co_chairmanship_taken_by_two_states_and_their_representatives():
    facts, _ = run("Sweden and Turkey assumed the GFMD Co-Chairmanship on 1 January 2015.\n\n"
                   "Ambassador Lena Hult, Special Envoy, Ministry for Foreign Affairs, Sweden, and Mr. Emre Yilmaz, "
                   "Director General, Ministry of Interior, Turkey, served as the GFMD Co-Chairs.\n")
    for actor in ("state:SWE", "state:TUR", "person:lena-hult", "person:emre-yilmaz"):
        assert (actor, "chairs", "process:gfmd", "co-chair", "actual") in facts, actor


def test_handover_and_offer_to_assume_the_chairmanship():
    facts, _ = run("Mauritius, as outgoing Chair, handed over the chairmanship of the Budapest Process to Hungary.\n\n"
                   "The meeting welcomed the offer of the Government of Georgia to assume the chairmanship of the "
                   "Budapest Process in 2021.\n")
    assert ("state:MUS", "chairs", "process:budapest-process", "chair", "ended") in facts
    assert ("state:HUN", "chairs", "process:budapest-process", "chair", "actual") in facts
    assert ("state:GEO", "chairs", "process:budapest-process", "chair", "planned") in facts
    assert ("state:GEO", "chairs", "process:budapest-process", "chair", "actual") not in facts


def test_body_and_its_chair_in_apposition():
    facts, ex = run("The Global Migration Group (GMG), chaired in 2012 by UNFPA, issued a statement.\n\n"
                    "The Technical Working Group on Labour Statistics, chaired by Kenya, presented its report.\n")
    assert ("org:unfpa", "chairs", "org:gmg", "chair", "actual") in facts
    group = next(o for s, p, o, *_ in facts if s == "state:KEN" and p == "chairs")
    assert "Working Group on Labour Statistics" in ex.entity(group).label


def test_doc_meeting_chaired_by_an_honourable_minister():
    meta = {"title": "Fifth Ministerial Consultation of the Colombo Process", "date": "2016-08"}
    facts, ex = run("The Consultation was chaired by Hon. Thalatha Perera, Minister of Foreign Employment of Sri Lanka.\n",
                    meta)
    meeting = next(e for e in ex.entities if e.startswith("event:fifth-ministerial-consultation"))
    assert ("person:thalatha-perera", "chairs", meeting, "chair", "actual") in facts
    assert ("state:LKA", "chairs", meeting, "chair", "actual") in facts
