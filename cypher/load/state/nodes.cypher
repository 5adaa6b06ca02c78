// Every node the loader manages, with its labels, key and properties: the "before" side of a load's diff.
// $parameters: labels (the managed labels)
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN elementId(n) AS eid, labels(n) AS labels, coalesce(n.id, n.code) AS key, properties(n) AS props
