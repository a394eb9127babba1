// name: top_lead_agencies
// description: Agencies named lead unit (牵头) for the most tasks.
// param: limit: int = 20 — how many agencies
// columns: agency_id, agency, mandates
MATCH (a:Agency)-[r:ASSIGNED]->(t:Task)
WHERE r.role = '牵头'
WITH a, count(DISTINCT t) AS mandates
RETURN a.id AS agency_id, a.name AS agency, mandates
ORDER BY mandates DESC, agency_id
LIMIT $limit
