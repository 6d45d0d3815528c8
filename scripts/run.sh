#!/usr/bin/env bash
# The main job: set up, ingest the bundled corpus (first start only), start the chat page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
.venv/bin/budget-qa ingest corpus/documents
exec .venv/bin/budget-qa serve --host "${HOST:-127.0.0.1}" --port "${PORT:-7860}"
