// Every province and regency/city for the analytics snapshot (a regency's province_code is its property).
// $parameters: none
MATCH (r:Region)
RETURN r.code AS code, r.name AS name, labels(r) AS labels, r.kind AS kind, r.short_name AS short_name,
       r.lat AS lat, r.lon AS lon, r.province_code AS province_code
