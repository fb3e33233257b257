"""Memberships, roles and successions written in prose (listed bodies and tables belong to `membership`).

`member_of` (role member / observer): "pleased to have welcomed UN Women and the World Health Organization as the
most recent members of the GMG", "<A>, a member of <B>", "<A> joined <B>".
`succeeded_by`: "UNIFEM (now part of UN Women)", "<X> was replaced by <Y>" (same type), and one GFMD meeting by the
next ("the next GFMD meeting will be organized by the Philippines in Manila in 2008" in the report of the 2007
meeting); the document's own meeting comes from its catalogue title."""
from __future__ import annotations

import re

from migkg.loaders import coref
from migkg.loaders.cues import clause_around, dates_in, time_qualifiers
from migkg.loaders.families.entities import doc_event, ensure_meeting, rules

R = rules("prose_membership")
AS_MEMBERS_RX = re.compile(R["as_members"], re.I)
A_MEMBER_RX = re.compile(R["a_member_of"], re.I)
JOINED_RX = re.compile(R["joined"], re.I)
NOW_RX = re.compile(R["now_paren"], re.I)
REPLACED_RX = re.compile(R["replaced_by"], re.I)
NEXT_RX = re.compile(R["next_meeting"], re.I)
MEMBERS = ("State", "Organization")
BODIES = ("Organization", "Process")


def _body_at(ex, text, pos):
    found = [m for m in coref.actors(ex, text[pos:pos + 120], BODIES) if m.start < 3]
    return found[0].id if found else None


def _role(word: str) -> str:
    w = word.lower()
    return "observer" if w.startswith("observer") else "associate" if w.startswith("associate") else "member"


def _member(ex, doc, s, text, members, body, role, rule, a, b):
    quals = time_qualifiers(clause_around(text, a, b), doc.meta.get("date"))
    quals["role"] = role
    for m in members:
        if m != body and ex.entity(body).type in BODIES:
            ex.emit(m, "member_of", body, doc, s, rule=rule, qualifiers=quals, confidence=0.85)


def _memberships(ex, doc, i, s, text):
    for m in AS_MEMBERS_RX.finditer(text):
        body = _body_at(ex, text, m.end())
        members = coref.actors_before(ex, text, m.start(), MEMBERS)
        if body and members:
            _member(ex, doc, s, text, members, body, _role(m.group("role")), "member_of.as-members-of", m.start(), m.end())
    for m in A_MEMBER_RX.finditer(text):
        body = _body_at(ex, text, m.end())
        members = coref.actors_before(ex, text, m.start(), MEMBERS)[-1:]
        if body and members:
            _member(ex, doc, s, text, members, body, _role(m.group("role")), "member_of.a-member-of", m.start(), m.end())
    for m in JOINED_RX.finditer(text):
        body = _body_at(ex, text, m.end())
        members = coref.actors_before(ex, text, m.start(), MEMBERS)
        if body and members:
            _member(ex, doc, s, text, members, body, "member", "member_of.joined", m.start(), m.end())


def _successions(ex, doc, i, s, text):
    for rx, rule in ((NOW_RX, "succeeded_by.now-parenthetical"), (REPLACED_RX, "succeeded_by.replaced-by")):
        for m in rx.finditer(text):
            before = [a for a in coref.actors(ex, text[:m.start()], ("Organization", "Process")) if a.end == m.start()]
            after = [a for a in coref.actors(ex, text[m.end():m.end() + 80], ("Organization", "Process")) if a.start == 0]
            if before and after and ex.entity(before[-1].id).type == ex.entity(after[0].id).type:
                quals = time_qualifiers(text[m.start():m.end() + 80], doc.meta.get("date"))
                quals["status"] = "actual"
                ex.emit(before[-1].id, "succeeded_by", after[0].id, doc, s, rule=rule, qualifiers=quals, confidence=0.85)


def _next_meeting(ex, doc, i, s, text):
    own = doc_event(ex, doc)
    if not own or not own.startswith("event:gfmd-"):
        return
    for m in NEXT_RX.finditer(text):
        years = [y[:4] for y in dates_in(text[m.end():m.end() + 90])]
        if len(set(years)) == 1 and years[0] > own.split("-")[1]:
            nxt = ensure_meeting(ex, years[0])
            ex.emit(own, "succeeded_by", nxt, doc, s, rule="succeeded_by.next-meeting",
                    qualifiers={"status": "actual"}, confidence=0.85)


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind in ("heading", "table_row"):
            continue
        _memberships(ex, doc, i, s, s.text)
        _successions(ex, doc, i, s, s.text)
        _next_meeting(ex, doc, i, s, s.text)
