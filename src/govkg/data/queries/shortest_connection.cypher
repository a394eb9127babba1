// name: shortest_connection
// description: The shortest connections (all of them, up to 8 steps, in either direction) between two
// description: nodes — typically two agencies or two people — as lists of node ids, names and relation types.
// param: source: node — the first node: a name (as for search) or id
// param: target: node — the second node: a name (as for search) or id
// columns: hops, ids, names, rels
// order: names
// why: Neo4j spells shortest paths allShortestPaths(…) and maps over paths with list comprehensions
// why: and type(r); LadybugDB spells them -[* ALL SHORTEST 1..8]- and projects with properties(…)
// why: and the _LABEL of relationships.
// why: on Neo4j every node is matched by one of our labels, so the query reads only the
// why: graph being served (a replacing load writes the next one beside it: govkg.store.generations).
// variant: neo4j
MATCH (a:Agency|Body|Person|Post|Document|Task), (b:Agency|Body|Person|Post|Document|Task)
WHERE a.id = $source AND b.id = $target AND a.id <> b.id
MATCH p = allShortestPaths((a)-[*..8]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS rels
// variant: ladybug
MATCH (a), (b)
WHERE a.id = $source AND b.id = $target AND a.id <> b.id
MATCH p = (a)-[* ALL SHORTEST 1..8]-(b)
RETURN length(p) AS hops, properties(nodes(p), 'id') AS ids, properties(nodes(p), 'name') AS names,
       properties(rels(p), '_LABEL') AS rels
