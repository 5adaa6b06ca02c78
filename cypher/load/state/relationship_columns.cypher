// Every relationship of the managed types as five parallel lists (one record: far cheaper over Bolt than
// one record per relationship): element ids, types, both ends' element ids and properties. The ends' keys
// come from load/state/node_columns. The "before" side of a load's diff.
// $parameters: types (the managed relationship types)
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
RETURN collect(elementId(r)) AS eids, collect(type(r)) AS types, collect(elementId(a)) AS starts,
       collect(elementId(b)) AS ends, collect(properties(r)) AS props
