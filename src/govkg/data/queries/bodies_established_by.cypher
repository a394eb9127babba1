// name: bodies_established_by
// description: Bodies a document establishes or sets the composition of, with their kind and office host.
// param: document: document — the document: its number (文号, any brackets: 〔2020〕 [2020] (2020)), title, or id
// columns: body_id, body, kind, office
// order: body, office
MATCH (b:Body)-[:ESTABLISHED_BY]->(d:Document)
WHERE d.id = $document
OPTIONAL MATCH (b)-[:OFFICE_AT]->(o:Agency)
RETURN DISTINCT b.id AS body_id, b.name AS body, b.kind AS kind, o.name AS office
