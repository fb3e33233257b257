"""hosting family: who hosts a GFMD meeting and where it took place."""
import pytest

registry_mod = pytest.importorskip("migkg.ontology.registry")
if not hasattr(registry_mod, "default_registry"):
    pytest.skip("registry not available yet", allow_module_level=True)

from migkg.loaders.pipeline import extract  # noqa: E402
from migkg.loaders.reader import read_text  # noqa: E402

META = {"title": "Seventh Coordination Meeting on International Migration, New York, 20-21 November 2008",
        "date": "2009", "subject_date": "2008-11"}


def run(text, meta=META):
    ex = extract([read_text(text, "t", meta)])
    return {(s.subject, s.predicate, s.object): s for s in ex.statements.values()}


def test_corpus_resolution_offer_to_host_the_second_meeting():
    facts = run("Taking note of the summary report of the first meeting of the Global Forum on Migration and Development, held "
                "in Brussels from 9 to 11 July 2007 under the auspices of the Government of Belgium, and the generous offer "
                "of the Government of the Philippines to host the second meeting, from 27 to 30 October 2008, in Manila,\n")
    assert ("state:PHL", "hosts", "event:gfmd-2008") in facts
    assert ("event:gfmd-2008", "located_in", "state:PHL") in facts
    assert ("state:BEL", "hosts", "event:gfmd-2007") in facts
    assert ("event:gfmd-2007", "located_in", "state:BEL") in facts
    assert facts[("state:PHL", "hosts", "event:gfmd-2008")].qualifiers["date"] == "2008"


def test_own_sentence_to_host_a_meeting_by_year():
    facts = run("The Government of Bangladesh offered to host the 2016 GFMD in Dhaka.\n")
    assert ("state:BGD", "hosts", "event:gfmd-2016") in facts
    assert ("event:gfmd-2016", "located_in", "state:BGD") in facts


def test_hosted_by_after_the_meeting():
    facts = run("The 2012 GFMD meeting in Port Louis was hosted by Mauritius.\n")
    assert ("state:MUS", "hosts", "event:gfmd-2012") in facts


def test_meeting_city_without_host():
    facts = run("In line with the recommendations of the 2009 Athens GFMD meeting, the seminar took place.\n")
    assert ("event:gfmd-2009", "located_in", "state:GRC") in facts
    assert not [k for k in facts if k[1] == "hosts"]


@pytest.mark.parametrize("text", [
    "Delegates asked who would host the second meeting.\n",                       # the Forum is not named
    "Greece, Argentina, Spain and Morocco had already offered to host future meetings of the Global Forum.\n",
    "The Government of Chile hosted a reception for the delegates of the GFMD.\n",
])
def test_no_host_without_a_named_meeting(text):
    assert not [k for k in run(text) if k[1] == "hosts" and k[2].startswith("event:gfmd-")]
