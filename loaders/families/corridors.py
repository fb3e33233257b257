"""Migration corridors (origin -> destination state) written in prose, with the flow and whether the direction was
read from cue words (`direction_inferred`).

Explicit: "migration of health care workers from Jamaica, the Philippines and Poland to Canada, Ireland, the United
Kingdom and the United States" (one side a single state: every pair; lists paired "respectively": in order; two
lists: every origin to every destination, marked `pairing: lists` because the text names the flows in aggregate);
"Many foreign brides come to the above countries from … China, the Philippines, Thailand and Viet Nam" (the above
countries resolved in the document); "return of Afghan refugees from Pakistan";
"Japan's program for trainee nurses from Philippines"; "<demonym> <workers|nurses|migrants|brides> in <State>"
("Guatemalan workers in Canada", "Malian workers to work in the agricultural sector in Spain", "its Filipino care
workers" with "its" = the clause subject); "migrants in France to easily transfer remittances to Mali" (flow
remittance, direction of the people). Inferred: "its temporary agricultural workers program with Canada", "the
foreign labour program between the UAE and Bangladesh, India and Philippines", and a labour programme between two
states when the same document names exactly one of them as a destination."""
from __future__ import annotations

import re

from migkg.loaders import coref
from migkg.loaders.cues import clause_around, cue_rules, status_of, time_qualifiers
from migkg.loaders.families.entities import rules

R = rules("corridors")
PEOPLE = [(re.compile(rf"^(?:{rx})\b", re.I), flow) for rx, flow in R["people"].items()]
PEOPLE_ANY = re.compile(r"\b(?:" + "|".join(R["people"]) + r")\b", re.I)
IN_STATE_RX = re.compile(r"^(?:\s+(?:to|who)\s+\w+)?(?:\s+in\s+the\s+[a-z ]{1,40}?)?\s+(?:in|to)\s+(?:the\s+)?")
FROM_RX = re.compile(r"\bfrom\s+(?:the\s+)?", re.I)
TO_RX = re.compile(rf"^\s*(?:{R['come_verbs']}\s+)?to\s+(?:the\s+)?")
IN_AFTER_RX = re.compile(r"^\s+(?:(?:working|living|employed|residing|who\s+(?:work|live))\s+)?in\s+(?:the\s+)?")
REMIT_RX = re.compile(R["remittance_words"], re.I)
COME_TO_RX = re.compile(rf"\b{R['come_verbs']}\s+to\s+", re.I)
PROG_WITH_RX = re.compile(R["programme_with"], re.I)
FOREIGN_PROG_RX = re.compile(R["foreign_programme"], re.I)
POSS_PROG_RX = re.compile(R["possessive_programme"], re.I)
LABOUR_PROG_RX = re.compile(R["labour_programme_words"], re.I)
LEAD_RX = re.compile(R["described_lead"], re.I)
BREAK_RX = re.compile(cue_rules()["clause_breaks"], re.I)
STATES = ("State",)


def _flow(text: str) -> str | None:
    for rx, flow in PEOPLE:
        if rx.match(text):
            return flow
    return None


def _emit(ex, doc, sentences, origin, dest, flow, rule, quals, inferred):
    if not origin or not dest or origin == dest:
        return
    q = dict(quals)
    q.update({"flow": flow, "direction_inferred": inferred})
    for s in sentences:
        ex.emit(origin, "corridor", dest, doc, s, rule=rule, qualifiers=q, confidence=0.8 if inferred else 0.9)
    ex.state.setdefault("corridor_ends", {}).setdefault(doc.doc_id, []).append((origin, dest))


def _quals(doc, text, a, b):
    q = time_qualifiers(clause_around(text, a, b), doc.meta.get("date"))
    q.pop("context", None)
    return q


def _list_after(ex, text, pos):
    lead = LEAD_RX.match(text[pos:])
    return coref.list_at(ex, text, pos + (lead.end() if lead else 0), STATES, max_lead=5)


REMIT_BEFORE_RX = re.compile(R["remittance_before"], re.I)
REMIT_AFTER_RX = re.compile(R["remittance_after"], re.I)
FAMILY_AFTER_RX = re.compile(R["family_after"], re.I)
RETURN_BEFORE_RX = re.compile(R["return_before"], re.I)
RESPECTIVELY_RX = re.compile(R["respectively"], re.I)
PEOPLE_AT_RX = re.compile(r"^\s+(?:[a-z-]+\s+){0,%d}?(?P<noun>%s)\b" % (R["max_between_words"], "|".join(R["people"])),
                          re.I)
# a capitalised word (the demonym) a few words before a people noun; cheap test before the mention lookup
DEMONYM_HINT_RX = re.compile(r"\b[A-Z][\w'-]*\s+(?:[\w-]+\s+){0,%d}(?i:%s)\b" % (R["max_between_words"],
                                                                          "|".join(R["people"])))
PLURAL_HINT_RX = re.compile(r"\b[A-Z][a-z]+s\s+(?:in|to|from|who)\b")
FROM_STATE_RX = re.compile(r"^\s+(?:who\s+(?:have\s+|had\s+)?returned\s+|returning\s+)?from\s+(?:the\s+)?")


def _people_after(text, m):
    """(flow, end of the people noun) for '<demonym> (…) <people>', or a plural demonym ('Filipinos')."""
    pm = PEOPLE_AT_RX.match(text[m.end:])
    if pm:
        return _flow(pm.group("noun")), m.end + pm.end()
    if m.surface.endswith("s") and not m.surface.endswith("ss"):
        return "unspecified", m.end
    return None, None


def _flow_cue(text, start, end, flow):
    """A flow cue word right next to the corridor phrase overrides the flow of the people noun."""
    if REMIT_BEFORE_RX.search(text[max(0, start - 60):start]) or REMIT_AFTER_RX.match(text[end:]):
        return "remittance"
    if FAMILY_AFTER_RX.match(text[end:]):
        return "family"
    return flow


def _state_at(ex, text, pos):
    found = [d for d in coref.actors(ex, text[pos:], STATES) if d.start == 0 and d.via != "demonym"]
    return (found[0].id, pos + found[0].end) if found else (None, pos)


def _demonym_people(ex, doc, i, s, text, sentences):
    """'<demonym> (…) <people> in|to <State>', 'return of <demonym> <people> from <State>', 'its <demonym>
    <people>' (its = the clause subject). A noun phrase 'Tongan health workers in New Zealand' states that they are
    there, so its status comes from the phrase itself, not from the verb of the sentence."""
    if not (DEMONYM_HINT_RX.search(text) or PLURAL_HINT_RX.search(text)):
        return                   # no people noun and no plural demonym: nothing to read (saves the mention lookup)
    for m in (coref.sentence_actors(ex, s, STATES) if text == s.text else coref.actors(ex, text, STATES)):
        if m.via != "demonym":
            continue
        flow, rest_pos = _people_after(text, m)
        if not flow:
            continue
        origin, dest, rule, end, phrase_only = m.id, None, "", rest_pos, False
        im = IN_STATE_RX.match(text[rest_pos:])
        if im:
            dest, end = _state_at(ex, text, rest_pos + im.end())
            g = im.group(0)       # "workers in X" (a state of affairs), not "workers to work in X" (a purpose)
            rule = "corridor.demonym-people-in"
            phrase_only = not re.match(r"^\s+(?:to|who)\s", g) and bool(re.search(r"\bin\s+(?:the\s+)?$", g))
        fm = FROM_STATE_RX.match(text[rest_pos:]) if dest is None else None
        if fm and RETURN_BEFORE_RX.search(text[max(0, m.start - 40):m.start] + text[rest_pos:rest_pos + fm.end()]):
            dest, end = _state_at(ex, text, rest_pos + fm.end())
            rule = "corridor.return-of-demonym-people-from"
        if dest is None and re.search(r"\b(?:its|their)\s+$", text[:m.start]):
            found = coref.subject_of(ex, text[coref_clause_start(text, m.start):m.start], STATES)
            dest, rule = (found, "corridor.its-demonym-people+clause-subject") if found else (None, "")
        if not dest:
            continue
        quals = _quals(doc, text, m.start, end)
        if phrase_only:
            quals["status"] = status_of(text[m.start:end])
        _emit(ex, doc, sentences, origin, dest, _flow_cue(text, m.start, end, flow), rule, quals, False)


def coref_clause_start(text, pos):
    cut = [b.end() for b in BREAK_RX.finditer(text, 0, pos)]
    return cut[-1] if cut else 0


def _from_to(ex, doc, i, s, text, sentences):
    """'<people|migration> from A, B to C, D'; '<people> come to <D> from <A, B>'; remittances reverse."""
    for m in FROM_RX.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        remit = REMIT_RX.search(before)
        people = PEOPLE_ANY.search(before) or re.search(r"\bmigration\b", before, re.I)
        if not (remit or people):
            continue
        origins, end = _list_after(ex, text, m.end())
        if not origins:
            continue
        tm = TO_RX.match(text[end:])
        dests = []
        if tm:
            dests, _ = coref.list_at(ex, text, end + tm.end(), STATES, max_lead=3)
        how = ""
        adjacent = people is not None and people.re is PEOPLE_ANY and not before[people.end():].strip()
        im = IN_AFTER_RX.match(text[end:]) if not dests and adjacent else None
        if im:                  # "migrant workers from Indonesia (working) in Malaysia"
            dests, _ = coref.list_at(ex, text, end + im.end(), STATES, max_lead=3)
            dests = dests[:1] if len(dests) == 1 else []
        cm = COME_TO_RX.search(before)
        if not dests and cm:
            to_text = before[cm.end():]
            dests = coref.actor_ids(ex, to_text, STATES)
            if not dests:
                found = coref.listed_states(ex, doc, i, to_text)
                dests, how = (found[0], "+" + found[1]) if found else ([], "")
        if not dests:
            continue
        pairs, pairing = _pairs(origins, dests, text[_list_end(ex, text, end, tm):] if tm else "")
        if remit and not people:
            flow, pairs, rule = "remittance", [(d, o) for o, d in pairs], "corridor.remittances-from-to"
        else:
            flow = _flow(people.group(0)) if people and _flow(people.group(0)) else "unspecified"
            rule = "corridor.from-to"
        quals = _quals(doc, text, m.start(), end)
        if pairing:
            quals["pairing"] = pairing
        for o, d in pairs:
            _emit(ex, doc, sentences, o, d, flow, rule + how, quals, False)


def _list_end(ex, text, end, tm):
    return coref.list_at(ex, text, end + tm.end(), STATES, max_lead=3)[1]


def _pairs(origins, dests, after):
    """(origin -> destination pairs, pairing): every pair when one side names a single state; in order when the
    lists are paired 'respectively'; for two lists every pair too, but marked 'lists': the text names the flows in
    aggregate ("from A, B and C to D and E"), not each pair."""
    if len(origins) == 1 or len(dests) == 1:
        return [(o, d) for o in origins for d in dests], None
    if len(origins) == len(dests) and RESPECTIVELY_RX.match(after):
        return list(zip(origins, dests)), "respectively"
    return [(o, d) for o in origins for d in dests], "lists"


def _remittances_to(ex, doc, i, s, text, sentences):
    """'migrants in France to easily transfer remittances to Mali': people went Mali -> France."""
    for m in re.finditer(r"\b(?:migrants|workers|emigrants|diaspora)\s+in\s+(?:the\s+)?", text, re.I):
        hosts, end = coref.list_at(ex, text, m.end(), STATES, max_lead=2)
        if len(hosts) != 1:
            continue
        rm = re.match(r"^\s+(?:to\s+|who\s+)?(?:\w+\s+){0,2}(?:(?:transfer|send|sent)\w*\s+(?:money|funds|remittances)|"
                      r"remit\w*(?:\s+(?:money|funds))?)\s+(?:back\s+)?(?:home\s+)?to\s+(?:the\s+)?", text[end:])
        if not rm:
            continue
        homes, _ = coref.list_at(ex, text, end + rm.end(), STATES, max_lead=2)
        for h in homes:
            _emit(ex, doc, sentences, h, hosts[0], "remittance", "corridor.migrants-in-remit-to",
                  _quals(doc, text, m.start(), end + rm.end()), False)


def _programmes(ex, doc, i, s, text, sentences):
    """Programmes whose wording gives the direction."""
    for m in POSS_PROG_RX.finditer(text):            # "Japan's program for trainee nurses from Philippines"
        dest = [d for d in coref.actors(ex, text[:m.start()], STATES) if d.end == m.start()]
        pm = re.match(r"^(?:[a-z-]+\s+){0,2}?(?P<people>(?:" + "|".join(R["people"]) + r"))\s+from\s+(?:the\s+)?",
                      text[m.end():], re.I)
        if dest and pm:
            origins, end = coref.list_at(ex, text, m.end() + pm.end(), STATES, max_lead=2)
            for o in origins:
                _emit(ex, doc, sentences, o, dest[0].id, _flow(pm.group("people")) or "labour",
                      "corridor.programme-for-people-from", _quals(doc, text, m.start(), end), False)
    for m in PROG_WITH_RX.finditer(text):            # "Guatemala sees its temporary agricultural workers program with Canada"
        owner = coref.subject_of(ex, text[coref_clause_start(text, m.start()):m.start()], STATES)
        dests, end = coref.list_at(ex, text, m.end(), STATES, max_lead=3)
        for d in dests:
            _emit(ex, doc, sentences, owner, d, "labour", "corridor.its-workers-programme-with",
                  _quals(doc, text, m.start(), end), True)
    for m in FOREIGN_PROG_RX.finditer(text):         # "the foreign labour program between the UAE and Bangladesh, …"
        parties, end = coref.list_at(ex, text, m.end(), STATES, max_lead=2)
        if len(parties) >= 2:
            for o in parties[1:]:
                _emit(ex, doc, sentences, o, parties[0], "labour", "corridor.foreign-labour-programme-between",
                      _quals(doc, text, m.start(), end), True)


def _known_destination(ex, doc):
    """A labour programme between two states, when this document names exactly one of them as a destination."""
    ends = ex.state.get("corridor_ends", {}).get(doc.doc_id, [])
    dests = {d for _, d in ends}
    origins = {o for o, _ in ends}
    for agr, parties, sentences, phrase in ex.state.get("agreements_made", {}).get(doc.doc_id, []):
        if len(parties) != 2 or not LABOUR_PROG_RX.search(phrase):
            continue
        if any(ex.entity(p).type != "State" for p in parties):
            continue
        known = [p for p in parties if p in dests and p not in origins]
        if len(known) == 1:
            other = parties[1] if known[0] == parties[0] else parties[0]
            if other in dests:
                continue
            text = sentences[0].text
            at = text.find(phrase)
            q = _quals(doc, text, at, at + len(phrase)) if at >= 0 else {"status": status_of(text)}
            _emit(ex, doc, sentences, other, known[0], "labour", "corridor.labour-programme+known-destination", q, True)


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind in ("heading", "table_row"):
            continue
        for rule in (_demonym_people, _from_to, _remittances_to, _programmes):
            rule(ex, doc, i, s, s.text, [s])
    _known_destination(ex, doc)
