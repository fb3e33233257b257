"""Agreements and programmes written in prose, as Agreement entities with a kind, and `party_to` for every party
the sentence names: "Mali has an agreement with France", "the circular migration agreement between Mauritius and
France", "bilateral programs between Mauritius-France/Canada or Mexico-Canada", "pilot programs between France
and Benin, Cameroon, Mali and Senegal, and with Tunisia", "A tripartite agreement among SEGIB, ECLAC and IOM",
"ESCWA and IOM are planning to sign a Memorandum of Understanding", "COMESA, EAC, … all have protocols and
treaties on free movement of people", and convention status tables (signature / ratification years).

Plural nouns with one party on one side ("programs between France and Benin, Cameroon …") are one agreement per
pair; a singular noun is one agreement with every party. Other agreements the sentence names go unrecorded when
a party is only described ("an agreement with 9 countries"), never guessed."""
from __future__ import annotations

import re

from migkg.loaders import coref
from migkg.loaders.context import slug
from migkg.loaders.cues import clause_around, cue_rules, dates_in, time_qualifiers
from migkg.loaders.families.entities import rules

R = rules("agreements")
KINDS = [(re.compile(rf"^(?:{rx})$"), kind) for rx, kind in R["kinds"].items()]
HEAD_RX = "|".join(f"(?:{rx})" for rx in R["kinds"])
HEAD_ONLY_RX = re.compile(rf"\b(?P<head>{HEAD_RX})\b")
STOP = set(R["not_modifiers"]) | set(R["determiners"])
ACRONYM_PAREN = r"(?:\s*\([A-Za-z]{2,8}\))?"     # "a Memorandum of Understanding (MoU) between …"
WITH_RX = re.compile(rf"^{ACRONYM_PAREN}\s+(?:signed\s+|concluded\s+)?with\s+")
BETWEEN_RX = re.compile(r"^" + ACRONYM_PAREN + r"(?:\s+(?:that|which)\b[^.;:]{0,80}?)?,?\s+(?:signed\s+|concluded\s+)?(?:(?:initially|most recently|"
                        r"notably|mainly|mostly)\s+)?(?P<prep>between|among|amongst)\s+")
MORE_BETWEEN_RX = re.compile(r"^,?\s+and\s+(?:(?:most|more)\s+recently|later|also|then)?\s*between\s+")
GROUP_RX = re.compile(R["described_party"])
BREAK_RX = re.compile(cue_rules()["clause_breaks"], re.I)
SIGN_RX = re.compile(rf"\b(?:{R['sign_verbs']})\s+(?:an?\s+|the\s+)?$")
ON_RX = re.compile(r"^\s+on\s+(?P<topic>[a-z][a-z\s-]{3,80}?)(?=\s+in\s+(?:any|the|all)\b|[,.;—]|$)")
HAVE_RX = re.compile(r"\b(?:all\s+)?(?:have|has)\s+$")
FUNDED_RX = re.compile(r"^" + R["funded_by"])
PROG_WORDS = re.compile(r"\b(?:" + "|".join(R["programme_words"]) + r")\b", re.I)
STATUS_HEADING = re.compile(R["status_heading"])
PROGRAMME_NAME_RX = re.compile(R["named_programme"])
PROJECT_NAME_RX = re.compile(R["named_project"])
NOT_NAME_RX = [re.compile(rx) for rx in R["not_programme_names"]]


class NP:
    """A kind noun with the modifiers before it ('the longstanding seasonal agricultural workers program')."""

    def __init__(self, text: str, hm):
        self.head = hm.group("head")
        self._head_start, self._end = hm.start(), hm.end()
        mods_start, kept = hm.start(), 0
        for w in reversed(list(re.finditer(r"[\w/'’-]+", text[:hm.start()]))):
            word = w.group(0)
            if kept >= R["max_modifiers"] or text[w.end():mods_start].strip() or not word[0].islower() \
                    or word.lower() in STOP or (word.endswith("ed") and word not in R["modifier_participles"]):
                break
            mods_start, kept = w.start(), kept + 1
        det = re.search(r"(?:\b(?:an?|the|its|their)\s+)$", text[:mods_start])
        self._start = det.start() if det else mods_start
        self.np = text[mods_start:hm.end()]

    def start(self, part=None):
        return self._head_start if part == "head" else self._start

    def end(self):
        return self._end

    def group(self, name):
        return {"np": self.np, "head": self.head}[name]


def kind_of(head: str) -> str:
    return next(kind for rx, kind in KINDS if rx.match(head))


def phrase_of(np: str, head: str) -> str:
    """'a bilateral labour agreement' -> 'bilateral labour agreement'; plural heads made singular."""
    words = np.split()
    last = words[-1]
    if re.match(r"(?i)treaties$", last):
        pass
    elif re.match(r"(?i)(?:program(?:me)?|agreement|arrangement|scheme|MoU|MOU|convention|protocol)s$", last):
        words[-1] = last[:-1]
    return " ".join(words)


def titled(text: str) -> str:
    small = set(R["small_words"])
    words = text.lower().split()
    return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))


def agreement(ex, kind: str, parties: list[str], phrase: str, date: str | None = None) -> str:
    """The Agreement entity for `parties` and a name phrase ('Mali–Spain agreement')."""
    names = [ex.entity(p).label for p in parties]
    label = "–".join(names) + " " + phrase if len(parties) <= 3 else phrase[:1].upper() + phrase[1:]
    if len(parties) > 3:
        label = f"{label} ({', '.join(names)})"
    return ex.add_entity("Agreement", label, kind, key=slug(label.replace("–", " ")), aliases=[], date=date)


def _emit_parties(ex, doc, sentences, agr, parties, rule, quals, role="party"):
    for p in parties:
        for s in sentences:
            ex.emit(p, "party_to", agr, doc, s, rule=rule, qualifiers={"role": role, **quals}, confidence=0.85)


def _record(ex, doc, sentences, kind, head_np, head, groups, rule, quals, pairwise):
    """One agreement per group of parties; `pairwise` splits (A, [B, C]) into A–B and A–C."""
    phrase = phrase_of(head_np, head)
    if kind == "programme" and not PROG_WORDS.search(phrase):
        return []
    made = []
    for parties in groups:
        parties = [p for k, p in enumerate(parties) if p not in parties[:k]]
        if len(parties) < 2:
            continue
        if pairwise and len(parties) > 2:
            sets = [[parties[0], other] for other in parties[1:]]
        else:
            sets = [parties]
        for ps in sets:
            agr = agreement(ex, kind, ps, phrase, quals.get("date"))
            _emit_parties(ex, doc, sentences, agr, ps, rule, quals)
            ex.state.setdefault("agreements_made", {}).setdefault(doc.doc_id, []).append((agr, ps, sentences, phrase))
            made.append((agr, ps))
    return made


def _quals(doc, text, a, b):
    clause = clause_around(text, a, b)
    q = time_qualifiers(clause, doc.meta.get("date"))
    since = re.search(r"\bsince\s+((?:19|20)\d\d)\b", text[b:b + 40])
    if since:
        q.pop("date", None)
        q["start"] = since.group(1)
    return q


def _with(ex, doc, i, s, text, m, sentences):
    """'<A> has a … agreement with <B, C>', 'its … program with <B>', 'There is also an agreement with <B>'."""
    wm = WITH_RX.match(text[m.end():])
    if not wm:
        return []
    start = m.end() + wm.end()
    right, end = coref.list_at(ex, text, start, ("State", "Organization"))
    if not right:
        return []
    before = text[:m.start()]
    cut = [b.end() for b in BREAK_RX.finditer(before)]
    before = before[cut[-1]:] if cut else before
    left, how = coref.subject_of(ex, before, ("State", "Organization")), ""
    if left is None and re.search(r"\b(?:its|their)\s+\S*\s*$", text[:m.start("head")]) is None and \
            re.search(r"^(?:There is|There are|It has|They have)\b", before.strip()):
        found = coref.item_subject(ex, doc, i, ("State", "Organization"))
        left, how = (found[0], "+" + found[1]) if found else (None, "")
    if left is None and re.search(r"\b(?:its|their)\b", text[max(0, m.start() - 5):m.start("head")]):
        found = coref.previous_subject(ex, doc, i, ("State", "Organization"))
        if found and len(found[0]) == 1:
            left, how = found[0][0], "+" + found[1]
    if left is None or left in right:
        return []
    kind = kind_of(m.group("head"))
    quals = _quals(doc, text, m.start(), end)
    made = _record(ex, doc, sentences, kind, m.group("np"), m.group("head"), [[left] + right],
                   "party_to.agreement-with" + how, quals, pairwise=m.group("head").endswith("s"))
    _funded(ex, doc, s, text, end, made, quals)
    return made


def _funded(ex, doc, s, text, end, made, quals):
    fm = FUNDED_RX.match(text[end:])
    if not fm or len(made) != 1:
        return
    funders, _ = coref.list_at(ex, text, end + fm.end(), ("State", "Organization"))
    for f in funders:
        ex.emit(f, "funds", made[0][0], doc, s, rule="funds.co-funded-agreement",
                qualifiers={"support": "financial", **{k: v for k, v in quals.items() if k != "role"}}, confidence=0.85)


def _between(ex, doc, i, s, text, m, sentences):
    """'<kind> between A and B', 'between A-B/C or D-E', 'among A, B and C', '<schemes> …, initially between A and
    Caribbean states, and most recently between B, C and several Pacific island states'."""
    bm = BETWEEN_RX.match(text[m.end():])
    if not bm:
        return []
    made, start, prep = [], m.end() + bm.end(), bm.group("prep")
    while True:
        made += _one_between(ex, doc, s, text, m, sentences, start, prep)
        nxt = BREAK_RX.search(text, start)
        more = MORE_BETWEEN_RX.match(text[_list_end(ex, text, start):])
        if not more or (nxt and nxt.start() < _list_end(ex, text, start)):
            return made
        start = _list_end(ex, text, start) + more.end()


def _list_end(ex, text, start):
    parties, end = coref.list_at(ex, text, start, ("State", "Organization"))
    gm = GROUP_RX.match(text[end:])
    return end + gm.end() if gm else end


def _one_between(ex, doc, s, text, m, sentences, start, prep):
    nxt = BREAK_RX.search(text, start)
    clause_end = nxt.start() if nxt else len(text)
    kind, head = kind_of(m.group("head")), m.group("head")
    plural = head.endswith("s")
    pairs = coref.hyphen_pairs(ex, text[start:clause_end])
    if pairs:
        quals = _quals(doc, text, m.start(), clause_end)
        return _record(ex, doc, sentences, kind, m.group("np"), head, [list(p) for p in pairs],
                       "party_to.agreement-between-pairs", quals, pairwise=False)
    parties, end = coref.list_at(ex, text, start, ("State", "Organization"))
    gm = GROUP_RX.match(text[end:])
    if parties and gm and prep == "between":
        # a party only described ("Caribbean states"): it names the agreement, it gets no statement
        quals = _quals(doc, text, m.start(), end + gm.end())
        group = re.sub(r"^(?:several|other|some|many|various|the)\s+", "", gm.group("group"))
        phrase = phrase_of(m.group("np"), head)
        if kind == "programme" and not PROG_WORDS.search(phrase):
            return []
        made = []
        for p in parties:
            label = f"{ex.entity(p).label}–{group} {phrase}"
            agr = ex.add_entity("Agreement", label, kind, key=slug(label.replace("–", " ")), aliases=[],
                                date=quals.get("date"))
            _emit_parties(ex, doc, sentences, agr, [p], "party_to.agreement-between-described", quals)
            made.append((agr, [p]))
        return made
    if len(parties) < 2:
        return []
    quals = _quals(doc, text, m.start(), end)
    if prep == "between" and plural:
        return _record(ex, doc, sentences, kind, m.group("np"), head, [parties], "party_to.agreement-between",
                       quals, pairwise=True)
    if prep == "between" and len(parties) > 2 and kind != "programme":
        return []    # "an agreement between A and B, C and D": which pairs is not clear; say nothing
    return _record(ex, doc, sentences, kind, m.group("np"), head, [parties], "party_to.agreement-" + prep,
                   quals, pairwise=False)


def _signed(ex, doc, i, s, text, m, sentences):
    """'A and B (have) signed a(n) <kind>', 'A and B are planning to sign a Memorandum of Understanding'."""
    sm = SIGN_RX.search(text[:m.start()])
    if not sm:
        return []
    parties, rule = coref.actors_before(ex, text, sm.start(), ("State", "Organization")), "party_to.signed"
    if parties and _object_of_preposition(ex, text, sm.start(), parties[0]):
        parties = []       # "Experts from Kenya and Uganda signed …": the signers are not the states
    if len(parties) < 2:
        parties, rule = _government_bodies(ex, text, sm.start()), "party_to.signed+government-body"
    if len(parties) < 2:
        return []
    head = m.group("head")
    quals = _quals(doc, text, sm.start(), m.end())
    return _record(ex, doc, sentences, kind_of(head), m.group("np"), head, [parties], rule, quals, pairwise=False)


GOV_BODY_RX = re.compile(R["government_body"])


def _object_of_preposition(ex, text, end, first):
    """The listed subject starts after a preposition ('Experts from A and B') that no agency name explains."""
    mention = next((a for a in reversed(coref.actors(ex, text[:end], ("State", "Organization"))) if a.id == first), None)
    if mention is None:
        return False
    before = text[max(0, mention.start - 120):mention.start]
    return bool(re.search(r"\b(?:from|of|in|for|by)\s+(?:the\s+)?$", before)) and not GOV_BODY_RX.search(before)


def _government_bodies(ex, text, end):
    """'the State Migration Service of the Kyrgyz Republic and the Migration Service of the Ministry of Labour, …
    of Tajikistan signed …': government agencies sign for their states, so the states are the parties. Every
    actor of the subject must be the state of such an agency name."""
    start = max((b.end() for b in BREAK_RX.finditer(text, 0, end)), default=0)
    cm = re.search(r",\s*(?=the\s+[A-Z])", text[start:end])          # a fronted phrase: "On the margins of X, the …"
    start = start + cm.end() if cm and not re.search(r"\band\b", text[start:start + cm.start()]) else start
    subject = text[start:end]
    found = coref.actors(ex, subject, ("State", "Organization"))
    states = []
    for a in found:
        e = ex.entity(a.id)
        if e.type != "State" or a.via == "demonym" or not GOV_BODY_RX.search(subject[max(0, a.start - 120):a.start]):
            return []
        if a.id not in states:
            states.append(a.id)
    return states


def _have_on(ex, doc, i, s, text, m, sentences):
    """'COMESA, the EAC, … and UEMOA—all have protocols and treaties on free movement of people': each party to
    the instruments named by the topic."""
    hm = HAVE_RX.search(text[:m.start()])
    om = ON_RX.match(text[m.end():])
    if not hm or not om:
        return []
    parties = coref.actors_before(ex, text, hm.start(), ("State", "Organization"))
    if not parties and text[:hm.start()].rstrip().endswith(("—", "-", "–")):
        parties = coref.actors_before(ex, text, len(text[:hm.start()].rstrip()) - 1, ("State", "Organization"))
    if not parties:
        return []
    head = m.group("head")
    label = f"{phrase_of(m.group('np'), head)} on {om.group('topic').strip()}"
    label = label[:1].upper() + label[1:]
    agr = ex.add_entity("Agreement", label, kind_of(head.split()[0]), aliases=[])
    quals = _quals(doc, text, hm.start(), m.end() + om.end())
    # States that "have" instruments are their parties; an organisation that "has" protocols on a topic is the body
    # that adopted them (its member states are the parties), so it gets that role, never "party".
    states = [p for p in parties if ex.entity(p).type == "State"]
    bodies = [p for p in parties if p not in states]
    _emit_parties(ex, doc, sentences, agr, states, "party_to.have-instruments-on", quals)
    _emit_parties(ex, doc, sentences, agr, bodies, "party_to.have-instruments-on", quals, role="adopting_body")
    return [(agr, parties)]


def _status_table(ex, doc, i, s, state):
    """Rows under 'STATUS OF THE <CONVENTION> (<as of>)': each state with the year of each act it performed."""
    hm = STATUS_HEADING.match(s.text.strip()) if s.kind != "table_row" else None
    if hm:
        name = titled(hm.group("name")) if hm.group("name").isupper() else hm.group("name")
        agr = ex.registry.resolve(name) or ex.add_entity("Agreement", name, "convention", aliases=[])
        state["table"] = {"agreement": agr, "columns": None, "at": i}
        return
    table = state.get("table")
    if not table:
        return
    if s.kind != "table_row" or i - table["at"] > 60:
        if s.kind == "heading" or (s.kind == "prose" and i - table["at"] > 1):
            state["table"] = None
        return
    cells = [c.strip() for c in (s.cells or [])]
    acts = {k: act for k, c in enumerate(cells) for rx, act in R["act_columns"].items() if re.fullmatch(rx, c)}
    if acts:
        table["columns"] = acts
        return
    if not table["columns"]:
        return
    for k, cell in enumerate(cells):
        states = coref.actor_ids(ex, cell, ("State",))
        if len(states) != 1:
            continue
        for j in range(k + 1, len(cells)):
            if j not in table["columns"]:
                if coref.actor_ids(ex, cells[j], ("State",)):
                    break
                continue
            years = dates_in(cells[j])
            if years:
                ex.emit(states[0], "party_to", table["agreement"], doc, s, rule="party_to.status-table",
                        qualifiers={"role": "party" if table["columns"][j] != "signature" else "signatory",
                                    "act": table["columns"][j], "date": years[0], "status": "actual"},
                        confidence=0.95)


ACT_RX = re.compile(r"(?<=[\w)])\s+(?:(?:has|have|had)\s+)?(?:(?:also|recently|already|subsequently)\s+)?(?P<verb>"
                    + "|".join(R["instrument_acts"]) + r")\s+(?:the\s+)?")
INSTRUMENT_RX = re.compile(R["instrument_name"])


def _instrument_acts(ex, doc, i, s, text, sentences):
    """'<States> ratified|acceded to|signed the <named convention>': each state with the act (and its year)."""
    for m in ACT_RX.finditer(text):
        nm = INSTRUMENT_RX.match(text, m.end())
        if not nm:
            continue
        name = nm.group("name").strip()
        if name in ("Convention", "Protocol", "Covenant", "Charter"):
            found = coref.definite(ex, doc, i, name, text[:m.start()])
            agr = found[0] if found else None
        else:
            agr = ex.registry.resolve(name) or ex.add_entity("Agreement", name, "convention", aliases=[], names=[name])
        states = coref.actors_before(ex, text, m.start(), ("State",))
        if not agr or not states or _object_of_preposition(ex, text, m.start(), states[0]):
            continue
        act = next(a for rx, a in R["instrument_acts"].items() if re.fullmatch(rx, m.group("verb")))
        quals = _quals(doc, text, m.start(), nm.end())
        quals.update({"role": "signatory" if act == "signature" else "party", "act": act})
        for st in states:
            for sent in sentences:
                ex.emit(st, "party_to", agr, doc, sent, rule="party_to.instrument-act", qualifiers=quals,
                        confidence=0.85)


def programmes_in(ex, text: str) -> list[tuple[int, int, str]]:
    """(start, end, id) of the programmes, projects and initiatives `text` names in title case ("the International
    Migration Policy Programme", "the development account project Strengthening National Capacities to Deal with
    International Migration"); their Agreement entities are made when a statement first needs them."""
    out = []
    for m in PROGRAMME_NAME_RX.finditer(text):
        lead = re.match(r"^(?:(?:The|the|A|An|In|Under|Within|Among|Such)\s+)+", m.group("name"))
        name = m.group("name")[lead.end() if lead else 0:].strip()
        words = name.split()
        long_enough = len(words) >= 3 or re.search(r"\s(?:on|for|of)\s", name)
        if long_enough and not any(rx.search(name) for rx in NOT_NAME_RX):
            known = ex.registry.resolve(name)
            out.append((m.start("name") + (lead.end() if lead else 0), m.end("name"),
                        known or ex.add_entity("Agreement", name, "programme", aliases=[])))
    for m in PROJECT_NAME_RX.finditer(text):
        name = re.split(r":|\s+(?:and|with|to)$", m.group("name"))[0].strip()
        if len(name.split()) >= 3:
            out.append((m.start("name"), m.start("name") + len(name),
                        ex.add_entity("Agreement", name, "programme", aliases=[f"{m.group('lead')} {name}"])))
    return out


def extract(doc, ex):
    state = {}
    for i, s in enumerate(doc.sentences):
        _status_table(ex, doc, i, s, state)
        if s.kind in ("heading", "table_row"):
            continue
        sentences = [s]
        text = s.text
        nxt = coref.continuation(doc, i)
        if nxt is not None:
            text = s.text + " " + nxt.text
            sentences = [s, nxt]
        _instrument_acts(ex, doc, i, s, s.text, [s])
        for hm in HEAD_ONLY_RX.finditer(text):
            if hm.start() >= len(s.text):
                break
            m = NP(text, hm)
            for rule in (_with, _between, _signed, _have_on):
                if rule(ex, doc, i, s, text, m, sentences):
                    break
    ex.state.setdefault("agreements_done", set()).add(doc.doc_id)
