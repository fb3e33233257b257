"""Status and time cues shared by every rule family: modal/temporal words -> status, dates -> ISO strings.

The cue lists are data (loaders/rules/cues.yaml), so a new phrasing is a one-line change.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_RX = "|".join(MONTHS)
_DAY_RANGE = r"(?:\d{1,2}(?:\s*(?:-|–|to|and)\s*\d{1,2})?\s+)"
DATE_RX = re.compile(
    rf"\b(?:{_DAY_RANGE}?(?P<month>{_MONTH_RX})\s+(?:\d{{1,2}}(?:\s*(?:-|–)\s*\d{{1,2}})?,?\s+)?(?P<year>(?:19|20)\d\d)"
    rf"|(?P<year_only>(?:19|20)\d\d))\b", re.I)


@lru_cache(maxsize=1)
def cue_rules() -> dict:
    return yaml.safe_load((resources.files("migkg.loaders") / "rules" / "cues.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _status_patterns() -> list[tuple[str, re.Pattern]]:
    return [(status, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I))
            for status, words in cue_rules()["status"].items()]


def status_of(text: str, default: str = "actual") -> str:
    """The status a sentence (or clause) gives its facts: the first matching cue list in cues.yaml wins."""
    for status, rx in _status_patterns():
        if rx.search(text):
            return status
    return default


def dates_in(text: str) -> list[str]:
    """ISO dates ("2010-11", "2007") named in the text, in order."""
    out = []
    for m in DATE_RX.finditer(text):
        if m.group("year_only"):
            out.append(m.group("year_only"))
        else:
            out.append(f"{m.group('year')}-{MONTHS[m.group('month').lower()]:02d}")
    return out


def relative_year(text: str, doc_date: str | None) -> str | None:
    """Resolve 'this year', 'last year', 'next year' against the document date (a year string)."""
    if not doc_date:
        return None
    year = int(str(doc_date)[:4])
    for phrase, delta in cue_rules()["relative_years"].items():
        if re.search(r"\b" + phrase + r"\b", text, re.I):
            return str(year + delta)
    return None


def relative_date(text: str, doc_date: str | None) -> str | None:
    """'last month' (-> '2011-04' for a document of 2011-05-19), 'this year', 'next year' resolved against the
    document date; None when the text has no relative date or the document has no date."""
    if not doc_date:
        return None
    doc_date = str(doc_date)
    if len(doc_date) >= 7:
        y, mo = int(doc_date[:4]), int(doc_date[5:7])
        for phrase, delta in cue_rules()["relative_months"].items():
            if re.search(r"\b" + phrase + r"\b", text, re.I):
                k = y * 12 + (mo - 1) + delta
                return f"{k // 12}-{k % 12 + 1:02d}"
    return relative_year(text, doc_date)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds the span [start, end): from the last clause break before it to the first
    one after it."""
    breaks = _breaks(text)
    left = max((b for a, b in breaks if b <= start), default=0)
    right = min((a for a, b in breaks if a >= end), default=len(text))
    return text[left:right]


@lru_cache(maxsize=1)
def _break_patterns():
    rules = cue_rules()
    return re.compile(rules["clause_breaks"], re.I), re.compile(rules["verb_coordination"])


@lru_cache(maxsize=256)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause break in `text`: punctuation and conjunction breaks, and 'and' joining two verb
    phrases ('had assisted 2,300 children in 2015 and was working with …') — not 'A and B were', where the word
    before 'and' is a name."""
    plain, coordination = _break_patterns()
    out = [(m.start(), m.end()) for m in plain.finditer(text)]
    for m in coordination.finditer(text):
        before = re.search(r"(\S+)\s*$", text[:m.start()])
        if before and re.match(r"[a-z0-9]", before.group(1)):
            out.append((m.start(), m.end()))
    return tuple(sorted(out))


def time_qualifiers(clause: str, doc_date: str | None, default_status: str = "actual") -> dict:
    """`status` and `date` for a fact stated in `clause`: modal cues give the status, the first date the clause
    names (or a relative date resolved against the document date) gives the date."""
    quals = {"status": status_of(clause, default_status)}
    # "since 2007", "from 1 January 2014": the start of a lasting fact, not its date ("from 2007 to 2010" is a span)
    since = re.search(rf"\b(?:since|from)\s+(?:\d{{1,2}}\s+)?(?:(?P<month>{_MONTH_RX})\s+)?(?P<year>(?:19|20)\d\d)\b"
                      r"(?!\s*(?:-|–|to|and)\s*\d)", clause, re.I)
    if since:
        month = since.group("month")
        quals["start"] = since.group("year") + (f"-{MONTHS[month.lower()]:02d}" if month else "")
        clause = clause[:since.start()] + clause[since.end():]
    found = dates_in(clause)
    date = found[0] if found else relative_date(clause, doc_date)
    if date:
        quals["date"] = date
    return quals
