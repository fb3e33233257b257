"""entities family: organisations from acronym definitions and own names, people, GFMD meeting ordinals, doc events."""
import pytest

from migkg.loaders.context import Extraction
from migkg.loaders.families import entities
from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text
from migkg.ontology.registry import default_registry

from genre import COORDINATION_2008


def run(text, meta=COORDINATION_2008):
    ex = Extraction(default_registry())
    doc = read_text(text, "t", meta)
    entities.extract(doc, ex)
    return ex, doc


def test_acronym_definition_in_the_corpus():
    ex, _ = run("A study by the Institute for Public Policy Research (IPPR) was cited. The Ministry of Overseas Indian "
                "Affairs (MOIA) and the Philippine Overseas Employment Administration (POEA) replied.\n")
    org = ex.entity(ex.discovered["IPPR"])
    assert org.label == "Institute for Public Policy Research" and org.kind == "academic"
    assert ex.entity(ex.discovered["MOIA"]).kind == "government_body"
    assert "POEA" not in ex.discovered          # the registry knows it: no second organisation


def test_acronyms_made_of_word_beginnings():
    # AFFORD = AF(rican) F(oundation) FOR D(evelopment): the whole name, not "African Foundation"
    ex, _ = run("Discussant: Mr Kwame Boateng, Executive Director of the Ghana Foundation for Migration Research "
                "(GHAFOMIRE)\n")
    assert ex.entity(ex.discovered["GHAFOMIRE"]).label == "Ghana Foundation for Migration Research"


def test_initials_keep_their_case():
    ex, _ = run("x\n")
    assert entities.person_at(ex, "H.E. Mr M.S. Rao, Joint Secretary, Government of India").id == "person:m-s-rao"
    assert ex.entity("person:m-s-rao").label == "M.S. Rao"


def test_foundations_by_name_and_spelling_variants_are_one():
    # names the registry does not know (the registry's own foundations resolve there)
    ex, _ = run("Support came from the Wexhall Foundation (USA).\n\nMr John Slocum (Director, Wex Hall Foundation) spoke.\n")
    ids = {ex.discovered["Wexhall Foundation"], ex.discovered["Wex Hall Foundation"]}
    assert len(ids) == 1 and ex.entity(ids.pop()).kind == "foundation"


def test_two_bodies_joined_by_and_are_not_one_name():
    ex, _ = run("It thanked the Organizing Committee and Bancomer Foundation for the Civil Society Days.\n")
    assert "Bancomer Foundation" in ex.discovered
    assert not any("Committee" in n for n in ex.discovered)


def test_person_with_title_and_country():
    ex, _ = run("x\n")
    p = entities.person_at(ex, "H.E. Ms. Lorena Escudero National Secretary for Migrants, Ecuador")
    assert p.id == "person:lorena-escudero" and p.acts_for == "state:ECU"
    q = entities.person_at(ex, "Mr. Esteban Conejos Jr., Under-Secretary, Department of Foreign Affairs of the Philippines")
    assert q.id == "person:esteban-conejos" and q.acts_for == "state:PHL"


def test_meeting_ordinals_learned_and_interpolated():
    ex, _ = run("The second meeting of the GFMD, held in Manila in October 2008, was a success.\n\n"
                "The Fourth Meeting of the Global Forum on Migration and Development took place in November 2010.\n")
    years = entities.meeting_years(ex)
    assert years[2] == "2008" and years[4] == "2010" and years[3] == "2009"
    assert entities.gfmd_meetings_in(ex, "Chair of the Third Meeting of the Global Forum")[0][2] == "2009"


def test_no_interpolation_across_an_uneven_gap():
    ex, _ = run("The second meeting of the GFMD, held in Manila in October 2008.\n\n"
                "The Fourth Meeting of the Global Forum on Migration and Development, held in 2011.\n")
    assert 3 not in entities.meeting_years(ex)


def test_document_event_from_a_title_part():
    ex, doc = run("x\n", {"title": "Connecting the Dots: a fresh look. A report of the Conversations on the Global "
                                   "Governance of Migration, Phase 1, October-December 2009", "subject_date": "2009-12"})
    assert ex.entity(entities.doc_event(ex, doc)).label == "Conversations on the Global Governance of Migration (2009)"


@pytest.mark.parametrize("text", [
    "The Global Forum on Migration and Development (GFMD) met.\n",        # the registry knows it
    "The Millennium Development Goals (MDGs) were discussed.\n",          # not an organisation
    "Results were presented in the Final Report (FR).\n",
])
def test_no_new_organisation(text):
    ex, _ = run(text)
    assert not [e for e in ex.entities.values() if e.type == "Organization"]


# --- the document's own event for an uncatalogued document (front matter from loaders/doc_meta.py) -----------------
def test_uncatalogued_gfmd_report_gives_the_meeting_with_date_and_place():
    meta = {"title": "Report of the Ninth Meeting of the Global Forum on Migration and Development", "date": "2016-12",
            "place": "Dhaka, Bangladesh"}
    doc = read_text("Report of the Ninth Meeting of the Global Forum on Migration and Development\n\nDhaka, Bangladesh, "
                    "10-12 December 2016\n\nThe Ninth Meeting of the GFMD took place in Dhaka.\n", "t", meta)
    ex = extract([doc])          # all families: the place-date line is read by the hosting family
    assert entities.doc_event(ex, doc) == "event:gfmd-2016"
    e = ex.entity("event:gfmd-2016")
    assert e.date == "2016-12" and e.place == "Dhaka" and e.country == "state:BGD"
    assert any(s.subject == "event:gfmd-2016" and s.predicate == "located_in" and s.object == "state:BGD"
               for s in ex.statements.values())


def test_rcp_meeting_title_names_its_process():
    meta = {"title": "BALI PROCESS ON PEOPLE SMUGGLING — Sixth Ministerial Conference", "date": "2016-03", "place": "Bali"}
    doc = read_text("BALI PROCESS ON PEOPLE SMUGGLING\n\nSixth Ministerial Conference\n\nBali, Indonesia, 23 March 2016\n\n"
                    "The Sixth Ministerial Conference of the Bali Process was held in Bali on 23 March 2016.\n", "t", meta)
    ex = extract([doc])
    eid = entities.doc_event(ex, doc)
    assert ex.entity(eid).label == "Sixth Ministerial Conference of the Bali Process (2016)"
    assert any(s.subject == eid and s.predicate == "part_of" and s.object == "process:bali-process" for s in ex.statements.values())
    assert len([e for e in ex.entities.values() if e.type == "Event"]) == 1


def test_record_of_a_meeting_drops_the_record_of():
    meta = {"title": "Record of the Inter-Agency Meeting on Climate Mobility", "date": "2018-02-01"}
    ex, doc = run("Record of the Inter-Agency Meeting on Climate Mobility\n\nBangkok, 1 February 2018\n", meta)
    assert ex.entity(entities.doc_event(ex, doc)).label == "Inter-Agency Meeting on Climate Mobility (2018)"


# --- acting-for and titles (audit patterns 1, 2) ------------------------------------------------------------------
def test_acting_for_needs_a_government_office_or_an_intergovernmental_body():
    ex, _ = run("x\n")
    act = lambda text: entities.person_at(ex, text).acts_for
    assert act("Mr. Lars Eriksen, Counsellor, Permanent Mission of Denmark to the United Nations Office at Geneva") == "state:DNK"
    assert act("Ms. Ruth Kimani, Deputy Governor of the Central Bank of Kenya") == "state:KEN"
    assert act("Mr. Tom Ade, Director, Migration Policy, International Organization for Migration") == "org:iom"
    assert act("Dr. Helena Vogt, Senior Researcher, University of Bergen, Norway") is None
    assert act("Mr. Carlos Ibarra, independent consultant, Lima, Peru") is None
    assert act("Mr. Frans Dekker, President, The Hague Migration Circle, Netherlands") is None
    assert act("Hon. David Wheen, Former Commissioner, Global Commission on International Migration") is None
    assert act("Mr. Idriss Amrani, President of the Council for the Moroccan Community Abroad") is None


def test_title_stops_where_the_affiliation_starts():
    ex, _ = run("x\n")
    title = lambda text: entities.person_at(ex, text).title
    assert title("Mr. Ramon Cruz Jr., Under-Secretary for Migrant Workers' Affairs, Department of Foreign Affairs") == \
        "Under-Secretary for Migrant Workers' Affairs"
    assert title("Mr. Jon Berg (State Secretary to the Minister of Justice) and Mr. Ola Dahl") == "State Secretary to the Minister of Justice"
    assert title("Mr. Ivo Marek Senior Migration Specialist International Labour Organization (ILO)") == \
        "Senior Migration Specialist"
    assert title("Mr. Jan Kowal Migration Ambassador Poland") == "Migration Ambassador"
    assert title("Mr. Jan Kowal, Chair") is None
