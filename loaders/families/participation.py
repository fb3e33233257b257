"""`participates_in`, `affiliated_with`, `speaks_for`: panel lines ("Speaker : Mr X, title, Organisation"),
panellist lists under a session, participant lists ("Dr. Jeff CRISP<tab>Head of … (UNHCR)"), and
"on behalf of" / "in his capacity as Chair of". A provisional programme gives planned participation only."""
from __future__ import annotations

import re

from migkg.loaders.families.chairs import PANEL_WINDOW, actors_in, doc_meeting_meant, persons_with_actors
from migkg.loaders.families.entities import R as entity_rules
from migkg.loaders.families.entities import (PERSON_RX, _Text, affiliation_of, clean_title, emit_person, discover_named_org, org_kind, first_actor, doc_event, named_session, person_at, roundtable_event,
                                             rules, session_event, session_of)

R = rules("participation")
PANEL_RX = re.compile(r"^(?P<label>" + "|".join(R["panel_roles"]) + r")\s*:\s*(?P<rest>.*)$", re.I)
REPORT_ON_RX = re.compile(R["report_on"], re.I)
RAPPORTEUR_ON_RX = re.compile(R["rapporteur_on"], re.I)
REPORTS_BY_RX = re.compile(R["reports_by"], re.I)
FOR_RT_RX = re.compile(R["for_roundtable"], re.I)
BEHALF_RX = re.compile(r"\b(?:also\s+)?on behalf of\s+(?:the\s+)?(?:(?:current\s+)?[Pp]residency\s+of\s+(?:the\s+)?)?", re.I)


ATTENDANCE_RX = re.compile(R["attendance_list"], re.I)
NOT_ATTENDED_RX = re.compile(R["not_attended"], re.I)


def _attendance_list(ex, doc, i, s):
    """'The following countries of destination attended as observers: Bahrain, Kuwait …': each listed state or
    organisation took part in the document's own meeting (as observer when the clause says so)."""
    m = ATTENDANCE_RX.match(s.text)
    if not m or NOT_ATTENDED_RX.search(m.group("intro")):
        return
    meeting = doc_meeting_meant(ex, doc, i)
    if not meeting:
        return
    actors = [a for a in actors_in(ex, _Text(m.group("list")), types=("State", "Organization"))]
    role = "observer" if m.group("role") else "participant"
    for a in actors if len(actors) >= 2 else ():
        ex.emit(a, "participates_in", meeting, doc, s, rule="participates_in.attendance-list",
                qualifiers={"role": role, "date": ex.entity(meeting).date})


def _role(label: str) -> str:
    return next(role for rx, role in R["panel_roles"].items() if re.fullmatch(rx, label.strip(), re.I))


def _people_line(ex, doc, s, text, event, role, status):
    for p, acts_for in persons_with_actors(ex, text):
        emit_person(ex, p.id, acts_for, "participates_in", event, doc, s, rule="participates_in.panel-line",
                    qualifiers={"role": role, "status": status}, title=p.title, affiliation=affiliation_of(ex, p.rest))


NOT_SPEAKER_RX = re.compile(R["not_speaker"], re.I)


PRINCIPAL_NAME_RX = re.compile(r"^(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w'’-]*){1,9})(?=\s*(?:[.,;)]|$))")


def _named_principal(ex, text: str) -> list[str]:
    """'on behalf of the Community of Portuguese Language Countries': a body the registry does not know, named by
    its own name (an organisation keyword in it), becomes an organisation."""
    m = PRINCIPAL_NAME_RX.match(text)
    kind = org_kind(m.group("name")) if m else None
    return [discover_named_org(ex, m.group("name"), kind)] if kind else []


def _on_behalf(ex, doc, s):
    """'Portugal spoke on behalf of the CPLP', 'the statement made by Sweden on behalf of the EU': the speaker is the
    actor right before 'on behalf of' (or after 'by') in the same clause; 'X aligned itself with the statement made
    on behalf of Y' names no speaker for Y."""
    for m in BEHALF_RX.finditer(s.text):
        clause = re.split(r"[;.]\s|,\s(?:and|but|while)\s", s.text[max(0, m.start() - 80):m.start()])[-1]
        by = list(re.finditer(r"\bby\s+", clause))
        if NOT_SPEAKER_RX.search(clause[:by[-1].start()] if by else clause) and not by:
            continue            # "X aligned itself with the statement made on behalf of Y": no speaker named
        before = actors_in(ex, _Text(clause[by[-1].end():] if by else clause))
        # the principal is named right after "on behalf of (the)", not a demonym inside a longer name
        first = [mm for mm in ex.mentions(_Text(s.text[m.end():m.end() + 80])) if mm.start == 0 and ex.entity(mm.id)
                 and ex.entity(mm.id).type in ("State", "Organization") and mm.via != "demonym"]
        after = [first[0].id] if first else _named_principal(ex, s.text[m.end():])
        if before and after and before[-1] != after[0]:
            ex.emit(before[-1], "speaks_for", after[0], doc, s, rule="speaks_for.on-behalf-of", confidence=0.85)


def _reported_event(ex, doc, what: str) -> str | None:
    m = re.match(r"Round ?table\s+(\d)$", what.strip(), re.I)
    if m:
        return roundtable_event(ex, doc, m.group(1))
    m = re.match(r"Session\s+(\d)\.(\d)$", what.strip(), re.I)
    if m:
        return session_event(ex, doc, m.group(1), m.group(2), "")
    return named_session(ex, doc, what.strip()[0].upper() + what.strip()[1:])


def _rapporteurs(ex, doc, s):
    """People who reported the outcome of a round table or a theme: role rapporteur in that event."""
    text = s.text
    by = REPORTS_BY_RX.search(text)
    if by:
        for p, acts_for in persons_with_actors(ex, text[by.end():]):
            seg = text[by.end():]
            start = seg.find(p.name.split()[-1])
            fm = FOR_RT_RX.search(seg, start) if start >= 0 else None
            nxt = PERSON_RX.search(seg, start + len(p.name)) if start >= 0 else None
            if fm and (nxt is None or fm.start() < nxt.start()):
                event = _reported_event(ex, doc, fm.group("what"))
                if event:
                    ex.emit_acting(p.id, acts_for, "participates_in", event, doc, s, rule="participates_in.reports-by-list",
                                   qualifiers={"role": "rapporteur", "date": ex.entity(event).date}, title=p.title)
        return
    m = REPORT_ON_RX.search(text) or RAPPORTEUR_ON_RX.search(text)
    pm = PERSON_RX.match(text.strip())
    if not m or not pm:
        return
    p = person_at(ex, text.strip())
    event = _reported_event(ex, doc, m.group("what")) if p else None
    if event:
        inner = re.match(r"\s*\((?P<t>[^)]*)\)", p.rest) if p.rest.startswith("(") else None
        title = inner.group("t").split(",")[0] if inner else p.title
        acts_for = p.acts_for if not inner or not re.search(r"\bformer\b", inner.group("t").split(",")[0]) else None
        ex.emit_acting(p.id, acts_for, "participates_in", event, doc, s, rule="participates_in.presented-report",
                       qualifiers={"role": "rapporteur", "date": ex.entity(event).date}, title=title)


AFFILIATION_RX = re.compile(r"^(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|de)\s+)?){0,4}(?P<head>" +
                            "|".join(entity_rules["affiliation_heads"]) + r")$")


def _affiliation_org(ex, cell: str):
    """'Researcher and Coordinator …, Graduate Institute, Geneva': a part of the cell that is an organisation's name."""
    for part in cell.split(","):
        part = part.strip()
        m = AFFILIATION_RX.match(part)
        if m and len(part.split()) >= 2 and not actors_in(ex, _Text(part), types=("State", "Organization", "Process")):
            discover_named_org(ex, part, entity_rules["affiliation_heads"][m.group("head")])


def extract(doc, ex):
    listing, participants, provisional = None, False, False
    columns: dict = {}
    for i, s in enumerate(doc.sentences):
        text = s.text.strip()
        if s.kind in ("heading", "line") and re.search(r"\bprogram(?:me)?\b", text, re.I) and len(text) < 60:
            provisional = bool(re.search(R["provisional_heading"], text, re.I))
        if re.search(R["participants_heading"], text, re.I) and len(text) < 60:
            participants = True
            continue
        status = "planned" if provisional else "actual"
        if "on behalf of" in text:
            _on_behalf(ex, doc, s)
        if ":" in text and s.kind in ("prose", "list_item"):
            _attendance_list(ex, doc, i, s)
        if ("report" in text or "rapporteur" in text) and s.kind != "heading":
            _rapporteurs(ex, doc, s)
        at = session_of(ex, doc, i)
        m = PANEL_RX.match(text)
        if m and at and i - at[1] <= PANEL_WINDOW:
            if m.group("rest").strip():
                _people_line(ex, doc, s, m.group("rest"), at[0], _role(m.group("label")), status)
                listing = None
            else:
                listing = (at[0], _role(m.group("label")))
            continue
        if listing and s.kind == "list_item":
            _people_line(ex, doc, s, re.sub(r"^[-•]\s*", "", text), listing[0], listing[1], status)
            continue
        listing = None
        if participants:
            cells = [c.strip() for c in (s.cells or [])]
            if _header(cells, columns):
                continue
            _participant_row(ex, doc, s, cells, columns)


def _header(cells, columns: dict) -> bool:
    """A participant table's header row ("Name | Title | Organization | E-mail"): remember which column is which."""
    roles = {}
    for k, c in enumerate(cells):
        role = next((r for rx, r in R["participant_columns"].items() if re.fullmatch(rx, c, re.I)), None)
        if role and role not in roles:
            roles[role] = k
    if "name" in roles and len(roles) >= 2:
        columns.clear()
        columns.update(roles)
        return True
    return False


def _participant_row(ex, doc, s, cells, columns):
    """'Dr. Jeff CRISP<tab>Head of … (UNHCR)' or a row under a Name/Title/Organization header: the person takes part in
    the document's meeting, for the body they act for; the title comes from the Title column, never the Organization."""
    if len([c for c in cells if c]) < 2:
        return
    name_col = columns.get("name", 0)
    p = person_at(ex, cells[name_col]) if name_col < len(cells) else None
    if p is None:
        return
    cell = lambda role: cells[columns[role]] if role in columns and columns[role] < len(cells) else ""
    _affiliation_org(ex, cell("org") if columns else next((c for c in reversed(cells) if c), ""))  # before the title is cut
    if columns:
        title_text, org_text = cell("title"), ", ".join(c for c in (cell("org"), cell("country")) if c)
        title = clean_title(ex, title_text, whole=True) if title_text else None
        affiliation = ", ".join(c for c in (title_text, org_text) if c)
    else:
        affiliation = next((c for c in reversed(cells) if c), "")
        title = clean_title(ex, affiliation)
        org_text = affiliation
    body = first_actor(ex, affiliation)
    meeting = doc_event(ex, doc)
    works_at = body or affiliation_of(ex, org_text)
    if meeting:
        emit_person(ex, p.id, body, "participates_in", meeting, doc, s, rule="participates_in.participant-list",
                    qualifiers={"role": "participant"}, title=title, affiliation=works_at)
    elif works_at:
        ex.emit(p.id, "affiliated_with", works_at, doc, s, rule="affiliated_with.participant-list",
                qualifiers={"title": title} if title else None)
