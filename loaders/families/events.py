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
from migkg.loaders.families.chairs import actors_in, doc_meeting_meant
from migkg.loaders.families.entities import (ORDINALS, _Text, doc_event, doc_event_named, ensure_meeting, gfmd_meetings_in, places_in,
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
PASSIVE_AUX = r"(?:(?:which\s+)?(?:was|were|will be|would be|is to be|are to be|shall be)\s+)"
BY_RX = re.compile(rf"^\s*,?\s*{PASSIVE_AUX}?(?:{R['by_verbs']})\s+(?:the\s+)?(?:Government of\s+(?:the\s+)?)?")
LOWER_EVENT_RX = re.compile(rf"\b(?:(?P<planned>{R['planned_organiser_verbs']})|(?P<verb>{R['organiser_verbs']}))\s+(?:an?|the)\s+"
                            rf"(?P<phrase>(?:[a-z][\w-]*\s+){{0,2}}?(?P<kind>{LOWER_KIND_RX})(?P<topic>{_TOPIC})?)\b(?!\s+of\b)")
PASSIVE_LOWER_RX = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<phrase>(?:[a-z][\w-]*\s+){{0,2}}(?P<kind>{LOWER_KIND_RX})(?P<topic>{_TOPIC})?)"
                              rf",?\s+{PASSIVE_AUX}?(?:{R['by_verbs']})\s+(?:the\s+)?")
OFFER_RX = re.compile(R["offer_to_host"])
COREF_RX = re.compile(R["coreference"], re.I)
FURTHER_RX = re.compile(R["further"], re.I)
ATTENDED_RX = re.compile(R["attended_by"], re.I)
OFFICIAL_ATTENDED_RX = re.compile(rf"\b(?:{R['attendee_nouns']})\b[^.;]{{0,40}}?\battended\s+(?:the\s+)?", re.I)
OBSERVER_RX = re.compile(r"\b(?P<role>observer)\s+(?:delegation|mission|status)\s+(?:to|at|in)\s+(?:the\s+)?", re.I)
GENERIC = set(R["generic_words"]) | set(ORDINALS)
NOT_EVENT_RX = re.compile(r"\b(?:" + "|".join(R["not_events"]) + r")\b")
COREF_WINDOW = 3
MONTH_ONLY_RX = re.compile(r"\b(?:on|in|from)\s+(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?(?P<month>" + "|".join(R["months"]) +
                           r")\b(?!\s*,?\s*\d)")
PAST_MONTH_RX = re.compile(r"\b(?:this past|last|earlier this|this)\s+(?P<month>" + "|".join(R["months"]) + r")\b", re.I)
TAKES_PLACE_RX = re.compile(r"\b(?:will|would|is to|was to)?\s*(?:take place|be held|took place|was held)\s+(?=in\s)")
PLANNED_EVENT_RX = re.compile(R["planned_event"])
SERIES_RX = re.compile(r"^(?:" + "|".join(R["series_words"]) + r")\b", re.I)
BARE_UN = set(R["bare_un"])


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
    """'last month' / 'earlier this week' / 'this past January' against the document date."""
    date = str(doc.meta.get("date") or "")
    pm = PAST_MONTH_RX.search(text)
    if len(date) >= 7 and pm:
        month = R["months"].index(pm.group("month").capitalize()) + 1
        y = int(date[:4]) - (1 if month > int(date[5:7]) else 0)
        return f"{y}-{month:02d}"
    if len(date) >= 7 and re.search(r"\blast month\b", text):
        y, mo = int(date[:4]), int(date[5:7]) - 1
        return f"{y - 1}-12" if mo == 0 else f"{y}-{mo:02d}"
    if len(date) >= 7 and re.search(r"\b(?:earlier )?this (?:week|month)\b", text):
        return date[:7]
    return None


JUNK_TAIL_RX = re.compile(r"(?:,\s*(?:" + "|".join(R["resolution_verbs"]) + r")\b|\s+of\s+(?:" + "|".join(R["months"]) + r")\b).*$")


def _clean_name(name: str) -> str | None:
    # "High-level Dialogue …, Acknowledging" (a resolution's next paragraph), "… Dialogue of September": not the name
    name = JUNK_TAIL_RX.sub("", name)
    words = name.split()
    if len(words) > 2 and words[0] == "UN":        # "UN High Level Dialogue …" is the High-level Dialogue
        words.pop(0)
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


def _in_doc_series(ex, doc, written: str) -> tuple[str | None, str | None]:
    """'the Seventh Ministerial Consultation' in the report of the Sixth Ministerial Consultation of the Colombo
    Process: another meeting of the document's own series, named in full ("Seventh Ministerial Consultation of the
    Colombo Process"). Returns (the name as written, the full name), or (None, None)."""
    own = doc_event(ex, doc)
    words = written.split()
    while words and words[0] in R["leading_stopwords"]:
        words.pop(0)
    if not own or len(words) < 2 or words[0].lower() not in ORDINALS:
        return None, None
    label = re.sub(r"\s*\((?:19|20)\d\d\)$", "", ex.entity(own).label)
    ordinal, _, rest = label.partition(" ")
    if ordinal.lower() not in ORDINALS or ordinal.lower() == words[0].lower() or \
            not rest.lower().startswith(" ".join(words[1:]).lower() + " of "):
        return None, None
    return " ".join(words), f"{words[0]} {rest}"


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


ASIDE_RX = re.compile(R["aside"])


def named_actors(ex, text: str) -> list[str]:
    """States and organisations named in `text`, without asides ("UNIFEM (now part of UN Women)": UN Women is not
    an actor there) and without a bare "United Nations"/"UN" whose name goes on ("United Nations Development for
    Women—Arab States Office": an unknown body, not the UN)."""
    text = ASIDE_RX.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    for m in ex.mentions(_Text(text)):
        e = ex.entity(m.id)
        if e is None or e.type not in ("State", "Organization") or m.id in out:
            continue
        if m.surface in BARE_UN and re.match(r"\s*(?:/|[A-Z][a-z])", text[m.end:]):
            continue
        out.append(m.id)
    return out


def _noun(name: str) -> str:
    found = re.findall(rf"(?:{KIND_RX})", name, re.I)
    return found[-1].lower().rstrip("s") if found else ""


def _month_only(text: str, doc) -> str | None:
    """'on 17-18 May in New York' (no year): that month of the document's year."""
    m = MONTH_ONLY_RX.search(text)
    year = str(doc.meta.get("date") or "")[:4]
    if not m or not year:
        return None
    return f"{year}-{R['months'].index(m.group('month').capitalize()) + 1:02d}"


def _same_place_and_time(ex, name: str, date: str | None, place, doc=None) -> str | None:
    """An event of the same kind, in the same city, in the same year (months, when both give one, equal) met before:
    'an international workshop … in Dubai in January 2011' and 'UAE held a workshop in Dubai early 2011' are one; an
    undated 'recent workshop … in Dubai' is the one of the document's year."""
    if not place:
        return None
    if not date:
        doc_date = str(doc.meta.get("date") or "")[:4] if doc is not None else ""
        same = [eid for eid, (noun, city, when) in ex.state.setdefault("event_places", {}).items()
                if noun == _noun(name) and city == place[0] and doc_date and when[:4] == doc_date]
        return same[0] if len(same) == 1 else None
    for eid, (noun, city, when) in ex.state.setdefault("event_places", {}).items():
        if noun == _noun(name) and city == place[0] and when[:4] == date[:4] \
                and (len(when) < 7 or len(date) < 7 or when[:7] == date[:7]):
            return eid
    return None


def make_event(ex, doc, name: str, kind: str, date: str | None, place) -> str:
    """The event `name` of `date`: one entity per real event. A "UN"/"United Nations" prefix and spelling variants
    ("High Level"/"High-level") key the same; the same kind of event in the same city and year is the same event."""
    name = re.sub(r"^UN\s+(?=[A-Z])", "", name)
    same = _same_place_and_time(ex, name, date, place, doc)
    if same:
        return same
    label = f"{name} ({date[:4]})" if date and date[:4] not in name else name
    key = slug(label)
    known = ex.entity(f"event:{key}")
    if known is not None:
        label = known.label              # the first spelling met names it
    ex.state.setdefault("event_names", {}).setdefault(name, set()).add(f"event:{key}")
    eid = ex.add_entity("Event", label, kind, key=key, aliases=[name], date=date, place=place[0] if place else None,
                        country=place[1] if place else None)
    if place and date:
        ex.state.setdefault("event_places", {}).setdefault(eid, (_noun(name), place[0], date))
    return eid


def _precise_date(ex, event: str, date: str | None) -> str | None:
    """The most precise of the event's known date and this mention's ('in 2008' and 'from 17 to 18 February 2008'
    date one meeting): the event keeps the finer one, and so does the statement."""
    ent = ex.entities.get(event)
    known = ent.date if ent is not None else None
    if date and known and known.startswith(date):
        return known
    if date and known and date.startswith(known) and ent is not None:
        ent.date = date
    return date or known


def harmonise_dates(ex):
    """Statements about one event that differ only in a coarser `date` (2008 vs 2008-02) become one statement."""
    for sid, st in list(ex.statements.items()):
        q = st.qualifiers.get("date")
        finer = next((e.date for e in map(ex.entity, (st.subject, st.object)) if e is not None and e.type == "Event"
                      and e.date and q and e.date != q and e.date.startswith(q)), None)
        if not finer or ex.statements.get(sid) is not st:
            continue
        del ex.statements[sid]
        st.qualifiers["date"] = finer
        known = ex.statements.get(st.id)
        if known is None:
            ex.statements[st.id] = st
        else:
            known.evidence.extend(e for e in st.evidence if e not in known.evidence)
            known.confidence = max(known.confidence, st.confidence)


def _remember(ex, doc, i, event):
    ex.state.setdefault("prose_events", {})[doc.doc_id] = (event, i)


def _event_statements(ex, doc, s, event, before: str, after: str, place, date, status):
    clause = re.split(r"[;:]|\.\s", before)[-1]
    om, offer = ORGANISER_RX.search(clause), OFFER_RX.search(clause)
    quals = {"status": "planned" if offer and not om else status, "date": date}
    if place:
        ex.emit(event, "located_in", place[1], doc, s, rule="located_in.event-place", qualifiers={"place": place[0], **quals})
    if om:
        organisers = named_actors(ex, clause[:om.start()])
        st = "planned" if om.group("planned") else status
        for a in organisers:
            ex.emit(a, "hosts", event, doc, s, rule="hosts.actor-organised-event",
                    qualifiers={"role": "organizer", "status": st, "date": date})
    if offer and not om:
        # "the offer of the Government of Cambodia to … host the Seventh Ministerial Consultation": planned
        for a in named_actors(ex, offer.group(0))[:1]:
            ex.emit(a, "hosts", event, doc, s, rule="hosts.offer-to-host-event",
                    qualifiers={"role": "host", "status": "planned", "date": date})
    bm = BY_RX.match(after)
    if bm:
        span = re.split(r"\b(?:held|which|with|in (?=[A-Z]))\b|[;(]", after[bm.end():])[0]
        wp = re.search(r"\bwith the participation of\b", after)
        if wp:
            _attendees(ex, doc, s, event, after[wp.end():], status, date)
        for a in named_actors(ex, span):
            ex.emit(a, "hosts", event, doc, s, rule="hosts.event-organised-by",
                    qualifiers={"role": "organizer", "status": status, "date": date})
        rest = after[bm.end() + len(span):]
        later = place_at(ex, rest) if not place and re.match(r"\s*in\s+[A-Z]", rest) else None
        if later:
            ex.emit(event, "located_in", later[1], doc, s, rule="located_in.event-place", qualifiers={"place": later[0], **quals})
    am = ATTENDED_RX.search(after)
    if am:
        _attendees(ex, doc, s, event, after[am.end():], status, date)


def _attendees(ex, doc, s, event, text, status, date):
    for a in named_actors(ex, re.split(r"[;]", text)[0]):
        ex.emit(a, "participates_in", event, doc, s, rule="participates_in.attended-by",
                qualifiers={"role": "participant", "status": status, "date": date})


def _named(ex, doc, i, s) -> bool:
    found = False
    for m in NAME_RX.finditer(s.text):
        name, full = _in_doc_series(ex, doc, m.group("name"))
        if not name:
            name = full = _clean_name(m.group("name"))
        if not name or gfmd_meetings_in(ex, name) or s.kind == "table_row":
            continue
        # a registry process named with a date is one of its meetings ("the High-level Dialogue … of September 2006");
        # any other registry name is not an event
        resolved = ex.registry.resolve(name)
        if resolved and ex.entity(resolved).type != "Process":
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
        if resolved and not (date and re.match(r"^\s*(?:of|in|,)?\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d", after)):
            continue
        has_context = place or dates or ORGANISER_RX.search(before[-80:]) or BY_RX.match(after)
        if not has_context:
            continue
        kind_word = re.search(rf"(?:{KIND_RX})", name).group(0)
        if resolved:
            # one event per process and year, whatever the spelling ("High Level Dialogue on Migration and
            # Development" and "High-level Dialogue on International Migration and Development", 2013)
            process = ex.entity(resolved)
            event = ex.add_entity("Event", f"{process.label} ({date[:4]})", _kind(kind_word),
                                  key=f"{resolved.split(':', 1)[1]}-{date[:4]}", aliases=[name, f"{name} ({date[:4]})"],
                                  date=date, place=place[0] if place else None, country=place[1] if place else None)
        else:
            event = (doc_event_named(ex, doc, full, date) or same_event(ex, full, date)
                     or make_event(ex, doc, full, _kind(kind_word), date, place))
        date = _precise_date(ex, event, date)
        _event_statements(ex, doc, s, event, before, after, place, date, status_of(s.text))
        for mm in ex.mentions(_Text(full)):
            e = ex.entity(mm.id)
            if e is not None and e.type == "Process":
                ex.emit(event, "part_of", mm.id, doc, s, rule="part_of.event-of-process", qualifiers={"date": date})
        _remember(ex, doc, i, event)
        found = True
    return found


def _lower_label(ex, m, hosts) -> str:
    """'an international workshop on the migrant recruitment industry' names itself; 'a symposium' is named after
    its organisers ('Global Migration Group symposium'); 'the next coordination meeting' hosted by X is the
    'Coordination meeting hosted by X'."""
    nm = re.match(r"next\s+(?P<rest>.+)$", m.group("phrase"))
    if nm and not m.group("topic"):
        return nm.group("rest")[0].upper() + nm.group("rest")[1:] + " hosted by " + " and ".join(ex.entity(h).label for h in hosts[:2])
    if m.group("topic"):
        return m.group("phrase")[0].upper() + m.group("phrase")[1:]
    return " and ".join(ex.entity(h).label for h in hosts[:2]) + " " + m.group("kind")


def _lowercase(ex, doc, i, s):
    """'the GMG hosted a symposium here in New York', 'a workshop on recruitment practices hosted by the UAE'."""
    for m in LOWER_EVENT_RX.finditer(s.text):
        clause = re.split(r"[;:]|\.\s", s.text[:m.start()])[-1]
        hosts = named_actors(ex, clause[-60:])
        if not hosts:
            continue
        after = s.text[m.end():]
        dates = dates_in(after[:70])
        # the document's own date is no date of the event ("a symposium organized by X"): only what the text says
        date = dates[0] if dates else (_relative_date(clause + " " + after[:60], doc) or _month_only(after[:90], doc))
        status = "planned" if m.group("planned") else status_of(clause + m.group(0))
        window = after[:120]
        place = place_at(ex, window) or next((place_at(ex, window[k.start():]) for k in
                                              re.finditer(r"\b(?:here )?in (?=[A-Z])", window)), None)
        event = make_event(ex, doc, _lower_label(ex, m, hosts), _kind(m.group("kind")), date, place)
        quals = {"status": status, "date": date}
        for h in hosts:
            ex.emit(h, "hosts", event, doc, s, rule="hosts.actor-organised-event", qualifiers={"role": "organizer", **quals})
        if place:
            ex.emit(event, "located_in", place[1], doc, s, rule="located_in.event-place", qualifiers={"place": place[0], **quals})
            ent = ex.entities[event]
            ent.place, ent.country = ent.place or place[0], ent.country or place[1]
        _remember(ex, doc, i, event)
    for m in PASSIVE_LOWER_RX.finditer(s.text):
        if m.group("phrase") == m.group("kind") and m.group(0)[0] == "T":
            continue             # "The meeting was organized by …": an event named before, not a new one
        if SERIES_RX.search(m.group("phrase")):
            continue             # "the annual coordination meeting …, convened by X": a series, not one event
        after = s.text[m.end():]
        span = re.split(r"\b(?:in|on|at|from|with)\b|[,;]", after)[0]
        hosts = named_actors(ex, span)
        if not hosts:
            continue
        held = TAKES_PLACE_RX.search(after[:160])
        if " in " in after[:40]:
            place = place_at(ex, after[len(re.split(r"\b(?=in\b)", after)[0]):][:60])
        else:
            place = place_at(ex, after[held.end():]) if held else None
        date = (dates_in(after[held.end():held.end() + 60] if held else after[:90])
                or [_relative_date(s.text[:m.start()][-80:] + " " + after[:60], doc) or _month_only(after[:90], doc)])[0]
        event = make_event(ex, doc, _lower_label(ex, m, hosts), _kind(m.group("kind")), date, place)
        status = "planned" if PLANNED_EVENT_RX.search(s.text) else status_of(s.text)
        quals = {"status": status, "date": date}
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


ATTENDED_BARE_RX = re.compile(rf"^\W*(?:\d+\.\s*)?(?:{R['attendee_nouns']})\s+(?:of|from)\s+(?P<who>[^.;]{{3,200}}?)\s+"
                              r"(?:(?:also\s+)?attended|took part|participated)(?=\s*(?:[,.;]|$|\s+(?:together|as well|the meeting)\b))",
                              re.I)


def _attended_doc_meeting(ex, doc, i, s):
    """'Representatives of IOM, UNHCR and WFP attended, together with officials of …': attendees of the document's
    own meeting (a sentence with no other event in it, none named just before)."""
    m = ATTENDED_BARE_RX.match(s.text)
    event = doc_meeting_meant(ex, doc, i) if m else None
    if not event:
        return
    for a in named_actors(ex, m.group("who")):
        ex.emit(a, "participates_in", event, doc, s, rule="participates_in.attended-doc-meeting",
                qualifiers={"role": "participant", "status": status_of(s.text)}, confidence=0.85)


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
        if re.search(r"\b(?:attended|took part|participated)\b", text):
            _attended_doc_meeting(ex, doc, i, s)
    harmonise_dates(ex)
