// Delete relationships by element id: links removed from the dataset.
// $parameters: ids (element ids)
UNWIND $ids AS id
MATCH ()-[r]->()
WHERE elementId(r) = id
DELETE r
