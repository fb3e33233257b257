//+ name: corridors
//+ description: Migration corridors from or to a state (origin to destination), with flow, status, whether the direction was inferred, the pairing of listed states, and documents.
//+ params: {state: entity}
//+ example: {state: "state:MLI"}
//+ columns: [origin, origin_label, destination, destination_label, flow, status, direction_inferred, pairing, docs]
//+ lists: [docs]
MATCH (o:State)-[r:CORRIDOR]->(d:State)
WHERE o.id = $state OR d.id = $state
RETURN o.id AS origin, o.label AS origin_label, d.id AS destination, d.label AS destination_label,
       r.flow AS flow, r.status AS status, r.direction_inferred AS direction_inferred,
       r.pairing AS pairing, r.docs AS docs
