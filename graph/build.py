"""`migkg build`: documents in, the contract's output directory out (atomically)."""
from __future__ import annotations

import hashlib
import json
import time
from datetime import datetime, timezone
from pathlib import Path

from migkg.graph.model import CONTRACT_VERSION, REFERENCE_QUALIFIERS, Entity
from migkg.graph.output import Graph, atomic_dir, dumps_jsonl

LADYBUG_DB = "graph.lbdb"


def document_entity(doc) -> Entity:
    return Entity(f"doc:{doc.doc_id}", "Document", doc.meta.get("title") or doc.doc_id, "document",
                  date=str(doc.meta["date"]) if doc.meta.get("date") else None)


def extract_graph(paths=None, decisions=None) -> tuple[Graph, list]:
    """Read and extract without writing anything: the in-memory graph and the documents read."""
    from migkg.loaders.pipeline import extract, read_sources
    from migkg.loaders.sources import collect

    documents = read_sources(collect(paths))
    ex = extract(documents, decisions=decisions)
    used = {s.subject for s in ex.statements.values()} | {s.object for s in ex.statements.values()}
    used |= {s.qualifiers[k] for s in ex.statements.values() for k in REFERENCE_QUALIFIERS if k in s.qualifiers}
    entities = {e.id: e for e in ex.sorted_entities() if e.id in used}  # a name with no statement is no node
    for doc in documents:
        entities[f"doc:{doc.doc_id}"] = document_entity(doc)
    entities = dict(sorted(entities.items()))
    manifest = {
        "contract_version": CONTRACT_VERSION,
        "documents": [{"id": d.doc_id, "file": Path(d.path).name,
                       "sha256": hashlib.sha256(d.original.encode("utf-8")).hexdigest(), **d.meta}
                      for d in documents],
    }
    return Graph(entities, ex.sorted_statements(), manifest), documents


def counts(graph: Graph) -> dict:
    by_type, by_pred, by_doc = {}, {}, {}
    for e in graph.entities.values():
        by_type[e.type] = by_type.get(e.type, 0) + 1
    for s in graph.statements:
        by_pred[s.predicate] = by_pred.get(s.predicate, 0) + 1
        for d in sorted({ev.doc for ev in s.evidence}):
            by_doc[d] = by_doc.get(d, 0) + 1
    return {"entities": len(graph.entities), "statements": len(graph.statements),
            "by_type": dict(sorted(by_type.items())), "by_predicate": dict(sorted(by_pred.items())),
            "by_document": dict(sorted(by_doc.items()))}


def build(paths=None, out="migkg-out", *, ladybug: bool = True, decisions=None, timings: dict | None = None) -> Graph:
    """Build the graph of `paths` (the bundled corpus when empty) into `out`; validate the RDF; replace `out`
    only when everything succeeded."""
    from migkg.graph import rdf
    from migkg.viz.html import render_html

    clock = time.perf_counter()
    stamp = lambda name: timings.__setitem__(name, round(time.perf_counter() - clock, 3)) if timings is not None else None
    graph, _ = extract_graph(paths, decisions)
    stamp("extract")
    graph.manifest["counts"] = counts(graph)
    graph.manifest["built_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    rdf_graph = rdf.to_rdf(graph)
    rdf.validate(rdf_graph)
    stamp("rdf+shacl")
    with atomic_dir(Path(out)) as tmp:
        (tmp / "entities.jsonl").write_text(dumps_jsonl(e.to_dict() for e in graph.entities.values()), encoding="utf-8")
        (tmp / "statements.jsonl").write_text(dumps_jsonl(s.to_dict() for s in graph.statements), encoding="utf-8")
        (tmp / "graph.ttl").write_text(rdf.turtle(rdf_graph), encoding="utf-8")
        (tmp / "graph.html").write_text(render_html(graph, title="migkg: bundled build" if not paths else "migkg"),
                                        encoding="utf-8")
        stamp("ttl+html")
        if ladybug:
            from migkg.graph.ladybug_store import write_db
            write_db(graph, tmp / LADYBUG_DB)
            stamp("ladybug")
        (tmp / "manifest.json").write_text(json.dumps(graph.manifest, indent=1, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    return graph
