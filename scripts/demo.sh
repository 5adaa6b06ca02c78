#!/usr/bin/env bash
# Fresh machine -> `graphkit demo` on the embedded database (no server to install, no config).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/graphkit demo "$@"
