//+ name: document_statements
//+ description: Every statement a document supports (the document as named in evidence, without the "doc:" prefix), with subject, predicate, object and status.
//+ params: {doc: string}
//+ example: {doc: "000_1c002d2b4943b699"}
//+ columns: [statement, subject, subject_label, predicate, object, object_label, status]
//+ lists: []
// Ladybug has no type(r) and Neo4j no label(r): one branch per relationship type names the predicate.
MATCH (s)-[r:MEMBER_OF]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'member_of' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:CHAIRS]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'chairs' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:HOSTS]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'hosts' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:PARTICIPATES_IN]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'participates_in' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:PARTY_TO]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'party_to' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:PARTNERS_WITH]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'partners_with' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:FUNDS]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'funds' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:SUPPORTS]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'supports' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:CORRIDOR]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'corridor' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:SPEAKS_FOR]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'speaks_for' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:AFFILIATED_WITH]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'affiliated_with' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:PART_OF]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'part_of' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:SUCCEEDED_BY]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'succeeded_by' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
UNION ALL
MATCH (s)-[r:LOCATED_IN]->(o)
WHERE $doc IN r.docs
RETURN r.statement_id AS statement, s.id AS subject, s.label AS subject_label, 'located_in' AS predicate,
       o.id AS object, o.label AS object_label, r.status AS status
