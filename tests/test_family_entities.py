"""entities family: organisations from acronym definitions and own names, people, GFMD meeting ordinals, doc events."""
import pytest

registry_mod = pytest.importorskip("migkg.ontology.registry")
if not hasattr(registry_mod, "default_registry"):
    pytest.skip("registry not available yet", allow_module_level=True)

from migkg.loaders.context import Extraction  # noqa: E402
from migkg.loaders.families import entities  # noqa: E402
from migkg.loaders.reader import read_text  # noqa: E402

META = {"title": "Seventh Coordination Meeting on International Migration, New York, 20-21 November 2008",
        "date": "2009", "subject_date": "2008-11"}


def run(text, meta=META):
    ex = Extraction(registry_mod.default_registry())
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


def test_foundations_by_name_and_spelling_variants_are_one():
    ex, _ = run("Support came from the MacArthur Foundation (USA).\n\nMr John Slocum (Director, Mac Arthur Foundation) spoke.\n")
    ids = {ex.discovered["MacArthur Foundation"], ex.discovered["Mac Arthur Foundation"]}
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
