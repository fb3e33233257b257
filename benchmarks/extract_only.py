"""Extraction without RDF/HTML/Ladybug: writes entities.jsonl and statements.jsonl and prints the time.

    python benchmarks/extract_only.py OUT_DIR [DOC_OR_DIR ...]
"""
import sys
import time
from pathlib import Path

from migkg.graph.build import extract_graph
from migkg.graph.output import dumps_jsonl

out = Path(sys.argv[1])
t = time.perf_counter()
graph, docs = extract_graph(sys.argv[2:] or None)
out.mkdir(parents=True, exist_ok=True)
(out / "entities.jsonl").write_text(dumps_jsonl(e.to_dict() for e in graph.entities.values()), encoding="utf-8")
(out / "statements.jsonl").write_text(dumps_jsonl(s.to_dict() for s in graph.statements), encoding="utf-8")
print(f"{len(docs)} documents, {len(graph.entities)} entities, {len(graph.statements)} statements "
      f"in {time.perf_counter() - t:.2f} s", file=sys.stderr)
