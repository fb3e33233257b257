//+ name: partners
//+ description: Partners of an actor and how they are linked (explicit partnership, shared agreement, co-chairing, shared membership), with the statements and evidence behind each link.
//+ params: {actor: entity}
//+ example: {actor: "org:iom"}
//+ columns: [partner, partner_label, link, via, statements, docs, quotes]
//+ lists: [statements, docs, quotes]
MATCH (a {id: $actor})-[r:PARTNERS_WITH]-(p)
RETURN p.id AS partner, p.label AS partner_label, 'partners_with' AS link, r.context AS via,
       [r.statement_id] AS statements, r.docs AS docs, r.quotes AS quotes
UNION ALL
MATCH (a {id: $actor})-[r1:PARTY_TO]->(x)<-[r2:PARTY_TO]-(p)
WHERE p.id <> a.id
RETURN p.id AS partner, p.label AS partner_label, 'party_to' AS link, x.id AS via,
       [r1.statement_id, r2.statement_id] AS statements, r1.docs + r2.docs AS docs, r1.quotes + r2.quotes AS quotes
UNION ALL
MATCH (a {id: $actor})-[r1:CHAIRS]->(x)<-[r2:CHAIRS]-(p)
WHERE p.id <> a.id AND r1.role = 'co-chair' AND r2.role = 'co-chair'
RETURN p.id AS partner, p.label AS partner_label, 'chairs' AS link, x.id AS via,
       [r1.statement_id, r2.statement_id] AS statements, r1.docs + r2.docs AS docs, r1.quotes + r2.quotes AS quotes
UNION ALL
MATCH (a {id: $actor})-[r1:MEMBER_OF]->(x)<-[r2:MEMBER_OF]-(p)
WHERE p.id <> a.id
RETURN p.id AS partner, p.label AS partner_label, 'member_of' AS link, x.id AS via,
       [r1.statement_id, r2.statement_id] AS statements, r1.docs + r2.docs AS docs, r1.quotes + r2.quotes AS quotes
