#!/usr/bin/env bash
# Set up, lint, run the whole test suite, then the seed question set with its accuracy gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
.venv/bin/ruff check .
.venv/bin/pytest -q -p no:cacheprovider "$@"
# The seed question set, gated at the accuracy the project reaches; the report goes to the CI log.
.venv/bin/budget-qa eval evals/sets/seed.jsonl --corpus corpus/documents --report eval-report.md \
  --min-accuracy 97 > /dev/null || status=$?
cat eval-report.md
exit "${status:-0}"
