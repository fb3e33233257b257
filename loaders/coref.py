"""References within one document, for the prose families: "the Forum" -> the Forum the document last named,
"They"/"its" -> the subject of the previous sentence of the same paragraph, "the above countries" -> the states of
the previous sentence, "the session" -> the session heading the sentence sits under.

Every resolver returns the id *and* the name of the rule it used, so a statement built on a reference records it
in its `rule` ("partners_with.collaboration-with+previous-subject"). When nothing in the document fits, a resolver
returns None and no statement is made.
"""
from __future__ import annotations

import re
from functools import lru_cache

from migkg.loaders.families.entities import rules, session_of

ACTOR_TYPES = ("State", "Organization", "Process")
# The first finite verb of a clause ends the place where its subject can be.
VERB_RX = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|shall|can|could|may|signed|launched|continues?|"
                     r"offers?|runs?|sees|took|takes|set|co-?organi[sz]ed|established|provides?|leads?|supports?|"
                     r"supported|assisted|implement\w*|partnered|worked|works|helps?|promot\w+|also)\b")
DANGLING_RX = re.compile(r"\b(?:with|between|among|and|of|to|from|by)$")


class Span:
    """A piece of text that `ex.mentions` can look up like a sentence."""

    def __init__(self, text: str):
        self.text, self.start = text, -3


@lru_cache(maxsize=1)
def R() -> dict:
    return rules("coref")


def actors(ex, text: str, types=ACTOR_TYPES):
    """Actor mentions in `text` (registry and discovered names), in order."""
    out = []
    for m in ex.mentions(Span(text)):
        e = ex.entity(m.id)
        if e is not None and e.type in types:
            out.append(m)
    return out


def sentence_actors(ex, sentence, types=ACTOR_TYPES):
    """Actor mentions of a whole sentence, through the mention cache other families already filled for it."""
    return [m for m in ex.mentions(sentence) if (e := ex.entity(m.id)) is not None and e.type in types]


def actor_ids(ex, text: str, types=ACTOR_TYPES) -> list[str]:
    seen = []
    for m in actors(ex, text, types):
        if m.id not in seen:
            seen.append(m.id)
    return seen


def subject_of(ex, text: str, types=ACTOR_TYPES) -> str | None:
    """The actor a clause is about: the first actor named before its first verb ("Mali has an agreement ...",
    "Within the EU, the Netherlands takes the lead ...")."""
    v = VERB_RX.search(text)
    head = text[:v.start()] if v else ""
    tail = head.rstrip(" ,").rsplit(",", 1)[-1]
    ids = actor_ids(ex, tail, types) or actor_ids(ex, head, types)
    return ids[0] if len(ids) == 1 else None


def subjects_of(ex, text: str, types=ACTOR_TYPES) -> list[str]:
    """All actors of a coordinated subject ("Philippines and Sri Lanka are also ...")."""
    v = VERB_RX.search(text)
    head = text[:v.start()] if v else ""
    return actor_ids(ex, head, types) if head and not re.search(r"[,;:]\s*$", head) else []


def previous_in_paragraph(doc, i: int):
    """The sentence before `i` in the same paragraph (the corpus writes one paragraph per line), or None."""
    if i <= 0:
        return None
    s, p = doc.sentences[i], doc.sentences[i - 1]
    return p if p.line == s.line and p.kind == s.kind else None


def paragraph_head(doc, i: int):
    """The first sentence of the paragraph or list item sentence `i` belongs to."""
    j = i
    while j > 0 and doc.sentences[j - 1].line == doc.sentences[i].line and doc.sentences[j - 1].kind == doc.sentences[i].kind:
        j -= 1
    return doc.sentences[j]


def previous_subject(ex, doc, i: int, types=ACTOR_TYPES) -> tuple[list[str], str] | None:
    """What "They", "Both", "its" stand for: the subject(s) of the previous sentence of the paragraph."""
    p = previous_in_paragraph(doc, i)
    if p is None:
        return None
    many = subjects_of(ex, p.text, types)
    if len(many) > 1:
        return many, "previous-subject"
    one = subject_of(ex, p.text, types)
    return ([one], "previous-subject") if one else None


def item_subject(ex, doc, i: int, types=ACTOR_TYPES) -> tuple[str, str] | None:
    """The actor a paragraph or list item is about: the subject of its first sentence."""
    head = paragraph_head(doc, i)
    if head is doc.sentences[i]:
        return None
    one = subject_of(ex, head.text, types)
    return (one, "item-subject") if one else None


def listed_states(ex, doc, i: int, text: str) -> tuple[list[str], str] | None:
    """'the above countries' -> the states the previous sentence names."""
    if not re.search(R()["listed_states"], text, re.I) or i == 0:
        return None
    for j in range(i - 1, max(-1, i - 4), -1):      # the nearest earlier sentence that lists countries (plural)
        if doc.sentences[j].kind == "heading":
            break
        states = actor_ids(ex, doc.sentences[j].text, ("State",))
        if len(states) >= 2:
            return states, "above-countries"
    return None


def definite(ex, doc, i: int, head: str, before: str = "") -> tuple[str, str] | None:
    """'the <head>' -> the nearest earlier entity (this sentence first, then back `window` sentences, then the
    document title) whose label or aliases contain <head> as a word and whose type fits."""
    types = R()["definite"].get(head)
    if not types:
        return None
    word = re.compile(rf"\b{re.escape(head)}\b")

    def fits(mentions):
        for m in reversed(mentions):
            e = ex.entity(m.id)
            if e is not None and e.type in types and any(word.search(n) for n in [e.label, *e.aliases]):
                return m.id
        return None

    found = fits(ex.mentions(Span(before)))
    if found:
        return found, "definite-" + head.lower()
    for j in range(i - 1, max(-1, i - 1 - R()["window"]), -1):
        found = fits(ex.mentions(doc.sentences[j]))
        if found:
            return found, "definite-" + head.lower()
    title = str(doc.meta.get("title") or "")
    found = fits(ex.mentions(Span(title)))
    return (found, "definite-" + head.lower() + "-title") if found else None


def session(ex, doc, i: int) -> tuple[str, str] | None:
    """'the session' -> the session whose heading the sentence sits under."""
    at = session_of(ex, doc, i)
    return (at[0], "the-session") if at else None


def continuation(doc, i: int):
    """The next sentence when sentence `i` stops on a dangling word ('There is also an agreement with' + page
    break + 'Spain that allows ...'): the two read as one clause."""
    s = doc.sentences[i]
    if i + 1 < len(doc.sentences) and DANGLING_RX.search(s.text.rstrip()) and doc.sentences[i + 1].kind in ("prose", "list_item", "line"):
        return doc.sentences[i + 1]
    return None


# --- lists of actors ------------------------------------------------------------------------------------------
GOVERNMENT_OF_RX = re.compile(r"\s*(?:the\s+)?(?:Governments?|government|governments)\s+of\s+(?:the\s+)?")
# A capitalised word glued to a mention makes a longer name the registry does not know ("ASEAN Task Force",
# "UNICEF Representative"): the mention is a modifier of that name.
MODIFIER_RX = re.compile(r" (?!(?:and|or|of|in|on|for|to|the|with|as|at|by|from)\b)[A-Z][a-z]+\b")
GROUP_NOUN_RX = re.compile(r"^\s+(?:member\s+)?(?:countries|states|nations|partners|citizens|governments)\b", re.I)
SUBJECT_VERB_RX = re.compile(r"^\s+(?:is|are|was|were|has|have|had|will|would|can|could|took|takes)\b")
LIST_GAP_RX = re.compile(r"^(?:\s|,|;|/|\(|\)|\band\b|\bor\b|\bas well as\b|\bwith\b|\bthe\b|\bGovernments? of\b|"
                         r"\bgovernments? of\b|[—–-])*$")


def list_at(ex, text: str, pos: int, types=ACTOR_TYPES, max_lead: int = 25) -> tuple[list[str], int]:
    """The actors listed from `pos` on ("France and Benin, Cameroon, Mali and Senegal, and with Tunisia"):
    consecutive mentions separated only by commas, 'and', 'or', slashes, dashes or articles. Returns the ids and
    where the list ends; the first mention must come within `max_lead` characters."""
    lead = GOVERNMENT_OF_RX.match(text, pos)       # "with the Government of Guatemala": the state itself
    if lead:
        pos = lead.end()
    out, last = [], pos
    for m in actors(ex, text, types):
        if m.start < pos:
            continue
        if MODIFIER_RX.match(text, m.end) and m.via != "demonym":
            if out:
                break
            continue     # "the ASEAN Task Force on Migration": a body named after the actor, not the actor
        gap = text[last:m.start]
        if (not out and m.start - pos > max_lead) or (not out and not re.fullmatch(r"[\s\w,’'/-]*", gap)) or \
                (out and not LIST_GAP_RX.match(gap)):
            break
        if not out and re.search(r"\b(?:that|which|who|to|for|in|on|of)\b", gap):
            break
        if m.surface.isupper() and text[m.end:m.end + 1] == "/" and any(n.start == m.end + 1 for n in actors(ex, text, types)):
            if (out and LIST_GAP_RX.match(gap)) or (not out and m.start - pos <= max_lead):
                last = m.end + 1
            continue     # "UN/DESA": one body written with its parent's acronym first; the next mention names it
        if out and "," in gap and SUBJECT_VERB_RX.match(text[m.end:]):
            break        # ", the Netherlands is looking …": the subject of the next clause, not a list member
        if GROUP_NOUN_RX.match(text[m.end:]):
            break        # "EU countries", "ASEAN member states": a group described, not the body itself
        if m.id not in out:
            out.append(m.id)
        last = m.end
    return out, last


def actors_before(ex, text: str, end: int, types=ACTOR_TYPES) -> list[str]:
    """The actors listed right before `end` (the subject list of "A, B and C signed ...")."""
    found = [m for m in actors(ex, text[:end], types)]
    out, last = [], end
    for m in reversed(found):
        if not LIST_GAP_RX.match(text[m.end:last]):
            break
        out.insert(0, m.id) if m.id not in out else None
        last = m.start
    return out


def hyphen_pairs(ex, text: str, types=("State", "Organization")) -> list[tuple[str, str]]:
    """'Mauritius-France/Canada or Mexico-Canada' -> (MUS, FRA), (MUS, CAN), (MEX, CAN): actors joined by a hyphen,
    with a slash adding another partner to the same first actor."""
    joined = re.compile(r"(?<=[a-z)])[-–](?=[A-Z])")
    spaced = joined.sub(" ", text)            # same length, so names glued by a hyphen become mentions
    ms = actors(ex, spaced, types)
    pairs = []
    for a, b in zip(ms, ms[1:]):
        gap = text[a.end:b.start]
        if re.fullmatch(r"\s?[-–]\s?", gap):
            pairs.append((a.id, b.id))
        elif re.fullmatch(r"\s?/\s?", gap) and pairs and pairs[-1][1] == a.id:
            pairs.append((pairs[-1][0], b.id))
    return pairs
