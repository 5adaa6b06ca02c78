// Other names (aliases) of every organization that has any, for the map's search box.
// $parameters: none
MATCH (o:Organization)
WHERE o.aliases IS NOT NULL
RETURN o.id AS id, o.aliases AS aliases
