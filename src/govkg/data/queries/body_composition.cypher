// name: body_composition
// description: A body's composition on a day: named members, ex-officio seats and member units whose tie
// description: started on or before the day (or is undated) and had not ended by it, each with since and
// description: set_by (the document that set it up), and until and ended_by once a later document set the
// description: body out again.
// param: body: body — the body: its name with or without the city, alias, or id
// param: date: date = latest — the day to look at, YYYY-MM-DD (latest: the latest state)
// columns: kind, member_id, member, role, detail, since, until, set_by, ended_by
// order: kind, role, member
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE b.id = $body
  AND (m.date IS NULL OR m.date <= $date) AND (m.end_date IS NULL OR m.end_date > $date)
RETURN 'person' AS kind, p.id AS member_id, p.name AS member, m.role AS role, m.position AS detail,
       m.date AS since, m.end_date AS until, m.doc AS set_by, m.end_doc AS ended_by
UNION
MATCH (s:Post)-[r:SEAT_ON]->(b:Body)
WHERE b.id = $body
  AND (r.date IS NULL OR r.date <= $date) AND (r.end_date IS NULL OR r.end_date > $date)
RETURN 'ex officio' AS kind, s.id AS member_id, s.name AS member, r.role AS role, s.title AS detail,
       r.date AS since, r.end_date AS until, r.doc AS set_by, r.end_doc AS ended_by
UNION
MATCH (a:Agency)-[u:UNIT_OF]->(b:Body)
WHERE b.id = $body
  AND (u.date IS NULL OR u.date <= $date) AND (u.end_date IS NULL OR u.end_date > $date)
RETURN 'unit' AS kind, a.id AS member_id, a.name AS member, '成员单位' AS role, a.level AS detail,
       u.date AS since, u.end_date AS until, u.doc AS set_by, u.end_doc AS ended_by
