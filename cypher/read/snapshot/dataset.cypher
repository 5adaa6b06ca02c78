// The loaded dataset's name, whether it is synthetic, and the assumed agreement term in years, and
// its completeness statement (null when the dataset states none).
// $parameters: none
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.synthetic AS synthetic, d.term_years AS term_years,
       d.completeness AS completeness
