// name: body_leaders
// description: Who leads a body: its heads (组长, 指挥长, 召集人, 主任 …) and their deputies, named
// description: people and ex-officio posts alike. rank 1 = head, 2 = executive deputy (常务副…), 3 = deputy.
// description: Plain members, office staff (办公室…) and liaison officers (联络员) are left out.
// param: body: string — the body's id or name
// columns: role, rank, kind, holder_id, holder, position
// order: rank, role, holder
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE (b.id = $body OR b.name = $body)
  AND NOT m.role CONTAINS '成员' AND NOT m.role STARTS WITH '办公室' AND NOT m.role CONTAINS '联络员'
RETURN m.role AS role,
       CASE WHEN m.role STARTS WITH '常务副' THEN 2 WHEN m.role CONTAINS '副' THEN 3 ELSE 1 END AS rank,
       'named' AS kind, p.id AS holder_id, p.name AS holder, m.position AS position
UNION
MATCH (s:Post)-[r:SEAT_ON]->(b:Body)
WHERE (b.id = $body OR b.name = $body)
  AND NOT r.role CONTAINS '成员' AND NOT r.role STARTS WITH '办公室' AND NOT r.role CONTAINS '联络员'
RETURN r.role AS role,
       CASE WHEN r.role STARTS WITH '常务副' THEN 2 WHEN r.role CONTAINS '副' THEN 3 ELSE 1 END AS rank,
       'ex officio' AS kind, s.id AS holder_id, s.name AS holder, s.title AS position
