//+ name: cochairs
//+ description: Who co-chaired with whom - pairs of actors that both chaired the same meeting, session or process as co-chairs.
//+ params: {}
//+ example: {}
//+ columns: [chair_a, label_a, chair_b, label_b, chaired, chaired_label, date]
//+ lists: []
MATCH (a)-[r1:CHAIRS]->(x)<-[r2:CHAIRS]-(b)
WHERE a.id < b.id AND r1.role = 'co-chair' AND r2.role = 'co-chair'
RETURN DISTINCT a.id AS chair_a, a.label AS label_a, b.id AS chair_b, b.label AS label_b,
       x.id AS chaired, x.label AS chaired_label, x.date AS date
