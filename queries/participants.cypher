//+ name: participants
//+ description: Participants of an event (speakers, panellists, discussants, rapporteurs, observers), with role, status and documents.
//+ params: {event: entity}
//+ example: {event: "event:gfmd-2010-rt-1-1"}
//+ columns: [participant, participant_label, role, status, docs]
//+ lists: [docs]
MATCH (a)-[r:PARTICIPATES_IN]->(e {id: $event})
RETURN a.id AS participant, a.label AS participant_label, r.role AS role, r.status AS status, r.docs AS docs
