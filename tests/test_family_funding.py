"""funding family: contribution tables and prose amounts, financial and in-kind."""
import pytest

from genre import GFMD_2010, extract_text


def run(text, meta=GFMD_2010):
    ex = extract_text(text, meta)
    return [s for s in ex.statements.values() if s.predicate == "funds"], ex


def test_corpus_table_with_foundation_and_non_financial_part():
    funds, ex = run("International contributions to the Fourth Meeting of the GFMD\n\n"
                    "Donors\tAmount\tPurpose\n\n"
                    "Switzerland\tCHF 202,000\tFor organizational expenses / International Advisor\n"
                    "MacArthur Foundation\tUSD 136,000\tFor travel for participants / International Advisor\n\n"
                    "Non-Financial\n\n"
                    "Netherlands\tSecondment, International Advisor\n")
    got = {(s.subject, s.qualifiers.get("amount"), s.qualifiers.get("currency"), s.qualifiers.get("support")) for s in funds}
    assert ("state:CHE", 202000, "CHF", "financial") in got
    foundation = next(s.subject for s in funds if s.qualifiers.get("currency") == "USD")
    assert ex.entity(foundation).label == "MacArthur Foundation" and ex.entity(foundation).kind == "foundation"
    assert ("state:NLD", None, None, "staff") in got
    assert all(s.object == "event:gfmd-2010" for s in funds)


def test_own_prose_contributions_in_other_currencies():
    funds, _ = run("Financial contributions were received from the Kingdom of Norway (NOK 500,000) and from Australia "
                   "(AUD 75,000.50) for the 2010 GFMD.\n")
    got = {(s.subject, s.qualifiers["amount"], s.qualifiers["currency"]) for s in funds}
    assert got == {("state:NOR", 500000, "NOK"), ("state:AUS", 75000.5, "AUD")}


def test_budget_allocated_by_a_government():
    funds, _ = run("The budget allocated by the Government of Belgium was of 890,000 €.\n")
    assert {(s.subject, s.qualifiers["amount"]) for s in funds} == {("state:BEL", 890000)}


@pytest.mark.parametrize("text", [
    "The total budget devoted to the meeting was 2,400,000 €.\n",                        # a total, no donor
    "Mexico spent USD 3 million on the organisation of the meeting.\n",                  # no contribution cue
    "Remittances to the Philippines reached USD 17 billion in 2009.\n",
])
def test_no_funding(text):
    funds, _ = run(text)
    assert not funds


# --- in-kind part of a contribution table; "The meeting was funded by X" -------------------------------------------
ACCRA = {"title": "Report of the Seventh Meeting of the Global Forum on Migration and Development", "date": "2013-10",
         "place": "Accra, Ghana"}


def _funds(text, meta):
    ex = extract_text(text, meta)
    return {(s.subject, s.object): s.qualifiers for s in ex.statements.values() if s.predicate == "funds"}


def test_in_kind_support_heading_gives_in_kind_funding():
    funds = _funds("Contributions to the GFMD 2013\n\nDonor\tAmount\tPurpose\nGhana\tUSD 450,000\tHost country costs\n\n"
                   "In-kind support\n\nUNHCR\tSecondment of a policy officer to the Chair\n", ACCRA)
    assert funds[("state:GHA", "event:gfmd-2013")]["amount"] == 450000
    assert funds[("org:unhcr", "event:gfmd-2013")]["support"] == "staff"
    assert "amount" not in funds[("org:unhcr", "event:gfmd-2013")]


def test_the_meeting_was_funded_by():
    meta = {"title": "Report of the Third Ministerial Meeting of the Prague Process", "date": "2017-10", "place": "Prague"}
    text = "Report of the Third Ministerial Meeting of the Prague Process\n\nPrague, 12 October 2017\n\n"
    funds = _funds(text + "The meeting was funded by the European Union and Switzerland.\n", meta)
    assert {a for a, _ in funds} == {"org:eu", "state:CHE"}
    # a study funded by someone is not the meeting
    assert not _funds(text + "A study on return was funded by the European Union.\n", meta)


RCP_META = {"title": "Fifth Ministerial Consultation of the Colombo Process", "date": "2016-08"}


def test_table_with_the_currency_in_the_header_and_a_pledged_row():
    funds, _ = run("Contributions to the Colombo Process Regional Fund\n\nContributor\tAmount (USD)\tStatus\n"
                   "India\t40,000\tReceived\nThailand\t15,000\tPledged\nTotal\t55,000\t\n", RCP_META)
    got = {(s.subject, s.object, s.qualifiers["amount"], s.qualifiers["currency"], s.qualifiers["status"]) for s in funds}
    assert got == {("state:IND", "process:colombo-process", 40000, "USD", "actual"),
                   ("state:THA", "process:colombo-process", 15000, "USD", "planned")}


def test_table_with_a_separate_currency_column():
    funds, _ = run("Financial contributions to the GFMD 2010\n\nGovernment\tCurrency\tAmount\tEarmarking\n"
                   "Finland\tEUR\t80,000.00\tCivil Society Days\nTotal (USD equivalent)\t\t120,000.00\t\n")
    got = {(s.subject, s.qualifiers["amount"], s.qualifiers["currency"], s.qualifiers.get("purpose")) for s in funds}
    assert got == {("state:FIN", 80000, "EUR", "Civil Society Days")}


def test_doc_meeting_organised_with_financial_support_and_seconded_staff():
    funds, ex = run("The meeting was organized with the financial support of Norway and the European Union.\n\n"
                    "In addition, UNDP seconded a policy officer to the GFMD.\n", RCP_META)
    meeting = next(e for e in ex.entities if e.startswith("event:fifth-ministerial-consultation"))
    got = {(s.subject, s.object, s.qualifiers.get("support")) for s in funds}
    assert {("state:NOR", meeting, "financial"), ("org:eu", meeting, "financial"), ("org:undp", "process:gfmd", "staff")} <= got
