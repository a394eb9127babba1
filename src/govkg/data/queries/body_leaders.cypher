// name: body_leaders
// description: Who leads a body on a day: its heads (组长, 指挥长, 召集人, 主任 …) and their deputies, named
// description: people and ex-officio posts alike. rank 1 = head, 2 = executive deputy (常务副…), 3 = deputy.
// description: Plain members, office staff (办公室…) and liaison officers (联络员) are left out. Each row is
// description: dated (since, set_by; until, ended_by) and marked current or former. For an ex-officio seat,
// description: held_by names the people a document names in that post while the seat stood, by the day asked
// description: about (empty: no document says who held it then), and last_named / last_named_on the people
// description: the latest document up to that day names in the post, whenever it was (a lead, not a holding).
// description: For a named leader all three are the person and the day of the document naming them.
// param: body: body — the body: its name with or without the city (防汛抗旱指挥部), alias, or id
// param: as_of: date = latest — the day to look at, YYYY-MM-DD (latest: the latest state)
// param: former: bool = false — also list the leaders whose tie had ended by then (status former)
// columns: role, rank, kind, holder_id, holder, position, held_by, last_named, last_named_on, since, until,
// columns: set_by, ended_by, status
// order: status, rank, role, holder, since
// unordered: held_by, last_named
// coalesce(x, x) below: no expression twice in one RETURN, which makes LadybugDB (0.22) misplace the
// columns of the other branches (tests/store/test_query_texts.py)
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body)
WHERE b.id = $body
  AND NOT m.role CONTAINS '成员' AND NOT m.role STARTS WITH '办公室' AND NOT m.role CONTAINS '联络员'
  AND (m.date IS NULL OR m.date <= $as_of) AND ($former OR m.end_date IS NULL OR m.end_date > $as_of)
RETURN m.role AS role,
       CASE WHEN m.role STARTS WITH '常务副' THEN 2 WHEN m.role CONTAINS '副' THEN 3 ELSE 1 END AS rank,
       'named' AS kind, p.id AS holder_id, p.name AS holder, m.position AS position, [p.name] AS held_by,
       [coalesce(p.name, p.name)] AS last_named, coalesce(m.date, m.date) AS last_named_on, m.date AS since,
       m.end_date AS until, m.doc AS set_by, m.end_doc AS ended_by,
       CASE WHEN m.end_date IS NULL OR m.end_date > $as_of THEN 'current' ELSE 'former' END AS status
UNION
MATCH (s:Post)-[r:SEAT_ON]->(b:Body)
WHERE b.id = $body
  AND NOT r.role CONTAINS '成员' AND NOT r.role STARTS WITH '办公室' AND NOT r.role CONTAINS '联络员'
  AND (r.date IS NULL OR r.date <= $as_of) AND ($former OR r.end_date IS NULL OR r.end_date > $as_of)
OPTIONAL MATCH (x:Person)-[h:HOLDS]->(s)
WITH s, r, x, min(h.date) AS first, max(h.date) AS last
WITH s, r, collect(CASE WHEN first <= $as_of AND (r.end_date IS NULL OR first < r.end_date)
                        AND (r.date IS NULL OR last >= r.date) THEN x.name END) AS holders
OPTIONAL MATCH (:Person)-[g:HOLDS]->(s)
WHERE g.date <= $as_of
WITH s, r, holders, max(g.date) AS named_on
OPTIONAL MATCH (y:Person)-[n:HOLDS]->(s)
WHERE n.date = named_on
WITH s, r, holders, named_on, collect(DISTINCT y.name) AS named
RETURN r.role AS role,
       CASE WHEN r.role STARTS WITH '常务副' THEN 2 WHEN r.role CONTAINS '副' THEN 3 ELSE 1 END AS rank,
       'ex officio' AS kind, s.id AS holder_id, s.name AS holder, s.title AS position, holders AS held_by,
       named AS last_named, named_on AS last_named_on, r.date AS since, r.end_date AS until, r.doc AS set_by,
       r.end_doc AS ended_by,
       CASE WHEN r.end_date IS NULL OR r.end_date > $as_of THEN 'current' ELSE 'former' END AS status
