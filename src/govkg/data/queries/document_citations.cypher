// name: document_citations
// description: Documents that cite a document, and the documents it cites (stub = cited but not in the corpus).
// param: document: document — the document: its number (文号, any brackets: 〔2020〕 [2020] (2020)), title, or id
// columns: direction, doc_id, number, title, stub
// order: direction, number, title
MATCH (d:Document)-[:CITES]->(x:Document)
WHERE d.id = $document
RETURN 'cites' AS direction, x.id AS doc_id, x.number AS number, x.title AS title, x.stub AS stub
UNION
MATCH (x:Document)-[:CITES]->(d:Document)
WHERE d.id = $document
RETURN 'cited by' AS direction, x.id AS doc_id, x.number AS number, x.title AS title, x.stub AS stub
