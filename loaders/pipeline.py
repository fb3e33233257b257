"""Read documents and run every rule family over them, in order."""
from __future__ import annotations

import importlib

from migkg.loaders.context import Extraction
from migkg.loaders.doc_meta import infer_meta
from migkg.loaders.resolve import apply_decisions, load_decisions
from migkg.loaders.sources import Source

# Families run in this order over each document: names and events first, so later rules can refer to them.
FAMILIES = (
    "entities", "part_of", "events", "chairs", "membership", "funding", "participation", "hosting",
    "agreements", "partnerships", "corridors", "prose_membership",
)


def read_sources(sources: list[Source]):
    """Read each source; a document without a catalogue entry takes its title and date from its front matter."""
    from migkg.loaders.reader import read_document

    documents = []
    for s in sources:
        doc = read_document(s.path, doc_id=s.doc_id, meta=s.meta)
        if not s.meta:
            doc.meta = infer_meta(doc)
        documents.append(doc)
    return documents


def extract(documents, registry=None, decisions=None) -> Extraction:
    """Run the rule families over the documents, then apply the recorded merge decisions (loaders/resolve.py)."""
    if registry is None:
        from migkg.ontology.registry import default_registry
        registry = default_registry()
    ex = Extraction(registry)
    modules = [importlib.import_module(f"migkg.loaders.families.{name}") for name in FAMILIES]
    for module in modules:
        for doc in documents:
            module.extract(doc, ex)
    apply_decisions(ex.entities, ex.statements, load_decisions(decisions))
    return ex
