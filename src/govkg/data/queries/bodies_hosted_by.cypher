// name: bodies_hosted_by
// description: Bodies whose office (办公室) an agency hosts.
// param: agency: string — the agency's id or canonical name
// columns: body_id, body, kind
// order: body
MATCH (b:Body)-[:OFFICE_AT]->(a:Agency)
WHERE a.id = $agency OR a.name = $agency
RETURN DISTINCT b.id AS body_id, b.name AS body, b.kind AS kind
