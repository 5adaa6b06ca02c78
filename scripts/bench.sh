#!/usr/bin/env bash
# Fresh clone -> the benchmark (docs/PERFORMANCE.md): the same set-up as the tests, then every scale.
# Usage: bash scripts/bench.sh [--scales 1,10,100] [--json FILE]   (table on stderr, JSON on stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test >&2
exec .venv/bin/python tests/perf/bench.py "$@"
