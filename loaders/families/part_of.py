"""`part_of`: a round-table session is part of its meeting, a GFMD meeting part of the GFMD process, a body of a
process part of that process. The structure comes from where the text puts things (a session heading inside a
meeting report), so every statement cites the heading that places it; a GFMD meeting is part of the GFMD wherever a
sentence names it as one ("GFMD 2008", "the second meeting of the Global Forum")."""
from __future__ import annotations

from migkg.loaders.families.entities import doc_event, ensure_meeting, gfmd_meetings_in

GFMD = "process:gfmd"


def extract(doc, ex):
    meeting = doc_event(ex, doc)
    seen = set()
    for i, s in enumerate(doc.sentences):
        at = ex.state.get("session_at", {}).get(doc.doc_id, {}).get(i)
        if at and at[1] == i and at[0] not in seen and meeting:
            seen.add(at[0])
            ex.emit(at[0], "part_of", meeting, doc, s, rule="part_of.session-heading", confidence=0.9)
    process = ex.state.get("doc_event_process", {}).get(doc.doc_id)
    if meeting and process:
        # the title names the process the meeting belongs to ("ALMATY PROCESS … — Fourth Senior Officials' Meeting")
        first = next((s for s in doc.sentences[:12] if any(m.id == process for m in ex.mentions(s))), None)
        if first:
            ex.emit(meeting, "part_of", process, doc, first, rule="part_of.doc-title", confidence=0.9)
    if meeting and meeting.startswith("event:gfmd-") and ex.entity(GFMD) and doc.sentences:
        ensure_meeting(ex, meeting.split("-")[1])
        first = next((s for s in doc.sentences if "Global Forum" in s.text or "GFMD" in s.text), None)
        if first:
            ex.emit(meeting, "part_of", GFMD, doc, first, rule="part_of.gfmd-meeting", confidence=0.9)
    named = set()
    for s in doc.sentences:
        for _, _, year in gfmd_meetings_in(ex, s.text):
            if year not in named and ex.entity(GFMD):
                named.add(year)
                ex.emit(ensure_meeting(ex, year), "part_of", GFMD, doc, s, rule="part_of.gfmd-meeting-named",
                        confidence=0.9)
