"""corridors family: origin -> destination, flow, direction_inferred."""
import pytest

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

pytest.importorskip("migkg.ontology.registry")
META = {"title": "Report on migration", "date": "2009"}


def corridors(text):
    ex = extract([read_text(text, "t", META)])
    return {(s.subject, s.object, s.qualifiers.get("flow"), s.qualifiers.get("direction_inferred"))
            for s in ex.statements.values() if s.predicate == "corridor"}


def test_from_list_to_list_is_every_pair():
    got = corridors("ISIM has been undertaking a study of migration of health care workers from Jamaica and Poland to "
                    "Canada and Ireland.\n")
    assert {(o, d) for o, d, _, _ in got} == {("state:JAM", "state:CAN"), ("state:JAM", "state:IRL"),
                                              ("state:POL", "state:CAN"), ("state:POL", "state:IRL")}


def test_demonym_workers_in_state_and_remittances():
    got = corridors("In 2006, of the 1,208 Guatemalan workers in Canada, only one failed to return. "
                    "They have a program that allows migrants in France to easily transfer remittances to Mali.\n")
    assert ("state:GTM", "state:CAN", "labour", False) in got
    assert ("state:MLI", "state:FRA", "remittance", False) in got


def test_above_countries_reference():
    got = corridors("Japan and the Republic of Korea have seen more international marriages. Many foreign brides come "
                    "to the above countries from neighbouring developing countries —China and Viet Nam.\n")
    assert ("state:VNM", "state:JPN", "family", False) in got and len(got) == 4


def test_inferred_from_programme_wording():
    got = corridors("Guatemala sees its temporary agricultural workers program with Canada as a useful framework.\n")
    assert got == {("state:GTM", "state:CAN", "labour", True)}


def test_no_corridor_without_direction():
    assert corridors("Cooperation between regions that share significant movements of migrants was discussed. "
                     "The Senegalese diaspora in French hospitals is engaged.\n") == set()
