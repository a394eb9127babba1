// name: find_nodes
// description: Nodes whose name contains a text, with their label: where to start exploring.
// param: text: string — part of a name, e.g. 财政局
// param: limit: int = 50 — most nodes returned
// columns: id, label, name
// why: Neo4j has labels(n) (a list); LadybugDB has label(n) (a string).
// why: on Neo4j every node is matched by one of our labels, so the query reads only the
// why: graph being served (a replacing load writes the next one beside it: govkg.store.generations).
// variant: neo4j
MATCH (n:Agency|Body|Person|Post|Document|Task)
WHERE n.name CONTAINS $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name
ORDER BY name, id
LIMIT $limit
// variant: ladybug
MATCH (n)
WHERE n.name CONTAINS $text
RETURN n.id AS id, label(n) AS label, n.name AS name
ORDER BY name, id
LIMIT $limit
