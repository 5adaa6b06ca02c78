// Every source (title, publisher, date, url), for the map's "source of each fact".
// $parameters: none
MATCH (s:Source)
RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.published_on AS published_on, s.url AS url
