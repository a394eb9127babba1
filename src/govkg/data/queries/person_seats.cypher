// name: person_seats
// description: Everything a person serves on: bodies they are named on, and bodies where a post they held
// description: has an ex-officio seat — only when a document names them in that post while the seat stood
// description: (from its since to its until), by the day asked about, never through a post held at another
// description: time. Each row is dated (since, set_by; until, ended_by) and marked current or former.
// param: person: person — the person: name or id
// param: as_of: date = latest — the day to look at, YYYY-MM-DD (latest: the latest state)
// param: former: bool = false — also list the seats that had ended by then (status former)
// columns: body_id, body, role, via, post, since, until, set_by, ended_by, status
// order: status, via, body, role, since
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE p.id = $person AND (m.date IS NULL OR m.date <= $as_of)
  AND ($former OR m.end_date IS NULL OR m.end_date > $as_of)
RETURN b.id AS body_id, b.name AS body, m.role AS role, 'named' AS via, m.position AS post,
       m.date AS since, m.end_date AS until, m.doc AS set_by, m.end_doc AS ended_by,
       CASE WHEN m.end_date IS NULL OR m.end_date > $as_of THEN 'current' ELSE 'former' END AS status
UNION
MATCH (p:Person)-[h:HOLDS]->(s:Post)-[r:SEAT_ON]->(b:Body)
WHERE p.id = $person AND (r.date IS NULL OR r.date <= $as_of)
  AND ($former OR r.end_date IS NULL OR r.end_date > $as_of)
WITH b, s, r, min(h.date) AS first, max(h.date) AS last
WHERE first <= $as_of AND (r.end_date IS NULL OR first < r.end_date) AND (r.date IS NULL OR last >= r.date)
RETURN b.id AS body_id, b.name AS body, r.role AS role, 'ex officio' AS via, s.name AS post,
       r.date AS since, r.end_date AS until, r.doc AS set_by, r.end_doc AS ended_by,
       CASE WHEN r.end_date IS NULL OR r.end_date > $as_of THEN 'current' ELSE 'former' END AS status
