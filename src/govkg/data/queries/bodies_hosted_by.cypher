// name: bodies_hosted_by
// description: Bodies whose office (办公室) an agency hosts.
// param: agency: agency — the agency: full or short name (市发改委), alias, or id
// columns: body_id, body, kind
// order: body
MATCH (b:Body)-[:OFFICE_AT]->(a:Agency)
WHERE a.id = $agency
RETURN DISTINCT b.id AS body_id, b.name AS body, b.kind AS kind
