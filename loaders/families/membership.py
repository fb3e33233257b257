"""`member_of` for listed bodies: "The GFMD Steering Group includes: A, B, …", "The extended Troika for the 2010 GFMD
was comprised by A, B (replaced by C in October 2010) and D (withdrew in October 2010)", "The GMG … bringing
together 16 agencies including ILO, IOM, …". Changes stated in the list or the next sentences ("X was included in
the Troika", "the Greek government announced its decision to not participate in the assessment team") become
started/ended memberships, so "who was in the body at date D" has one answer. Prose memberships ("X, a member
of Y") belong to the prose family."""
from __future__ import annotations

import re

from migkg.loaders.context import slug
from migkg.loaders.cues import dates_in
from migkg.loaders.families.chairs import actors_in
from migkg.loaders.families.entities import _Text, doc_event, rules

R = rules("membership")
BODY_RX = re.compile(r"(?:\b(?P<owner>(?-i:[A-Z]{2,6}|[A-Z][a-z]+ Process))\s+(?:(?:19|20)\d\d(?:[-–/]\d{2,4})?\s+)?)?(?:ad hoc\s+)?(?P<body>" + "|".join(R["bodies"]) +
                     r")(?P<suffix>\s+on\s+(?:[A-Z][\w-]*|including|and|of|the)(?:\s+(?:[A-Z][\w-]*|including|and|of|the))*)?"
                     r"(?:\s+\([A-Z]{2,6}\))?(?P<mid>[^:;.]{0,80}?)\b(?P<verb>" + R["list_verbs"] + r")\s", re.I)
BODY_WORD_RX = re.compile("|".join(R["bodies"]), re.I)   # cheap test before the full list pattern
REPLACED_RX = re.compile(R["replaced_by"])
WITHDREW_RX = re.compile(R["withdrew"])
COUNT_RX = re.compile(R["count_phrase"], re.I)
BODY_PAREN_RX = re.compile(R["body_paren"])
SERVED_ON_RX = re.compile(R["served_on"], re.I)
PROCESS_MEMBERS_RX = re.compile(R["process_members"], re.I)
FOLLOW_WINDOW = 2
ITEM_WINDOW = 60        # list items that may follow a sentence ending in ":"


def _month(text: str | None) -> str | None:
    found = dates_in(text or "")
    return found[0] if found else None


def body_entity(ex, doc, owner: str | None, body: str, suffix: str | None) -> str | None:
    """The listed body: a registry name (the GMG) or a standing body of a process (process:gfmd-steering-group)."""
    full = (body + (suffix or "")).strip()
    known = ex.registry.resolve(full) or ex.registry.resolve(body)
    if known:
        return known
    canonical = re.sub(r"^extended\s+", "", full, flags=re.I)
    canonical = canonical[0].upper() + canonical[1:]
    if not owner:
        meeting = doc_event(ex, doc)
        owner = "GFMD" if meeting and meeting.startswith("event:gfmd-") and not suffix else None
    # a standing body of a registry process is process:<process-slug>-<body> ("The GFMD 2013 Troika" is the GFMD
    # Troika, "the Budapest Process Steering Group" process:budapest-process-steering-group)
    process = ex.registry.resolve(owner) if owner else None
    process = process if process and ex.entity(process).type == "Process" else None
    label = f"{owner} {canonical}" if owner else canonical
    aliases = [full, body] + ([f"{owner} {body}"] if owner else [])
    key = f"{process.split(':', 1)[1]}-{slug(canonical)}" if process else None
    return ex.add_entity("Process", label, "body", key=key, aliases=aliases, names=[label])


def _members(ex, list_text: str):
    """(member, status, start, end, remark) for each actor in a list, reading per-member remarks."""
    out, replaced = [], set()
    for m in ex.mentions(_Text(list_text)):
        e = ex.entity(m.id)
        if e is None or e.type not in ("State", "Organization"):
            continue
        if list_text[m.end:m.end + 1] == "/":
            continue        # "UN/DESA": the parent's part of a compound name
        if COUNT_RX.search(list_text[max(0, m.start - 50):m.start]):
            continue        # "15 organizations of the United Nations system": a count of members, not a member
        after = list_text[m.end:m.end + 60]
        rep, wd = REPLACED_RX.match(after.lstrip()), WITHDREW_RX.match(after.lstrip())
        if m.id in replaced:
            continue
        if rep:
            when = _month(rep.group("when"))
            out.append((m.id, "ended", None, when, None))
            for r in ex.mentions(_Text(rep.group("who"))):
                replaced.add(r.id)
                out.append((r.id, "actual", when, None, None))
        elif wd:
            out.append((m.id, "ended", None, _month(wd.group("when")), None))
        else:
            remark = "co-chair" if re.match(r"\s*(?:\([A-Z]{2,8}\)\s*)?\(co-?chair\)", after, re.I) else None
            out.append((m.id, "actual", None, None, remark))
    return out


def _follow_ups(ex, doc, i, body_names):
    """Joins and leaves in the next sentences of the same passage."""
    out = []
    names = "|".join(re.escape(n) for n in body_names)
    for s in doc.sentences[i + 1:i + 1 + FOLLOW_WINDOW]:
        for key, status in (("leaves", "ended"), ("joins", "actual")):
            m = re.search(R[key] + rf"(?:GFMD\s+)?(?:extended\s+)?(?:{names})\b", s.text, re.I)
            if not m:
                continue
            actors = [a for a in actors_in(ex, _Text(s.text[:m.start()]))]
            if len(actors) == 1:
                out.append((actors[0], status, s))
    return out


def list_items(doc, i: int) -> list:
    """The list items right after sentence `i` when it ends with a colon ("… in 2017:" / "- Australia" / "- Bangladesh")."""
    if not doc.sentences[i].text.rstrip().endswith(":"):
        return []
    items = []
    for s in doc.sentences[i + 1:i + 1 + ITEM_WINDOW]:
        if s.kind != "list_item" or len(s.text) > 120:
            break
        items.append(s)
    return items


def _item_members(ex, items) -> list:
    """(member, item sentence) for list items that each name one state or organisation and nothing else."""
    out = []
    for s in items:
        found = [m for m in ex.mentions(s) if ex.entity(m.id) and ex.entity(m.id).type in ("State", "Organization")]
        if len(found) == 1:
            out.append((found[0].id, s))
    return out


def _body_before_list(ex, doc, i, s):
    """"the Troika (A, B and C)", "The following governments served on the GFMD Steering Group in 2017:" + items."""
    served = SERVED_ON_RX.search(s.text)
    for bm in re.finditer(r"(?:\b(?P<owner>(?-i:[A-Z]{2,6}|[A-Z][a-z]+ Process))\s+(?:(?:19|20)\d\d\s+)?)?(?P<body>"
                          + "|".join(R["bodies"]) + r")\b", s.text):
        paren = BODY_PAREN_RX.match(s.text, bm.end() + (1 if s.text[bm.end():bm.end() + 1] == " " else 0))
        if paren:
            members = [(a, None) for a, *_ in _members(ex, paren.group("list"))]
        elif served and 0 <= bm.start() - served.end() <= 10:
            members = [(a, None) for a, *_ in _members(ex, s.text[bm.end():])] if ":" in s.text[bm.end():] else []
            members = members or _item_members(ex, list_items(doc, i))
        else:
            continue
        if len(members) < 2:
            continue
        body = body_entity(ex, doc, bm.group("owner"), bm.group("body"), None)
        if body is None:
            continue
        as_of = (re.findall(r"\b(?:19|20)\d\d\b", s.text[bm.end():]) or
                 [str(doc.meta.get("subject_date") or doc.meta.get("date") or "")[:7] or None])[0]
        for member, item in members:
            if member == body:
                continue
            quals = {"role": "member", "status": "actual", "as_of": as_of}
            ex.emit(member, "member_of", body, doc, s, rule="member_of.body-before-list", qualifiers=quals, confidence=0.9)
            if item is not None:
                ex.emit(member, "member_of", body, doc, item, rule="member_of.body-before-list", qualifiers=quals, confidence=0.9)


def _process_members(ex, doc, i, s):
    """"the following Member States of the Colombo Process participated: A, B, …": members of a registry process,
    listed after a colon (in the sentence or as list items)."""
    for pm in PROCESS_MEMBERS_RX.finditer(s.text):
        found = [m for m in ex.mentions(_Text(s.text[pm.end():])) if m.start == 0]
        if not found or ex.entity(found[0].id).type != "Process":
            continue
        rest = s.text[pm.end() + found[0].end:]
        colon = re.match(r"[^:;.()]{0,60}:", rest)
        if not colon:
            continue
        members = [(a, None) for a, *_ in _members(ex, rest[colon.end():])] or _item_members(ex, list_items(doc, i))
        if len(members) < 2:
            continue
        for member, item in members:
            quals = {"role": "member", "status": "actual"}
            ex.emit(member, "member_of", found[0].id, doc, s, rule="member_of.process-members-listed", qualifiers=quals, confidence=0.9)
            if item is not None:
                ex.emit(member, "member_of", found[0].id, doc, item, rule="member_of.process-members-listed", qualifiers=quals)


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind != "heading" and PROCESS_MEMBERS_RX.search(s.text):
            _process_members(ex, doc, i, s)
        if s.kind == "heading" or not BODY_WORD_RX.search(s.text):
            continue
        m = BODY_RX.search(s.text)
        if not m:
            _body_before_list(ex, doc, i, s)
            continue
        list_text = s.text[m.end():]
        if re.search(r"\bchaired by\b", list_text):   # a list of bodies and their chairs, not of members
            continue
        members = _members(ex, list_text)
        if len(members) < 2:
            continue
        body = body_entity(ex, doc, m.group("owner"), m.group("body"), m.group("suffix"))
        if body is None:
            continue
        parent = ex.registry.resolve(m.group("owner")) if m.group("owner") else None
        if parent and ex.entity(parent).type == "Process" and body.startswith(parent + "-"):
            ex.emit(body, "part_of", parent, doc, s, rule="part_of.body-of-process", confidence=0.9)
        ctx_year = re.search(r"\b(?:19|20)\d\d\b", m.group("mid") or "")
        as_of = ctx_year.group(0) if ctx_year else str(doc.meta.get("subject_date") or doc.meta.get("date") or "")[:7] or None
        changes = _follow_ups(ex, doc, i, [m.group("body"), re.sub(r"^extended\s+", "", m.group("body"), flags=re.I)])
        leavers = {a: fs for a, st, fs in changes if st == "ended"}
        for member, status, start, end, remark in members:
            if member == body:
                continue
            quals = {"role": "member", "status": status, "start": start, "end": end, "as_of": as_of}
            if member in leavers:
                quals.update(status="ended", end=_month(leavers[member].text))
                ex.emit(member, "member_of", body, doc, leavers[member], rule="member_of.listed-body+change", qualifiers=quals)
            ex.emit(member, "member_of", body, doc, s, rule="member_of.listed-body", qualifiers=quals, confidence=0.9)
            if remark == "co-chair":
                ex.emit(member, "chairs", body, doc, s, rule="chairs.member-list-remark", qualifiers={"role": "co-chair"})
        listed = {mm[0] for mm in members}
        for actor, status, fs in changes:
            if status == "actual" and actor not in listed:
                ex.emit(actor, "member_of", body, doc, fs, rule="member_of.listed-body+joined",
                        qualifiers={"role": "member", "status": "actual", "as_of": as_of})
