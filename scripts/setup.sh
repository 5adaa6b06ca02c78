#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: a virtualenv in .venv with graphkit (editable) and, with
# --test, the test extras plus Debian's chromium + chromium-driver for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}   # set PYTHON=/path/to/python3.11 to choose another interpreter
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: graphkit needs Python 3.11 or newer; $PY is $("$PY" --version 2>&1 || echo missing)." >&2
  echo "setup: install one (e.g. apt-get install python3.11) and run again with PYTHON=python3.11" >&2
  exit 2
fi
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

if [ "$want_test" = 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdftotext >/dev/null; }; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing chromium + chromium-driver + poppler-utils (apt)" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PY" -m venv .venv
fi
extras=""; [ "$want_test" = 1 ] && extras="[test]"
stamp=".venv/.graphkit-installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".$extras"
  touch "$stamp"
fi
