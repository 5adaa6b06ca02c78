// Count the nodes and relationships of the current database (one row: nodes, relationships).
// $parameters: none
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
