"""`hosts` and `located_in` for meetings: "the Government of the Philippines to host the second meeting … in Manila",
"the 2009 Athens GFMD meeting", "the November 2009 GFMD meeting in Athens". Cities resolve to states through the
place gazetteer (rules/places.yaml); the meeting must be named in the same sentence."""
from __future__ import annotations

import re

from migkg.loaders.cues import dates_in, status_of
from migkg.loaders.families.chairs import DOC_MEETING_RX, actors_in, doc_meeting_meant
from migkg.loaders.families.entities import (GOVERNMENT_RX, ORDINALS, _Text, doc_event, ensure_meeting, names_doc_event, place_of, gfmd_meetings_in, meeting_years,
                                             places_in, rules)

R = rules("hosting")
HOST_RX = re.compile(R["host_verb"], re.I)
HOST_AFTER_RX = re.compile(R["host_after"])
BARE_RX = re.compile(R["bare_meeting"], re.I)
FORUM_RX = re.compile(R["forum_named"])
DOC_HOST_RX = re.compile(R["doc_host"], re.I)
OFFER_RX = re.compile(R["offer_to_host"], re.I)
HOST_SPAN_END = R["host_span_end"]


def meetings_named(ex, text: str):
    """GFMD meetings named by year or ordinal, plus 'the second meeting' once the sentence has named the Forum
    (its year from the ordinal table, or from the one date right after it)."""
    found = list(gfmd_meetings_in(ex, text))
    for m in BARE_RX.finditer(text):
        if any(a <= m.start() < b for a, b, _ in found):
            continue
        forum = FORUM_RX.search(text[:m.start()])
        if not forum:
            continue
        year = meeting_years(ex).get(ORDINALS[m.group("ord").lower()])
        after = {d[:4] for d in dates_in(text[m.end():m.end() + 40])}
        if year is None and len(after) == 1:
            year = after.pop()
        if year:
            found.append((m.start(), m.end(), year))
    return sorted(found)


def _located(ex, doc, s, event, start, end):
    # "Ecuador announced that it would host the Eighth Meeting … in Quito": a planned place, never an actual one
    status = status_of(s.text[max(0, start - 120):end + 40])
    inside = [p for p in places_in(s.text) if start <= p[0] < end]
    after = re.match(R["place_after"], s.text[end:])
    if after:
        inside += [p for p in places_in(s.text[end + after.end():end + after.end() + 30]) if p[0] == 0]
    for _, city, state in inside[:1]:
        ex.emit(event, "located_in", state, doc, s, rule="located_in.meeting-city",
                qualifiers={"place": city, "date": ex.entity(event).date, "status": status})
        ent = ex.entities[event]
        if ent.place is None:
            ent.place, ent.country = city, state


def _doc_meeting_place(ex, doc):
    """The place-date line under an uncatalogued report's title ("Accra, Ghana, 14-15 October 2013"): the
    document's own meeting took place there."""
    event = doc_event(ex, doc)
    place = str(doc.meta.get("place") or "")
    if not event or not place or doc.meta.get("subject_date"):
        return
    city, state = place_of(doc)
    line = next((s for s in doc.sentences[:12] if place in s.text and dates_in(s.text)), None)
    if not city or line is None:
        return
    ex.emit(event, "located_in", state, doc, line, rule="located_in.place-date-line",
            qualifiers={"place": city, "date": str(doc.meta.get("date") or "")[:7] or None}, confidence=0.9)
    ent = ex.entities[event]
    ent.place, ent.country = ent.place or city, ent.country or state


def _host_parts(ex, span: str) -> list[str]:
    """'the Ministry of the Interior of Ghana and the International Organization for Migration (IOM)': one host per
    conjunct; a government office stands for its state."""
    hosts = []
    for part in re.split(r",\s*|\s+and\s+", span):
        found = [m for m in ex.mentions(_Text(part)) if ex.entity(m.id) and ex.entity(m.id).type in ("State", "Organization")]
        if GOVERNMENT_RX.search(part):
            found = [m for m in found if ex.entity(m.id).type == "State"] or found
        if found and found[0].id not in hosts:
            hosts.append(found[0].id)
    return hosts


def _doc_meeting_hosts(ex, doc, i, s):
    """'The meeting was jointly organized by X and Y', 'It was hosted by the Government of X', 'The meeting was convened
    by X': the hosts of the document's own meeting (not of 'the next meeting')."""
    m = DOC_HOST_RX.search(s.text)
    if not m:
        return
    before = s.text[:m.start()]
    subject_is_doc = (DOC_MEETING_RX.match(before + "was ") and doc_meeting_meant(ex, doc, i)) or names_doc_event(ex, doc, before) \
        or (re.match(r"^\W*(?:\d+\.\s*)?It\s*$", before) and i and names_doc_event(ex, doc, doc.sentences[i - 1].text))
    event = doc_event(ex, doc)
    if not subject_is_doc or not event or re.search(r"\b(?:next|following|future|last|previous)\b", before):
        return
    span = re.split(HOST_SPAN_END, s.text[m.end():])[0]
    role = "host" if m.group("verb").startswith("host") else "organizer"
    for a in _host_parts(ex, span):
        ex.emit(a, "hosts", event, doc, s, rule="hosts.doc-meeting-by",
                qualifiers={"role": role, "status": status_of(s.text[:m.end() + len(span)])}, confidence=0.9)


def extract(doc, ex):
    _doc_meeting_place(ex, doc)
    for i, s in enumerate(doc.sentences):
        if s.kind in ("prose", "list_item", "line") and "by" in s.text:
            _doc_meeting_hosts(ex, doc, i, s)
    for s in doc.sentences:
        meetings = meetings_named(ex, s.text)
        for start, end, year in meetings:
            event = ensure_meeting(ex, year)
            _located(ex, doc, s, event, start, end)
            date = ex.entity(event).date
            hm = HOST_RX.search(s.text[max(0, start - 30):start])
            if hm:
                actors = actors_in(ex, _Text(s.text[:max(0, start - 30) + hm.start()][-120:]), types=("State",))
                if actors:
                    clause = s.text[max(0, start - 120):end]
                    # "the generous offer of X to host the second meeting": planned when it was written
                    offered = OFFER_RX.search(s.text[max(0, start - 120):start])
                    ex.emit(actors[-1], "hosts", event, doc, s, rule="hosts.actor-to-host-meeting",
                            qualifiers={"status": "planned" if offered else status_of(clause), "date": date})
            am = HOST_AFTER_RX.match(s.text[end:])
            if am:
                tail = s.text[end + am.end():end + am.end() + 60]
                actors = [m for m in ex.mentions(_Text(tail)) if m.start == 0]
                if actors and ex.entity(actors[0].id).type in ("State", "Organization"):
                    ex.emit(actors[0].id, "hosts", event, doc, s, rule="hosts.meeting-hosted-by",
                            qualifiers={"status": status_of(s.text[start:end + am.end() + 40]), "date": date})
