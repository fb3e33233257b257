"""`participates_in`, `affiliated_with`, `speaks_for`: panel lines ("Speaker : Mr X, title, Organisation"),
panellist lists under a session, participant lists ("Dr. Jeff CRISP<tab>Head of … (UNHCR)"), and
"on behalf of" / "in his capacity as Chair of". A provisional programme gives planned participation only."""
from __future__ import annotations

import re

from migkg.loaders.families.chairs import PANEL_WINDOW, actors_in, persons_with_actors
from migkg.loaders.families.entities import R as entity_rules
from migkg.loaders.families.entities import (PERSON_RX, _Text, discover_named_org, doc_event, named_session, person_at, roundtable_event,
                                             rules, session_event, session_of)

R = rules("participation")
PANEL_RX = re.compile(r"^(?P<label>" + "|".join(R["panel_roles"]) + r")\s*:\s*(?P<rest>.*)$", re.I)
REPORT_ON_RX = re.compile(R["report_on"], re.I)
RAPPORTEUR_ON_RX = re.compile(R["rapporteur_on"], re.I)
REPORTS_BY_RX = re.compile(R["reports_by"], re.I)
FOR_RT_RX = re.compile(R["for_roundtable"], re.I)
BEHALF_RX = re.compile(r"\b(?:also\s+)?on behalf of\s+(?:the\s+)?", re.I)


def _role(label: str) -> str:
    return next(role for rx, role in R["panel_roles"].items() if re.fullmatch(rx, label.strip(), re.I))


def _people_line(ex, doc, s, text, event, role, status):
    for p, acts_for in persons_with_actors(ex, text):
        ex.emit_acting(p.id, acts_for, "participates_in", event, doc, s, rule=f"participates_in.panel-line",
                       qualifiers={"role": role, "status": status}, title=p.title)


def _on_behalf(ex, doc, s):
    for m in BEHALF_RX.finditer(s.text):
        before = [a for a in actors_in(ex, _Text(s.text[max(0, m.start() - 60):m.start()]))]
        after = actors_in(ex, _Text(s.text[m.end():m.end() + 80]))
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
            cells = [c for c in (s.cells or []) if c.strip()]
            if len(cells) < 2:
                continue
            p = person_at(ex, cells[0])
            if p is None:
                continue
            meeting = doc_event(ex, doc)
            _affiliation_org(ex, cells[-1])
            acts_for = actors_in(ex, _Text(cells[-1]), types=("State", "Organization", "Process"))
            states = [a for a in acts_for if ex.entity(a).type == "State"]
            body = states[-1] if states else (acts_for[-1] if acts_for else None)
            if meeting:
                ex.emit_acting(p.id, body, "participates_in", meeting, doc, s, rule="participates_in.participant-list",
                               qualifiers={"role": "participant"}, title=cells[-1].strip())
            elif body:
                ex.emit(p.id, "affiliated_with", body, doc, s, rule="affiliated_with.participant-list",
                        qualifiers={"title": cells[-1].strip()})
