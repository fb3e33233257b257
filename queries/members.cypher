//+ name: members
//+ description: Members of a process, body or organisation, with role, status, dates and the documents that say so.
//+ params: {body: entity}
//+ example: {body: "process:gfmd-steering-group"}
//+ columns: [member, member_label, role, status, start, end_date, as_of, docs]
//+ lists: [docs]
MATCH (m)-[r:MEMBER_OF]->(b {id: $body})
RETURN m.id AS member, m.label AS member_label, r.role AS role, r.status AS status, r.start AS start,
       r.`end` AS end_date, r.as_of AS as_of, r.docs AS docs
