// name: neighbourhood
// description: The relations touching a node, as directed edges with both ends' labels and names,
// description: ready to draw.
// param: node: node — the node: any name a search finds, or its id
// param: limit: int = 500 — most edges returned
// columns: source, source_label, source_name, rel, target, target_label, target_name
// why: Neo4j has labels(n) (a list) and type(r); LadybugDB has label(n) and label(r), and no
// why: startNode/endNode, so it finds the edges by matching both directions at once.
// why: on Neo4j every node is matched by one of our labels, so the query reads only the
// why: graph being served (a replacing load writes the next one beside it: govkg.store.generations).
// why: LadybugDB reads the node's out-edges and in-edges (a self-loop once) through its id index, a union
// why: it cannot sort or cut as a whole; the rows are sorted and cut here (order, limit): 1 ms where one
// why: match of every edge with an OR on both ends took 3 ms on the sample corpus, growing with the graph.
// order: rel, source, target
// limit: limit
// variant: neo4j
MATCH (n:Agency|Body|Person|Post|Document|Task)-[r]-()
WHERE n.id = $node
WITH DISTINCT r
WITH startNode(r) AS s, r, endNode(r) AS t
RETURN s.id AS source, labels(s)[0] AS source_label, s.name AS source_name, type(r) AS rel,
       t.id AS target, labels(t)[0] AS target_label, t.name AS target_name
ORDER BY rel, source, target
LIMIT $limit
// variant: ladybug
MATCH (s)-[r]->(t)
WHERE s.id = $node
RETURN s.id AS source, label(s) AS source_label, s.name AS source_name, label(r) AS rel,
       t.id AS target, label(t) AS target_label, t.name AS target_name
UNION ALL
MATCH (s)-[r]->(t)
WHERE t.id = $node AND s.id <> $node
RETURN s.id AS source, label(s) AS source_label, s.name AS source_name, label(r) AS rel,
       t.id AS target, label(t) AS target_label, t.name AS target_name
