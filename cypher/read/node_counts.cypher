// Number of nodes per label combination (the caller folds :Region into Province/Regency).
// $parameters: none
MATCH (n)
RETURN labels(n) AS labels, count(*) AS n
