"""agreements family: Agreement entities with kinds and party_to for every named party, on corpus and own sentences."""
import pytest

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

pytest.importorskip("migkg.ontology.registry")
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
