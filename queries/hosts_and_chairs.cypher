//+ name: hosts_and_chairs
//+ description: Hosts and chairs of a process (such as the GFMD) by year - who hosted or chaired its meetings, and who chaired the process itself.
//+ params: {process: entity}
//+ example: {process: "process:gfmd"}
//+ columns: [year, role, actor, actor_label, of]
//+ lists: []
MATCH (a)-[r:HOSTS]->(m:Event)-[:PART_OF]->(p:Process {id: $process})
RETURN left(coalesce(r.date, m.date), 4) AS year, 'host' AS role, a.id AS actor, a.label AS actor_label, m.id AS of
UNION
MATCH (a)-[r:CHAIRS]->(m:Event)-[:PART_OF]->(p:Process {id: $process})
RETURN left(coalesce(r.date, m.date), 4) AS year, coalesce(r.role, 'chair') AS role, a.id AS actor,
       a.label AS actor_label, m.id AS of
UNION
MATCH (a)-[r:HOSTS]->(p:Process {id: $process})
RETURN left(coalesce(r.date, r.start), 4) AS year, 'host' AS role, a.id AS actor, a.label AS actor_label, p.id AS of
UNION
MATCH (a)-[r:CHAIRS]->(p:Process {id: $process})
RETURN left(coalesce(r.start, r.date), 4) AS year, coalesce(r.role, 'chair') AS role, a.id AS actor,
       a.label AS actor_label, p.id AS of
