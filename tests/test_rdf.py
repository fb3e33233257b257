"""The RDF projection (graph/rdf.py), the ontology and SHACL shapes, the stores and the RDF exports."""
import json
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV

from migkg.graph import rdf
from migkg.graph.errors import QueryError, ValidationError
from migkg.graph.model import ENTITY_TYPES, PREDICATES, Statement
from migkg.graph.output import Graph, load_graph

MK = rdf.MK
ORG = rdf.ORG
SAMPLE = Path(__file__).parent / "fixtures" / "sample_build"
HOSTILE = 'x" } DROP GRAPH <a> . INSERT DATA { <a> <b> "c" } #'


@pytest.fixture(scope="module")
def sample() -> Graph:
    return load_graph(SAMPLE)


@pytest.fixture
def sample_rdf(sample) -> rdflib.Graph:
    return rdf.to_rdf(sample)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(rdf.ontology_path("migkg.ttl"), format="turtle")


def copies(sample: Graph, n: int) -> Graph:
    """`n` disjoint copies of the sample: other ids (three-letter codes for states), shifted evidence spans."""
    codes = iter(f"{a}{b}{c}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    entities, statements = {}, []
    for k in range(n):
        new = {eid: f"state:{next(codes)}" if e.type == "State" else f"{eid}-{k}" for eid, e in sample.entities.items()}
        for eid, e in sample.entities.items():
            e2 = replace(e, id=new[eid], aliases=list(e.aliases), country=new.get(e.country))
            if e.type == "State":
                e2.iso3 = new[eid].partition(":")[2]
            entities[e2.id] = e2
        for s in sample.statements:
            q = {key: new.get(v, v) if key == "context" else v for key, v in s.qualifiers.items()}
            ev = [replace(x, start=x.start + 10_000 * k, end=x.end + 10_000 * k) for x in s.evidence]
            statements.append(Statement(new[s.subject], s.predicate, new[s.object], q, ev, s.confidence, s.rule))
    return Graph(entities, statements, sample.manifest)


# --- projection -------------------------------------------------------------------------------------------

def test_entity_iris_follow_the_shared_convention():
    assert rdf.entity_iri("state:PHL") == URIRef("https://w3id.org/migkg/id/state/PHL")
    assert rdf.entity_iri("event:gfmd-2010-rt-1-1") == URIRef("https://w3id.org/migkg/id/event/gfmd-2010-rt-1-1")
    assert rdf.entity_iri("org:a b/c:d") == URIRef("https://w3id.org/migkg/id/org/a%20b%2Fc%3Ad")
    assert rdf.statement_iri("st:0114dab080a9a85c2abf") == URIRef("https://w3id.org/migkg/id/st/0114dab080a9a85c2abf")


def test_every_statement_has_its_direct_triple_and_reified_node(sample, sample_rdf):
    for st in sample.statements:
        s, p, o = rdf.entity_iri(st.subject), MK[st.predicate], rdf.entity_iri(st.object)
        assert (s, p, o) in sample_rdf
        node = rdf.statement_iri(st.id)
        assert {MK.Statement, RDF.Statement} <= set(sample_rdf.objects(node, RDF.type))
        assert (sample_rdf.value(node, RDF.subject), sample_rdf.value(node, RDF.predicate),
                sample_rdf.value(node, RDF.object)) == (s, p, o)
        assert sample_rdf.value(node, MK.id) == Literal(st.id)
        assert sample_rdf.value(node, MK.status) == Literal(st.qualifiers["status"])
        evidence = set(sample_rdf.objects(node, PROV.wasDerivedFrom))
        assert len(evidence) == len(set(st.evidence))
        for ev in st.evidence:
            node_ev = rdf.evidence_iri(ev)
            assert node_ev in evidence
            assert sample_rdf.value(node_ev, MK.doc) == URIRef(f"https://w3id.org/migkg/id/doc/{ev.doc}")
            assert sample_rdf.value(node_ev, MK.quote) == Literal(ev.quote)


def test_counts_match_the_build(sample, sample_rdf):
    g = sample_rdf
    assert len(set(g.subjects(RDF.type, MK.Statement))) == len(sample.statements) == 22
    direct = {(s, p, o) for s, p, o in g if p in {MK[name] for name in PREDICATES}}
    assert len(direct) == len({(st.subject, st.predicate, st.object) for st in sample.statements})
    entity_nodes = {n for t in ENTITY_TYPES for n in g.subjects(RDF.type, MK[t])}
    documents = {ev.doc for st in sample.statements for ev in st.evidence}
    assert len(entity_nodes) == len(sample.entities) + len(documents)  # the sample has no Document entities
    assert len(set(g.subjects(RDF.type, MK.Evidence))) == len(
        {(ev.doc, ev.start, ev.end) for st in sample.statements for ev in st.evidence})
    qualifiers = sum(len(st.qualifiers) for st in sample.statements)
    qualifier_props = {MK[rdf.camel(k)] for st in sample.statements for k in st.qualifiers}
    statements = set(g.subjects(RDF.type, MK.Statement))
    assert sum(1 for s, p, _ in g if p in qualifier_props and s in statements) == qualifiers
    assert len(g) == 457  # 16 entities, 22 statements, their evidence and one document node
    assert not any(isinstance(term, BNode) for triple in g for term in triple)


def test_entity_triples(sample_rdf):
    phl = rdf.entity_iri("state:PHL")
    g = sample_rdf
    assert (phl, RDF.type, MK.State) in g
    assert g.value(phl, MK.id) == Literal("state:PHL")
    assert g.value(phl, RDFS.label) == Literal("Philippines")
    assert g.value(phl, MK.iso3) == Literal("PHL") and g.value(phl, MK.wikidata) == Literal("Q928")
    assert set(g.objects(phl, rdf.SKOS.altLabel)) == {Literal("Filipino"), Literal("the Philippines")}
    event = rdf.entity_iri("event:gfmd-2010")
    assert g.value(event, MK.country) == rdf.entity_iri("state:MEX")
    assert g.value(event, MK.date) == Literal("2010-11") and g.value(event, MK.place) == Literal("Puerto Vallarta")
    doc = URIRef("https://w3id.org/migkg/id/doc/000_1c002d2b4943b699")
    assert {MK.Document, PROV.Entity} <= set(g.objects(doc, RDF.type))
    assert g.value(doc, MK.id) == Literal("doc:000_1c002d2b4943b699")
    assert g.value(doc, rdf.DCTERMS.title) == Literal("sample")


def test_qualifier_and_evidence_datatypes(sample, sample_rdf):
    g = sample_rdf
    by_pred = {p: [rdf.statement_iri(s.id) for s in sample.statements if s.predicate == p] for p in PREDICATES}
    corridor = by_pred["corridor"][0]
    assert g.value(corridor, MK.directionInferred) == Literal(True, datatype=XSD.boolean)
    assert g.value(corridor, MK.flow) == Literal("labour")
    funds = next(n for n in by_pred["funds"] if g.value(n, MK.amount) is not None)
    amount = g.value(funds, MK.amount)
    assert amount.datatype == XSD.decimal and isinstance(amount.toPython(), Decimal)
    partner = next(n for n in by_pred["partners_with"] if g.value(n, MK.context) is not None)
    assert isinstance(g.value(partner, MK.context), URIRef) and (g.value(partner, MK.context), MK.id, None) in g
    member = next(n for n in by_pred["member_of"] if g.value(n, MK.asOf) is not None)
    assert g.value(member, MK.asOf).datatype is None  # partial dates stay plain strings
    for node in g.subjects(RDF.type, MK.Statement):
        assert g.value(node, MK.confidence).datatype == XSD.decimal
    for ev in g.subjects(RDF.type, MK.Evidence):
        for prop in (MK.line, MK.start, MK.end):
            assert g.value(ev, prop).datatype == XSD.integer
        assert g.value(ev, MK.start).toPython() < g.value(ev, MK.end).toPython()


# --- SHACL --------------------------------------------------------------------------------------------------

def test_sample_conforms_to_the_shapes(sample_rdf):
    rdf.validate(sample_rdf)


def first_statement(g, predicate=None):
    nodes = sorted(g.subjects(RDF.type, MK.Statement))
    return next(n for n in nodes if predicate is None or g.value(n, RDF.predicate) == MK[predicate])


def first_evidence(g):
    return sorted(g.subjects(RDF.type, MK.Evidence))[0]


def drop_status(g):
    g.remove((first_statement(g), MK.status, None))


def bad_status(g):
    g.set((first_statement(g), MK.status, Literal("rumoured")))


def bad_iso3(g):
    g.set((rdf.entity_iri("state:BRA"), MK.iso3, Literal("Bra")))


def empty_span(g):
    ev = first_evidence(g)
    g.set((ev, MK.end, g.value(ev, MK.start)))


def string_offset(g):
    ev = first_evidence(g)
    g.set((ev, MK.line, Literal("12")))


def no_evidence(g):
    g.remove((first_statement(g), PROV.wasDerivedFrom, None))


def confidence_above_one(g):
    g.set((first_statement(g), MK.confidence, Literal(Decimal("1.5"))))


def no_direct_triple(g):
    node = first_statement(g)
    g.remove((g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object)))


def corridor_to_an_organization(g):
    node = first_statement(g, "corridor")
    g.add((g.value(node, RDF.subject), MK.corridor, rdf.entity_iri("org:iom")))


def person_affiliation_from_a_state(g):
    g.add((rdf.entity_iri("state:BRA"), MK.affiliated_with, rdf.entity_iri("org:iom")))


def two_labels(g):
    g.add((rdf.entity_iri("org:iom"), RDFS.label, Literal("IOM again")))


def dangling_object(g):
    node = first_statement(g)
    g.set((node, RDF.object, URIRef("https://w3id.org/migkg/id/org/nowhere")))


BREAKAGES = [
    (drop_status, "path mk:status: a statement needs exactly one mk:status"),
    (bad_status, "path mk:status: a statement needs exactly one mk:status"),
    (bad_iso3, "path mk:iso3: a State needs exactly one mk:iso3"),
    (empty_span, "path mk:start: evidence needs exactly one integer mk:start >= 0, less than its mk:end"),
    (string_offset, "path mk:line: "),
    (no_evidence, "path prov:wasDerivedFrom: a statement needs at least one mk:Evidence"),
    (confidence_above_one, "path mk:confidence: "),
    (no_direct_triple, "the reified statement has no direct triple"),
    (corridor_to_an_organization, "path mk:corridor/rdf:type: object of mk:corridor must be a State"),
    (person_affiliation_from_a_state, "path rdf:type: subject of mk:affiliated_with must be a Person"),
    (two_labels, "path rdfs:label: More than 1 values"),
    (dangling_object, "path rdf:object/mk:id: the statement's object is not an entity of the build"),
]


@pytest.mark.parametrize("breakage,expected", BREAKAGES, ids=lambda x: getattr(x, "__name__", ""))
def test_broken_graph_fails_validation(sample_rdf, breakage, expected):
    breakage(sample_rdf)
    with pytest.raises(ValidationError) as err:
        rdf.validate(sample_rdf)
    message = str(err.value)
    assert "\n" not in message and message.startswith("RDF violates ontology/shapes.ttl: ")
    assert any(expected in v for v in err.value.violations), err.value.violations


def test_validation_message_names_count_focus_and_path(sample_rdf):
    bad_iso3(sample_rdf)
    with pytest.raises(ValidationError, match=r"1 violation\(s\); first: focus "
                                              r"<https://w3id.org/migkg/id/state/BRA> path mk:iso3: "):
        rdf.validate(sample_rdf)


def test_validation_of_a_larger_graph_finds_the_one_fault(sample):
    big = copies(sample, 46)  # 137 copies (3,014 statements, ~62k triples) validate in ~1.5 s
    assert len({s.id for s in big.statements}) == len(big.statements) == 46 * 22
    g = rdf.to_rdf(big)
    rdf.validate(g)
    empty_span(g)
    with pytest.raises(ValidationError, match="^RDF violates ontology/shapes.ttl: 1 violation"):
        rdf.validate(g)


# --- serialisations ----------------------------------------------------------------------------------------

def test_turtle_is_deterministic(sample):
    first = rdf.turtle(sample)
    assert rdf.turtle(sample) == first
    reordered = Graph(dict(reversed(list(sample.entities.items()))), list(reversed(sample.statements)),
                      sample.manifest)
    assert rdf.turtle(reordered) == first
    assert rdf.turtle(rdf.to_rdf(sample)) == first
    assert "_:" not in first
    parsed = rdflib.Graph().parse(data=first, format="turtle")
    assert len(parsed) == len(rdf.to_rdf(sample))


def test_turtle_does_not_depend_on_hash_seed(sample):
    code = ("from migkg.graph import rdf; from migkg.graph.output import load_graph; import sys; "
            f"sys.stdout.write(rdf.turtle(load_graph({str(SAMPLE)!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    assert out == rdf.turtle(sample)


@pytest.mark.parametrize("writer,fmt", [(rdf.write_jsonld, "json-ld"), (rdf.write_ntriples, "nt")])
def test_exports_read_back_with_the_same_triples(sample, tmp_path, writer, fmt):
    path = tmp_path / f"graph.{fmt}"
    writer(sample, path)
    back = rdflib.Graph().parse(path, format=fmt)
    original = rdf.to_rdf(sample)
    assert len(back) == len(original) == 457
    assert isomorphic(back, original)
    first = path.read_bytes()
    writer(sample, path)
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_jsonld_uses_the_prefixes(sample):
    doc = json.loads(rdf.jsonld(sample))
    assert doc["@context"]["mk"] == str(MK)
    ids = [node["@id"] for node in doc["@graph"]]
    assert ids == sorted(ids)


# --- stores --------------------------------------------------------------------------------------------------

PREFIXES = ("PREFIX mk: <https://w3id.org/migkg/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX prov: <http://www.w3.org/ns/prov#>\n")
QUERIES = [
    # (query, bindings); Oxigraph substitutes bindings only for variables in the SELECT projection
    ("SELECT ?id ?label WHERE { ?e mk:id ?id ; rdfs:label ?label }", {"id": Literal("state:PHL")}),
    ("SELECT ?id ?label WHERE { ?e mk:id ?id ; rdfs:label ?label }", {"id": Literal(HOSTILE)}),
    ("SELECT ?label ?id WHERE { ?e rdfs:label ?label ; mk:id ?id }", {"label": Literal(HOSTILE)}),
    ("SELECT ?state ?other ?role WHERE { ?s mk:chairs ?o . ?s mk:id ?state . ?o mk:id ?other . "
     "?st rdf:subject ?s ; rdf:predicate mk:chairs ; rdf:object ?o ; mk:role ?role }",
     {"role": Literal("co-chair")}),
    ("SELECT ?p ?st ?conf ?quote ?line WHERE { ?st rdf:predicate ?p ; mk:confidence ?conf ; "
     "prov:wasDerivedFrom ?ev . ?ev mk:quote ?quote ; mk:line ?line }", {"p": MK.member_of}),
    ("SELECT ?status (COUNT(?st) AS ?n) WHERE { ?st mk:status ?status } GROUP BY ?status",
     {"status": Literal("actual")}),
    ("SELECT ?flow ?di WHERE { ?st mk:flow ?flow OPTIONAL { ?st mk:directionInferred ?di } }",
     {"flow": Literal(HOSTILE)}),
]


def normalised(result) -> list:
    """Rows as sorted tuples of (variable, kind, text, datatype); plain and xsd:string literals are the same."""
    def term(t):
        if t is None:
            return None
        datatype = getattr(t, "datatype", None)
        return type(t).__name__, str(t), None if datatype == XSD.string else str(datatype) if datatype else None
    return sorted(tuple(sorted((str(k), term(v)) for k, v in row.asdict().items())) for row in result)


def test_memory_and_oxigraph_give_the_same_answers(sample):
    memory = rdf.open_store(sample, "memory")
    oxigraph = rdf.open_store(sample, "oxigraph")
    assert type(oxigraph.store).__name__ == "OxigraphStore"
    assert len(memory) == len(oxigraph) == 457
    nonempty = 0
    for text, bindings in QUERIES:
        rows_m = normalised(memory.query(PREFIXES + text, initBindings=bindings))
        rows_o = normalised(oxigraph.query(PREFIXES + text, initBindings=bindings))
        assert rows_m == rows_o, text
        if HOSTILE in [str(v) for v in bindings.values()]:
            assert rows_m == []
        nonempty += bool(rows_m)
    assert nonempty == 4
    assert len(memory) == len(oxigraph) == 457  # the hostile values changed nothing


def test_unknown_store_is_a_query_error(sample):
    with pytest.raises(QueryError, match="memory, oxigraph"):
        rdf.open_store(sample, "virtuoso")


# --- ontology --------------------------------------------------------------------------------------------------

def test_ontology_declares_every_predicate_and_class(ontology):
    for name in PREDICATES:
        assert (MK[name], RDF.type, OWL.ObjectProperty) in ontology, name
        assert ontology.value(MK[name], RDFS.label) is not None
        assert ontology.value(MK[name], RDFS.domain) is not None
    for name in ENTITY_TYPES + ("Statement", "Evidence"):
        assert (MK[name], RDF.type, OWL.Class) in ontology, name
    assert (MK.member_of, RDFS.subPropertyOf, ORG.memberOf) in ontology
    assert (MK.Organization, RDFS.subClassOf, ORG.Organization) in ontology
    assert (MK.Statement, RDFS.subClassOf, RDF.Statement) in ontology
    assert (MK.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (MK.Event, RDFS.subClassOf, PROV.Activity) in ontology
    assert (MK.doc, RDFS.subPropertyOf, PROV.wasQuotedFrom) in ontology
    assert (MK.partners_with, RDF.type, OWL.SymmetricProperty) in ontology
    assert (None, RDFS.subClassOf, ORG.Membership) in ontology
    assert "reification" in rdf.ontology_path("migkg.ttl").read_text(encoding="utf-8").lower()


def test_every_mk_term_the_projection_uses_is_declared(ontology, sample_rdf):
    used = {t for triple in sample_rdf for t in triple if isinstance(t, URIRef) and t.startswith(str(MK))}
    declared = set(ontology.subjects(RDF.type, None))
    assert used - declared == set()


def test_shapes_parse_and_cover_every_predicate():
    shapes = rdflib.Graph().parse(rdf.ontology_path("shapes.ttl"), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targeted = set(shapes.objects(None, sh.targetSubjectsOf))
    assert {MK[p] for p in PREDICATES} <= targeted


# --- the real build ------------------------------------------------------------------------------------------

def test_bundled_build_rdf_conforms(bundled_graph):
    g = rdf.to_rdf(bundled_graph)
    rdf.validate(g)
    assert len(set(g.subjects(RDF.type, MK.Statement))) == len(bundled_graph.statements)
