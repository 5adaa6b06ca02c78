// Delete nodes (and their relationships) by element id: rows removed from the dataset.
// $parameters: ids (element ids)
UNWIND $ids AS id
MATCH (n)
WHERE elementId(n) = id
DETACH DELETE n
