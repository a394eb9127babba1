// name: person_seats
// description: Everything a person serves on: bodies they are named on, and bodies where a post
// description: they hold has an ex-officio seat.
// param: person: string — the person's id or name
// columns: body_id, body, role, via, doc
// order: via, body, role
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE p.id = $person OR p.name = $person
RETURN b.id AS body_id, b.name AS body, m.role AS role, 'named' AS via, m.doc AS doc
UNION
MATCH (p:Person)-[:HOLDS]->(:Post)-[s:SEAT_ON]->(b:Body)
WHERE p.id = $person OR p.name = $person
RETURN b.id AS body_id, b.name AS body, s.role AS role, 'ex officio' AS via, s.doc AS doc
