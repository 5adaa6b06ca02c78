// Names of the constraints that exist, so a load runs schema/constraints only when one is missing.
// $parameters: none
SHOW CONSTRAINTS YIELD name
RETURN name
