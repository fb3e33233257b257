"""`chairs`: who chairs a session, meeting, process or body, from the structured ways documents say it:
parenthetical co-chair lines under session headings, "Chair :" panel lines, the co-chair column of a session team
table, "<person>, …, Chair of <X>" appositions and "A as prior Chair, B as current Chair … of X" sequences."""
from __future__ import annotations

import re

from migkg.loaders.cues import status_of
from migkg.loaders.families.entities import (PERSON_RX, doc_event, ensure_meeting, first_actor, gfmd_meetings_in,
                                             person_at, rules, session_of)

R = rules("chairs")
PAREN_RX = re.compile(R["parenthetical"], re.I)
PANEL_RX = re.compile(r"^(?P<label>" + "|".join(R["panel_roles"]) + r")\s*:\s*(?P<rest>.+)$", re.I)
ROLE_OF_RX = re.compile(R["role_of"])
SEQ_RX = re.compile(R["sequence"])
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
        acts_for = p.acts_for or first_actor(ex, text[seg_end:])
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
        ex.emit_acting(p.id, acts_for, "chairs", at[0], doc, s, rule="chairs.panel-line", qualifiers=quals,
                       title=p.title)
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
        if m.start < 5 and e is not None and e.type in ("Organization", "Process", "Event"):
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
        if not rm or rm.start() > 200:
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


def extract(doc, ex):
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
