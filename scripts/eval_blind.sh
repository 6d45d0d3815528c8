#!/usr/bin/env bash
# The blind question sets (evals/blind/, written from the documents alone): the text documents, then
# the published PDFs (czj and wanli 2025 asked of their PDF too). SPLIT=dev|test picks a split;
# SET=evals/blind2 runs the second set (blind4 adds the unit budgets); reports go to $OUT (default /tmp/blind). Prints
# each report's headline.
set -uo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
OUT=${OUT:-/tmp/blind}; mkdir -p "$OUT"
SAMPLES=${SAMPLES:-../shared/samples}
split=(); [ -n "${SPLIT:-}" ] && split=(--split "$SPLIT")
B=${SET:-evals/blind}
.venv/bin/budget-qa eval $B/seed.jsonl $B/cqjtw.jsonl $B/czj.jsonl $B/jgw.jsonl $B/wanli25.jsonl "${split[@]}" \
  --corpus corpus/documents --corpus "$SAMPLES/text" --out "$OUT/text.jsonl" --report "$OUT/text.md" "$@" \
  > /dev/null; t=$?
.venv/bin/budget-qa eval $B/czj.jsonl $B/wanli25.jsonl $B/ghzy.jsonl $B/swj.jsonl $B/wanli24.jsonl "${split[@]}" \
  --pdf --corpus "$SAMPLES/pdf" --out "$OUT/pdf.jsonl" --report "$OUT/pdf.md" "$@" > /dev/null; p=$?
reports=("$OUT/text.md" "$OUT/pdf.md"); u=0
if [ -f "$B/sflyy.jsonl" ]; then  # from the fourth set on: the unit budgets too
  .venv/bin/budget-qa eval $B/swjunit.jsonl $B/sflyy.jsonl "${split[@]}" --pdf --corpus "$SAMPLES/unit-budgets" \
    --out "$OUT/unit.jsonl" --report "$OUT/unit.md" "$@" > /dev/null; u=$?
  reports+=("$OUT/unit.md")
fi
for f in "${reports[@]}"; do sed -n 3p "$f"; grep '^By cause' "$f"; done
exit $(( t || p || u ))
