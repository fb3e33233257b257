//+ name: supporters
//+ description: Agencies and organisations that support a process (secretariat, technical support, implementation), with role, status and documents.
//+ params: {process: string}
//+ example: {process: "process:gfmd"}
//+ columns: [agency, agency_label, kind, role, status, docs]
//+ lists: [docs]
MATCH (o:Organization)-[r:SUPPORTS]->(p {id: $process})
RETURN o.id AS agency, o.label AS agency_label, o.kind AS kind, r.role AS role, r.status AS status, r.docs AS docs
