"""agreements family: Agreement entities with kinds and party_to for every named party, on corpus and own sentences."""

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

META = {"title": "Report of a meeting on migration", "date": "2010"}


def run(text):
    ex = extract([read_text(text, "t", META)])
    parties = {}
    for s in ex.statements.values():
        if s.predicate == "party_to":
            parties.setdefault(s.object, set()).add(s.subject)
    return ex, parties


def test_agreement_with_and_reference_to_the_item_subject():
    ex, parties = run("- Mali has an agreement with France which allows all aspects of migration to be addressed. "
                      "There is also an agreement with\n\nSpain that allows Malian workers to work in Spain.\n")
    assert {"state:MLI", "state:FRA"} in parties.values()
    assert {"state:MLI", "state:ESP"} in parties.values()
    rules = {s.rule for s in ex.statements.values() if s.subject == "state:ESP"}
    assert "party_to.agreement-with+item-subject" in rules


def test_plural_programmes_between_one_and_many_are_pairs():
    ex, parties = run("See the draft proposal for pilot programs between France and Benin, Cameroon, Mali and Senegal, "
                      "and with Tunisia.\n")
    pairs = sorted(tuple(sorted(p)) for p in parties.values())
    assert ("state:BEN", "state:FRA") in pairs and ("state:FRA", "state:TUN") in pairs
    assert all(len(p) == 2 for p in pairs) and len(pairs) == 5


def test_hyphen_and_slash_pairs():
    _, parties = run("The bilateral programs between Mauritius-France/Canada or Mexico-Canada offer some workable models.\n")
    assert sorted(tuple(sorted(p)) for p in parties.values()) == [
        ("state:CAN", "state:MEX"), ("state:CAN", "state:MUS"), ("state:FRA", "state:MUS")]


def test_mou_planned_between_agencies_and_kind():
    ex, parties = run("Lastly, ESCWA and the International Organization for Migration are planning to sign a "
                      "Memorandum of Understanding in the near future.\n")
    (agr, who), = parties.items()
    assert ex.entities[agr].kind == "mou" and "org:iom" in who
    assert {s.qualifiers["status"] for s in ex.statements.values() if s.predicate == "party_to"} == {"planned"}


def test_own_genre_sentence_with_year_and_start():
    ex, parties = run("Peru, which has a bilateral labour agreement with Japan since 2003, reported on it.\n")
    (agr, who), = parties.items()
    assert who == {"state:PER", "state:JPN"}
    assert ex.entities[agr].kind == "bilateral_agreement"
    assert {s.qualifiers.get("start") for s in ex.statements.values() if s.predicate == "party_to"} == {"2003"}


def test_ratification_table_under_a_convention_heading():
    ex, parties = run("STATUS OF THE INTERNATIONAL CONVENTION ON THE PROTECTION OF THE RIGHTS OF ALL MIGRANT WORKERS "
                      "AND MEMBERS OF THEIR FAMILIES (OCTOBER 2008)\n\nCountry\tSignature\tRatification\n"
                      "Albania\t\t2007\nLesotho\t\t\n")
    assert list(parties.values()) == [{"state:ALB"}]
    st = next(s for s in ex.statements.values() if s.predicate == "party_to")
    assert st.qualifiers["act"] == "ratification" and st.qualifiers["date"] == "2007"


def test_described_parties_are_not_invented():
    _, parties = run("Russia has an agreement with 9 countries that has established a joint commission.\n"
                     "The EC is promoting pilot programs with African partner countries.\n")
    assert parties == {}


def test_regional_organisations_adopt_their_protocols_states_are_parties():
    ex, _ = run("The East African Community (EAC) and the Southern African Development Community (SADC)—all have "
                "protocols and treaties on free movement of people in any of the member countries. Kenya and Uganda "
                "have agreements on labour mobility in the region.\n")
    roles = {(s.subject, s.qualifiers["role"]) for s in ex.statements.values() if s.predicate == "party_to"}
    assert ("org:eac", "adopting_body") in roles and ("org:sadc", "adopting_body") in roles
    assert not any(subject.startswith("org:") and role == "party" for subject, role in roles)


def test_government_agencies_sign_for_their_states():
    _, parties = run("On the margins of the meeting, the State Migration Service of the Kyrgyz Republic and the "
                     "Migration Service of the Ministry of Labour, Migration and Employment of Tajikistan signed a "
                     "Memorandum of Understanding on the exchange of information.\n")
    assert {"state:KGZ", "state:TJK"} in parties.values()
    _, parties = run("The Ministry of Labour of Jordan and the Ministry of Manpower of Indonesia signed an agreement.\n")
    assert {"state:JOR", "state:IDN"} in parties.values()


def test_agencies_signing_and_people_from_states_signing():
    _, parties = run("IOM and UNHCR signed a Memorandum of Understanding on mixed migration in 2014.\n")
    assert {"org:iom", "org:unhcr"} in parties.values()
    _, parties = run("Experts from Kenya and Uganda signed a declaration on mobility.\n")
    assert parties == {}


def test_acronym_in_parentheses_after_the_agreement_noun():
    _, parties = run("A Memorandum of Understanding (MoU) between Sri Lanka and Jordan was signed in 2012. "
                     "Nepal has a Memorandum of Understanding (MOU) with Qatar.\n")
    assert {"state:LKA", "state:JOR"} in parties.values() and {"state:NPL", "state:QAT"} in parties.values()


def test_ratification_accession_and_signature_of_a_named_convention():
    ex, _ = run("Ghana ratified the International Convention on the Protection of the Rights of All Migrant Workers "
                "and Members of Their Families in 2000. Mexico and Peru have also acceded to the Convention. The "
                "Philippines has signed the ILO Convention No. 189 on Domestic Workers.\n")
    got = {(s.subject, s.qualifiers["act"], s.qualifiers["role"], s.qualifiers.get("date")) for s in
           ex.statements.values() if s.rule == "party_to.instrument-act"}
    assert got == {("state:GHA", "ratification", "party", "2000"), ("state:MEX", "accession", "party", None),
                   ("state:PER", "accession", "party", None), ("state:PHL", "signature", "signatory", None)}
    # people from a state, and a call to ratify, are no acts of the state
    ex, _ = run("Experts from Chile signed the ILO Convention No. 189 on Domestic Workers. Participants urged states "
                "to ratify the Convention.\n")
    assert not any(s.rule == "party_to.instrument-act" for s in ex.statements.values())
