"""`hosts` and `located_in` for meetings: "the Government of the Philippines to host the second meeting … in Manila",
"the 2009 Athens GFMD meeting", "the November 2009 GFMD meeting in Athens". Cities resolve to states through the
place gazetteer (rules/places.yaml); the meeting must be named in the same sentence."""
from __future__ import annotations

import re

from migkg.loaders.cues import dates_in, status_of
from migkg.loaders.families.chairs import actors_in
from migkg.loaders.families.entities import (ORDINALS, _Text, ensure_meeting, gfmd_meetings_in, meeting_years,
                                             places_in, rules)

R = rules("hosting")
HOST_RX = re.compile(R["host_verb"], re.I)
HOST_AFTER_RX = re.compile(R["host_after"])
BARE_RX = re.compile(R["bare_meeting"], re.I)
FORUM_RX = re.compile(R["forum_named"])


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
    inside = [p for p in places_in(s.text) if start <= p[0] < end]
    after = re.match(R["place_after"], s.text[end:])
    if after:
        inside += [p for p in places_in(s.text[end + after.end():end + after.end() + 30]) if p[0] == 0]
    for _, city, state in inside[:1]:
        ex.emit(event, "located_in", state, doc, s, rule="located_in.meeting-city",
                qualifiers={"place": city, "date": ex.entity(event).date})
        ent = ex.entities[event]
        if ent.place is None:
            ent.place, ent.country = city, state


def extract(doc, ex):
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
                    ex.emit(actors[-1], "hosts", event, doc, s, rule="hosts.actor-to-host-meeting",
                            qualifiers={"status": status_of(clause), "date": date})
            am = HOST_AFTER_RX.match(s.text[end:])
            if am:
                tail = s.text[end + am.end():end + am.end() + 60]
                actors = [m for m in ex.mentions(_Text(tail)) if m.start == 0]
                if actors and ex.entity(actors[0].id).type in ("State", "Organization"):
                    ex.emit(actors[0].id, "hosts", event, doc, s, rule="hosts.meeting-hosted-by",
                            qualifiers={"status": status_of(s.text[start:end + am.end() + 40]), "date": date})
