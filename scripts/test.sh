#!/usr/bin/env bash
# Fresh machine -> the whole test suite (real embedded database, real headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check graphkit tests scripts conftest.py notebooks
exec .venv/bin/python -m pytest -q "$@"
