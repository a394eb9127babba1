// name: top_people_by_seats
// description: People who sit on the most bodies (distinct bodies they are named on).
// param: limit: int = 20 — how many people
// columns: person_id, person, seats
MATCH (p:Person)-[:MEMBER_OF]->(b:Body)
WITH p, count(DISTINCT b) AS seats
RETURN p.id AS person_id, p.name AS person, seats
ORDER BY seats DESC, person_id
LIMIT $limit
