// Completeness statements the loaded data carries: a `completeness` property on the Dataset node or on a
// Source node (a `completeness` column in sources.csv), e.g. "names 9 of 342 partners reported".
// $parameters: none
MATCH (n)
WHERE (n:Dataset OR n:Source) AND n.completeness IS NOT NULL
RETURN labels(n) AS labels, n.id AS id, n.completeness AS completeness
ORDER BY id
