"""The bundled build end to end: contract files, exact evidence, privacy, determinism, thresholds."""
import json
import re


from migkg.graph.build import build
from migkg.graph.model import ENTITY_TYPES, PREDICATES, REFERENCE_QUALIFIERS, STATUSES
from migkg.loaders.sources import corpus_dir

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+\s?\d{1,3}[\s(]+\d[\d\s()/.-]{5,}\d")
OUTPUTS = ("entities.jsonl", "statements.jsonl", "graph.ttl", "graph.html", "manifest.json")


def corpus_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus_dir().glob("*.txt"))}


def test_contract_files_and_manifest(bundled_build, bundled_graph):
    for name in OUTPUTS:
        assert (bundled_build / name).is_file(), name
    m = json.loads((bundled_build / "manifest.json").read_text())
    assert m["contract_version"] == 1 and m["built_at"]
    assert [d["id"] for d in m["documents"]] == sorted(corpus_texts())
    assert m["counts"]["statements"] == len(bundled_graph.statements)


def test_every_statement_is_well_formed(bundled_graph):
    ids = set(bundled_graph.entities)
    for e in bundled_graph.entities.values():
        assert e.type in ENTITY_TYPES and e.label and e.kind, e
        assert re.fullmatch(r"[a-z]+:\w+(?:[-.]\w+)*", e.id), e.id  # no trailing hyphen from a cut slug
        if e.type == "State":
            assert e.id == f"state:{e.iso3}" and re.fullmatch(r"[A-Z]{3}", e.iso3)
    for s in bundled_graph.statements:
        assert s.predicate in PREDICATES
        assert s.subject in ids and s.object in ids and s.subject != s.object
        assert all(s.qualifiers[k] in ids for k in REFERENCE_QUALIFIERS if k in s.qualifiers), s
        assert s.qualifiers["status"] in STATUSES
        assert s.evidence and s.rule and 0 < s.confidence <= 1
        if s.predicate == "partners_with":
            assert s.subject < s.object


def test_evidence_spans_index_the_original(bundled_graph):
    """quote = the original span with markup, breaks and interrupting lines removed: its characters appear in
    order in original[start:end], which starts and ends with the quote's first and last characters."""
    texts = corpus_texts()
    for s in bundled_graph.statements:
        for ev in s.evidence:
            original = texts[ev.doc]
            span = original[ev.start:ev.end]
            assert span and span[0] == ev.quote[0] and span[-1] == ev.quote[-1], (s.id, span[:60], ev.quote[:60])
            assert original.count("\n", 0, ev.start) + 1 == ev.line, s.id
            pos = 0
            for ch in ev.quote.replace(" ", ""):
                pos = span.find(ch, pos)
                assert pos >= 0, (s.id, ev.quote)
                pos += 1


def test_no_contact_details_in_any_output(bundled_build):
    contacts = set()
    for text in corpus_texts().values():
        contacts |= set(EMAIL.findall(text)) | {" ".join(p.split()) for p in PHONE.findall(text)}
    assert len(contacts) > 20  # the corpus really holds them
    for name in OUTPUTS:
        text = (bundled_build / name).read_text(encoding="utf-8")
        squashed = " ".join(text.split())
        assert not EMAIL.search(text), name
        leaked = [c for c in contacts if c in squashed]
        assert not leaked, (name, leaked[:5])


def test_two_builds_are_byte_identical(bundled_build, tmp_path):
    build(None, tmp_path / "again", ladybug=False)
    for name in ("entities.jsonl", "statements.jsonl", "graph.ttl"):
        assert (tmp_path / "again" / name).read_bytes() == (bundled_build / name).read_bytes(), name


def test_html_holds_no_external_url(bundled_build):
    html = (bundled_build / "graph.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html


def test_foundation_thresholds(bundled_graph):
    states = [e for e in bundled_graph.entities.values() if e.type == "State" and e.iso3]
    assert len(bundled_graph.statements) >= 300
    assert len(states) >= 60
    preds = {s.predicate for s in bundled_graph.statements}
    for p in ("chairs", "member_of", "hosts", "participates_in", "affiliated_with", "funds", "part_of"):
        assert p in preds, p


def test_funders_carry_amounts(bundled_graph):
    funds = [s for s in bundled_graph.statements if s.predicate == "funds"]
    assert funds and sum("amount" in s.qualifiers and "currency" in s.qualifiers for s in funds) >= len(funds) // 2


def test_statements_about_dated_events_carry_a_date(bundled_graph):
    dated = {e.id for e in bundled_graph.entities.values() if e.type == "Event" and e.date}
    about = [s for s in bundled_graph.statements if s.subject in dated or s.object in dated]
    with_date = [s for s in about if {"date", "start", "end", "as_of"} & set(s.qualifiers)]
    assert about and len(with_date) >= 0.9 * len(about)
