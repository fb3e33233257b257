from migkg.loaders.doc_meta import infer_meta
from migkg.loaders.reader import read_text


def meta_of(text):
    return infer_meta(read_text(text, "doc", meta={}))


def test_title_block_and_place_date_line():
    m = meta_of("**Report of the Ninth Meeting of the Global Forum on Migration and Development**\n\n"
                "Stockholm, Sweden, 14-16 May 2017\n\n**1. Introduction**\n\n"
                "The meeting was held in Stockholm. It was well attended by delegations.\n")
    assert m == {"title": "Report of the Ninth Meeting of the Global Forum on Migration and Development",
                 "date": "2017-05", "place": "Stockholm, Sweden"}


def test_single_day_and_two_title_lines():
    m = meta_of("BUDAPEST PROCESS\n\nSenior Officials' Meeting\n\nIstanbul, 3 March 2016\n\nI. Opening\n\nText.\n")
    assert m == {"title": "BUDAPEST PROCESS — Senior Officials' Meeting", "date": "2016-03-03", "place": "Istanbul"}


def test_un_boilerplate_is_not_the_title_and_no_date_no_key():
    m = meta_of("General Assembly\n\nSixty-sixth session\n\nAgenda item 21\n\nA short note without any date.\n")
    assert m == {}
