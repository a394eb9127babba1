"""Stage 3, graph: facts → one resolved RDF graph (ORG, FOAF, PROV, DCTERMS; SHACL-valid) → the
property graph the stores load → export files."""
