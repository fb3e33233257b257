"""Title, date and place of a document that has no catalogue entry, read from its front matter.

Meeting reports open with a title block and a "Place, Country, 14-15 October 2013" line; the rules that make the
document's own event (and resolve "last year", "the meeting") need that title and date for unseen documents too.
"""
from __future__ import annotations

import re

from migkg.loaders.cues import MONTHS

FRONT_MATTER_LINES = 60   # the title block of a report sits in its first lines
_MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})"
    rf"(?:\s*(?:-|–)\s*\d{{1,2}})?,?|(?P<m3>{_MONTH})(?:\s*(?:-|–)\s*(?:{_MONTH}))?)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
TITLE_WORDS = re.compile(r"\b(?:meeting|forum|report|conference|debate|dialogue|consultations?|summit|workshop|"
                         r"seminar|symposium|session|process|record|summary|proceedings|conversations?)\b", re.I)
NUMBERED_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*|[IVXL]+)\.?\s")
# A title line that names the meeting itself (not only the process or the kind of document).
EVENT_WORDS = re.compile(r"\b(?:meeting|conference|debate|dialogue|consultations?|summit|workshop|seminar|symposium|"
                         r"session|conversations?)\b", re.I)
BOILERPLATE = re.compile(r"^(?:contents|distr\.?|original|general assembly|annex|agenda item|united nations)\b"
                         r"|^[\w-]+ session$", re.I)


def _iso(m: re.Match) -> str:
    month = MONTHS[(m.group("m1") or m.group("m2") or m.group("m3")).lower()]
    day = m.group("d1") or m.group("d2")
    whole = m.group(0)
    single_day = day and not re.search(r"\d\s*(?:-|–|and|to)\s*\d", whole)
    return f"{m.group('y')}-{month:02d}" + (f"-{int(day):02d}" if single_day else "")


def infer_meta(doc) -> dict:
    """{title, date, place} found in the front matter; keys are left out when the text does not give them."""
    top = [s for s in doc.sentences if s.line <= FRONT_MATTER_LINES and s.kind in ("heading", "line", "prose")]
    meta: dict = {}
    title_parts = []
    for s in top:
        text = s.text.strip()
        date = FULL_DATE.search(text)
        if date and "date" not in meta and len(text) < 120:
            meta["date"] = _iso(date)
            place = text[:date.start()].strip(" ,;–-")
            if place and len(place) < 60 and not TITLE_WORDS.search(place) and not re.search(r"\d", place):
                meta["place"] = place
            continue
        if NUMBERED_HEADING.match(text) or (s.kind == "prose" and (len(text) > 150 or text.endswith("."))):
            if title_parts:
                break  # the body has started
            continue
        if TITLE_WORDS.search(text) and not BOILERPLATE.match(text) and len(text) < 200 \
                and len(title_parts) < 6 and text.casefold() not in {t.casefold() for t in title_parts}:
            title_parts.append(text.rstrip("."))
    title_parts = _title_lines(title_parts)
    if title_parts:
        meta["title"] = " — ".join(title_parts)
    return meta


def _title_lines(parts: list[str]) -> list[str]:
    """At most two title lines: the first line that names the meeting and the line before it (often the process:
    "ALMATY PROCESS …" / "Fourth Senior Officials' Meeting"); a subtitle or "CHAIR'S SUMMARY" between them is left out."""
    event = next((i for i, p in enumerate(parts) if EVENT_WORDS.search(p)), None)
    if event is None:
        return parts[:2]
    return ([parts[0]] if event > 0 else []) + [parts[event]]
