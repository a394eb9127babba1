// name: bodies_of_agency
// description: Bodies an agency sits on, and how: as a member unit, through its people (named on the body
// description: in a post of the agency), through ex-officio seats of its posts, or as the host of the body's
// description: office. Each tie is dated: since and set_by (the document that set it up), until and ended_by
// description: (the one that set the body out again); status says whether it is current on the day asked about.
// param: agency: agency — the agency: full or short name (市发改委), alias, or id
// param: as_of: date = latest — the day to look at, YYYY-MM-DD (latest: the latest state)
// param: former: bool = false — also list the ties that had ended by then (status former)
// columns: body_id, body, via, role, holder_id, holder, position, since, until, set_by, ended_by, status
// order: status, via, body, role, holder, since
// CASE WHEN false THEN '' END: no position, as a NULL typed as a string (LadybugDB's UNION needs one type)
MATCH (a:Agency)-[u:UNIT_OF]->(b:Body)
WHERE a.id = $agency AND (u.date IS NULL OR u.date <= $as_of)
  AND ($former OR u.end_date IS NULL OR u.end_date > $as_of)
RETURN b.id AS body_id, b.name AS body, 'member unit' AS via, '成员单位' AS role, a.id AS holder_id,
       a.name AS holder, CASE WHEN false THEN '' END AS position, u.date AS since, u.end_date AS until, u.doc AS set_by,
       u.end_doc AS ended_by, CASE WHEN u.end_date IS NULL OR u.end_date > $as_of THEN 'current' ELSE 'former' END AS status
UNION
MATCH (a:Agency)<-[:POST_IN]-(:Post)<-[h:HOLDS]-(x:Person)-[m:MEMBER_OF]->(b:Body)
WHERE a.id = $agency AND h.doc = m.doc AND h.line = m.line AND (m.date IS NULL OR m.date <= $as_of)
  AND ($former OR m.end_date IS NULL OR m.end_date > $as_of)
RETURN b.id AS body_id, b.name AS body, 'person' AS via, m.role AS role, x.id AS holder_id, x.name AS holder,
       m.position AS position, m.date AS since, m.end_date AS until, m.doc AS set_by, m.end_doc AS ended_by,
       CASE WHEN m.end_date IS NULL OR m.end_date > $as_of THEN 'current' ELSE 'former' END AS status
UNION
MATCH (a:Agency)<-[:POST_IN]-(s:Post)-[r:SEAT_ON]->(b:Body)
WHERE a.id = $agency AND (r.date IS NULL OR r.date <= $as_of)
  AND ($former OR r.end_date IS NULL OR r.end_date > $as_of)
RETURN b.id AS body_id, b.name AS body, 'ex officio' AS via, r.role AS role, s.id AS holder_id, s.name AS holder,
       s.title AS position, r.date AS since, r.end_date AS until, r.doc AS set_by, r.end_doc AS ended_by,
       CASE WHEN r.end_date IS NULL OR r.end_date > $as_of THEN 'current' ELSE 'former' END AS status
UNION
MATCH (b:Body)-[o:OFFICE_AT]->(a:Agency)
WHERE a.id = $agency AND (o.date IS NULL OR o.date <= $as_of)
  AND ($former OR o.end_date IS NULL OR o.end_date > $as_of)
RETURN b.id AS body_id, b.name AS body, 'office host' AS via, '办公室' AS role, a.id AS holder_id,
       a.name AS holder, CASE WHEN false THEN '' END AS position, o.date AS since, o.end_date AS until, o.doc AS set_by,
       o.end_doc AS ended_by, CASE WHEN o.end_date IS NULL OR o.end_date > $as_of THEN 'current' ELSE 'former' END AS status
