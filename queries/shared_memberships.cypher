//+ name: shared_memberships
//+ description: Pairs of states that are members of the same regional consultative processes, interregional forums or bodies, with the number and list of those they share.
//+ params: {}
//+ example: {}
//+ columns: [state_a, label_a, state_b, label_b, shared, bodies]
//+ lists: [bodies]
MATCH (a:State)-[:MEMBER_OF]->(x:Process)<-[:MEMBER_OF]-(b:State)
WHERE a.id < b.id AND x.kind IN ['rcp', 'interregional_forum', 'body']
RETURN a.id AS state_a, a.label AS label_a, b.id AS state_b, b.label AS label_b,
       count(DISTINCT x.id) AS shared, collect(DISTINCT x.id) AS bodies
