// Every relationship with its type, both ends' labels and keys, and its properties: a full dump for comparisons.
// $parameters: none
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS start_labels, coalesce(a.id, a.code) AS start,
       labels(b) AS end_labels, coalesce(b.id, b.code) AS end, properties(r) AS props
