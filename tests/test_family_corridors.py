"""corridors family: origin -> destination, flow, direction_inferred."""

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

META = {"title": "Report on migration", "date": "2009"}


def corridors(text):
    ex = extract([read_text(text, "t", META)])
    return {(s.subject, s.object, s.qualifiers.get("flow"), s.qualifiers.get("direction_inferred"))
            for s in ex.statements.values() if s.predicate == "corridor"}


def pairings(text):
    ex = extract([read_text(text, "t", META)])
    return {(s.subject, s.object): s.qualifiers.get("pairing") for s in ex.statements.values()
            if s.predicate == "corridor"}


def test_two_lists_give_every_pair_marked_as_lists_and_one_side_single_is_every_pair():
    # "from A and B to C and D" names the flows in aggregate: every pair, marked so a researcher can leave them out
    got = pairings("ISIM has been undertaking a study of migration of health care workers from Jamaica and Poland "
                   "to Canada and Ireland.\n")
    assert got == {(o, d): "lists" for o in ("state:JAM", "state:POL") for d in ("state:CAN", "state:IRL")}
    assert set(pairings("Migrant workers from Nepal to Malaysia and Qatar face high recruitment fees.\n").values()) == {None}
    got = corridors("Migrant workers from Nepal to Malaysia and Qatar face high recruitment fees.\n")
    assert got == {("state:NPL", "state:MYS", "labour", False), ("state:NPL", "state:QAT", "labour", False)}


def test_respectively_pairs_in_order():
    got = corridors("Nurses moved from Ghana and Kenya to the United Kingdom and Canada, respectively.\n")
    assert {(o, d) for o, d, _, _ in got} == {("state:GHA", "state:GBR"), ("state:KEN", "state:CAN")}


def test_demonym_workers_in_state_and_remittances():
    got = corridors("In 2006, of the 1,208 Guatemalan workers in Canada, only one failed to return. "
                    "They have a program that allows migrants in France to easily transfer remittances to Mali.\n")
    assert ("state:GTM", "state:CAN", "labour", False) in got
    assert ("state:MLI", "state:FRA", "remittance", False) in got


def test_above_countries_reference():
    got = corridors("Japan and the Republic of Korea have seen more international marriages. Many foreign brides come "
                    "to the above countries from Viet Nam.\n")
    assert got == {("state:VNM", "state:JPN", "family", False), ("state:VNM", "state:KOR", "family", False)}
    crossed = pairings("Japan and the Republic of Korea have seen more international marriages. Many foreign brides "
                       "come to the above countries from neighbouring developing countries —China and Viet Nam.\n")
    assert crossed == {(o, d): "lists" for o in ("state:CHN", "state:VNM") for d in ("state:JPN", "state:KOR")}


def test_inferred_from_programme_wording():
    got = corridors("Guatemala sees its temporary agricultural workers program with Canada as a useful framework.\n")
    assert got == {("state:GTM", "state:CAN", "labour", True)}


def test_no_corridor_without_direction():
    assert corridors("Cooperation between regions that share significant movements of migrants was discussed. "
                     "The Senegalese diaspora in French hospitals is engaged.\n") == set()


def test_corridor_phrasings_from_other_documents():
    got = corridors("Delegations discussed Tajik migrant workers in the Russian Federation. The delegation briefed "
                    "participants on the return of Afghan refugees from Pakistan. The emigration of Ecuadorians to "
                    "Spain grew.\n")
    assert got == {("state:TJK", "state:RUS", "labour", False), ("state:AFG", "state:PAK", "refugee", False),
                   ("state:ECU", "state:ESP", "unspecified", False)}
    # people "from" a state without a return word is not a corridor (origin unknown)
    assert corridors("Syrian refugees from Lebanon were resettled in Canada.\n") == set()


def test_flow_cue_next_to_the_phrase_sets_the_flow():
    got = corridors("Participants noted that Nepalese workers in Qatar rely on recruitment agencies, and that the "
                    "remittances sent by Peruvian migrants in Chile are a major source of income. Most Honduran "
                    "children in the United States had left to join their parents. Many migrants in Italy remit to "
                    "Senegal.\n")
    assert got == {("state:NPL", "state:QAT", "labour", False), ("state:PER", "state:CHL", "remittance", False),
                   ("state:HND", "state:USA", "family", False), ("state:SEN", "state:ITA", "remittance", False)}


def test_a_noun_phrase_corridor_is_actual_whatever_the_verb():
    ex = extract([read_text("We will see which Tongan health workers in New Zealand would be willing to return. "
                            "The agreement will allow Malian workers to work in Spain.\n", "t", META)])
    status = {(s.subject, s.object): s.qualifiers["status"] for s in ex.statements.values() if s.predicate == "corridor"}
    assert status == {("state:TON", "state:NZL"): "actual", ("state:MLI", "state:ESP"): "planned"}


def test_seasonal_worker_schemes_with_a_stated_direction():
    got = corridors("New Zealand's Recognised Seasonal Employer scheme for workers from Vanuatu was discussed. "
                    "Workers from Samoa go to Australia under a seasonal worker programme.\n")
    assert got == {("state:VUT", "state:NZL", "labour", False), ("state:WSM", "state:AUS", "labour", False)}
    # a programme between two states states no direction
    assert corridors("The seasonal worker programme between Vanuatu and New Zealand was presented.\n") == set()


def test_people_from_a_state_in_another():
    got = corridors("The situation of migrant workers from Indonesia in Malaysia was discussed. Nurses from the "
                    "Philippines working in the United Kingdom face barriers.\n")
    assert got == {("state:IDN", "state:MYS", "labour", False), ("state:PHL", "state:GBR", "labour", False)}
    assert corridors("The workers said that assistance from Japan in Myanmar helped.\n") == set()
