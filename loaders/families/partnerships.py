"""Partnerships and support written in prose.

`partners_with` (symmetric; `context` = the programme or event it is about when the sentence names one):
"UNFPA continues its collaboration with UNITAR and IOM", "a partnership between WHO, ILO and IOM", "Both have
partnered with Microsoft", "IOM was working with the Government of Mauritius and the European Commission to
establish a circular migration programme …", "Sweden – together with Brazil, Morocco … – took the initiative to
establish the Global Commission …", "In close cooperation with the African Union Commission, the Netherlands …",
"The UAE and Switzerland co-organized …".
`supports` (role secretariat / technical_support / implementing / lead): "the ASEAN Secretariat, assisted by
the ILO, IOM and UNIFEM, has been convening the ASEAN Forum …", "SAMP, which together with IOM serves as the
secretariat of MIDSA", "<the regional commissions> will execute the project", "the Netherlands takes the lead …
in the Diaspora Outreach Initiative"."""
from __future__ import annotations

import re

from migkg.loaders import coref
from migkg.loaders.cues import clause_around, cue_rules, time_qualifiers
from migkg.loaders.families.agreements import programmes_in
from migkg.loaders.families.entities import rules

R = rules("partnerships")
ACTORS = ("State", "Organization", "Process")
# word cues must start a word; "together with" starts at its dash or comma, glued to the word before
WITH_RX = [(name, re.compile(("" if name == "together-with" else r"(?<!\w)") + rf"(?:{rx})\s+(?:the\s+)?", re.I))
           for name, rx in R["with_cues"].items()]
BETWEEN_RX = re.compile(R["between"], re.I)
ASSISTED_RX = re.compile(R["assisted_by"], re.I)
ASSISTED_VERB_RX = re.compile(r"^,?\s*" + R["assisted_verbs"], re.I)
SUPPORT_OF_RX = re.compile(R["support_of"], re.I)
IMPLEMENT_RX = re.compile(R["implement"], re.I)
SECRETARIAT_RX = re.compile(R["secretariat"], re.I)
ITS_SECRETARIAT_RX = re.compile(R["its_secretariat"], re.I)
LEAD_RX = re.compile(R["lead"], re.I)
INITIATIVE_RX = re.compile(R["initiative"], re.I)
CO_ORGANISED_RX = re.compile(R["co_organised"], re.I)
BREAK_RX = re.compile(cue_rules()["clause_breaks"], re.I)
REFERRING_RX = re.compile(r"\b(?:this|the)\s+(?:initiative|partnership|programme|program|project)\b", re.I)


def _quals(doc, text, a, b, context=None):
    q = time_qualifiers(clause_around(text, a, b), doc.meta.get("date"))
    if context:
        q["context"] = context
    return q


def _clause_start(text, pos):
    cut = [m.end() for m in BREAK_RX.finditer(text, 0, pos)]
    return cut[-1] if cut else 0


def _subject(ex, doc, i, text, pos):
    """Who the clause ending at `pos` is about, with the reference rule used ('' when named in the clause)."""
    head = text[_clause_start(text, pos):pos]
    one = coref.subject_of(ex, head + " has", ACTORS) if head.strip() else None
    if one is None:
        near = re.search(r"(?P<who>[^,;]*?)\s+to\s+(?:establish|form|set up|build|launch)\s+(?:a\s+|an\s+)?$", head)
        if near:
            ids = coref.actor_ids(ex, near.group("who"), ACTORS)
            one = ids[-1] if ids else None
    if one:
        return [one], ""
    if re.search(r"\b(?:its|their|Both|They|It)\b", head) or REFERRING_RX.search(head):
        ref = ex.state.get("initiatives", {}).get((doc.doc_id, i - 1)) if REFERRING_RX.search(head) else None
        if ref:
            return [ref], "+this-initiative"
        found = coref.previous_subject(ex, doc, i, ACTORS)
        if found:
            return found[0], "+" + found[1]
    return [], ""


def _context(ex, text, start):
    """The programme or event the rest of the clause names ('to establish a circular migration programme …')."""
    progs = programmes_in(ex, text[start:])
    return progs[0][2] if progs else None


def _pair(ex, doc, sentences, a, b, rule, quals):
    for s in sentences:
        ex.emit(a, "partners_with", b, doc, s, rule=rule, qualifiers=quals, confidence=0.85)


def _with_cues(ex, doc, i, s, text, sentences):
    for name, rx in WITH_RX:
        for m in rx.finditer(text):
            partners, end = coref.list_at(ex, text, m.end(), ACTORS, max_lead=5)
            if not partners:
                continue
            subjects, how = _subject(ex, doc, i, text, m.start())
            if not subjects and name in ("collaboration", "partnership"):
                # "In close cooperation with B, A is looking for …": the subject follows the comma
                after = re.match(r"^\s*,\s*", text[end:])
                if after and m.start() - _clause_start(text, m.start()) < 25:
                    one = coref.subject_of(ex, text[end + after.end():], ACTORS)
                    subjects = [one] if one else []
            if not subjects and name in ("collaboration", "partnership"):
                # "organized by A (and B) in cooperation with C": the agents of the passive verb
                agents = coref.actors_before(ex, text, m.start(), ACTORS)
                first = [a for a in coref.actors(ex, text[:m.start()], ACTORS) if agents and a.id == agents[0]]
                if first and re.search(r"\bby\s+(?:the\s+)?$", text[:first[-1].start]):
                    subjects, how = agents, "+by-agent"
            fronted = re.match(r"^[^,]{0,60},\s*", text[end:])
            if how and re.search(r"\b(?:its|their)\b", text[_clause_start(text, m.start()):m.start()]) and fronted:
                one = coref.subject_of(ex, text[end + fronted.end():], ACTORS)
                subjects, how = ([one], "+following-subject") if one else ([], "")
            if name == "together-with":
                subjects = coref.actors_before(ex, text, m.start(), ACTORS)[-1:]
            context = _context(ex, text, end)
            if not context:
                im = INITIATIVE_RX.search(text, end)
                if im:
                    after = coref.actors(ex, text[im.end():im.end() + 80], ("Process", "Organization"))
                    context = after[0].id if after and after[0].start < 3 else None
            quals = _quals(doc, text, m.start(), end, context)
            for a in subjects:
                for b in partners:
                    if a != b:
                        _pair(ex, doc, sentences, a, b, f"partners_with.{name}{how}", quals)
            if subjects and re.search(r"\bpartnership\b", m.group(0)):
                ex.state.setdefault("initiatives", {})[(doc.doc_id, i)] = subjects[0]


def _between(ex, doc, i, s, text, sentences):
    for m in BETWEEN_RX.finditer(text):
        parties, end = coref.list_at(ex, text, m.end(), ACTORS, max_lead=5)
        quals = _quals(doc, text, m.start(), end)
        for k, a in enumerate(parties):
            for b in parties[k + 1:]:
                _pair(ex, doc, sentences, a, b, "partners_with.partnership-between", quals)


def _co_organised(ex, doc, i, s, text, sentences):
    for m in CO_ORGANISED_RX.finditer(text):
        if m.group(0).rstrip().endswith("by"):
            parties, end = coref.list_at(ex, text, m.end(), ACTORS, max_lead=5)
        else:
            parties, end = coref.actors_before(ex, text, m.start(), ACTORS), m.end()
        if len(parties) < 2:
            continue
        quals = _quals(doc, text, m.start(), end)
        for k, a in enumerate(parties):
            for b in parties[k + 1:]:
                _pair(ex, doc, sentences, a, b, "partners_with.co-organised", quals)


def _supports(ex, doc, i, s, text, sentences, target, supporters, role, rule, a, b, local=False):
    quals = time_qualifiers(text[a:b + 60], doc.meta.get("date")) if local else _quals(doc, text, a, b)
    quals["role"] = role
    for sup in supporters:
        for sent in sentences:
            ex.emit(sup, "supports", target, doc, sent, rule=rule, qualifiers=quals, confidence=0.85)


def _assisted(ex, doc, i, s, text, sentences):
    for m in ASSISTED_RX.finditer(text):
        helpers, end = coref.list_at(ex, text, m.end(), ACTORS, max_lead=5)
        vm = ASSISTED_VERB_RX.match(text[end:])
        if not helpers or not vm:
            continue
        start = end + vm.end()
        targets = [t for t in coref.actors(ex, text[start:start + 120], ("Process", "Event", "Organization", "Agreement"))
                   if t.start < 3]
        target = _event_named(ex, doc, text[start:]) or (targets[0].id if targets else None)
        if target:
            _supports(ex, doc, i, s, text, sentences, target, helpers, "technical_support", "supports.assisted-by",
                      m.start(), start)


def _event_named(ex, doc, text):
    """A capitalised event name at the start of `text` ('ASEAN Forum on Migrant Labour'), as an Event."""
    from migkg.loaders.families.events import NAME_RX, _kind, make_event
    m = NAME_RX.match(text)
    if not m:
        return None
    name = m.group("name").strip()
    kind_word = re.search(r"(Forum|Meeting|Conference|Dialogue|Consultations?|Seminar|Workshop|Symposium|Summit)", name)
    if not kind_word or len(name.split()) < 3:
        return None
    return make_event(ex, doc, name, _kind(kind_word.group(1)), None, None)


def _secretariat(ex, doc, i, s, text, sentences):
    for m in SECRETARIAT_RX.finditer(text):
        targets = [t for t in coref.actors(ex, text[m.end():m.end() + 120], ("Process", "Organization", "Event")) if t.start < 3]
        if not targets:
            continue
        who = coref.actors_before(ex, text, m.start(), ACTORS)[-1:]
        if m.group("with"):
            who += coref.actor_ids(ex, m.group("with"), ACTORS)
        _supports(ex, doc, i, s, text, sentences, targets[0].id, [w for w in who if w != targets[0].id],
                  "secretariat", "supports.serves-as-secretariat", m.start(), m.end(), local=True)
    for m in ITS_SECRETARIAT_RX.finditer(text):
        subjects, how = _subject(ex, doc, i, text, m.start() + 4)
        who, _ = coref.list_at(ex, text, m.end(), ("Organization", "State"), max_lead=5)
        if len(subjects) == 1 and who:
            _supports(ex, doc, i, s, text, sentences, subjects[0], who, "secretariat",
                      "supports.its-secretariat" + how, m.start(), m.end())


def _implement(ex, doc, i, s, text, sentences):
    for m in IMPLEMENT_RX.finditer(text):
        who = coref.actors_before(ex, text, m.start(), ("Organization", "State"))
        if not who:
            who = coref.actor_ids(ex, text[_clause_start(text, m.start()):m.start()], ("Organization", "State"))
        target = None
        for j in range(i, max(-1, i - 4), -1):
            progs = programmes_in(ex, doc.sentences[j].text if j != i else text[:m.start()])
            if progs:
                target = progs[-1][2]
                break
        if who and target:
            _supports(ex, doc, i, s, text, sentences, target, who, "implementing",
                      "supports.implement-the-project+definite-project", m.start(), m.end())


def _lead(ex, doc, i, s, text, sentences):
    for m in LEAD_RX.finditer(text):
        progs = [p for p in programmes_in(ex, text[m.end():m.end() + 120]) if p[0] < 3]
        subjects, how = _subject(ex, doc, i, text, m.start())
        if progs and len(subjects) == 1:
            _supports(ex, doc, i, s, text, sentences, progs[0][2], subjects, "lead", "supports.takes-the-lead" + how,
                      m.start(), m.end())


PREPARATION_RX = re.compile(R["preparation"], re.I)
MEETING_REF_RX = re.compile(R["meeting_reference"])
JOINT_RX = re.compile(R["joint_action"], re.I)


def _event_of_sentence(ex, doc, s, text, pos):
    """The event a sentence says was hosted/organised: the object of an Event `hosts` statement already drawn from
    this sentence, an event named before `pos`, or — for 'It'/'The meeting' — the document's own meeting."""
    for st in ex.statements.values():
        if st.predicate == "hosts" and any(e.doc == doc.doc_id and e.start == s.start for e in st.evidence):
            if ex.entity(st.object).type == "Event":
                return st.object, "+hosted-event"
    named = coref.actors(ex, text[:pos], ("Event",))
    if named:
        return named[-1].id, ""
    if MEETING_REF_RX.match(text):
        from migkg.loaders.families.entities import doc_event
        own = doc_event(ex, doc)
        if own:
            return own, "+own-meeting"
    return None, ""


def _support_of(ex, doc, i, s, text, sentences):
    """'It was hosted by X, with the technical support of IOM and UNHCR', 'a workshop, organized by OHCHR with the
    support of the Government of Mexico': the supporters support the event (financial support is funding)."""
    for m in SUPPORT_OF_RX.finditer(text):
        helpers, end = coref.list_at(ex, text, m.end(), ("State", "Organization"), max_lead=5)
        if not helpers:
            continue
        target, how = _event_of_sentence(ex, doc, s, text, m.start())
        if not target:
            progs = [p for p in programmes_in(ex, text[_clause_start(text, m.start()):m.start()])]
            target = progs[-1][2] if progs else None
        if not target:
            continue
        kind = (m.group("kind") or "").lower()
        quals = _quals(doc, text, m.start(), end)
        for h in helpers:
            for sent in sentences:
                if kind == "financial":
                    ex.emit(h, "funds", target, doc, sent, rule="funds.financial-support-of" + how,
                            qualifiers={**quals, "support": "financial"}, confidence=0.85)
                else:
                    q = {**quals, **({"role": "technical_support"} if kind == "technical" else {})}
                    ex.emit(h, "supports", target, doc, sent, rule="supports.with-support-of" + how, qualifiers=q,
                            confidence=0.85)


def _joint(ex, doc, i, s, text, sentences):
    """'UNICEF and UNHCR will prepare a joint regional protection framework', 'A and B jointly launched …': the
    actors of the coordinated subject work together."""
    if "joint" not in text.lower():
        return
    for m in JOINT_RX.finditer(text):
        found = [a for a in coref.actors(ex, text[:m.start()], ACTORS)]
        parties = coref.actors_before(ex, text, m.start(), ACTORS)
        if len(parties) < 2:
            continue
        first = [a for a in found if a.id == parties[0]][-1]
        lead = text[_clause_start(text, m.start()):first.start]
        if re.search(r"\b(?:of|from|with|by|for|in|between|among)\s+(?:the\s+)?$", lead):
            continue          # "representatives of A and B will …": the list is not the subject
        quals = _quals(doc, text, m.start(), m.end())
        for k, a in enumerate(parties):
            for b in parties[k + 1:]:
                _pair(ex, doc, sentences, a, b, "partners_with.joint-action", quals)


def _preparation(ex, doc, i, s, text, sentences):
    """'… partners were associated with the preparation of the session: the Governments of A as prior Chair …, B,
    C': every State or Organization listed (bodies they chair or host are Processes and stay out)."""
    m = PREPARATION_RX.search(text)
    found = coref.session(ex, doc, i) if m else None
    if not found:
        return
    who = [a.id for a in coref.actors(ex, text[m.end():], ("State", "Organization"))
           if not re.search(r"\b(?:[Cc]hair|host|secretariat|members?)\s+(?:of|for)\s+(?:the\s+)?$", text[m.end():][:a.start])]
    _supports(ex, doc, i, s, text, sentences, found[0], list(dict.fromkeys(who)), "technical_support",
              "supports.session-preparation+" + found[1], m.start(), m.end(), local=True)


def extract(doc, ex):
    for i, s in enumerate(doc.sentences):
        if s.kind in ("heading", "table_row"):
            continue
        sentences, text = [s], s.text
        low = text.lower()
        for rule in RULES:
            if any(word in low for word in RULE_WORDS[rule.__name__]):
                rule(ex, doc, i, s, text, sentences)


# A rule runs only on sentences holding one of its words (its regular expressions cannot match otherwise).
RULE_WORDS = {
    "_with_cues": ("with",), "_between": ("partnership",), "_co_organised": ("organi", "host", "convened"),
    "_assisted": ("assisted", "supported"), "_secretariat": ("secretariat",),
    "_implement": ("execut", "implement", "carr"), "_lead": ("lead",), "_preparation": ("preparation",),
    "_support_of": ("support",), "_joint": ("joint",),
}
RULES = (_with_cues, _between, _co_organised, _assisted, _secretariat, _implement, _lead, _preparation, _support_of,
         _joint)
