"""Entities, statements and evidence: the records of the output contract."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

CONTRACT_VERSION = 1

ENTITY_TYPES = ("State", "Organization", "Process", "Event", "Agreement", "Person", "Document")
PREDICATES = (
    "member_of", "chairs", "hosts", "participates_in", "party_to", "partners_with", "funds",
    "supports", "corridor", "speaks_for", "affiliated_with", "part_of", "succeeded_by", "located_in",
)
SYMMETRIC = frozenset({"partners_with"})
STATUSES = ("actual", "planned", "proposed", "hypothetical", "ended")
REFERENCE_QUALIFIERS = ("context", "shared_with")  # qualifiers whose value is an entity id
# Entity fields in the order they are written; absent optional fields are left out.
ENTITY_FIELDS = ("id", "type", "label", "aliases", "kind", "iso3", "acronym", "wikidata", "country", "date", "place")


@dataclass
class Entity:
    id: str
    type: str
    label: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    iso3: str | None = None
    acronym: str | None = None
    wikidata: str | None = None
    country: str | None = None
    date: str | None = None
    place: str | None = None

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in ENTITY_FIELDS}
        d["aliases"] = sorted(set(a for a in self.aliases if a and a != self.label))
        return {k: v for k, v in d.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        return cls(**{k: d.get(k) for k in ENTITY_FIELDS if k in d})


@dataclass(frozen=True, order=True)
class Evidence:
    doc: str
    line: int
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict:
        return {"doc": self.doc, "line": self.line, "start": self.start, "end": self.end, "quote": self.quote}


def statement_id(subject: str, predicate: str, obj: str, qualifiers: dict) -> str:
    """Stable id: a hash of the triple and every qualifier (sorted), so the same fact gets the same id."""
    key = json.dumps([subject, predicate, obj, sorted(qualifiers.items())], ensure_ascii=False, default=str)
    return "st:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass
class Statement:
    subject: str
    predicate: str
    object: str
    qualifiers: dict = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.9
    rule: str = ""

    def __post_init__(self):
        self.qualifiers = {k: v for k, v in self.qualifiers.items() if v is not None}
        self.qualifiers.setdefault("status", "actual")
        if self.predicate in SYMMETRIC and self.object < self.subject:
            self.subject, self.object = self.object, self.subject

    @property
    def id(self) -> str:
        return statement_id(self.subject, self.predicate, self.object, self.qualifiers)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "subject": self.subject, "predicate": self.predicate, "object": self.object,
            "qualifiers": dict(sorted(self.qualifiers.items())),
            "evidence": [e.to_dict() for e in sorted(set(self.evidence))],
            "confidence": round(self.confidence, 3), "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Statement":
        return cls(d["subject"], d["predicate"], d["object"], dict(d.get("qualifiers") or {}),
                   [Evidence(**e) for e in d.get("evidence", [])], d.get("confidence", 0.9), d.get("rule", ""))
