"""`hosts` and `located_in` for meetings: "the Government of the Philippines to host the second meeting … in Manila",
"the 2009 Athens GFMD meeting", "the November 2009 GFMD meeting in Athens". Cities resolve to states through the
place gazetteer (rules/places.yaml); the meeting must be named in the same sentence."""
from __future__ import annotations

import re

from migkg.loaders.cues import status_of
from migkg.loaders.families.chairs import actors_in
from migkg.loaders.families.entities import _Text, ensure_meeting, gfmd_meetings_in, places_in, rules

R = rules("hosting")
HOST_RX = re.compile(R["host_verb"], re.I)


def extract(doc, ex):
    for s in doc.sentences:
        meetings = gfmd_meetings_in(ex, s.text)
        if not meetings:
            continue
        for start, end, year in meetings:
            event = ensure_meeting(ex, year)
            inside = [p for p in places_in(s.text) if start <= p[0] < end]
            after = re.match(R["place_after"], s.text[end:])
            if after:
                inside += [p for p in places_in(s.text[end + after.end():end + after.end() + 30]) if p[0] == 0]
            for _, city, state in inside[:1]:
                ex.emit(event, "located_in", state, doc, s, rule="located_in.meeting-city", qualifiers={"place": city})
            hm = HOST_RX.search(s.text[max(0, start - 30):start])
            if hm:
                actors = [a for a in actors_in(ex, _Text(s.text[:max(0, start - 30) + hm.start()]), types=("State",))]
                if actors:
                    clause = s.text[max(0, start - 120):end]
                    ex.emit(actors[-1], "hosts", event, doc, s, rule="hosts.actor-to-host-meeting",
                            qualifiers={"status": status_of(clause)})
