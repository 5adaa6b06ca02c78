// The Bolt ceiling for the benchmark (tests/perf/bench.py): receive a batch of rows and only count them.
// $parameters: rows (any list: the batches a load sends)
UNWIND $rows AS row
RETURN count(*) AS n
