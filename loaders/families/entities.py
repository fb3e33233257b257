"""Names the documents introduce: organisations from acronym definitions, people, and events (GFMD meetings, their
round-table sessions, each document's own meeting or debate and its panels).

Later families call the helpers here: `person_at` (parse "H.E. Mr X, title, Country"), `gfmd_meetings_in`
(which GFMD meetings a sentence names), `ensure_meeting`, `doc_event`, `session_of` (the session a panel line
belongs to), `places_in` (cities -> states).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from migkg.loaders.context import slug
from migkg.loaders.cues import dates_in


@lru_cache(maxsize=None)
def rules(name: str) -> dict:
    return yaml.safe_load((resources.files("migkg.loaders") / "rules" / f"{name}.yaml").read_text(encoding="utf-8"))


R = rules("entities")
ORDINALS = R["ordinals"]
ORDINAL_WORDS = {v: k.capitalize() for k, v in ORDINALS.items() if k.isalpha()}
HONORIFIC_RX = r"(?:(?:" + "|".join(R["honorifics"]) + r")\s+)"
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’.-]*|d[eia]|De|van|von|der|del|la|al|El|bin)"
PERSON_RX = re.compile(rf"(?P<hon>{HONORIFIC_RX}+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}})")
TITLE_WORDS = set(R["title_words"])
GFMD_RX = r"(?:GFMD|GMFD|Global Forum(?: on Migration and Development)?|Forum)"
ORD_RX = "|".join(ORDINALS)
MEETING_ORD_RX = re.compile(rf"\b(?P<ord>{ORD_RX})\s+(?:Global Forum on Migration and Development|GFMD|"
                            rf"(?:(?:summit|annual)\s+)?(?:meeting|session|summit)\s+of\s+the\s+{GFMD_RX})", re.I)
MEETING_YEAR_RX = re.compile(r"\b(?:GFMD\s+(?P<y1>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)(?:\s+[A-Z][a-z]+)?\s+(?:GFMD|Global Forum)"
                             r"(?!\s+(?:process|Chair|Task|Steering|Troika|website|assessment)))")
ACRONYM_DEF_RX = re.compile(r"(?P<long>(?:[A-Z][\w'’-]*|of|the|for|and|on|in|de|des|du|la|et|&)(?:[ ,](?:[A-Z][\w'’-]*|of|the|for|"
                            r"and|on|in|de|des|du|la|et|&))*)\s+\((?P<acr>[A-Z][A-Za-z&/-]{1,9})\)")


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    rest: str              # the text after the name (titles, office, country)
    title: str | None      # the first title clause
    acts_for: str | None   # the government or organisation the title names first


# --- people ---------------------------------------------------------------------------------------------------
def _clean_name(ex, words: list[str]) -> list[str]:
    out = []
    for w in words:
        if (w.strip(",") in TITLE_WORDS or (w.isupper() and ex.registry.resolve(w.strip(",")))) and out:
            break
        if w.endswith(","):
            out.append(w.rstrip(","))
            break
        out.append(w)
    while out and out[-1].lower().rstrip(".") in {"de", "van", "von", "der", "del", "la", "al", "bin", "da", "di", "jr", "sr"}:
        out.pop()
    # "OLIVEIRA" -> "Oliveira", but initials stay as written ("M.S. Puri")
    return [w.capitalize() if w.isupper() and len(w) > 2 and "." not in w else w for w in out]


def person_at(ex, text: str, start: int = 0) -> PersonRef | None:
    """The honorific-led person named at (or right after) `start` in `text`, with title and the body acted for."""
    m = PERSON_RX.match(text, start) or (PERSON_RX.search(text, start, start + 12) if start else PERSON_RX.search(text[:12]))
    if not m:
        return None
    words = _clean_name(ex, m.group("name").split())
    if len(words) < 2 or any(w.isupper() and len(w) <= 5 and not w.endswith(".") for w in words[:1]):
        return None
    name = " ".join(words)
    hon = " ".join(m.group("hon").split())
    # drop the name itself (as written, possibly in capitals) from the rest
    written = m.group("name").split()[:len(words)]
    idx = m.start("name") + len(" ".join(written))
    rest = text[idx:].lstrip(" ,:")
    pid = ex.add_entity("Person", name, "person", aliases=[f"{hon} {name}"], names=[name, f"{hon} {name}"])
    rest = SUFFIX_RX.sub("", rest)
    title = clean_title(ex, rest)
    acts_for = first_actor(ex, rest)
    if acts_for:
        ent = ex.entity(acts_for)
        if ent and ent.type == "State" and ex.entities.get(pid) and ex.entities[pid].country is None:
            ex.entities[pid].country = acts_for
    return PersonRef(pid, name, rest, title, acts_for)


class _Text:
    def __init__(self, text):
        self.text, self.start = text, -1


def mentions_in(ex, text: str):
    return ex.mentions(_Text(text))


GOVERNMENT_RX = re.compile(r"\b(?:" + "|".join(R["government_words"]) + r")")
NOT_ACTING_RX = re.compile(r"(?<![\w-])(?:" + "|".join(R["not_acting"]) + r")")
ACTING_ORG_KINDS = set(R["acting_org_kinds"])


MODIFIER_RX = re.compile(r"\b(?:" + "|".join(R["name_modifiers"]) + r")\s+$")


def _affiliation_mentions(ex, head: str):
    """(mention, entity) of the states and organisations an affiliation names; a registry name inside a longer
    name ("National Human Rights Council") is not that body."""
    out = []
    for m in mentions_in(ex, head):
        e = ex.entity(m.id)
        if e is not None and e.type in ("State", "Organization") and not MODIFIER_RX.search(head[:m.start]):
            out.append((m, e))
    return out


def _affiliation_head(rest: str) -> str | None:
    """The part of an affiliation that describes the current role: up to 'in his capacity as' / 'on behalf of' /
    ', Chair', and without a trailing 'and Former …'; None when the role itself is a former one."""
    head = re.split(r"\b(?:in (?:his|her) capacity|on behalf of|and Chair|, Chair)\b", rest)[0]
    head = re.split(r"(?:,\s*|\s+and\s+)(?=(?:[Ff]ormer(?:ly)?|[Ee]x-)\b)", head)[0]
    return None if re.match(r"\s*(?:former|formerly|ex-)\b", head, re.I) else head


def first_actor(ex, rest: str) -> str | None:
    """The body a person acts for, read from their affiliation: a state only when the affiliation names a
    government office ("Minister of Labour, Philippines", "Permanent Mission of Denmark"); an organisation only when it
    is an intergovernmental or UN body, or a government body. Former roles, consultants, academics and the seat
    country of a university, think tank or NGO give no one ("in his capacity as Chair of X" is read elsewhere)."""
    head = _affiliation_head(rest)
    if head is None:
        return None
    found = _affiliation_mentions(ex, head)
    # blocking words count outside the names of intergovernmental bodies ("UN Institute for Training and Research")
    masked = head
    for m, e in found:
        if e.type == "Organization" and e.kind in ACTING_ORG_KINDS:
            masked = masked[:m.start] + " " * (m.end - m.start) + masked[m.end:]
    if NOT_ACTING_RX.search(masked):
        return None
    if GOVERNMENT_RX.search(masked) or any(e.type == "Organization" and e.kind == "government_body" for _, e in found):
        for m, e in found:
            # a demonym acts only inside a government office's name ("the Egyptian Minister of Manpower", "Ministry
            # of the Malians Abroad"), not inside another body's ("Council for the Moroccan Community Abroad")
            if e.type == "State" and (m.via != "demonym" or GOVERNMENT_RX.search(head[max(0, m.start - 30):m.end + 20])):
                return m.id
        for m, e in found:
            if e.type == "Organization" and e.kind == "government_body":
                return getattr(e, "country", None) or m.id
    for m, e in found:
        if e.type == "Organization" and e.kind in ACTING_ORG_KINDS:
            return m.id
    return None


def affiliation_of(ex, rest: str) -> str | None:
    """The organisation a person works at, named in their affiliation (any kind: a university or NGO too), when
    they do not act for anyone; none for a former role. Used for `affiliated_with` only, never for acting-for."""
    head = _affiliation_head(rest)
    if head is None:
        return None
    for m in mentions_in(ex, head):
        e = ex.entity(m.id)
        if e is not None and e.type in ("Organization", "Process") and m.via != "demonym" \
                and not MODIFIER_RX.search(head[:m.start]):
            return m.id
    return None


def emit_person(ex, person: str, acts_for: str | None, predicate: str, obj: str, doc, sentence, *, rule: str,
                qualifiers: dict | None = None, title: str | None = None, affiliation: str | None = None):
    """`emit_acting`, plus `affiliated_with` the named organisation when the person acts for no one."""
    ex.emit_acting(person, acts_for, predicate, obj, doc, sentence, rule=rule, qualifiers=qualifiers, title=title)
    if not acts_for and affiliation:
        ex.emit(person, "affiliated_with", affiliation, doc, sentence, rule=rule + "+affiliation",
                qualifiers={"title": title} if title else None)


SUFFIX_RX = re.compile(r"^(?:" + "|".join(R["name_suffixes"]) + r")(?=[\s,]|$)[\s,]*")
NOT_TITLES = {w.lower() for w in R["not_titles"]}


def clean_title(ex, text: str | None, whole: bool = False) -> str | None:
    """A person's title from the text after their name: cut where the affiliation's name starts (an organisation or
    state mention, "Ministry of …", "(…"), without name suffixes, parentheses or trailing conjunctions."""
    if not text:
        return None
    text = SUFFIX_RX.sub("", text.strip(" ,:;"))
    text = re.sub(r"^(?:from|of|at)\s+(?:the\s+)?", "", text)
    inner = re.match(r"^\(([^)]*)\)", text)
    if inner:
        text = inner.group(1)
    if not whole:       # a Title column holds the whole title ("Deputy Director, Consular Affairs")
        text = re.split(r",|;| of the | at the | at | in (?:his|her) capacity|\(", text, maxsplit=1)[0]
    for m in mentions_in(ex, text):
        e = ex.entity(m.id)
        if e is not None and e.type in ("State", "Organization", "Process") and m.start > 0:
            text = text[:m.start]
            break
        if e is not None and m.start == 0:
            return None
    text = re.sub(r"\s+(?:of|for|and|at|in|to|the|on)(?:\s+the)?\s*$", "", text.strip(" ,;:-–")).strip(" ,;:-–")
    words = text.split()
    if not words or len(words) > 12 or all(w.lower().strip(".") in NOT_TITLES for w in words):
        return None
    return text


# --- events ---------------------------------------------------------------------------------------------------
def meeting_years(ex) -> dict[int, str]:
    """Ordinal -> year of GFMD meetings, by majority of the sentences that tie one to the other."""
    votes = ex.state.setdefault("gfmd_ordinal_votes", {})
    out = {}
    for n, counts in votes.items():
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(best) == 1 or best[0][1] > best[1][1]:
            out[n] = best[0][0]
    # a meeting between two known ones two years apart took place in the year between them (meetings are numbered
    # in time order): the second in 2008 and the fourth in 2010 make the third 2009
    for n in sorted(out):
        if n + 1 not in out and n + 2 in out and int(out[n + 2]) - int(out[n]) == 2:
            out[n + 1] = str(int(out[n]) + 1)
    return out


def ensure_meeting(ex, year: str) -> str:
    """The GFMD meeting of `year` (event:gfmd-<year>), labelled with its ordinal when a document gave one."""
    ordinal = next((n for n, y in meeting_years(ex).items() if y == year), None)
    label = (f"{ORDINAL_WORDS[ordinal]} Meeting of the Global Forum on Migration and Development (GFMD {year})"
             if ordinal else f"Global Forum on Migration and Development {year} (GFMD {year})")
    place = ex.state.setdefault("gfmd_places", {}).get(year)
    aliases = [f"GFMD {year}", f"{year} GFMD"] + ([f"{place} meeting", f"{place} GFMD"] if place else [])
    eid = ex.add_entity("Event", label, "meeting", key=f"gfmd-{year}", aliases=aliases, date=year, place=place,
                        country=ex.state.get("gfmd_countries", {}).get(year))
    if ordinal and ex.entities[eid].label != label:   # an ordinal learned after the meeting was first named
        ex.entities[eid].aliases = sorted(set(ex.entities[eid].aliases) | {ex.entities[eid].label})
        ex.entities[eid].label = label
    return eid


def gfmd_meetings_in(ex, text: str) -> list[tuple[int, int, str]]:
    """(start, end, year) of each GFMD meeting the text names by year or by a known ordinal."""
    found = []
    for m in MEETING_YEAR_RX.finditer(text):
        found.append((m.start(), m.end(), m.group("y1") or m.group("y2")))
    for m in MEETING_ORD_RX.finditer(text):
        year = meeting_years(ex).get(ORDINALS[m.group("ord").lower()])
        if year:
            found.append((m.start(), m.end(), year))
    return sorted(set(found))


def _learn_ordinals(ex, text: str):
    """'the second meeting of the GFMD, held in Manila … in 2008': one ordinal, and a year soon after it."""
    found = list(MEETING_ORD_RX.finditer(text))
    if len({m.group("ord").lower() for m in found}) != 1:
        return
    years = {d[:4] for d in dates_in(text[found[0].end():found[0].end() + 80])}
    if len(years) == 1:
        counts = ex.state.setdefault("gfmd_ordinal_votes", {}).setdefault(ORDINALS[found[0].group("ord").lower()], {})
        year = years.pop()
        counts[year] = counts.get(year, 0) + 1


def places_in(text: str) -> list[tuple[int, str, str]]:
    """(position, city, state id) for each gazetteer city named in the text."""
    return [(m.start(), m.group(0), f"state:{_places()[m.group(0)]}") for m in _places_rx().finditer(text)]


@lru_cache(maxsize=1)
def _places() -> dict:
    return rules("places")


@lru_cache(maxsize=1)
def _places_rx():
    names = sorted(_places(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


TITLE_LEAD_RX = re.compile(r"^(?:(?:" + "|".join(R["title_lead_words"]) + r")\s+)+", re.I)


def place_of(doc) -> tuple[str, str] | tuple[None, None]:
    """(city, state id) of the document's place line ("Accra, Ghana"), or the title's city."""
    for text in (str(doc.meta.get("place") or ""), str(doc.meta.get("title") or "")):
        found = places_in(text)
        if found:
            return found[0][1], found[0][2]
    return None, None


def _date_of(doc) -> str | None:
    date = doc.meta.get("subject_date") or doc.meta.get("date")
    return str(date) if date else None


def doc_event(ex, doc) -> str | None:
    """The meeting or debate a document reports on, from its title (catalogue or front matter), with the date and
    place of the document's place-date line: a GFMD meeting by ordinal is event:gfmd-<year>; another meeting is
    named by the title part that names an event ("Fourth Senior Officials' Meeting"), "of the <process>" added when
    another part of the title names a registry process."""
    cache = ex.state.setdefault("doc_events", {})
    if doc.doc_id in cache:
        return cache[doc.doc_id]
    title = str(doc.meta.get("title") or "")
    date = _date_of(doc)
    year = date[:4] if date else None
    eid = None
    if re.search(GFMD_RX, title) and MEETING_ORD_RX.search(title) and year:
        eid = ensure_meeting(ex, year)
        ent = ex.entities[eid]
        if date and len(date) > len(ent.date or "") and date.startswith(year) and not doc.meta.get("subject_date"):
            ent.date = date[:7]
    elif title:
        # the first part of the title that names an event ("… A report of the Conversations on the Global Governance
        # of Migration, Phase 1"): leading articles and "report of" dropped
        kind, name, process = None, "", None
        for part in re.split(r"[:,]| \(|\.\s| [—–] ", title):
            part = TITLE_LEAD_RX.sub("", part.strip())
            k = next((k for w, k in R["event_kinds"].items() if re.search(rf"\b{w}\b", part, re.I)), None)
            if k and not kind:
                kind, name = k, part
            elif not process:
                process = next((m.id for m in mentions_in(ex, part) if m.start == 0 and ex.entity(m.id).type == "Process"
                                and not re.search(rf"\b{re.escape(m.surface)}\b", name)), None)
        if kind:
            if process and not re.search(r"\bof\b", name):
                pe = ex.entity(process)      # its short name ("Almaty Process"), not an acronym
                short = min((n for n in [pe.label, *pe.aliases] if " " in n and not n.isupper()), key=len, default=pe.label)
                name = f"{name} of the {short}"
            eid = ex.add_entity("Event", f"{name} ({year})" if year and year not in name else name, kind,
                                aliases=[name], date=date)
            ex.state.setdefault("event_names", {}).setdefault(name, set()).add(eid)
            if process:
                ex.state.setdefault("doc_event_process", {})[doc.doc_id] = process
    cache[doc.doc_id] = eid
    return eid


def names_doc_event(ex, doc, text: str) -> bool:
    """Whether `text` names the document's own event (its GFMD year, or the start of its name)."""
    eid = doc_event(ex, doc)
    if not eid:
        return False
    if eid.startswith("event:gfmd-"):
        return any(y == eid.split("-")[1] for _, _, y in gfmd_meetings_in(ex, text))
    base = slug(re.sub(r"\s*\(\d{4}\)$", "", ex.entity(eid).label).split(" of the ")[0])
    return bool(base) and base[:40] in re.sub(r"[^a-z0-9]+", "-", text.lower())


def doc_event_named(ex, doc, name: str, date: str | None) -> str | None:
    """The document's own event when prose names it ("The Fourth Senior Officials' Meeting of the Almaty Process
    was held …" in that meeting's report): same name start, same year."""
    eid = doc_event(ex, doc)
    ent = ex.entity(eid) if eid else None
    if ent is None or eid.startswith("event:gfmd-"):
        return None
    base = slug(re.sub(r"\s*\(\d{4}\)$", "", ent.label).split(" of the ")[0])
    same_year = not date or not ent.date or str(ent.date)[:4] == str(date)[:4]
    return eid if base and slug(name).startswith(base) and same_year else None


# Session headings: "RT Session 2.1: title", "Session 1.1 – title", "RT 2.2<tab>title", "Panel one: title".
SESSION_RX = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:R?T\s+)?(?:Round ?table\s+)?(?:Session|RT)\s+(?P<num>\d)\.(?P<sub>\d)\b\s*[:–—-]?\s*"
                        r"(?P<title>.*)$", re.I)
SPECIAL_RX = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<title>(?:special|working) session on (?:the )?.+)$", re.I)
PANEL_RX = re.compile(r"^(?:[\d:.–\s-]+)?(?P<title>Panel (?:one|two|three|four|\d)):\s*(?P<topic>.*)$", re.I)
# A numbered session of a meeting that is not a GFMD meeting: "Session 1: Skills and qualification recognition",
# "Panel 2 – Ethical recruitment" (GFMD reports number their sessions 1.1, 1.2 under round tables instead).
PLAIN_SESSION_RX = re.compile(r"^(?:[IVX]+\.\s+|\d+\.\s+)?(?P<kind>Session|Panel|Thematic [Ss]ession|Working [Ss]ession)\s+"
                              r"(?P<n>\d{1,2})\s*[:–—-]\s*(?P<title>[A-Z].{2,150})$")
THEME_RX = re.compile(r"^Theme\s+(?P<n>\d)\s*[–—-]\s*(?P<title>.+)$")
ADDRESSED_BY_RX = re.compile(r"\baddressed by (?:the )?Session (?P<num>\d)\.(?P<sub>\d)\b", re.I)
MAJOR_HEADING_RX = re.compile(r"^(?:\d+\.\s+[A-Z]|[IVX]+\.\s|Appendix\b|Annex\b|ANNEX|APPENDIX|Program\b)")


def session_event(ex, doc, num: str, sub: str, title: str) -> str | None:
    meeting = doc_event(ex, doc)
    if not meeting or not meeting.startswith("event:gfmd-"):
        return None
    year = meeting.split("-")[1]
    title = re.sub(r"[\s|]+\d+$", "", title.strip(" .:|")).strip(" |")   # table-of-contents page numbers
    key = f"gfmd-{year}-rt-{num}-{sub}"
    label = f"GFMD {year} Round Table Session {num}.{sub}" + (f": {title}" if title else "")
    eid = f"event:{key}"
    if ex.entity(eid) is None or (title and ":" not in ex.entity(eid).label):
        known = ex.entities.pop(eid, None)
        ex.add_entity("Event", label, "session", key=key, aliases=[f"RT {num}.{sub}", f"Session {num}.{sub}"]
                      + (known.aliases + [known.label] if known else []), date=year)
    return eid


def roundtable_event(ex, doc, n: str) -> str | None:
    """A whole round table of the document's GFMD meeting (event:gfmd-<year>-rt-<n>), its sessions' parent."""
    meeting = doc_event(ex, doc)
    if not meeting or not meeting.startswith("event:gfmd-"):
        return None
    year = meeting.split("-")[1]
    return ex.add_entity("Event", f"GFMD {year} Roundtable {n}", "session", key=f"gfmd-{year}-rt-{n}",
                         aliases=[f"Roundtable {n}", f"Round Table {n}", f"RT {n}"], date=ex.entity(meeting).date)


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def named_session(ex, doc, title: str, meeting: str | None = None) -> str | None:
    """A session named by its title ("Special session on the future of the forum") of `meeting` (default: the
    document's own meeting)."""
    meeting = meeting or doc_event(ex, doc)
    if not meeting:
        return None
    parent = ex.entity(meeting)
    title = re.sub(r"[\s|]+\d+$", "", title.strip(" .:|")).strip(" |")
    title = title[0].upper() + title[1:].lower() if title.isupper() else title
    for word, n in NUMBER_WORDS.items():
        title = re.sub(rf"^Panel {word}\b", f"Panel {n}", title, flags=re.I)
    prefix = f"GFMD {meeting.split('-')[1]}" if meeting.startswith("event:gfmd-") else parent.label
    key = f"{meeting.split(':', 1)[1][:40]}-{slug(title)[:40]}".strip("-")
    return ex.add_entity("Event", f"{prefix} {title}", "session", key=key, date=parent.date)


def session_of(ex, doc, index: int) -> tuple[str, int] | None:
    """(session event, index of its heading) that sentence `index` of `doc` falls under, if any."""
    return ex.state.get("session_at", {}).get(doc.doc_id, {}).get(index)


def _index_sessions(ex, doc):
    at, current, theme = {}, None, None
    for i, s in enumerate(doc.sentences):
        text = s.text.strip()
        eid = None
        if len(text) < 220:
            m = SESSION_RX.match(text) if s.kind != "prose" or len(text) < 160 else None
            if m and (m.group("title") or s.kind in ("heading", "table_row", "line")) and not text.endswith("."):
                eid = session_event(ex, doc, m.group("num"), m.group("sub"), m.group("title"))
            elif (m2 := SPECIAL_RX.match(text)) and not text.endswith("."):
                eid = named_session(ex, doc, m2.group("title"))
            elif (m3 := PANEL_RX.match(text)):
                eid = named_session(ex, doc, f"{m3.group('title').capitalize()}: {m3.group('topic')}")
            elif (m6 := PLAIN_SESSION_RX.match(text)) and s.kind in ("heading", "line") and not text.endswith(".") \
                    and not str(doc_event(ex, doc) or "").startswith("event:gfmd-"):
                eid = named_session(ex, doc, f"{m6.group('kind').capitalize()} {m6.group('n')}: {m6.group('title')}")
            elif (m4 := THEME_RX.match(text)):
                theme = m4.group("title")
                current = None
            elif MAJOR_HEADING_RX.match(text) and s.kind in ("heading", "line"):
                current = None
        if theme and (m5 := ADDRESSED_BY_RX.search(text)):
            eid = session_event(ex, doc, m5.group("num"), m5.group("sub"), theme)
            theme = None
        if eid:
            current = (eid, i)
        if current:
            at[i] = current
    ex.state.setdefault("session_at", {})[doc.doc_id] = at


# --- organisations from acronym definitions ----------------------------------------------------------------------
def _initials_match(long: str, acr: str) -> bool:
    """Each capital of the acronym starts a word of the long form, in order, the first one the first word."""
    words = [w for w in re.split(r"[\s,&-]+", long) if w]
    letters = [c for c in acr if c.isupper()]
    if not words or not letters or words[0][0].upper() != letters[0]:
        return False
    wi = 0
    for c in letters:
        while wi < len(words) and words[wi][0].upper() != c:
            wi += 1
        if wi == len(words):
            return False
        wi += 1
    return True


def _prefixes_match(long: str, acr: str) -> bool:
    """The acronym is made of the first letters of every capitalised word, in order, and any lowercase words
    between them: "African Foundation for Development" = AF+F+FOR+D = AFFORD."""
    words = [w for w in re.split(r"[\s,&-]+", long) if w]
    acr = acr.lower()

    def fits(wi: int, ai: int) -> bool:
        if wi == len(words):
            return ai == len(acr)
        w = words[wi].lower()
        if words[wi][0].islower() and fits(wi + 1, ai):
            return True
        return any(acr.startswith(w[:k], ai) and fits(wi + 1, ai + k) for k in range(1, len(w) + 1))

    return len(words) > 1 and fits(0, 0)


def _trim_long(long: str, acr: str) -> str | None:
    """The shortest tail of `long` whose initials (or word beginnings) give the acronym."""
    words = long.split(" ")
    for i in range(len(words) - 1, -1, -1):
        tail = " ".join(words[i:]).strip(" ,")
        if not tail or not tail[0].isupper():
            continue
        if _initials_match(tail, acr) and len(tail.split()) >= len([c for c in acr if c.isupper()]):
            return tail
        if _prefixes_match(tail, acr):
            return tail
    return None


def org_kind(long: str) -> str | None:
    """The kind of organisation a name is, from its keywords (None: not an organisation's name)."""
    return _org_kind(long)


def _org_kind(long: str) -> str | None:
    if any(re.search(rf"\b{w}\b", long) for w in R["not_org"]):
        return None
    for kind, words in R["org_keywords"].items():
        if any(re.search(rf"\b{w}\b", long) for w in words):
            return kind
    return None


def _discover_acronyms(ex, text: str):
    for m in ACRONYM_DEF_RX.finditer(text):
        acr = m.group("acr")
        long = _trim_long(m.group("long"), acr)
        if not long or ex.registry.resolve(long) or ex.registry.resolve(acr) or long in ex.discovered:
            continue
        if acr in ex.discovered:   # the same acronym defined again (a longer or variant form): one organisation
            ex.add_entity("Organization", ex.entity(ex.discovered[acr]).label, "", key=ex.discovered[acr].split(":", 1)[1],
                          aliases=[long], names=[long])
            continue
        kind = _org_kind(long)
        if kind:
            ex.add_entity("Organization", long, kind, aliases=[acr], acronym=acr, names=[long, acr])


NAMED_ORG_RX = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|de)\s+)?){1,5}(?P<head>" + "|".join(R["named_org_heads"]) + r"))\b")


def discover_named_org(ex, name: str, kind: str) -> str | None:
    """An organisation named by its own name ("the MacArthur Foundation", "Graduate Institute"), unless the registry
    knows it; spellings that differ only in spaces ("Mac Arthur Foundation") are one organisation."""
    name = re.sub(r"^(?:The|the)\s+", "", name.strip(" ,"))
    # "Organizing Committee and Bancomer Foundation": two bodies; "John D. and Catherine T. MacArthur Foundation": one
    parts = re.split(r"\s+and\s+", name)
    if len(parts) > 1 and parts[-2].split()[-1] in R["named_org_split_after"]:
        name = parts[-1]
    words = name.split()
    while len(words) > 2 and words[0] in TITLE_WORDS | set(R["named_org_not_first"]):
        words.pop(0)
    name = " ".join(words)
    known = ex.registry.resolve(name) or ex.discovered.get(name)
    if known:
        return known
    compact = re.sub(r"\s+", "", name).lower()
    for other, eid in ex.discovered.items():
        if re.sub(r"\s+", "", other).lower() == compact:
            ex.add_entity(ex.entity(eid).type, ex.entity(eid).label, "", key=eid.split(":", 1)[1], aliases=[name], names=[name])
            return eid
    return ex.add_entity("Organization", name, kind, names=[name])


def _discover_named_orgs(ex, text: str):
    for m in NAMED_ORG_RX.finditer(text):
        words = m.group("name").split()
        if len(words) < 2 or words[0] in R["named_org_not_first"]:
            continue
        discover_named_org(ex, m.group("name"), R["named_org_heads"][m.group("head")])


# --- the family -------------------------------------------------------------------------------------------------
def extract(doc, ex):
    for title in (doc.meta.get("title") or "",):
        _learn_ordinals(ex, str(title))
    for s in doc.sentences:
        _learn_ordinals(ex, s.text)
        if "(" in s.text:
            _discover_acronyms(ex, s.text)
        if "Foundation" in s.text:
            _discover_named_orgs(ex, s.text)
    doc_event(ex, doc)
    _index_sessions(ex, doc)
