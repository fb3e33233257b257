//+ name: memberships
//+ description: The processes, bodies and organisations an actor (typically a state) is a member of, with role, status and documents.
//+ params: {actor: entity}
//+ example: {actor: "state:FRA"}
//+ columns: [body, body_label, kind, role, status, docs]
//+ lists: [docs]
MATCH (a {id: $actor})-[r:MEMBER_OF]->(b)
RETURN b.id AS body, b.label AS body_label, b.kind AS kind, r.role AS role, r.status AS status, r.docs AS docs
