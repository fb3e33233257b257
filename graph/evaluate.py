"""Score a build against gold probes (the JSONL probe format of migkg's dev probes).

Each probe names an anchor (entities on one side of a statement, by id, names or label_regex, optionally by type),
the predicates to look at, optional document and qualifier filters, and the entities expected on the other side.
Recall = expected items found / expected items; precision = found items that are expected / found items, counted
over closed probes (where the expected set is the whole answer).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from migkg.graph.errors import InputError
from migkg.graph.output import Graph


def _norm(s) -> str:
    return re.sub(r"\s+", " ", str(s)).strip().casefold()


def _as_list(x):
    return x if isinstance(x, list) else [x]


def load_probes(path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    probes = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            p = json.loads(line)
            if not isinstance(p, dict):
                raise ValueError("not an object")
            for key in ("id", "predicate", "anchor"):
                if key not in p:
                    raise ValueError(f"missing '{key}'")
        except ValueError as e:
            raise InputError(f"{path}:{n}: not a probe ({e})") from None
        probes.append(p)
    return probes


class _Matcher:
    def __init__(self, graph: Graph):
        self.graph = graph
        self.names = {eid: {_norm(x) for x in [e.label, e.acronym or "", *e.aliases] if x}
                      for eid, e in graph.entities.items()}

    def matches(self, eid: str, spec: dict) -> bool:
        e = self.graph.entities.get(eid)
        if e is None:
            return False
        if spec.get("type") and e.type not in _as_list(spec["type"]):
            return False
        if "id" in spec:
            return eid in _as_list(spec["id"])
        if "names" in spec:
            return bool(self.names[eid] & {_norm(n) for n in spec["names"]})
        if "label_regex" in spec:
            rx = re.compile(spec["label_regex"], re.I)
            return any(rx.search(n) for n in [e.label, *e.aliases])
        return True


def score_probe(m: _Matcher, p: dict) -> dict:
    preds = set(_as_list(p["predicate"]))
    side = p["anchor"].get("side", "subject")
    other = "object" if side == "subject" else "subject"
    found = set()
    for st in m.graph.statements:
        if st.predicate not in preds:
            continue
        if p.get("doc") and not any(ev.doc == p["doc"] for ev in st.evidence):
            continue
        if any(st.qualifiers.get(k) not in _as_list(v) for k, v in (p.get("qualifiers") or {}).items()):
            continue
        ends = [(getattr(st, side), getattr(st, other))]
        if st.predicate == "partners_with":
            ends.append((getattr(st, other), getattr(st, side)))
        found.update(b for a, b in ends if m.matches(a, p["anchor"]))
    expect = p.get("expect", [])
    hits = [any(m.matches(b, spec) for b in found) for spec in expect]
    fp = 0
    if p.get("closed"):
        types = p.get("other_types")
        fp = sum(1 for b in found
                 if not (types and m.graph.entities.get(b) and m.graph.entities[b].type not in types)
                 and not any(m.matches(b, spec) for spec in expect))
    return {"id": p["id"], "kind": p.get("kind", "other"), "closed": bool(p.get("closed")),
            "expected": len(expect), "tp": sum(hits), "fp": fp,
            "missed": [s for s, h in zip(expect, hits) if not h],
            "extra": sorted(b for b in found if not any(m.matches(b, s) for s in expect))[:10]}


def evaluate(graph: Graph, probes: list[dict]) -> dict:
    """Recall and precision overall and by probe kind, plus the per-probe results."""
    m = _Matcher(graph)
    results = [score_probe(m, p) for p in probes]
    kinds = defaultdict(lambda: {"expected": 0, "tp": 0, "fp": 0})
    for r in results:
        for k in (r["kind"], "_all"):
            kinds[k]["expected"] += r["expected"]
            kinds[k]["tp"] += r["tp"]
            kinds[k]["fp"] += r["fp"]
    closed_tp = sum(r["tp"] for r in results if r["closed"])
    total = kinds.pop("_all", {"expected": 0, "tp": 0, "fp": 0})
    recall = total["tp"] / total["expected"] if total["expected"] else 1.0
    precision = closed_tp / (closed_tp + total["fp"]) if closed_tp + total["fp"] else 1.0
    return {"probes": len(results), "recall": round(recall, 3), "precision": round(precision, 3),
            "by_kind": {k: {"expected": v["expected"], "found": v["tp"], "false_positives": v["fp"],
                            "recall": round(v["tp"] / v["expected"], 3) if v["expected"] else None}
                        for k, v in sorted(kinds.items())},
            "results": results}
