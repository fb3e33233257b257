"""Identity across names for entities that documents introduced (not the registry's): propose likely duplicates,
and apply the merge decisions a person recorded in a YAML decisions file.

The decisions file is a list of pairs: `{left: ID, right: ID, decision: merge | keep-apart | pending, reason: …}`.
A merge keeps `left` and rewrites every statement about `right` to it; `right`'s names become aliases of `left`.
"""
from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

from migkg.graph.errors import InputError
from migkg.graph.model import Statement

DECISIONS = ("merge", "keep-apart", "pending")
HONORIFICS = re.compile(r"^(?:(?:h\.?\s?e\.?|mr|mrs|ms|dr|prof|amb|ambassador|sir|dame|hon|the honourable|"
                        r"his excellency|her excellency|minister|senator|judge)\.?\s+)+", re.I)


def default_decisions_path() -> Path:
    return Path(str(resources.files("migkg.ontology") / "registry" / "decisions.yaml"))


def load_decisions(path=None) -> list[dict]:
    path = Path(path) if path else default_decisions_path()
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        raise InputError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of {{left, right, decision}} pairs")
    for n, d in enumerate(data, start=1):
        if not isinstance(d, dict) or not {"left", "right", "decision"} <= set(d) or d["decision"] not in DECISIONS:
            raise InputError(f"{path}: pair {n} needs left, right and decision ({' | '.join(DECISIONS)})")
    return data


def _plain(text: str) -> str:
    """Lowercase ASCII words without honorifics: "H.E. Mr. Julián Ventura" -> "julian ventura"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", HONORIFICS.sub("", text.strip()).lower()).split())


def _tokens(text: str) -> set[str]:
    return set(_plain(text).split()) - {"the", "of", "and", "for", "on", "de", "la", "el"}


def _reason(a, b, parties: dict) -> str | None:
    """Why two entities of the same type may be one, or None."""
    if a.acronym and a.acronym == b.acronym:
        return f"same acronym {a.acronym}"
    if a.type == "Agreement" and parties.get(a.id) and parties.get(a.id) == parties.get(b.id):
        return "agreements with the same parties"
    na, nb = _plain(a.label), _plain(b.label)
    if na == nb:
        return "same name apart from honorifics, case or accents"
    ta, tb = _tokens(a.label), _tokens(b.label)
    if a.type == "Person" and ta and tb and (ta <= tb or tb <= ta) and min(len(ta), len(tb)) >= 2:
        return "one name contains the other"
    if ta and tb and len(ta & tb) / len(ta | tb) >= 0.8 and len(ta | tb) >= 3:
        return "close names"
    if a.type == "Event" and (a.date or "")[:4] == (b.date or "")[:4] and min(len(ta), len(tb)) >= 3 \
            and (ta <= tb or tb <= ta):
        return "events of the same year, one name inside the other"
    return None


def propose(entities: dict, registry_ids: set[str], decided: set[frozenset], statements=()) -> list[dict]:
    """Likely duplicate pairs among non-registry entities that have no decision yet, in id order."""
    parties: dict[str, frozenset] = {}
    for s in statements:
        if s.predicate == "party_to":
            parties[s.object] = parties.get(s.object, frozenset()) | {s.subject}
    pool = sorted((e for e in entities.values() if e.id not in registry_ids and e.type != "Document"),
                  key=lambda e: e.id)
    out = []
    for i, a in enumerate(pool):
        for b in pool[i + 1:]:
            if a.type != b.type or frozenset((a.id, b.id)) in decided:
                continue
            why = _reason(a, b, parties)
            if why:
                out.append({"left": a.id, "right": b.id, "decision": "pending", "reason": why,
                            "labels": [a.label, b.label]})
    return out


def apply_decisions(entities: dict, statements: dict[str, Statement], decisions: list[dict]) -> None:
    """Merge `right` into `left` for every 'merge' decision whose ids both exist (in place)."""
    for d in decisions:
        keep, drop = d["left"], d["right"]
        if d["decision"] != "merge" or keep not in entities or drop not in entities:
            continue
        kept, gone = entities[keep], entities.pop(drop)
        kept.aliases = sorted(set(kept.aliases) | set(gone.aliases) | {gone.label} - {kept.label})
        for sid in [sid for sid, s in statements.items() if drop in (s.subject, s.object)]:
            s = statements.pop(sid)
            moved = Statement(keep if s.subject == drop else s.subject, s.predicate,
                              keep if s.object == drop else s.object, dict(s.qualifiers), list(s.evidence),
                              s.confidence, s.rule)
            if moved.subject == moved.object:
                continue
            twin = statements.get(moved.id)
            if twin:
                twin.evidence.extend(e for e in moved.evidence if e not in twin.evidence)
            else:
                statements[moved.id] = moved
