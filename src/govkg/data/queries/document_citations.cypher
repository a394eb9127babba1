// name: document_citations
// description: Documents that cite a document, and the documents it cites (stub = cited but not in the corpus).
// param: document: string — the document's id, number (文号) or title
// columns: direction, doc_id, number, title, stub
// order: direction, number, title
MATCH (d:Document)-[:CITES]->(x:Document)
WHERE d.id = $document OR d.number = $document OR d.title = $document
RETURN 'cites' AS direction, x.id AS doc_id, x.number AS number, x.title AS title, x.stub AS stub
UNION
MATCH (x:Document)-[:CITES]->(d:Document)
WHERE d.id = $document OR d.number = $document OR d.title = $document
RETURN 'cited by' AS direction, x.id AS doc_id, x.number AS number, x.title AS title, x.stub AS stub
