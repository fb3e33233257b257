"""Events named in prose other than GFMD meetings: "PPMD, in collaboration with IOM, organized a Coordination Meeting
on Fostering More Opportunities for Legal Migration in Cairo, Egypt, from 8 to 9 October 2008", "the GMG hosted a
symposium here in New York", "the Fourth Ministerial Consultations of Colombo Process member countries in Dhaka".

Each gives an Event (`event:<slug of label>`, with date, place and country when the text has them) and the
statements the sentence supports: `located_in` (the place named right after the event), `hosts` (organisers, role
organizer), `participates_in` (attendee lists, "The meeting was … attended by …" in the next sentences; officials
or delegations of a state attending a meeting; observer delegations)."""
from __future__ import annotations

import re

from migkg.loaders.context import slug
from migkg.loaders.cues import dates_in, status_of
from migkg.loaders.families.chairs import actors_in
from migkg.loaders.families.entities import (ORDINALS, _Text, doc_event, ensure_meeting, gfmd_meetings_in, places_in,
                                             rules)

R = rules("events")
KIND_RX = "|".join(R["kinds"])
_CAP = r"[A-Z][\w'’-]*"
_CONN = r"(?:of|on|for|and|the|to|against|with|&)"
NAME_RX = re.compile(rf"(?P<name>(?:{_CAP}\s+(?:(?:and|&)\s+)?){{0,7}}(?:{KIND_RX})(?:\s+(?:{_CONN}\s+)+{_CAP}(?:,?\s+(?:{_CONN}\s+)*{_CAP})*)?)"
                     r"(?![\w-])")
_TOPIC = r"(?:\s+on\s+(?:the\s+)?(?!in\b)[a-z][\w-]*(?:\s+(?!in\b)[a-z][\w-]*){0,4})"
LOWER_KIND_RX = "|".join(k.lower().replace("[tt]", "t") for k in R["kinds"])
ORGANISER_RX = re.compile(rf"\b(?:(?P<planned>{R['planned_organiser_verbs']})|(?P<verb>{R['organiser_verbs']}))\s+(?:an?|the)\s+$")
BY_RX = re.compile(rf"^\s*,?\s*(?:which was\s+|was\s+)?(?:{R['by_verbs']})\s+(?:the\s+)?")
LOWER_EVENT_RX = re.compile(rf"\b(?:(?P<planned>{R['planned_organiser_verbs']})|(?P<verb>{R['organiser_verbs']}))\s+(?:an?|the)\s+"
                            rf"(?P<phrase>(?:[a-z][\w-]*\s+){{0,2}}?(?P<kind>{LOWER_KIND_RX})(?P<topic>{_TOPIC})?)\b(?!\s+of\b)")
PASSIVE_LOWER_RX = re.compile(rf"\b(?:an?|the)\s+(?P<phrase>(?:[a-z][\w-]*\s+){{0,2}}(?P<kind>{LOWER_KIND_RX})(?P<topic>{_TOPIC})?)"
                              rf"\s+(?:{R['by_verbs']})\s+(?:the\s+)?")
COREF_RX = re.compile(R["coreference"], re.I)
FURTHER_RX = re.compile(R["further"], re.I)
ATTENDED_RX = re.compile(R["attended_by"], re.I)
OFFICIAL_ATTENDED_RX = re.compile(rf"\b(?:{R['attendee_nouns']})\b[^.;]{{0,40}}?\battended\s+(?:the\s+)?", re.I)
OBSERVER_RX = re.compile(r"\b(?P<role>observer)\s+(?:delegation|mission|status)\s+(?:to|at|in)\s+(?:the\s+)?", re.I)
GENERIC = set(R["generic_words"]) | set(ORDINALS)
NOT_EVENT_RX = re.compile(r"\b(?:" + "|".join(R["not_events"]) + r")\b")
COREF_WINDOW = 3


def _kind(word: str) -> str:
    return next((kind for rx, kind in R["kinds"].items() if re.fullmatch(rx, word, re.I)), "meeting")


def place_at(ex, text: str):
    """(city or country name, state id) named at the start of `text` ("in Cairo, Egypt", " (Amman, 27 March")."""
    m = re.match(r"^[\s,(]*(?:(?:which was\s+|was\s+)?held\s+)?(?:(?:here\s+)?in\s+|at\s+)?", text)
    rest = text[m.end():m.end() + 40]
    longer = [mm for mm in ex.mentions(_Text(rest)) if mm.start == 0 and ex.entity(mm.id) and ex.entity(mm.id).type != "State"]
    found = [p for p in places_in(rest) if p[0] == 0 and not any(mm.end > len(p[1]) for mm in longer)]
    if found:
        return found[0][1], found[0][2]
    for mm in ex.mentions(_Text(rest)):
        if mm.start == 0 and ex.entity(mm.id) and ex.entity(mm.id).type == "State":
            return mm.surface, mm.id
    return None


def _relative_date(text: str, doc) -> str | None:
    """'last month' / 'earlier this week' against the document date."""
    date = str(doc.meta.get("date") or "")
    if len(date) >= 7 and re.search(r"\blast month\b", text):
        y, mo = int(date[:4]), int(date[5:7]) - 1
        return f"{y - 1}-12" if mo == 0 else f"{y}-{mo:02d}"
    if len(date) >= 7 and re.search(r"\b(?:earlier )?this (?:week|month)\b", text):
        return date[:7]
    return None


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and (words[0] in R["leading_stopwords"] or re.fullmatch(_CONN, words[0])):
        words.pop(0)
    while words and re.fullmatch(_CONN, words[-1].strip(",")):
        words.pop()
    name = " ".join(words).strip(" ,")
    if len(words) < 2 or NOT_EVENT_RX.search(name):
        return None
    # "Second Meeting", "Preparatory Meetings": nothing but generic words does not name one event
    if all(w.lower() in GENERIC or re.fullmatch(KIND_RX, w) for w in words):
        return None
    return name


def _unnamed_place(ex, after: str):
    """A place a little further on: 'member countries in Dhaka', '… organized by X held in Amman, Jordan'."""
    m = re.match(r"^(?:\s+[a-z][\w-]*){1,3}\s+(?=in\s)", after) or re.search(r"\b(?:held|took place)\s+(?=in\s)", after[:160])
    return place_at(ex, after[m.end():]) if m else None


def same_event(ex, name: str, date: str | None) -> str | None:
    """An undated mention of a name already met once with a date is that event."""
    known = ex.state.setdefault("event_names", {}).get(name, set())
    if date is None and len(known) == 1:
        return next(iter(known))
    return None


def make_event(ex, doc, name: str, kind: str, date: str | None, place) -> str:
    label = f"{name} ({date[:4]})" if date and date[:4] not in name else name
    ex.state.setdefault("event_names", {}).setdefault(name, set()).add(f"event:{slug(label)}")
    return ex.add_entity("Event", label, kind, aliases=[name], date=date, place=place[0] if place else None,
                         country=place[1] if place else None)


def _remember(ex, doc, i, event):
    ex.state.setdefault("prose_events", {})[doc.doc_id] = (event, i)


def _event_statements(ex, doc, s, event, before: str, after: str, place, date, status):
    quals = {"status": status, "date": date}
    if place:
        ex.emit(event, "located_in", place[1], doc, s, rule="located_in.event-place", qualifiers={"place": place[0], **quals})
    clause = re.split(r"[;:]|\.\s", before)[-1]
    om = ORGANISER_RX.search(clause)
    if om:
        organisers = actors_in(ex, _Text(clause[:om.start()]))
        st = "planned" if om.group("planned") else status
        for a in organisers:
            ex.emit(a, "hosts", event, doc, s, rule="hosts.actor-organised-event",
                    qualifiers={"role": "organizer", "status": st, "date": date})
    bm = BY_RX.match(after)
    if bm:
        span = re.split(r"\b(?:held|which|with|in (?=[A-Z]))\b|[;(]", after[bm.end():])[0]
        wp = re.search(r"\bwith the participation of\b", after)
        if wp:
            _attendees(ex, doc, s, event, after[wp.end():], status, date)
        for a in actors_in(ex, _Text(span)):
            ex.emit(a, "hosts", event, doc, s, rule="hosts.event-organised-by",
                    qualifiers={"role": "organizer", "status": status, "date": date})
    am = ATTENDED_RX.search(after)
    if am:
        _attendees(ex, doc, s, event, after[am.end():], status, date)


def _attendees(ex, doc, s, event, text, status, date):
    for a in actors_in(ex, _Text(re.split(r"[;]", text)[0])):
        ex.emit(a, "participates_in", event, doc, s, rule="participates_in.attended-by",
                qualifiers={"role": "participant", "status": status, "date": date})


def _named(ex, doc, i, s) -> bool:
    found = False
    for m in NAME_RX.finditer(s.text):
        name = _clean_name(m.group("name"))
        if not name or gfmd_meetings_in(ex, name) or ex.registry.resolve(name) or s.kind == "table_row":
            continue
        start = m.start("name") + m.group("name").index(name.split()[0])
        end = start + len(name)
        before, after = s.text[:start], s.text[end:]
        paren = re.match(r"^\s*\((?P<inner>[^)]{1,60})\)", after)
        if paren and any(ex.entity(mm.id) and ex.entity(mm.id).type != "State" for mm in ex.mentions(_Text(paren.group("inner")))):
            continue   # "… for Countries of Origin (Colombo Process)": the name of a process, not of one meeting
        place = place_at(ex, after) or _unnamed_place(ex, after)
        dates = dates_in(after[:70])
        if place and not dates:
            dates = dates_in(after[:160])
        date = dates[0] if dates else _relative_date(after[:60], doc)
        has_context = place or dates or ORGANISER_RX.search(before[-80:]) or BY_RX.match(after)
        if not has_context:
            continue
        kind_word = re.search(rf"(?:{KIND_RX})", name).group(0)
        event = same_event(ex, name, date) or make_event(ex, doc, name, _kind(kind_word), date, place)
        _event_statements(ex, doc, s, event, before, after, place, date, status_of(s.text))
        for mm in ex.mentions(_Text(name)):
            e = ex.entity(mm.id)
            if e is not None and e.type == "Process":
                ex.emit(event, "part_of", mm.id, doc, s, rule="part_of.event-of-process", qualifiers={"date": date})
        _remember(ex, doc, i, event)
        found = True
    return found


def _lower_label(ex, m, hosts) -> str:
    """'an international workshop on the migrant recruitment industry' names itself; 'a symposium' is named after
    its organisers ('Global Migration Group symposium')."""
    if m.group("topic"):
        return m.group("phrase")[0].upper() + m.group("phrase")[1:]
    return " and ".join(ex.entity(h).label for h in hosts[:2]) + " " + m.group("kind")


def _lowercase(ex, doc, i, s):
    """'the GMG hosted a symposium here in New York', 'a workshop on recruitment practices hosted by the UAE'."""
    year = str(doc.meta.get("subject_date") or doc.meta.get("date") or "")[:4] or None
    for m in LOWER_EVENT_RX.finditer(s.text):
        clause = re.split(r"[;:]|\.\s", s.text[:m.start()])[-1]
        hosts = actors_in(ex, _Text(clause[-60:]))
        if not hosts:
            continue
        after = s.text[m.end():]
        dates = dates_in(after[:70])
        date = dates[0] if dates else year
        event = make_event(ex, doc, _lower_label(ex, m, hosts), _kind(m.group("kind")), date, None)
        status = "planned" if m.group("planned") else status_of(clause + m.group(0))
        window = after[:120]
        place = place_at(ex, window) or next((place_at(ex, window[k.start():]) for k in
                                              re.finditer(r"\b(?:here )?in (?=[A-Z])", window)), None)
        quals = {"status": status, "date": date}
        for h in hosts:
            ex.emit(h, "hosts", event, doc, s, rule="hosts.actor-organised-event", qualifiers={"role": "organizer", **quals})
        if place:
            ex.emit(event, "located_in", place[1], doc, s, rule="located_in.event-place", qualifiers={"place": place[0], **quals})
            ent = ex.entities[event]
            ent.place, ent.country = ent.place or place[0], ent.country or place[1]
        _remember(ex, doc, i, event)
    for m in PASSIVE_LOWER_RX.finditer(s.text):
        after = s.text[m.end():]
        hosts = actors_in(ex, _Text(re.split(r"\b(?:in|on|at|from)\b|[,;]", after)[0]))
        if not hosts:
            continue
        place = place_at(ex, after[len(re.split(r"\b(?=in\b)", after)[0]):][:60]) if " in " in after[:40] else None
        date = (dates_in(after[:60]) or [year])[0]
        event = make_event(ex, doc, _lower_label(ex, m, hosts), _kind(m.group("kind")), date, place)
        quals = {"status": status_of(s.text), "date": date}
        for h in hosts:
            ex.emit(h, "hosts", event, doc, s, rule="hosts.event-organised-by", qualifiers={"role": "organizer", **quals})
        if place:
            ex.emit(event, "located_in", place[1], doc, s, rule="located_in.event-place", qualifiers={"place": place[0], **quals})
        _remember(ex, doc, i, event)


def _coreference(ex, doc, i, s):
    """'The meeting was opened by … and attended by governmental representatives from 15 Arab countries (…)'."""
    last = ex.state.get("prose_events", {}).get(doc.doc_id)
    if not last or i - last[1] > COREF_WINDOW or not COREF_RX.match(s.text):
        return
    event = last[0]
    am = ATTENDED_RX.search(s.text)
    if am:
        _attendees(ex, doc, s, event, s.text[am.end():], status_of(s.text), ex.entity(event).date)


def _further(ex, doc, i, s):
    """'Hold further roundtables … in New York, Washington, Brussels and Vienna' -> planned events of the series."""
    m = FURTHER_RX.search(s.text)
    series = doc_event(ex, doc)
    if not m or not series:
        return
    base = ex.entity(series)
    name = re.sub(r"\s*\(\d{4}\)$", "", base.label)
    label = f"{m.group('mod').capitalize()} {m.group('kind').lower()} of the {name}"
    event = ex.add_entity("Event", label, _kind(m.group("kind").rstrip("s")), aliases=[], date=None)
    ex.emit(event, "part_of", series, doc, s, rule="part_of.further-events", qualifiers={"status": "planned"})
    seen = set()
    for _, city, state in places_in(s.text[m.end():]):
        if state not in seen:
            seen.add(state)
            ex.emit(event, "located_in", state, doc, s, rule="located_in.further-events",
                    qualifiers={"place": city, "status": "planned"})


def _attending(ex, doc, s):
    """'a senior US Washington-based official attended the November 2009 GFMD in Athens', 'The UAE observer
    delegation to the Colombo Process meeting'."""
    for m in OFFICIAL_ATTENDED_RX.finditer(s.text):
        clause = re.split(r"[;:,]|\bthat\b", s.text[:m.start()])[-1]
        states = actors_in(ex, _Text(clause[-50:] + s.text[m.start():m.start() + 20]), types=("State",))
        meetings = [mm for mm in gfmd_meetings_in(ex, s.text[m.end():m.end() + 40]) if mm[0] < 20]
        if len(states) == 1 and meetings:
            event = ensure_meeting(ex, meetings[0][2])
            ex.emit(states[0], "participates_in", event, doc, s, rule="participates_in.official-attended",
                    qualifiers={"role": "participant", "status": status_of(clause), "date": ex.entity(event).date})
    for m in OBSERVER_RX.finditer(s.text):
        states = actors_in(ex, _Text(s.text[max(0, m.start() - 30):m.start()]), types=("State",))
        targets = [mm for mm in ex.mentions(_Text(s.text[m.end():m.end() + 60])) if mm.start == 0]
        target = targets[0].id if targets and ex.entity(targets[0].id).type in ("Process", "Event", "Organization") else None
        if states and target:
            ex.emit(states[-1], "participates_in", target, doc, s, rule="participates_in.observer-delegation",
                    qualifiers={"role": "observer", "status": status_of(s.text), "date": _relative_date(s.text, doc)})


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind == "heading" or s.duplicate_of is not None:
            continue
        text = s.text
        if re.search(KIND_RX, text):
            _named(ex, doc, i, s)
        if re.search(LOWER_KIND_RX, text):
            _lowercase(ex, doc, i, s)
            _further(ex, doc, i, s)
        _coreference(ex, doc, i, s)
        if "attended" in text or "observer" in text:
            _attending(ex, doc, s)
