"""`chairs`: who chairs a session, meeting, process or body, from the structured ways documents say it:
parenthetical co-chair lines under session headings, "Chair :" panel lines, the co-chair column of a session team
table, "<person>, …, Chair of <X>" appositions and "A as prior Chair, B as current Chair … of X" sequences."""
from __future__ import annotations

import re

from migkg.loaders import coref
from migkg.loaders.cues import dates_in, status_of
from migkg.loaders.families.entities import (PERSON_RX, _Text, affiliation_of, emit_person, doc_event, ensure_meeting, first_actor, gfmd_meetings_in,
                                             named_session, names_doc_event, person_at, rules, session_of)

R = rules("chairs")
PAREN_RX = re.compile(R["parenthetical"], re.I)
PANEL_RX = re.compile(r"^(?P<label>" + "|".join(R["panel_roles"]) + r")\s*:\s*(?P<rest>.+)$", re.I)
ROLE_OF_RX = re.compile(R["role_of"])
SEQ_RX = re.compile(R["sequence"])
NOT_TITLE_RX = re.compile(R["not_title"])
PROCESS_CHAIR_RX = re.compile(R["process_chair"])
ASSUMED_RX = re.compile(R["assumed_chair"])
APPOINTED_RX = re.compile(R["appointed_chair"])
CHAIR_TAKEN_RX = re.compile(R["chair_taken"])
CHAIRED_BY_RX = re.compile(R["chaired_by"], re.I)
DOC_MEETING_RX = re.compile(R["doc_meeting"], re.I)
OTHER_EVENT_RX = re.compile(R["other_event"], re.I)
OFFICES = "|".join(R["offices"])
OFFICE_AFTER_PERSON_RX = re.compile(rf"(?:^|['’]s\s+|\b)(?P<office>{OFFICES})\b")
OFFICE_BEFORE_PERSON_RX = re.compile(rf"\b(?P<office>{OFFICES})\b[^,;()]{{0,120}}?,\s*(?=(?:H\.E\.|Sir|Mr|Ms|Mrs|Dr|Prof|Amb|Ambassador)\b)")
OFFICE_WORD_RX = re.compile(rf"\b(?:{OFFICES}|GFMD|Forum)\b")
OFFICE_REF_RX = re.compile(rf"\bthe\s+(?:(?P<adj>[A-Z][\w-]+)\s+)?(?P<office>{OFFICES})\b")
HANDOVER_RX = re.compile(R["handover"])
APPOSITION_CHAIRED_RX = re.compile(R["apposition_chaired"])
NAMED_BODY_RX = re.compile(R["named_body"])
NAMED_SESSION_RX = re.compile(r"\b(?P<title>(?:Special|Working) [Ss]ession on (?:the )?[A-Z][\w ]+?)\s+(?:had been|has been|was|were|is|will be)\b")
GFMD_PROCESS = "process:gfmd"
# a full stop that ends a clause, not an honorific's ("H.E. Mr. X")
NOT_ABBREV = r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bAmb)(?<!\bProf)(?<!\bH)(?<!\.E)(?<!\bJr)(?<!\bSr)(?<!\bSt)(?<!\bHon)(?<!\bRev)(?<!\bNo)"
HEADING_WINDOW = 4      # a parenthetical chair line sits right under its session heading
PANEL_WINDOW = 16       # panel lines follow the heading (or "whose panel comprised") closely


def _panel_role(label: str) -> str:
    for rx, role in R["panel_roles"].items():
        if re.fullmatch(rx, label, re.I):
            return role
    return "chair"


def actors_in(ex, sentence, types=("State", "Organization")):
    out = []
    for m in ex.mentions(sentence):
        e = ex.entity(m.id)
        if e is not None and e.type in types and m.id not in out:
            out.append(m.id)
    return out


def _date(ex, obj):
    e = ex.entity(obj)
    return e.date if e is not None else None


def persons_with_actors(ex, text: str):
    """Each honorific-led person in a list of people, with the body the nearest title names."""
    starts = [m.start() for m in PERSON_RX.finditer(text)]
    out = []
    for k, st in enumerate(starts):
        seg_end = starts[k + 1] if k + 1 < len(starts) else len(text)
        p = person_at(ex, text[:seg_end], st)
        if p is None:
            continue
        # a title-less name takes the body named after the list ("Mr X and Mr Y, Ministry of Labour, Ghana")
        acts_for = p.acts_for or (first_actor(ex, text[seg_end:]) if len(p.rest.strip(' ,;')) < 3 else None)
        out.append((p, acts_for))
    return out


def _panel(ex, doc, i, s):
    m = PANEL_RX.match(s.text.strip())
    at = session_of(ex, doc, i)
    if not m or not at or i - at[1] > PANEL_WINDOW:
        return
    role = _panel_role(m.group("label"))
    quals = {"role": role, "date": _date(ex, at[0])}
    people = persons_with_actors(ex, m.group("rest"))
    for p, acts_for in people:
        emit_person(ex, p.id, acts_for, "chairs", at[0], doc, s, rule="chairs.panel-line", qualifiers=quals,
                    title=p.title, affiliation=affiliation_of(ex, p.rest))
    if not people:
        for a in actors_in(ex, s):
            ex.emit(a, "chairs", at[0], doc, s, rule="chairs.panel-line", qualifiers=quals)


def _parenthetical(ex, doc, i, s):
    m = PAREN_RX.match(s.text.strip())
    at = session_of(ex, doc, i)
    if not m or not at or i - at[1] > HEADING_WINDOW:
        return
    role = "co-chair" if re.match(r"co", m.group("label"), re.I) else "chair"
    for a in actors_in(ex, s):
        ex.emit(a, "chairs", at[0], doc, s, rule="chairs.parenthetical-list",
                qualifiers={"role": role, "date": _date(ex, at[0])}, confidence=0.95)


def _header_columns(cells) -> dict[int, str] | None:
    """Column -> role for a session-team header row ("CO-CHAIRS | GOVERNMENT TEAM MEMBERS | | | INTERNATIONAL
    ORGANIZATIONS"): a header cell owns the empty cells after it, so rows with blank cells keep their columns."""
    roles, current = {}, None
    for k, c in enumerate(cells):
        if c:
            current = next((role for rx, role in R["team_table"].items() if re.match(rx, c, re.I)), None)
        if current:
            roles[k] = current
    return roles if "co-chair" in roles.values() else None


def _table(ex, doc, i, s, state):
    """A table of session teams: co-chairs chair the session, the other team members take part in it."""
    cells = [c.strip() for c in (s.cells or [])]
    if s.kind != "table_row" or not cells:
        if s.kind == "heading" and re.match(r"^(Appendix|Annex)\b", s.text.strip(), re.I):
            state["cols"] = None
        return
    header = _header_columns(cells)
    if header:
        state["cols"] = header
        return
    cols = state.get("cols")
    at = session_of(ex, doc, i)
    if not cols or not at or at[1] == i:
        return
    for k, cell in enumerate(cells):
        role = cols.get(k)
        if not role or not cell:
            continue
        for m in ex.mentions(_Cell(cell)):
            e = ex.entity(m.id)
            if e is None or e.type not in ("State", "Organization"):
                continue
            quals = {"role": role, "date": _date(ex, at[0])}
            if role == "co-chair":
                ex.emit(m.id, "chairs", at[0], doc, s, rule="chairs.team-table", qualifiers=quals, confidence=0.95)
            else:
                ex.emit(m.id, "participates_in", at[0], doc, s, rule="participates_in.team-table", qualifiers=quals)


class _Cell:
    def __init__(self, text):
        self.text, self.start = text, -2


def _target(ex, doc, text: str):
    """What a 'Chair of …' names: a GFMD meeting (by ordinal or year) or a registry/discovered body."""
    meetings = gfmd_meetings_in(ex, text[:90])
    if meetings and meetings[0][0] < 5:
        return ensure_meeting(ex, meetings[0][2])
    for m in ex.mentions(_Cell(text[:90])):
        e = ex.entity(m.id)
        possessive = re.match(r"['’]s\b", text[m.end:m.end + 2])   # "the OECD's Development Assistance Committee"
        if m.start < 5 and e is not None and e.type in ("Organization", "Process", "Event") and not possessive:
            return m.id
    return None


def _apposition(ex, doc, s):
    """'Mr X, Under-Secretary … of the Philippines and Chair of the Second Meeting of the GFMD'."""
    text = s.text
    if "Chair" not in text:
        return
    starts = [m.start() for m in PERSON_RX.finditer(text)]
    for k, st in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        seg = text[st:end]
        rm = ROLE_OF_RX.search(seg)
        if not rm or rm.start() > 200 or NOT_TITLE_RX.search(seg[:rm.start()]):
            continue
        target = _target(ex, doc, seg[rm.end():])
        p = person_at(ex, text[:end], st)
        if not target or p is None:
            continue
        role = R["role_words"][rm.group("role").lower()]
        status = "planned" if re.search(r"\b(incoming|next|future)\b", seg[:rm.start()] + text[max(0, st - 30):st], re.I) else "actual"
        acts_for = first_actor(ex, seg[len(p.name):rm.start()]) if rm.start() > 0 else None
        ex.emit_acting(p.id, acts_for, "chairs", target, doc, s, rule="chairs.person-apposition",
                       qualifiers={"role": role, "status": status}, title=p.title)


def _sequence(ex, doc, s):
    """'the Netherlands as prior Chair, Ireland as current Chair, and Sweden as incoming Chair of the IGC'."""
    found = list(SEQ_RX.finditer(s.text))
    if len(found) < 2:
        return
    tail = s.text[found[-1].end():]
    om = re.match(r"\s+of\s+(?:the\s+)?", tail)
    if not om:
        return
    target = _target(ex, doc, tail[om.end():])
    if not target:
        return
    for m in found:
        actors = [a for a in actors_in(ex, _Cell(m.group("actor")))]
        if len(actors) == 1:
            when = m.group("when").lower()
            ex.emit(actors[0], "chairs", target, doc, s, rule="chairs.prior-current-incoming",
                    qualifiers={"role": "chair", "status": R["sequence_status"][when]})


def _handover(ex, doc, s):
    """'Sri Lanka, as outgoing Chair, handed over the chairmanship of the Colombo Process to Nepal'."""
    for m in HANDOVER_RX.finditer(s.text):
        target = _target(ex, doc, s.text[m.end():])
        if not target:
            continue
        givers = actors_in(ex, _Cell(re.split(r"[;:]|\.\s", s.text[:m.start()])[-1]), types=("State", "Organization"))
        tm = next(mm for mm in ex.mentions(_Cell(s.text[m.end():m.end() + 90])) if mm.id == target)
        to = re.match(r"\s+to\s+(?:the\s+)?(?P<who>[^,;.]{2,60})", s.text[m.end() + tm.end:])
        takers = actors_in(ex, _Cell(to.group("who")), types=("State", "Organization")) if to else []
        when = (dates_in(s.text[m.end():]) or [None])[0]
        if len(givers) == 1:
            ex.emit(givers[0], "chairs", target, doc, s, rule="chairs.handover",
                    qualifiers={"role": "chair", "status": "ended", "end": when})
        if len(takers) == 1:
            ex.emit(takers[0], "chairs", target, doc, s, rule="chairs.handover",
                    qualifiers={"role": "chair", "status": status_of(s.text), "start": when})


def office_key(office: str) -> str:
    key = office.lower().replace("secretary general", "secretary-general").replace("director general", "director-general")
    return "chair-in-office" if key in ("chairmanship", "chair") else key


def _holder(ex, doc, key: str, index: int) -> str | None:
    """The person the document named as holding an office: the latest one before `index`, else the first after."""
    held = [h for h in ex.state.get("office_holders", {}).get(doc.doc_id, []) if h[1] == key]
    before = [h for h in held if h[0] <= index]
    return (before[-1] if before else held[0])[2] if held else None


def _learn_offices(ex, doc):
    """Who holds which office in this document: 'The Special Representative of the Secretary General, Sir Peter
    Sutherland', 'Mr. Peter Sutherland, UN-Secretary General's Special Representative …', and the GFMD chair taken up
    ('assumed the GFMD Chairmanship', 'appointed X … as the GFMD 2010 Chair-in-Office', 'The incoming GFMD Chair, X')."""
    held = ex.state.setdefault("office_holders", {}).setdefault(doc.doc_id, [])
    for i, s in enumerate(doc.sentences):
        text = s.text
        if s.kind == "heading" or not OFFICE_WORD_RX.search(text):
            continue
        for m in OFFICE_BEFORE_PERSON_RX.finditer(text):
            p = person_at(ex, text, m.end())
            if p:
                held.append((i, office_key(m.group("office")), p.id))
        for pm in PERSON_RX.finditer(text):
            if not OFFICE_WORD_RX.search(text, pm.end(), pm.end() + 150):
                continue
            p = person_at(ex, text, pm.start())
            if p and p.title and not NOT_TITLE_RX.search(p.title):
                om = OFFICE_AFTER_PERSON_RX.search(re.split(r"['’]s\s+", p.title)[-1])
                if om and om.start() < 40:
                    held.append((i, office_key(om.group("office")), p.id))
        for rx in (ASSUMED_RX, APPOINTED_RX):
            for m in rx.finditer(text):
                span = m.group("who") if "who" in rx.groupindex else text[:m.start()]
                people = [pm for pm in PERSON_RX.finditer(span)]
                if len(people) != 1:
                    continue
                offset = m.start("who") if "who" in rx.groupindex else 0
                p = person_at(ex, text, offset + people[0].start())
                if p:
                    held.append((i, "chair-in-office", p.id))
                    year = m.group("year") or m.group("year2")
                    dates = dates_in(text)
                    ex.emit_acting(p.id, _acting_state(ex, p, text[:m.start()] if rx is APPOINTED_RX else ""),
                                   "chairs", GFMD_PROCESS if m.group("process") else None, doc, s,
                                   rule="chairs.took-up-process-chair", title=p.title,
                                   qualifiers={"role": "chair-in-office", "start": dates[0] if dates else year})
    held.sort(key=lambda h: h[0])


def _acting_state(ex, p, appointer: str) -> str | None:
    """The state a new chair acts for: the one named in their title, or the government that appointed them
    ("The Mexican Government appointed X … as the GFMD 2010 Chair-in-Office")."""
    if p.acts_for and ex.entity(p.acts_for).type == "State":
        return p.acts_for
    states = coref.actor_ids(ex, appointer, ("State",)) if len(appointer) < 60 else []
    return states[0] if len(states) == 1 else None


def _process_chair(ex, doc, i, s):
    """'As next GFMD Chair, Switzerland …', 'The incoming 2011 GFMD Chair, H.E. Mr. Eduard Gnesa, …, Switzerland'."""
    for m in PROCESS_CHAIR_RX.finditer(s.text):
        status = R["process_chair_status"].get((m.group("when") or "").lower(), "actual")
        quals = {"role": "chair" if "Co" not in m.group("role") else "co-chair", "status": status, "start": m.group("year")}
        rest = s.text[m.end():]
        p = person_at(ex, rest) if PERSON_RX.match(rest) else None
        if p:
            acts_for = p.acts_for if p.acts_for and ex.entity(p.acts_for).type == "State" else None
            ex.emit_acting(p.id, acts_for, "chairs", GFMD_PROCESS, doc, s, rule="chairs.process-chair-apposition",
                           qualifiers=quals, title=p.title)
            ex.state.setdefault("office_holders", {}).setdefault(doc.doc_id, []).append((i, "chair-in-office", p.id))
            continue
        first = [mm for mm in ex.mentions(_Text(rest[:40])) if mm.start == 0]
        if first and ex.entity(first[0].id).type == "State":
            ex.emit(first[0].id, "chairs", GFMD_PROCESS, doc, s, rule="chairs.process-chair-apposition", qualifiers=quals)


def doc_meeting_meant(ex, doc, i: int) -> str | None:
    """'The meeting' in sentence `i` is the document's own meeting unless the sentences just before named another
    event ("The Second meeting of the FoF was held in Geneva … The meeting was chaired by …")."""
    for prev in doc.sentences[max(0, i - 3):i]:
        if OTHER_EVENT_RX.search(prev.text) and not DOC_MEETING_RX.match(prev.text) and not names_doc_event(ex, doc, prev.text):
            return None
    return doc_event(ex, doc)


def _chair_taken(ex, doc, s):
    """'H.E. Mr X, Minister of the Interior of Ghana, served as GFMD Chair-in-Office for 2013' (the person, and the
    state they act for), 'Tajikistan will assume the chairmanship of the Almaty Process in 2016' (a state)."""
    if ASSUMED_RX.search(s.text) or APPOINTED_RX.search(s.text):
        return                                   # read by _learn_offices
    for m in CHAIR_TAKEN_RX.finditer(s.text):
        target = GFMD_PROCESS if m.group("process") else (_target(ex, doc, s.text[m.end():]) if m.group(0).endswith(" ") and
                                                          re.search(r"\bof\s+(?:the\s+)?$", m.group(0)) else None)
        if not target or ex.entity(target).type not in ("Process", "Organization"):
            continue
        after = s.text[m.end():m.end() + 60]
        when = (dates_in(after) or [m.group("year")])[0]
        status = "planned" if m.group("future") else "actual"
        role = "co-chair" if m.group("co") else \
            "chair-in-office" if "office" in m.group("office").lower() or m.group("process") else "chair"
        quals = {"role": role, "status": status, ("date" if m.group("verb").startswith(("serve", "act")) else "start"): when}
        before = re.split(r"[;:]|" + NOT_ABBREV + r"\.\s", s.text[:m.start()])[-1]
        people = list(PERSON_RX.finditer(before))
        if m.group("co") and len(people) > 1:          # "Mr X, …, and Mr Y, …, served as the GFMD Co-Chairs"
            for p, acts_for in persons_with_actors(ex, before):
                emit_person(ex, p.id, acts_for if acts_for and ex.entity(acts_for).type == "State" else None, "chairs",
                            target, doc, s, rule="chairs.took-up-chair", qualifiers=quals, title=p.title,
                            affiliation=affiliation_of(ex, p.rest))
            continue
        if len(people) == 1:
            p = person_at(ex, before, people[0].start())
            if p:
                emit_person(ex, p.id, p.acts_for if p.acts_for and ex.entity(p.acts_for).type == "State" else None, "chairs",
                            target, doc, s, rule="chairs.took-up-chair", qualifiers=quals, title=p.title)
            continue
        states = actors_in(ex, _Text(before), types=("State",))
        if not people and (len(states) == 1 or (m.group("co") and re.search(r"\band\b", before))):
            for state in states:
                ex.emit(state, "chairs", target, doc, s, rule="chairs.took-up-chair", qualifiers=quals)


def _chaired_target(ex, doc, i, s, before: str):
    """What a '… was chaired by' sentence is about: a named session, the session the text is in, a GFMD meeting."""
    nm = NAMED_SESSION_RX.search(before + " was")
    if nm:
        meeting = None
        for prev in reversed(doc.sentences[max(0, i - 3):i + 1]):
            found = gfmd_meetings_in(ex, prev.text)
            if found:
                meeting = ensure_meeting(ex, found[-1][2])
                break
        session = named_session(ex, doc, nm.group("title"), meeting)
        if session and meeting:
            ex.emit(session, "part_of", meeting, doc, s, rule="part_of.named-session")
        return session
    if DOC_MEETING_RX.match(before):
        return doc_meeting_meant(ex, doc, i)
    if re.match(r"^\s*(?:The|This)\s+(?:(?:Special|Working|Round ?table)\s+)?[Ss]ession\s*$", before):
        at = session_of(ex, doc, i)
        return at[0] if at else None
    found = gfmd_meetings_in(ex, before)
    return ensure_meeting(ex, found[-1][2]) if found else None


def _chaired_by(ex, doc, i, s):
    """'The Special Session was co-chaired by the Mexican Chair-in-office and the Special Representative of the
    Secretary-General …': offices resolve to the people the document names as holding them."""
    m = CHAIRED_BY_RX.search(s.text)
    if not m:
        return
    target = _chaired_target(ex, doc, i, s, s.text[:m.start()])
    if not target:
        return
    rest = s.text[m.end():]
    rest = re.split(r"[;](?:\s|$)|" + NOT_ABBREV + r"\.(?:\s|$)|\s(?:to|who|which)\s", rest)[0]
    quals = {"role": "co-chair" if m.group("co") else "chair", "date": _date(ex, target)}
    used = []
    for om in OFFICE_REF_RX.finditer(rest):
        end = re.search(r",|\s+and\s+the\b|$", rest[om.end():])
        tail = rest[om.end() + end.start():]
        pm = PERSON_RX.match(tail.lstrip(", ")) if tail.startswith(",") else None
        if pm:
            continue                     # "the Special Representative …, Mr. Peter Sutherland": the name follows
        used.append((om.start(), om.end() + end.start()))
        holder = _holder(ex, doc, office_key(om.group("office")), i)
        if holder:
            ex.emit(holder, "chairs", target, doc, s, rule="chairs.chaired-by+office-holder", qualifiers=quals)
            adj = [mm for mm in ex.mentions(_Text(om.group("adj") or "")) if ex.entity(mm.id).type == "State"]
            if adj:
                ex.emit(adj[0].id, "chairs", target, doc, s, rule="chairs.chaired-by+office-holder+acting-for", qualifiers=quals)
    for p, acts_for in persons_with_actors(ex, rest):
        emit_person(ex, p.id, acts_for, "chairs", target, doc, s, rule="chairs.chaired-by", qualifiers=quals,
                    title=p.title, affiliation=affiliation_of(ex, p.rest))
    if not PERSON_RX.search(rest) and not used:
        for a in actors_in(ex, _Text(rest)):
            ex.emit(a, "chairs", target, doc, s, rule="chairs.chaired-by", qualifiers=quals)


def _apposition_chaired(ex, doc, s):
    """'The Global Migration Group (GMG), chaired in 2017 by UNICEF, …': the actors after 'by' (up to the next comma)
    chair the body named right before the comma (a registry organisation or process, or a named working group)."""
    for m in APPOSITION_CHAIRED_RX.finditer(s.text):
        before = s.text[:m.start()]
        known = [mm for mm in ex.mentions(_Text(before)) if ex.entity(mm.id) and ex.entity(mm.id).type in
                 ("Organization", "Process") and re.fullmatch(r"\s*(?:\([A-Z]{2,8}\))?\s*", before[mm.end:])]
        target = known[-1].id if known else None
        if target is None and (nb := NAMED_BODY_RX.search(before)):
            name = re.sub(r"^(?:The|the|A|Its|Their)\s+", "", nb.group("name"))
            target = ex.add_entity("Process", name, "body", aliases=[name])
        if target is None:
            continue
        chairs = actors_in(ex, _Text(re.split(r",|;|\.\s|\s(?:which|who)\s", s.text[m.end():])[0]))
        quals = {"role": "co-chair" if m.group("co") else "chair", "status": status_of(s.text),
                 "date": m.group("year")}
        for a in chairs:
            if a != target:
                ex.emit(a, "chairs", target, doc, s, rule="chairs.apposition-chaired-by", qualifiers=quals)


# When two rules give the same actor different roles for the same event, the more explicit one wins: a
# "(Chair: X)" line over a panel line's acting-for copy, both over a team table's column.
ROLE_PRIORITY = {"chairs.parenthetical-list": 3, "chairs.panel-line": 2, "chairs.chaired-by": 2,
                 "chairs.panel-line+acting-for": 1, "chairs.team-table": 0}


def _resolve_roles(ex):
    by_pair: dict = {}
    for sid, st in ex.statements.items():
        if st.predicate == "chairs" and st.rule in ROLE_PRIORITY:
            by_pair.setdefault((st.subject, st.object), []).append((ROLE_PRIORITY[st.rule], sid, st))
    for found in by_pair.values():
        if len({st.qualifiers.get("role") for _, _, st in found}) < 2:
            continue
        best = max(found, key=lambda f: (f[0], f[1]))[2]
        for _, sid, st in found:
            if st.qualifiers.get("role") != best.qualifiers.get("role"):
                del ex.statements[sid]


def extract(doc, ex):
    _learn_offices(ex, doc)
    table_state = {}
    for i, s in enumerate(doc.sentences):
        text = s.text.strip()
        if text.startswith("("):
            _parenthetical(ex, doc, i, s)
        elif PANEL_RX.match(text):
            _panel(ex, doc, i, s)
        _table(ex, doc, i, s, table_state)
        if "Chair" in text and s.kind in ("prose", "line", "list_item", "footnote", "heading"):
            _apposition(ex, doc, s)
            _sequence(ex, doc, s)
            _process_chair(ex, doc, i, s)
        if re.search(r"[Cc]hair", text) and s.kind in ("prose", "line", "list_item"):
            _chair_taken(ex, doc, s)
            _handover(ex, doc, s)
        if "haired by" in text and s.kind != "heading":
            _chaired_by(ex, doc, i, s)
        if "haired " in text and s.kind in ("prose", "list_item", "line"):
            _apposition_chaired(ex, doc, s)
    _resolve_roles(ex)
