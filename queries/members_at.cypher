//+ name: members_at
//+ description: Members of a process, body or organisation at a date (YYYY, YYYY-MM or YYYY-MM-DD) - actual or ended memberships whose start is not after and whose end is not before that date.
//+ params: {body: entity, date: date}
//+ example: {body: "process:gfmd-steering-group", date: "2010"}
//+ columns: [member, member_label, role, status, start, end_date, as_of, docs]
//+ lists: [docs]
MATCH (m)-[r:MEMBER_OF]->(b {id: $body})
WHERE r.status IN ['actual', 'ended']
  AND (r.start IS NULL OR r.start <= $date OR r.start STARTS WITH $date)
  AND (r.`end` IS NULL OR r.`end` >= $date OR $date STARTS WITH r.`end`)
RETURN m.id AS member, m.label AS member_label, r.role AS role, r.status AS status, r.start AS start,
       r.`end` AS end_date, r.as_of AS as_of, r.docs AS docs
