// The loaded dataset's name, whether it is synthetic, and the assumed agreement term in years.
// $parameters: none
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.synthetic AS synthetic, d.term_years AS term_years
