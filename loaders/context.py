"""The extraction context: the entities and statements one build collects, and the mentions of each sentence.

Rule families (loaders/families/*.py) call `emit` with the sentence that supports a statement; the context turns
the sentence into evidence, merges the same fact found twice into one statement with several evidence records,
and keeps only entities that statements use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from migkg.graph.model import REFERENCE_QUALIFIERS, Entity, Evidence, Statement

TYPE_PREFIX = {"State": "state", "Organization": "org", "Process": "process", "Event": "event",
               "Agreement": "agreement", "Person": "person", "Document": "doc"}


def slug(text: str) -> str:
    """ASCII, lowercase, hyphen-separated key for ids ("Julián Ventura Valero" -> "julian-ventura-valero")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


@dataclass(frozen=True)
class Mention:
    start: int          # clean-text offsets within the sentence
    end: int
    id: str
    surface: str
    via: str            # "name", "acronym", "demonym", "discovered", "person"


class Extraction:
    """Everything one build extracts. Entities come from the registry (identity) or from documents (new names)."""

    def __init__(self, registry):
        self.registry = registry
        self.entities: dict[str, Entity] = {}
        self.statements: dict[str, Statement] = {}
        self.discovered: dict[str, str] = {}  # surface form -> id, for names found in documents
        self._discovered_rx = None
        self._mention_cache: dict[tuple[str, int], list[Mention]] = {}
        self.state: dict = {}                  # per-build scratch space for families (e.g. events per document)

    # --- entities -------------------------------------------------------------------------------------------
    def entity(self, eid: str) -> Entity | None:
        return self.entities.get(eid) or self.registry.entities.get(eid)

    def add_entity(self, type_: str, label: str, kind: str, *, key: str | None = None,
                   aliases=(), names=(), **fields) -> str:
        """Create (or extend) a document-made entity; `names` are surface forms that later mentions should find."""
        eid = f"{TYPE_PREFIX[type_]}:{key or slug(label)}"
        known = self.entity(eid)
        if known is None:
            known = Entity(eid, type_, label, kind, list(aliases), **{k: v for k, v in fields.items() if v is not None})
        else:
            known.aliases = sorted(set(known.aliases) | set(aliases))
            for k, v in fields.items():
                if v is not None and getattr(known, k, None) is None:
                    setattr(known, k, v)
        self.entities[eid] = known
        for n in names:
            if n and n not in self.discovered:
                self.discovered[n] = eid
                self._discovered_rx = None
                self._mention_cache.clear()
        return eid

    # --- mentions -------------------------------------------------------------------------------------------
    def mentions(self, sentence) -> list[Mention]:
        """Registry and discovered mentions in a sentence, non-overlapping, longest first."""
        key = (sentence.text, sentence.start)
        if key not in self._mention_cache:
            found = [Mention(m.start, m.end, m.id, m.surface, m.via) for m in self.registry.find_mentions(sentence.text)]
            found += self._discovered_mentions(sentence.text)
            found.sort(key=lambda m: (m.start, -(m.end - m.start)))
            kept, last_end = [], -1
            for m in found:
                if m.start >= last_end:
                    kept.append(m)
                    last_end = m.end
            self._mention_cache[key] = kept
        return self._mention_cache[key]

    def _discovered_mentions(self, text: str) -> list[Mention]:
        """Discovered names in `text`, found through an index by first word (names are added all through a build,
        so one big alternation would have to be recompiled after every new name)."""
        if not self.discovered:
            return []
        if self._discovered_rx is None:
            index: dict[str, list[str]] = {}
            for name in self.discovered:
                index.setdefault(re.match(r"[\w-]+|\S", name).group(0), []).append(name)
            self._discovered_rx = {k: sorted(v, key=len, reverse=True) for k, v in index.items()}
        index, out, pos = self._discovered_rx, [], 0
        for w in re.finditer(r"(?<![\w-])(?:[\w-]+|[^\w\s])", text):
            if w.start() < pos:
                continue
            for name in index.get(w.group(0), ()):
                end = w.start() + len(name)
                if text.startswith(name, w.start()) and not re.match(r"[\w-]", text[end:end + 1]):
                    out.append(Mention(w.start(), end, self.discovered[name], name, "discovered"))
                    pos = end
                    break
        return out

    # --- statements -----------------------------------------------------------------------------------------
    def emit(self, subject: str, predicate: str, obj: str, doc, sentence, *, rule: str,
             qualifiers: dict | None = None, confidence: float = 0.9) -> Statement | None:
        """Record a statement supported by `sentence` of `doc`; the same fact twice gains evidence, not a copy."""
        if not subject or not obj or subject == obj:
            return None
        quals = {k: v for k, v in (qualifiers or {}).items() if v is not None}
        for eid in (subject, obj, *(quals[k] for k in REFERENCE_QUALIFIERS if k in quals)):
            if eid not in self.entities:
                known = self.registry.entities.get(eid)
                if known is None:
                    raise KeyError(f"rule {rule}: unknown entity {eid}")
                self.entities[eid] = known
        if not (quals.get("date") or quals.get("start")):
            # a statement about a dated event carries the event's date (subject's first, e.g. a session's own date)
            when = next((e.date for e in map(self.entity, (subject, obj)) if e is not None and e.type == "Event" and
                         getattr(e, "date", None)), None)
            if when:
                quals["date"] = when
        st = Statement(subject, predicate, obj, quals, [], confidence, rule)
        ev = Evidence(doc.doc_id, sentence.line, sentence.start, sentence.end, sentence.text)
        existing = self.statements.get(st.id)
        if existing is None:
            st.evidence.append(ev)
            self.statements[st.id] = st
            return st
        if ev not in existing.evidence:
            existing.evidence.append(ev)
        existing.confidence = max(existing.confidence, confidence)
        return existing

    def emit_acting(self, person: str, acts_for: str | None, predicate: str, obj: str, doc, sentence, *,
                    rule: str, qualifiers: dict | None = None, title: str | None = None, confidence: float = 0.9):
        """A person holding a role for a government or organisation: the person's statement, the same statement
        for the body they act for (same evidence), and `affiliated_with` from the person (contract rule)."""
        self.emit(person, predicate, obj, doc, sentence, rule=rule, qualifiers=qualifiers, confidence=confidence)
        if acts_for:
            self.emit(acts_for, predicate, obj, doc, sentence, rule=rule + "+acting-for",
                      qualifiers=qualifiers, confidence=confidence * 0.95)
            self.emit(person, "affiliated_with", acts_for, doc, sentence, rule=rule + "+affiliation",
                      qualifiers={"title": title} if title else None, confidence=confidence)

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[k] for k in sorted(self.entities)]

    def sorted_statements(self) -> list[Statement]:
        return [self.statements[k] for k in sorted(self.statements)]
