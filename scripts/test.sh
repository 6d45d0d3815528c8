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
# Question sets that travel with the other real disclosures (shared/samples sits beside the clone):
# the text pages, then the published PDFs (read directly); each gated like the seed set.
SAMPLES=../shared/samples
if [ -d "$SAMPLES/text" ]; then
  .venv/bin/budget-qa eval $(ls evals/sets/*.jsonl | grep -v -e seed -e _pdf -e _unit) --corpus "$SAMPLES/text" \
    --report eval-samples-report.md --min-accuracy 95 > /dev/null || status=$?
  cat eval-samples-report.md
fi
if [ -d "$SAMPLES/pdf" ]; then
  .venv/bin/budget-qa eval evals/sets/*_pdf.jsonl --corpus "$SAMPLES/pdf" \
    --report eval-pdf-report.md --min-accuracy 95 > /dev/null || status=$?
  cat eval-pdf-report.md
fi
if [ -d "$SAMPLES/unit-budgets" ]; then  # 单位预算: each unit's own budget
  .venv/bin/budget-qa eval evals/sets/*_unit.jsonl --pdf --corpus "$SAMPLES/unit-budgets" \
    --report eval-unit-report.md --min-accuracy 95 > /dev/null || status=$?
  cat eval-unit-report.md
fi
exit "${status:-0}"
