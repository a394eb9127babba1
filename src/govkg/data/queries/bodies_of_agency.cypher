// name: bodies_of_agency
// description: Bodies an agency sits on, and how: as a member unit, through its people's posts,
// description: through ex-officio seats of its posts, or as the host of the body's office.
// param: agency: string — the agency's id or its canonical name
// columns: body_id, body, via, role
// order: via, body, role
MATCH (a:Agency)-[:UNIT_OF]->(b:Body)
WHERE a.id = $agency OR a.name = $agency
RETURN b.id AS body_id, b.name AS body, 'member unit' AS via, '成员单位' AS role
UNION
MATCH (a:Agency)<-[:POST_IN]-(:Post)<-[:HOLDS]-(:Person)-[m:MEMBER_OF]->(b:Body)
WHERE a.id = $agency OR a.name = $agency
RETURN b.id AS body_id, b.name AS body, 'person' AS via, m.role AS role
UNION
MATCH (a:Agency)<-[:POST_IN]-(:Post)-[s:SEAT_ON]->(b:Body)
WHERE a.id = $agency OR a.name = $agency
RETURN b.id AS body_id, b.name AS body, 'ex officio' AS via, s.role AS role
UNION
MATCH (b:Body)-[:OFFICE_AT]->(a:Agency)
WHERE a.id = $agency OR a.name = $agency
RETURN b.id AS body_id, b.name AS body, 'office host' AS via, '办公室' AS role
