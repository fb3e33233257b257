//+ name: speaks_for
//+ description: Who speaks for whom - people, states and organisations speaking on behalf of, or in the capacity of, another actor.
//+ params: {}
//+ example: {}
//+ columns: [speaker, speaker_label, represented, represented_label, status, docs]
//+ lists: [docs]
MATCH (s)-[r:SPEAKS_FOR]->(o)
RETURN s.id AS speaker, s.label AS speaker_label, o.id AS represented, o.label AS represented_label, r.status AS status,
       r.docs AS docs
