"""The build as RDF: direct triples for plain SPARQL, reified statement nodes for qualifiers and evidence.

Conventions (IRIs, property names, datatypes) are shared with the canned SPARQL queries; the ontology and
SHACL shapes that describe them live in ontology/migkg.ttl and ontology/shapes.ttl.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph as RDFGraph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, SH, SKOS

from .errors import QueryError, ValidationError
from .model import REFERENCE_QUALIFIERS, Entity, Evidence, Statement
from .output import Graph, atomic_file

MK = Namespace("https://w3id.org/migkg/ns#")
ID = "https://w3id.org/migkg/id/"
ORG = Namespace("http://www.w3.org/ns/org#")
PREFIXES = {"mk": MK, "org": ORG, "prov": PROV, "dct": DCTERMS, "skos": SKOS, "rdf": RDF, "rdfs": RDFS,
            "xsd": XSD, "owl": OWL}
STORES = ("memory", "oxigraph")

# Entity fields that become plain-string literals (mk:<field>); `country` is an IRI, handled apart.
ENTITY_LITERALS = ("kind", "iso3", "acronym", "wikidata", "date", "place")
# Qualifiers whose values are not plain strings; any other qualifier becomes a plain string.
QUALIFIER_DATATYPES = {"amount": XSD.decimal, "direction_inferred": XSD.boolean}


def entity_iri(eid: str) -> URIRef:
    """`state:PHL` -> <https://w3id.org/migkg/id/state/PHL> (first ':' becomes '/', the rest path-escaped)."""
    prefix, _, key = eid.partition(":")
    return URIRef(ID + quote(prefix, safe="") + "/" + quote(key, safe="-._~"))


def statement_iri(sid: str) -> URIRef:
    return URIRef(ID + "st/" + quote(sid.partition(":")[2], safe=""))


def document_iri(doc: str) -> URIRef:
    return entity_iri(f"doc:{doc}")


def evidence_iri(ev: Evidence) -> URIRef:
    key = f"{ev.doc}|{ev.start}|{ev.end}".encode("utf-8")
    return URIRef(ID + "ev/" + hashlib.sha1(key).hexdigest()[:20])


def camel(name: str) -> str:
    """`direction_inferred` -> `directionInferred` (qualifier property local names)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def qualifier_literal(name: str, value):
    if name in REFERENCE_QUALIFIERS:
        return entity_iri(str(value))
    datatype = QUALIFIER_DATATYPES.get(name)
    if datatype == XSD.decimal:
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if datatype == XSD.boolean:
        return Literal(bool(value), datatype=XSD.boolean)
    return Literal(str(value))


def new_graph(store: str = "default") -> RDFGraph:
    g = RDFGraph(store=store, bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def entity_triples(e: Entity):
    s = entity_iri(e.id)
    yield s, RDF.type, MK[e.type]
    yield s, MK.id, Literal(e.id)
    yield s, RDFS.label, Literal(e.label)
    for alias in e.to_dict()["aliases"]:
        yield s, SKOS.altLabel, Literal(alias)
    for name in ENTITY_LITERALS:
        value = getattr(e, name)
        if value is not None:
            yield s, MK[name], Literal(str(value))
    if e.country:
        yield s, MK.country, entity_iri(e.country)
    if e.type == "Document":
        yield s, RDF.type, PROV.Entity
        yield s, DCTERMS.title, Literal(e.label)


def document_triples(doc: str, title: str | None):
    """A document known only from evidence (no Document entity): typed, identified, labelled."""
    d = document_iri(doc)
    yield d, RDF.type, MK.Document
    yield d, RDF.type, PROV.Entity
    yield d, MK.id, Literal(f"doc:{doc}")
    yield d, MK.kind, Literal("document")
    yield d, RDFS.label, Literal(title or doc)
    if title:
        yield d, DCTERMS.title, Literal(title)


def evidence_triples(ev: Evidence):
    node = evidence_iri(ev)
    yield node, RDF.type, MK.Evidence
    yield node, MK.doc, document_iri(ev.doc)
    yield node, MK.line, Literal(int(ev.line), datatype=XSD.integer)
    yield node, MK.start, Literal(int(ev.start), datatype=XSD.integer)
    yield node, MK.end, Literal(int(ev.end), datatype=XSD.integer)
    yield node, MK.quote, Literal(ev.quote)


def statement_triples(st: Statement):
    s, p, o = entity_iri(st.subject), MK[st.predicate], entity_iri(st.object)
    yield s, p, o  # the direct triple: plain SPARQL needs nothing else
    node = statement_iri(st.id)
    yield node, RDF.type, MK.Statement
    yield node, RDF.type, RDF.Statement
    yield node, RDF.subject, s
    yield node, RDF.predicate, p
    yield node, RDF.object, o
    yield node, MK.id, Literal(st.id)
    yield node, MK.confidence, Literal(Decimal(str(round(st.confidence, 3))), datatype=XSD.decimal)
    if st.rule:
        yield node, MK.rule, Literal(st.rule)
    for name, value in sorted(st.qualifiers.items()):
        yield node, MK[camel(name)], qualifier_literal(name, value)
    for ev in st.evidence:
        yield node, PROV.wasDerivedFrom, evidence_iri(ev)
        yield from evidence_triples(ev)


def to_rdf(graph: Graph, store: str = "default") -> RDFGraph:
    """Project a loaded build onto RDF (see notes on conventions at the top of this module)."""
    g = new_graph(store)
    triples = []
    for e in graph.entities.values():
        triples.extend(entity_triples(e))
    titles = {d.get("id"): d.get("title") for d in graph.manifest.get("documents", []) if isinstance(d, dict)}
    docs = {ev.doc for st in graph.statements for ev in st.evidence} | {k for k in titles if k}
    for doc in sorted(docs):
        if f"doc:{doc}" not in graph.entities:
            triples.extend(document_triples(doc, titles.get(doc)))
    for st in graph.statements:
        triples.extend(statement_triples(st))
    g.addN([(s, p, o, g) for s, p, o in triples])
    return g


def _as_rdf(graph) -> RDFGraph:
    return graph if isinstance(graph, RDFGraph) else to_rdf(graph)


def turtle(graph) -> str:
    """Turtle of a build (or of an rdflib graph). Deterministic: only IRIs and literals, no blank nodes, and
    rdflib's serializer sorts subjects, predicates and objects."""
    return _as_rdf(graph).serialize(format="turtle")


# --- SHACL ---------------------------------------------------------------------------------------------

def ontology_path(name: str) -> Path:
    return Path(str(resources.files("migkg.ontology") / name))


@lru_cache(maxsize=1)
def _shapes() -> RDFGraph:
    g = RDFGraph()
    g.parse(ontology_path("shapes.ttl"), format="turtle")
    return g


def validate(rdf: RDFGraph) -> None:
    """Check `rdf` against ontology/shapes.ttl; raise ValidationError summarising the violations."""
    from pyshacl import validate as shacl_validate

    # inference "none": graph/rdf.py asserts every type the shapes test, and RDFS inference would triple the
    # graph; inplace: without inference pyshacl adds nothing, so copying the data graph (~1 s) is wasted.
    # advanced: the one SHACL-AF SPARQL target in shapes.ttl (statements without their direct triple).
    conforms, report, _ = shacl_validate(rdf, shacl_graph=_shapes(), inference="none", advanced=True,
                                         inplace=True, allow_warnings=True)
    if conforms:
        return
    results = sorted((_describe(report, r) for r in report.subjects(RDF.type, SH.ValidationResult)))
    first = f"; first: {results[0]}" if results else ""
    error = ValidationError(f"RDF violates ontology/shapes.ttl: {len(results)} violation(s){first}")
    error.violations = results  # every violation, one line each, for callers that want more than the first
    raise error


def _describe(report: RDFGraph, result) -> str:
    """`focus <iri> path mk:x: message` for one sh:ValidationResult, in the mk:/rdf: prefixes."""
    names = new_graph().namespace_manager

    def short(node) -> str:
        if node is None:
            return "-"
        if isinstance(node, URIRef):
            return node.n3(names)
        if (node, RDF.first, None) in report:  # a sequence path such as ( mk:corridor rdf:type )
            return "/".join(short(n) for n in Collection(report, node))
        return node.n3()

    focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
    return f"focus {short(focus)} path {short(path)}: {message}"


# --- stores and exports ---------------------------------------------------------------------------------

def open_store(graph, store: str = "memory") -> RDFGraph:
    """An rdflib Graph holding the build's RDF (a build or an rdflib graph): in memory, or on Oxigraph (via
    oxrdflib) for large graphs. Both answer SPARQL the same way; bind parameters with `initBindings`, never by
    formatting query text. Two Oxigraph particulars: it substitutes a binding only for a variable of the SELECT
    projection (SEP-0007; otherwise RuntimeError), and it returns plain literals as "..."^^xsd:string, which
    rdflib keeps distinct from "..." (compare values with str() or toPython())."""
    if store not in STORES:
        raise QueryError(f"--store: unknown store {store!r}; choose one of {', '.join(STORES)}")
    rdf = _as_rdf(graph)
    if store == "memory":
        return rdf
    try:
        g = new_graph("Oxigraph")
    except Exception as e:  # plugin missing or pyoxigraph broken
        from .errors import BackendUnavailable
        raise BackendUnavailable(f"--store oxigraph: oxrdflib/pyoxigraph unavailable ({e})") from None
    g.addN([(s, p, o, g) for s, p, o in rdf])
    return g


def jsonld(graph) -> str:
    """Compacted JSON-LD (the bound prefixes as @context), nodes sorted by @id so the text is deterministic."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    doc = json.loads(_as_rdf(graph).serialize(format="json-ld", context=context))
    nodes = doc.get("@graph", [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):  # multi-valued properties: order carries no meaning in JSON-LD
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    doc["@graph"] = sorted(nodes, key=lambda n: n.get("@id", ""))
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_jsonld(graph, path) -> None:
    with atomic_file(Path(path), encoding="utf-8") as f:
        f.write(jsonld(graph))


def ntriples(graph) -> str:
    """N-Triples, one triple per line, lines sorted (deterministic)."""
    lines = _as_rdf(graph).serialize(format="nt").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def write_ntriples(graph, path) -> None:
    with atomic_file(Path(path), encoding="utf-8") as f:
        f.write(ntriples(graph))
