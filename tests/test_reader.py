"""The document reader: clean text with an exact map back to the original, structure, footnotes, page breaks."""
import re

import pytest

from migkg.graph.errors import InputError
from migkg.loaders.reader import decode, read_document, read_text
from migkg.loaders.sources import corpus_dir

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+\s?\d{1,3}[\s(]+\d[\d\s()/.-]{5,}\d")
KINDS = {"prose", "heading", "list_item", "table_row", "footnote", "line"}


def read(text):
    return read_text(text, "t", meta={})


def texts(doc, kind=None):
    return [s.text for s in doc.sentences if kind is None or s.kind == kind]


def find(doc, fragment):
    hits = [s for s in doc.sentences if fragment in s.text]
    assert hits, (fragment, texts(doc))
    return hits[0]


def assert_maps_back(doc):
    for s in doc.sentences:
        assert s.kind in KINDS
        assert len(s.offsets) == len(s.text) > 0
        assert all(doc.original[o] == ch or ch == " " for ch, o in zip(s.text, s.offsets)), s.text
        assert all(a < b for a, b in zip(s.offsets, s.offsets[1:])), s.text
        assert s.start == s.offsets[0] and s.end == s.offsets[-1] + 1
        assert s.text == s.text.strip() and "  " not in s.text
        assert doc.original.count("\n", 0, s.start) + 1 == s.line == doc.line_of(s.start)
        for bad in ("**", "<i>", "</i>", "<sup>", "^{", "\\$"):
            assert bad not in s.text, (bad, s.text)


# ---------------------------------------------------------------------------------------------- markup, notes
def test_emphasis_tags_escapes_and_markers_are_removed_but_mapped():
    doc = read("The *Common Space* was **new**: it cost \\$36,219.00 and <i>Page</i> <u>Financial</u> items,\n"
               "as noted by the Forum.12 Migration³ matters<sup>4</sup> and budgets ^{iv} grew.\n")
    assert_maps_back(doc)
    assert texts(doc) == ["The Common Space was new: it cost $36,219.00 and Page Financial items, as noted by the "
                          "Forum.", "Migration matters and budgets grew."]
    joined = " ".join(texts(doc))
    assert "$36,219.00" in joined and "Forum.12" not in joined and "³" not in joined
    notes = {n for s in doc.sentences for n in s.notes}
    assert {"12", "3", "4", "iv"} <= notes
    sent = find(doc, "$36,219.00")
    k = sent.text.index("$")
    assert doc.original[sent.offsets[k]] == "$" and doc.original[sent.offsets[k] - 1] == "\\"


def test_bold_spanning_lines_is_one_heading():
    doc = read("**Fourth Meeting of the Global Forum\nPuerto Vallarta, Mexico**\n\nThe meeting was held in 2010.\n")
    h = doc.sentences[0]
    assert h.kind == "heading" and h.text == "Fourth Meeting of the Global Forum Puerto Vallarta, Mexico"
    assert doc.sentences[1].section == (h.text,)
    assert_maps_back(doc)


def test_span_maps_clean_slices_to_original():
    doc = read("Ministers met in **Puerto Vallarta** in 2010.\n")
    s = doc.sentences[0]
    i = s.text.index("Puerto Vallarta")
    a, b = s.span(i, i + len("Puerto Vallarta"))
    assert doc.original[a:b] == "Puerto Vallarta"


# ---------------------------------------------------------------------------------------------- headings
def test_numbered_headings_build_section_paths():
    doc = read("5. THE GOVERNMENT MEETING\n\nDelegates met.\n\n5.1 Opening ceremony\n\nThe Chair spoke.\n\n"
               "RT Session 1.2: Joint strategies\n\n(Co-Chairs: Ecuador and the Netherlands)\n\n"
               "Main observations and findings\n\nThe debate was rich.\n\n6. THE ROUNDTABLES\n\nThey met.\n")
    assert find(doc, "Delegates met").section == ("5. THE GOVERNMENT MEETING",)
    assert find(doc, "The Chair spoke").section == ("5. THE GOVERNMENT MEETING", "5.1 Opening ceremony")
    rich = find(doc, "The debate was rich")
    assert rich.section == ("5. THE GOVERNMENT MEETING", "5.1 Opening ceremony", "RT Session 1.2: Joint strategies",
                            "Main observations and findings")
    co = find(doc, "Co-Chairs")
    assert co.kind == "line" and co.text == "(Co-Chairs: Ecuador and the Netherlands)"
    assert find(doc, "They met").section == ("6. THE ROUNDTABLES",)


def test_markdown_and_caps_headings():
    doc = read("## **Informal Thematic Debate**\n\n### **Background**\n\nStates recognise migration.\n\n"
               "ACKNOWLEDGMENTS\n\nThis report thanks everyone.\n")
    assert texts(doc, "heading") == ["Informal Thematic Debate", "Background", "ACKNOWLEDGMENTS"]
    assert find(doc, "States").section == ("Informal Thematic Debate", "Background")
    assert find(doc, "This report").section[-1] == "ACKNOWLEDGMENTS"


def test_roman_chapters_and_dates_are_not_headings():
    doc = read("I. BACKGROUND\n\n1. – INTRODUCTION\n\nIt began.\n\n19 May 2011\n\nII. PROCESS\n\nIt went on.\n")
    assert find(doc, "It began").section == ("I. BACKGROUND", "1. – INTRODUCTION")
    assert find(doc, "19 May 2011").kind == "line"
    assert find(doc, "It went on").section == ("II. PROCESS",)


# ---------------------------------------------------------------------------------------------- sentences
def test_sentence_splitting_survives_abbreviations_and_initials():
    doc = read("The incoming Chair, H.E. Mr. Eduard Gnesa, spoke. Mr. Peter D. Sutherland agreed with the U.K. "
               "delegate and Dr. Pillay, e.g. on No. 5 of the list. Amb. Gómez Robledo (Mexico) closed.\n")
    assert texts(doc) == ["The incoming Chair, H.E. Mr. Eduard Gnesa, spoke.",
                          "Mr. Peter D. Sutherland agreed with the U.K. delegate and Dr. Pillay, e.g. on No. 5 of the list.",
                          "Amb. Gómez Robledo (Mexico) closed."]


@pytest.mark.parametrize("text, expected", [
    ("H.E. MR. ESTEBAN B. CONEJOS, JR. Under-Secretary, Department of Foreign Affairs", 1),
    ("MS. BARBARA SPAN Vice President, Western Union", 1),
    ("The Sto. Tomas office of Atty. Reyes and Usec. Lim was visited by Sr. Alvarez and Mr. Cruz Jr. of Acme Ltd. "
     "in St. Lucia on Nos. 4 and 5. It closed.", 2),
    ("Engr. Santos met Msgr. Rossi and Dir. Kim. They agreed.", 2),
])
def test_titles_and_company_abbreviations_do_not_end_sentences(text, expected):
    assert len(texts(read(text + "\n"))) == expected, texts(read(text + "\n"))


def test_lists_and_panel_lines():
    doc = read("The panelists were:\n\n- Ms. Navanethem Pillay, UN High Commissioner\n- Mr. Dirk Jaspers, Director\n\n"
               "1. To send a message to civil society;\n2. For civil society to answer.\n\n"
               "Chair : Mr Mark Lowcock, DG Policy, DFID, UK\n\nCo Chair : Dr Ken Sagoe, Ghana\n\nThe session began.\n")
    items = texts(doc, "list_item")
    assert items[:2] == ["Ms. Navanethem Pillay, UN High Commissioner", "Mr. Dirk Jaspers, Director"]
    assert "To send a message to civil society;" in items and "For civil society to answer." in items
    assert texts(doc, "line") == ["Chair : Mr Mark Lowcock, DG Policy, DFID, UK", "Co Chair : Dr Ken Sagoe, Ghana"]
    assert_maps_back(doc)


def test_block_of_short_lines_stays_one_line_each():
    doc = read("Amb. Julián Ventura Valero\nGFMD 2010 Chair\nMinistry of Foreign Affairs\n\nThe report follows.\n")
    assert texts(doc, "line") == ["Amb. Julián Ventura Valero", "GFMD 2010 Chair", "Ministry of Foreign Affairs"]


# ---------------------------------------------------------------------------------------------- page breaks
def test_footnote_interrupting_a_sentence_is_kept_apart_and_the_sentence_rejoined():
    doc = read("This Roundtable explored policies for migrants and their families. It\n\n"
               "¹¹ This chapter was based on the reports of the rapporteurs.\n\n"
               "also mainstreamed gender and family within the GFMD.\n")
    s = find(doc, "mainstreamed")
    assert s.text == "It also mainstreamed gender and family within the GFMD." and s.kind == "prose"
    fn = find(doc, "This chapter")
    assert fn.kind == "footnote" and fn.footnote == "11" and fn.notes == ()
    assert s.start < fn.start < s.end
    assert_maps_back(doc)


def test_page_break_with_running_header_and_hyphenated_word():
    header = "Report of the proceedings"
    doc = read(f"Intro.\n\n{header}\n\nThe Forum met in Puerto Vallarta to maximize the\n\n{header}\n\n"
               f"positive ones. It grew.\n\n{header}\n\nBelgium had a) the Bel-\n\n(4) United Nations, A/61/515.\n\n"
               f"gian Government in mind.\n\n{header}\n\nEnd.\n")
    assert "The Forum met in Puerto Vallarta to maximize the positive ones." in texts(doc)
    assert "Belgium had a) the Belgian Government in mind." in texts(doc)
    assert header not in texts(doc)
    assert find(doc, "United Nations").footnote == "4"
    assert_maps_back(doc)


def test_colon_or_heading_stops_a_join():
    doc = read("The goals were:\n\nTo grow.\n\nAn unfinished paragraph without end\n\n2. NEXT CHAPTER\n\nNew text.\n")
    assert "The goals were:" in texts(doc) and "To grow." in texts(doc)
    assert find(doc, "New text").section == ("2. NEXT CHAPTER",)


def test_list_item_cut_after_a_preposition_continues_in_a_capitalised_name():
    doc = read("- *Mali* has an agreement with France. There is also an agreement with\n\n"
               "Spain that allows Malian workers to work in Spain.\n\nOutcomes\n\n"
               "- Ecuador signed a memorandum with\n\n3\n\nthe Government of Chile on labour migration.\n")
    s = find(doc, "agreement with Spain")
    assert s.text == "There is also an agreement with Spain that allows Malian workers to work in Spain."
    assert s.kind == "list_item" and s.line == 1
    assert "Ecuador signed a memorandum with the Government of Chile on labour migration." in texts(doc)
    assert_maps_back(doc)


def test_list_item_ending_in_a_name_does_not_swallow_the_next_paragraph():
    doc = read("The speakers were:\n\n- Ms. Maria Lopez, Director, Ministry of Labour, Ecuador\n- Mr. Omar Haddad, Jordan\n\n"
               "Jordan then presented its national plan on labour migration.\n")
    assert texts(doc, "list_item") == ["Ms. Maria Lopez, Director, Ministry of Labour, Ecuador", "Mr. Omar Haddad, Jordan"]
    assert "Jordan then presented its national plan on labour migration." in texts(doc)


def test_name_cut_by_a_page_break_is_rejoined():
    doc = read("The meeting took place in Lima on 3 May. After a welcome by the host city, the session was opened "
               "by Ms. Ana Maria\n\n12\n\nGonzalez, Minister of Labour of Peru.\n\n"
               "Over the two days of the meeting, labour ministers and senior officials came from some\n\n"
               "40 countries of the region.\n")
    assert "After a welcome by the host city, the session was opened by Ms. Ana Maria Gonzalez, Minister of " \
           "Labour of Peru." in texts(doc)
    assert "Over the two days of the meeting, labour ministers and senior officials came from some 40 countries " \
           "of the region." in texts(doc)


def test_new_paragraph_after_a_page_break_is_not_glued_to_an_unfinished_one():
    doc = read("The interventions by UNICEF during the hearing focused on promoting a\n\n"
               "As a prelude to the Forum in Accra, ILO co-organized a conference on domestic work.\n\n"
               "Participants agreed that the rights of all migrants need to be respected\n\n"
               "It was also suggested that Ghana provide information.\n\n"
               "Migrant resource centres were identified as useful for migrants and others\n\n"
               "UNHCR's work with national partners has grown.\n")
    s = find(doc, "As a prelude")
    assert s.text.startswith("As a prelude") and s.line == 3
    assert "The interventions by UNICEF during the hearing focused on promoting a" in texts(doc)
    assert find(doc, "It was also suggested").text.startswith("It was")
    assert find(doc, "UNHCR's work").text.startswith("UNHCR's work")
    assert_maps_back(doc)


def test_pdf_operator_garbage_is_cut_and_ends_the_paragraph():
    doc = read("A forum organized by UNIFEM with representatives of Bahrain, Kuwait and the United een and "
               "WfStates iMarch(n)-8()TJ0.120\n\nexpected to urbanize rapidly in the future.\n\n"
               "Trade in services grew through overseas BDC Tc 0.00-u8tnce of ne5(ecs for t[rOJ8(ef64/e)-3(m)8(og\n\n"
               "Nzatine(2682)4(pn)&per Or)6(gaNatbDT0.003 Tc 018681 Tw78230 Tdf Sert)4(iB(s\n\n"
               "olerance agdequCID.-6(39257 TauCID.-6(31.1mmCt)-5(o)--0G28teg457 TauCID\n\nThe end.\n")
    assert "A forum organized by UNIFEM with representatives of Bahrain, Kuwait and the United een and" in texts(doc)
    assert "expected to urbanize rapidly in the future." in texts(doc)      # not glued to the forum sentence
    assert "Trade in services grew through overseas" in texts(doc)
    joined = " ".join(texts(doc))
    for junk in ("TJ", "Tc", "BDC", "Nzatine", "olerance", "WfStates"):
        assert junk not in joined, junk
    assert_maps_back(doc)


def test_legal_citations_are_not_pdf_garbage():
    doc = read("Under article 5(a) and paragraph 12(b) of resolution A/RES/63/225, the Td of 2 was noted.\n")
    assert texts(doc) == ["Under article 5(a) and paragraph 12(b) of resolution A/RES/63/225, the Td of 2 was noted."]


def test_corpus_pdf_garbage_is_gone(corpus):
    for doc in corpus:
        for s in doc.sentences:
            assert not re.search(r"\]TJ|\)-?\d+\(|\bBDC\b|\d Tc\b", s.text), (doc.doc_id, s.line, s.text)


# ---------------------------------------------------------------------------------------------- repeats, tables
def test_pull_quote_and_repeated_paragraph_are_linked():
    para = ("On the basis of national priorities, it was proposed to structure the first meeting of the Forum along "
            "three thematic roundtables. Each had sessions.")
    doc = read("It was proposed to structure the first meeting of the Forum along three thematic roundtables\n\n"
               f"{para}\n\nSomething else happened here today.\n\n{para}\n")
    pull = doc.sentences[0]
    assert pull.kind == "line"
    full = doc.sentences[pull.duplicate_of]
    assert pull.text.lower() in full.text.lower() and full.kind == "prose"
    firsts = [i for i, s in enumerate(doc.sentences) if s.text.startswith("On the basis")]
    assert len(firsts) == 2 and doc.sentences[firsts[1]].duplicate_of == firsts[0]
    assert doc.sentences[firsts[0]].duplicate_of is None


def test_tab_rows_are_tables_and_contents_are_skipped():
    doc = read("Contents\n\n\t<i>Page</i>\n1. Acknowledgements\t3\n2. Introduction\t5\n5.1 Opening ceremony\t11\n\n"
               "1. ACKNOWLEDGEMENTS\n\nThanks.\n\nParticulars\tSubtotal USD\tTotal USD\n"
               "Catering\t\t\\$289,680.51\nGround transportation²\t\\$16,472.00\t\n")
    assert texts(doc, "heading") == ["1. ACKNOWLEDGEMENTS"]
    assert not any("Introduction" in t for t in texts(doc))
    rows = [s for s in doc.sentences if s.kind == "table_row"]
    assert [r.cells for r in rows] == [["Particulars", "Subtotal USD", "Total USD"], ["Catering", "", "$289,680.51"],
                                       ["Ground transportation", "$16,472.00", ""]]
    for r in rows:
        for cell, (a, b) in zip(r.cells, r.cell_spans):
            assert r.text[a:b] == cell
    assert rows[2].notes == ("2",)
    assert_maps_back(doc)


# ---------------------------------------------------------------------------------------------- contacts
def test_contact_details_never_reach_a_sentence():
    doc = read("1, rue de Varembe, P.O. Box 96, CH-1211 Geneva 20, Switzerland • TEL. +41 (0)22 919 10 20\n"
               "website: www.icmc.net • e-mail: info@icmc.net\n\n"
               "NAME\tMr. Hugo Rodríguez\nCONTACT INFO\tHomero 1832, 18 th floor Col. Los Morales Polanco, Mexico City, "
               "11510 T: +52 55 5387-2400 ext. 18712 F: +52 55 5557-9860 Personal Email: hugo@gmail.com\n\nPlease write to us at GGM@icmc.net today.\n")
    joined = " | ".join(texts(doc))
    assert not EMAIL.search(joined) and not PHONE.search(joined) and "Varembe" not in joined and "CONTACT" not in joined
    assert "NAME Mr. Hugo Rodríguez" in texts(doc)
    assert_maps_back(doc)


# ---------------------------------------------------------------------------------------------- whole corpus
@pytest.fixture(scope="module")
def corpus():
    return [read_document(p) for p in sorted(corpus_dir().glob("*.txt"))]


def test_corpus_invariants_hold_for_every_sentence(corpus):
    docs = corpus
    assert len(docs) == 5
    for doc in docs:
        assert doc.meta.get("title") and len(doc.sentences) > 300
        assert_maps_back(doc)
        kinds = {s.kind for s in doc.sentences}
        assert {"prose", "heading", "footnote"} <= kinds
        for i, s in enumerate(doc.sentences):
            if s.duplicate_of is not None:
                assert s.duplicate_of != i and 0 <= s.duplicate_of < len(doc.sentences)
            if s.kind == "footnote":
                assert s.footnote
            if s.kind == "table_row":
                assert s.cells is not None and len(s.cells) == len(s.cell_spans)


def test_no_contact_detail_in_any_sentence_of_the_corpus(corpus):
    for doc in corpus:
        for s in doc.sentences:
            assert not EMAIL.search(s.text) and not PHONE.search(s.text), (doc.doc_id, s.text)


def test_corpus_structure_is_recognised(corpus):
    docs = {d.doc_id: d for d in corpus}
    mexico = docs["000_1c002d2b4943b699"]
    s = find(mexico, "thanks all 2010 GFMD participants")
    assert s.text.endswith("and maximize the positive ones.")          # re-joined across the page break
    s = find(mexico, "It also mainstreamed gender and family")        # ... and across a footnote body
    assert s.text.startswith("It also mainstreamed") and s.line == 462
    rt = find(mexico, "looked at strategies to improve the perceptions of migrants")
    assert rt.section[-1].startswith("RT Session 1.2")
    assert any(s.kind == "footnote" and s.footnote == "iv" for s in mexico.sentences)
    assert not any("Acknowledgements\t" in s.text or s.text == "2. Introduction" for s in mexico.sentences)
    assert find(mexico, "Ground transportation").kind == "table_row"
    belgium = docs["001_b146d0fc4d04de58"]
    assert any(s.duplicate_of is not None and s.kind == "line" for s in belgium.sentences)   # pull quotes
    assert "Belgian Government considered the need" in find(belgium, "Belgian Government considered").text
    resolution = docs["003_8b31538d3f245779"]
    assert any("1" in s.notes for s in resolution.sentences)
    assert find(resolution, "Pursuant to General Assembly resolution 63/225").kind == "prose"


# ---------------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("name,data,words", [
    ("empty.txt", b"  \n\n\t", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("control.txt", bytes(range(1, 9)) * 200, "binary"),
])
def test_bad_files_raise_one_clear_line(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert words in message and name in message and "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_other_encodings_are_detected(tmp_path):
    path = tmp_path / "latin.txt"
    text = "La réunion de Genève a été présidée par M. Gnesa, ambassadeur de la Confédération suisse.\n" * 5
    path.write_bytes(text.encode("cp1252"))
    doc = read_document(path)
    assert "réunion" in doc.original and "présidée" in doc.sentences[0].text
    assert len(doc.original) == len(text)
    assert decode(text.encode("utf-8"), path) == text


def test_undecodable_text_fails_naming_the_file(tmp_path, monkeypatch):
    import charset_normalizer

    class Nothing:
        def best(self):
            return None
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Nothing())
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\xe9 \xff\xfe\xfa text")
    with pytest.raises(InputError, match=r"odd\.txt: undecodable"):
        read_document(path)


def test_front_matter_title_is_the_meeting_not_the_process_subtitle():
    from migkg.loaders.doc_meta import infer_meta
    doc = read_text("BALI PROCESS\n\nRegional Consultative Process on People Smuggling\n\nCO-CHAIRS' STATEMENT\n\n"
                    "Seventh Ministerial Conference of the Bali Process\n\nBali, Indonesia, 6 August 2018\n\n"
                    "1. The Conference was held in Bali.\n", "t", None)
    meta = infer_meta(doc)
    assert meta["title"] == "BALI PROCESS — Seventh Ministerial Conference of the Bali Process"
    assert meta["date"] == "2018-08-06"
