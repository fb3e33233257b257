"""`participates_in`, `affiliated_with`, `speaks_for`: panel lines ("Speaker : Mr X, title, Organisation"),
panellist lists under a session, participant lists ("Dr. Jeff CRISP<tab>Head of … (UNHCR)"), and
"on behalf of" / "in his capacity as Chair of". A provisional programme gives planned participation only."""
from __future__ import annotations

import re

from migkg.loaders.families.chairs import PANEL_WINDOW, actors_in, persons_with_actors
from migkg.loaders.families.entities import _Text, doc_event, person_at, rules, session_of

R = rules("participation")
PANEL_RX = re.compile(r"^(?P<label>" + "|".join(R["panel_roles"]) + r")\s*:\s*(?P<rest>.*)$", re.I)
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
            acts_for = actors_in(ex, _Text(cells[-1]), types=("State", "Organization", "Process"))
            states = [a for a in acts_for if ex.entity(a).type == "State"]
            body = states[-1] if states else (acts_for[-1] if acts_for else None)
            if meeting:
                ex.emit_acting(p.id, body, "participates_in", meeting, doc, s, rule="participates_in.participant-list",
                               qualifiers={"role": "participant"}, title=cells[-1].strip())
            elif body:
                ex.emit(p.id, "affiliated_with", body, doc, s, rule="affiliated_with.participant-list",
                        qualifiers={"title": cells[-1].strip()})
