// Delete relationships given by element id, found from their start node (row.anchor, the end with fewer
// relationships): a relationship has no index of its own, so this avoids a scan of every relationship.
// $parameters: rows (list of {anchor, eid})
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.anchor
MATCH (a)-[r]->()
WHERE elementId(r) = row.eid
DELETE r
