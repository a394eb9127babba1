"""Developer tooling that is not shipped with govkg: a throw-away Neo4j server (``devtools.neo4j``,
built from the Maven project ``devdevtools/neo4j-launcher``) and synthetic graphs
(``devtools.synthetic``). Tests and benches import them from here."""
