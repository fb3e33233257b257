//+ name: most_connected
//+ description: The ten most connected states, organisations and people (by number of statements they take part in; ties broken by id).
//+ params: {}
//+ example: {}
//+ columns: [type, actor, actor_label, degree]
//+ lists: []
MATCH (n:State)-[r]-()
RETURN 'State' AS type, n.id AS actor, n.label AS actor_label, count(DISTINCT r.statement_id) AS degree
ORDER BY degree DESC, actor ASC
LIMIT 10
UNION ALL
MATCH (n:Organization)-[r]-()
RETURN 'Organization' AS type, n.id AS actor, n.label AS actor_label, count(DISTINCT r.statement_id) AS degree
ORDER BY degree DESC, actor ASC
LIMIT 10
UNION ALL
MATCH (n:Person)-[r]-()
RETURN 'Person' AS type, n.id AS actor, n.label AS actor_label, count(DISTINCT r.statement_id) AS degree
ORDER BY degree DESC, actor ASC
LIMIT 10
