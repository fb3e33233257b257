"""Status and time cues shared by the rule families."""
from migkg.loaders.cues import clause_around, dates_in, relative_date, relative_year, status_of, time_qualifiers


def test_status_cues():
    assert status_of("ESCWA and IOM are planning to sign a Memorandum of Understanding") == "planned"
    assert status_of("Morocco (withdrew in October 2010)") == "ended"
    assert status_of("A proposal was made to create a task force") == "proposed"
    assert status_of("This could be taken forward by the Chairs") == "hypothetical"
    assert status_of("Mali has an agreement with France") == "actual"


def test_dates_and_relative_dates():
    assert dates_in("held in Cairo from 8 to 9 October 2008 and in 2009") == ["2008-10", "2009"]
    assert relative_date("the Colombo Process meeting last month", "2011-05-19") == "2011-04"
    assert relative_date("last month", "2011-01-10") == "2010-12"
    assert relative_year("next year's Forum", "2010") == "2011"
    assert relative_date("no date here", "2010") is None


def test_clause_and_time_qualifiers():
    text = "Mali signed an agreement in 2005; Senegal will sign one next year"
    assert "Senegal" not in clause_around(text, 0, 10)
    assert time_qualifiers(clause_around(text, 0, 10), "2010") == {"status": "actual", "date": "2005"}
    assert time_qualifiers(clause_around(text, 40, 50), "2010") == {"status": "planned", "date": "2011"}
    assert time_qualifiers("a labour agreement since 2001", "2010") == {"status": "actual", "start": "2001"}


def test_start_dates_and_verb_coordination():
    assert time_qualifiers("Since 2007, the ASEAN Secretariat, assisted by the ILO", None) == {"status": "actual",
                                                                                             "start": "2007"}
    assert time_qualifiers("would take over the Chairmanship from 1 January 2014", None)["start"] == "2014-01"
    # a range and a span of days are dates, not starts
    assert time_qualifiers("held in Cairo from 8 to 9 October 2008", None) == {"status": "actual", "date": "2008-10"}
    assert "start" not in time_qualifiers("a project running from 2007 to 2010", None)
    text = "the organization had assisted 2,300 children in 2015 and was working with the Government of Guatemala"
    assert "2015" not in clause_around(text, text.index("working"), len(text))
    # "A and B were …": the names stay in one clause with their verb
    text = "In 2008, Mali and Senegal were working with IOM"
    assert "Mali and Senegal were" in clause_around(text, text.index("working"), len(text))
