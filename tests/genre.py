"""Shared by the rule-family tests: catalogue data of documents in the corpus genre, and one-call extraction."""
from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

GFMD_2010 = {"title": "Fourth Meeting of the Global Forum on Migration and Development, Puerto Vallarta, 8-11 November 2010",
             "date": "2011-12-01", "subject_date": "2010-11"}
COORDINATION_2008 = {"title": "Seventh Coordination Meeting on International Migration, New York, 20-21 November 2008",
                     "date": "2009", "subject_date": "2008-11"}
DEBATE_2011 = {"title": "Informal Thematic Debate on International Migration and Development, 19 May 2011",
               "date": "2011-05-19", "subject_date": "2011-05"}


def extract_text(text: str, meta: dict):
    """The Extraction of one small document written as `text`."""
    return extract([read_text(text, "t", meta)])
