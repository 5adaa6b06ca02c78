// Every relationship between managed nodes with both ends' labels and keys: the "before" side of a diff.
// $parameters: types (the managed relationship types)
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
RETURN elementId(r) AS eid, type(r) AS type, labels(a) AS start_labels, coalesce(a.id, a.code) AS start,
       labels(b) AS end_labels, coalesce(b.id, b.code) AS end, properties(r) AS props
