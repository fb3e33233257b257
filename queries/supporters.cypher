//+ name: supporters
//+ description: Agencies and organisations that support a process or one of its meetings and sessions (secretariat, technical support, implementation), with what they support, role, status and documents.
//+ params: {process: entity}
//+ example: {process: "process:gfmd"}
//+ columns: [agency, agency_label, kind, supports, role, status, docs]
//+ lists: [docs]
MATCH (p {id: $process})
MATCH (o:Organization)-[r:SUPPORTS]->(t)
WHERE t.id = p.id OR EXISTS { MATCH (t)-[:PART_OF*1..2]->(p) }
RETURN o.id AS agency, o.label AS agency_label, o.kind AS kind, t.id AS supports, r.role AS role,
       r.status AS status, r.docs AS docs
