#!/usr/bin/env bash
# The record store on PostgreSQL: a throwaway cluster (Debian's postgresql) on a free port, the shared
# backend suite against it, then the seed corpus ingested into it and the seed question set at its gate;
# the cluster is stopped (and its folder removed) on exit, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
folder=$(mktemp -d /tmp/bq-pg-XXXXXX)
trap '.venv/bin/python -m tests.pg_cluster stop "$folder" >/dev/null' EXIT
url=$(.venv/bin/python -m tests.pg_cluster start "$folder")
echo "PostgreSQL: $url"
BUDGET_QA_TEST_DATABASE_URL=$url .venv/bin/pytest -q -p no:cacheprovider tests/index/test_store.py -k postgres
home=$(mktemp -d /tmp/bq-pg-home-XXXXXX)
export BUDGET_QA_DATABASE_URL=$url BUDGET_QA_HOME=$home
.venv/bin/budget-qa ingest corpus/documents
.venv/bin/budget-qa eval evals/sets/seed.jsonl --report eval-postgres-report.md --min-accuracy 97 > /dev/null
sed -n 3p eval-postgres-report.md
rm -rf "$home"
