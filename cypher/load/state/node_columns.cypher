// Every node the loader manages as four parallel lists (one record: far cheaper over Bolt than one
// record per node): element ids, labels, keys and properties. The "before" side of a load's diff.
// $parameters: labels (the managed labels)
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN collect(elementId(n)) AS eids, collect(labels(n)) AS labels, collect(coalesce(n.id, n.code)) AS keys,
       collect(properties(n)) AS props
