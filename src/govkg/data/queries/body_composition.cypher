// name: body_composition
// description: A body's composition as of a date: named members, ex-officio seats and member units
// description: whose tie started on or before the date (or is undated) and had not ended by it.
// param: body: string — the body's id or name
// param: date: date — the day to look at, YYYY-MM-DD
// columns: kind, member_id, member, role, detail, since
// order: kind, role, member
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE (b.id = $body OR b.name = $body)
  AND (m.date IS NULL OR m.date <= $date) AND (m.end_date IS NULL OR m.end_date > $date)
RETURN 'person' AS kind, p.id AS member_id, p.name AS member, m.role AS role, m.position AS detail, m.date AS since
UNION
MATCH (s:Post)-[r:SEAT_ON]->(b:Body)
WHERE (b.id = $body OR b.name = $body)
  AND (r.date IS NULL OR r.date <= $date) AND (r.end_date IS NULL OR r.end_date > $date)
RETURN 'ex officio' AS kind, s.id AS member_id, s.name AS member, r.role AS role, s.title AS detail, r.date AS since
UNION
MATCH (a:Agency)-[u:UNIT_OF]->(b:Body)
WHERE (b.id = $body OR b.name = $body)
  AND (u.date IS NULL OR u.date <= $date) AND (u.end_date IS NULL OR u.end_date > $date)
RETURN 'unit' AS kind, a.id AS member_id, a.name AS member, '成员单位' AS role, a.level AS detail, u.date AS since
