#!/usr/bin/env bash
# Set up, lint, run the whole test suite, then the seed question set with its accuracy gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
.venv/bin/ruff check .
.venv/bin/pytest -q -p no:cacheprovider "$@"
