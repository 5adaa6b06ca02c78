// Delete every node and relationship of the current database (test set-up on a real Neo4j).
// $parameters: none
MATCH (n) DETACH DELETE n
