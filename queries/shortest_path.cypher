//+ name: shortest_path
//+ description: The shortest connections (up to three statements long, in either direction) between two entities - every path of the smallest length, as the ids along it.
//+ params: {source: entity, target: entity}
//+ example: {source: "state:BRA", target: "state:FRA"}
//+ columns: [hops, path]
//+ lists: [path]
// A bounded variable-length pattern valid in Neo4j and Ladybug: first the smallest length, then every path of it.
MATCH p = (a {id: $source})-[*1..3]-(b {id: $target})
WITH min(length(p)) AS hops
MATCH q = (a {id: $source})-[*1..3]-(b {id: $target})
WHERE length(q) = hops
RETURN DISTINCT hops, nodes(q) AS path
