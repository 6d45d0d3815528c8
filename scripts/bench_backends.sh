#!/usr/bin/env bash
# The scale benchmark (scripts/bench_scale.py) on the server backends: a throwaway PostgreSQL cluster and a
# chroma server, each on a free port, with embeddings (fused retrieval); both stopped on exit. Prints the
# benchmark's table. Usage: bash scripts/bench_backends.sh [N ...]   (default: 10 100)
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
folder=$(mktemp -d /tmp/bq-pg-XXXXXX)
vectors=$(mktemp -d /tmp/bq-chroma-XXXXXX)
trap '.venv/bin/python -m tests.pg_cluster stop "$folder" >/dev/null;
      .venv/bin/python -m tests.chroma_server stop "$vectors" >/dev/null' EXIT
export BUDGET_QA_DATABASE_URL=$(.venv/bin/python -m tests.pg_cluster start "$folder")
export BUDGET_QA_CHROMA_URL=$(.venv/bin/python -m tests.chroma_server start "$vectors")
echo "PostgreSQL + chroma server ($BUDGET_QA_CHROMA_URL)"
[ $# -gt 0 ] || set -- 10 100
.venv/bin/python scripts/bench_scale.py --retrieval fusion --n "$@"
