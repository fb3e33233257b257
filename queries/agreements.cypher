//+ name: agreements
//+ description: The agreements an actor (typically a state) is party to, with their kind, year, status, the role and act of the actor, and all parties (the actor included).
//+ params: {actor: entity}
//+ example: {actor: "state:MLI"}
//+ columns: [agreement, agreement_label, kind, year, status, role, act, parties]
//+ lists: [parties]
MATCH (s {id: $actor})-[r:PARTY_TO]->(ag:Agreement)
MATCH (o)-[:PARTY_TO]->(ag)
RETURN ag.id AS agreement, ag.label AS agreement_label, ag.kind AS kind, left(coalesce(r.date, ag.date), 4) AS year,
       r.status AS status, r.role AS role, r.act AS act, collect(DISTINCT o.id) AS parties
