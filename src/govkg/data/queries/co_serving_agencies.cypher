// name: co_serving_agencies
// description: Pairs of agencies that are member units of the same bodies most often.
// param: limit: int = 20 — how many pairs
// columns: agency_id, agency, other_id, other, bodies
MATCH (a:Agency)-[:UNIT_OF]->(b:Body)<-[:UNIT_OF]-(c:Agency)
WHERE a.id < c.id
WITH a, c, count(DISTINCT b) AS bodies
RETURN a.id AS agency_id, a.name AS agency, c.id AS other_id, c.name AS other, bodies
ORDER BY bodies DESC, agency_id, other_id
LIMIT $limit
