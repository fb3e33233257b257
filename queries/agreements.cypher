//+ name: agreements
//+ description: The agreements an actor (typically a state) is party to, with their kind, year, status, the role and act of the actor, and the other parties.
//+ params: {actor: string}
//+ example: {actor: "state:MLI"}
//+ columns: [agreement, agreement_label, kind, year, status, role, act, other_parties]
//+ lists: [other_parties]
MATCH (s {id: $actor})-[r:PARTY_TO]->(ag:Agreement)
OPTIONAL MATCH (o)-[:PARTY_TO]->(ag)
WHERE o.id <> s.id
RETURN ag.id AS agreement, ag.label AS agreement_label, ag.kind AS kind, left(coalesce(r.date, ag.date), 4) AS year,
       r.status AS status, r.role AS role, r.act AS act, collect(DISTINCT o.id) AS other_parties
