#!/usr/bin/env bash
# Create .venv and install budget-qa with its test tools. torch is pinned to the local CPU wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet torch==2.13.0          # the CPU build; never an unpinned torch
.venv/bin/pip install --quiet -e '.[test]'
