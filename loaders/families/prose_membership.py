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
IS_MEMBER_RX = re.compile(R["is_member_of"], re.I)
NOW_RX = re.compile(R["now_paren"], re.I)
REPLACED_RX = re.compile(R["replaced_by"], re.I)
NEXT_RX = re.compile(R["next_meeting"], re.I)
MEMBERS_LISTED_RX = re.compile(R["members_listed"])
LIST_OPENER_RX = re.compile(R["list_opener"])
PARTICIPATE_AS_RX = re.compile(R["participate_as"], re.I)
ATTENDED_AS_RX = re.compile(R["attended_as"], re.I)
AS_DID_RX = re.compile(R["as_did"], re.I)
TOOK_PART_RX = re.compile(R["took_part"], re.I)
DELEGATES_OF_RX = re.compile(R["delegates_of"], re.I)
PREPOSITION_END_RX = re.compile(r"\b(?:of|from|with|by|for|in|between|among|to)\s+(?:the\s+)?$")
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
    for m in IS_MEMBER_RX.finditer(text):
        body = _body_at(ex, text, m.end())
        members = _subject_list(ex, text, m.start())
        if body and members:
            _member(ex, doc, s, text, members, body, _role(m.group("role")), "member_of.is-member-of", m.start(), m.end())
    for m in JOINED_RX.finditer(text):
        body = _body_at(ex, text, m.end())
        members = coref.actors_before(ex, text, m.start(), MEMBERS)
        if body and members:
            _member(ex, doc, s, text, members, body, "member", "member_of.joined", m.start(), m.end())


def _listed_members(ex, doc, i, s, text):
    """'the member States of the Almaty Process (A, B and C)', 'Member States of X: A, B'; a list that is the
    subject of 'took part in the meeting' also gives their participation in the document's meeting."""
    for m in MEMBERS_LISTED_RX.finditer(text):
        body = [b for b in coref.actors(ex, text[m.end():m.end() + 120], BODIES) if b.start < 3]
        if not body:
            continue
        after = m.end() + body[0].end
        om = LIST_OPENER_RX.match(text[after:])
        if not om:
            continue
        members, end = coref.list_at(ex, text, after + om.end(), MEMBERS, max_lead=3)
        if len(members) < 2:
            continue
        role = _role(m.group("role")) if m.group("role").lower() != "participating" else "member"
        _member(ex, doc, s, text, members, body[0].id, role, "member_of.members-listed", m.start(), end)
        close = re.match(r"^\s*\)", text[end:])
        if close and TOOK_PART_RX.match(text, end + close.end()):
            _attend(ex, doc, s, text, members, "participant", "participates_in.delegations-took-part", m.start(), end)


def _attend(ex, doc, s, text, who, role, rule, a, b):
    own = doc_event(ex, doc)
    if not own:
        return
    quals = time_qualifiers(clause_around(text, a, b), doc.meta.get("date"))
    quals["role"] = role
    for w in who:
        ex.emit(w, "participates_in", own, doc, s, rule=rule + "+own-meeting", qualifiers=quals, confidence=0.8)


def _subject_list(ex, text, end, delegates=False):
    """The actors listed right before `end` when they are the subject of the clause (not 'support of A'); with
    `delegates`, also when the clause opens with 'Representatives of' (attendance)."""
    found = coref.actors(ex, text[:end], MEMBERS)
    ids = coref.actors_before(ex, text, end, MEMBERS)
    if not ids:
        return []
    first = [a for a in found if a.id == ids[0]][-1]
    lead = text[clause_start(text, first.start):first.start]
    if delegates and DELEGATES_OF_RX.match(lead):
        return ids
    return [] if PREPOSITION_END_RX.search(lead) else ids


def clause_start(text, pos):
    from migkg.loaders.cues import _breaks
    return max((b for a, b in _breaks(text) if b <= pos), default=0)


def _observers(ex, doc, i, s, text):
    """'X and Y participate in <Process> as observers' (membership role); 'A, B and C attended as observers, as did
    representatives of D and E' (the document's own meeting)."""
    for m in PARTICIPATE_AS_RX.finditer(text):
        body = [b for b in coref.actors(ex, m.group("body"), BODIES) if b.start < 3]
        who = _subject_list(ex, text, m.start())
        if body and who:
            _member(ex, doc, s, text, who, body[0].id, _role(m.group("role")), "member_of.participate-as", m.start(),
                    m.end())
    for m in ATTENDED_AS_RX.finditer(text):
        who = _subject_list(ex, text, m.start(), delegates=True)
        dm = AS_DID_RX.match(text[m.end():])
        if dm:
            who += coref.list_at(ex, text, m.end() + dm.end(), MEMBERS, max_lead=3)[0]
        if who:
            _attend(ex, doc, s, text, list(dict.fromkeys(who)), "observer", "participates_in.attended-as-observers",
                    m.start(), m.end())


def _successions(ex, doc, i, s, text):
    for rx, rule in ((NOW_RX, "succeeded_by.now-parenthetical"), (REPLACED_RX, "succeeded_by.replaced-by")):
        for m in rx.finditer(text):
            before = [a for a in coref.actors(ex, text[:m.start()], ("Organization", "Process")) if a.end == m.start()]
            after = [a for a in coref.actors(ex, text[m.end():m.end() + 80], ("Organization", "Process")) if a.start == 0]
            if before and after and ex.entity(before[-1].id).type == ex.entity(after[0].id).type:
                # "(now part of X)" is dated by nothing in the sentence (any date there belongs to the main clause);
                # "X was replaced by Y in 2011" dates the replacement
                quals = {} if rule.endswith("now-parenthetical") else \
                    time_qualifiers(clause_around(text, m.start(), m.end() + len(after[0].surface)), doc.meta.get("date"))
                quals["status"] = "actual"
                ex.emit(before[-1].id, "succeeded_by", after[0].id, doc, s, rule=rule, qualifiers=quals, confidence=0.85)


def _next_meeting(ex, doc, i, s, text):
    """'The next GFMD meeting will be organized by the Philippines in Manila in 2008', 'The next Senior Officials'
    Meeting will be hosted by Tajikistan in Dushanbe': the document's meeting is succeeded by that meeting (planned
    while the document does not report it as held)."""
    own = doc_event(ex, doc)
    if not own:
        return
    for m in NEXT_RX.finditer(text):
        nxt = None
        if own.startswith("event:gfmd-"):
            years = [y[:4] for y in dates_in(text[m.end():m.end() + 90])]
            if len(set(years)) == 1 and years[0] > own.split("-")[1]:
                nxt = ensure_meeting(ex, years[0])
        else:
            nxt = _event_made_here(ex, doc, i, s)
            if nxt and not _same_series(ex.entity(own).label, ex.entity(nxt).label):
                nxt = None    # "the next Global Urban Forum" in the record of a coordination meeting
        if not nxt or nxt == own:
            continue
        # the succession is a plan while the next meeting lies ahead of the document (modal words in the sentence
        # are about something else: "this could be reported at the next GFMD meeting")
        year = (ex.entity(nxt).date or "")[:4]
        doc_year = str(doc.meta.get("date") or "")[:4]
        status = "actual" if year and doc_year and year < doc_year else "planned"
        ex.emit(own, "succeeded_by", nxt, doc, s, rule="succeeded_by.next-meeting", qualifiers={"status": status},
                confidence=0.85)


def _same_series(own_label: str, next_label: str) -> bool:
    """The next event's name (without year and ordinal) is part of the document's meeting name."""
    name = re.sub(r"\s*\((?:19|20)\d\d\)$", "", next_label)
    name = re.sub(r"^(?:the\s+)?(?:next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+", "", name,
                  flags=re.I)
    norm = lambda t: re.sub(r"[^a-z0-9]+", " ", t.lower().replace("’", "'")).strip()
    return bool(norm(name)) and norm(name) in norm(own_label)


def _event_made_here(ex, doc, i, s):
    """The event another family drew from this sentence: the object of a `hosts`/`located_in` statement, or the
    event the events family named in it."""
    for st in ex.statements.values():
        if st.predicate in ("hosts", "located_in") and any(e.doc == doc.doc_id and e.start == s.start for e in st.evidence):
            e = ex.entity(st.object if st.predicate == "hosts" else st.subject)
            if e is not None and e.type == "Event":
                return e.id
    last = ex.state.get("prose_events", {}).get(doc.doc_id)
    return last[0] if last and last[1] == i else None


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind in ("heading", "table_row"):
            continue
        low = s.text.lower()
        for rule, words in RULE_WORDS:
            if any(w in low for w in words):
                rule(ex, doc, i, s, s.text)


# A rule runs only on sentences holding one of its words (its regular expressions cannot match otherwise).
RULE_WORDS = ((_memberships, ("member", "observer", "joined", "acceded")), (_listed_members, ("member", "observer",
              "participating")), (_observers, ("observer",)), (_successions, ("now", "replaced", "succeeded")),
              (_next_meeting, ("next",)))
