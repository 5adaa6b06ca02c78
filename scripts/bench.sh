#!/usr/bin/env bash
# Fresh clone -> the benchmark (docs/PERFORMANCE.md): the same set-up as the tests, then every scale.
# Usage: bash scripts/bench.sh [--scales 1,10,100] [--variants jvm,native+rust,jvm+rust] [--json FILE]
# (tables on stderr, JSON on stdout; scripts/perf_table.py FILE makes the README table from the JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test >&2
exec .venv/bin/python tests/perf/bench.py "$@"
