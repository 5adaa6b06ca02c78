// Replace the properties of relationships given by element id, found from their end node (row.anchor,
// the end with fewer relationships): a relationship has no index of its own, so this avoids a scan.
// $parameters: rows (list of {anchor, eid, props})
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.anchor
MATCH (a)<-[r]-()
WHERE elementId(r) = row.eid
SET r = row.props
