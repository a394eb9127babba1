// name: agency_tasks
// description: Tasks an agency is assigned, with its role (牵头 = leads; 责任, 配合 = shares), the
// description: document that assigns the task, and how many other agencies share it.
// param: agency: agency — the agency: full or short name (市发改委), alias, or id
// columns: task_id, task, role, doc_id, doc, partners
// order: role, task, doc
MATCH (a:Agency)-[r:ASSIGNED]->(t:Task)
WHERE a.id = $agency
OPTIONAL MATCH (t)-[:`IN`]->(d:Document)
OPTIONAL MATCH (o:Agency)-[:ASSIGNED]->(t)
WHERE o.id <> a.id
WITH t, d, r.role AS role, count(DISTINCT o) AS partners
RETURN t.id AS task_id, t.text AS task, role, d.id AS doc_id, d.number AS doc, partners
