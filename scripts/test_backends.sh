#!/usr/bin/env bash
# The server backends: a throwaway PostgreSQL cluster (Debian's postgresql) and a chroma server (`chroma
# run`), each on a free port; the shared record-store and vector suites against them, then the seed corpus
# ingested into both and the seed question set at its gate. Both are stopped (their folders removed) on
# exit, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh  # $url, $chroma; both stopped on exit
echo "PostgreSQL: $url · chroma: $chroma"
BUDGET_QA_TEST_DATABASE_URL=$url BUDGET_QA_TEST_CHROMA_URL=$chroma .venv/bin/pytest -q -p no:cacheprovider \
  tests/index/test_store.py tests/index/test_e5_model.py -k "postgres or server"
home=$(mktemp -d /tmp/bq-pg-home-XXXXXX)
export BUDGET_QA_DATABASE_URL=$url BUDGET_QA_CHROMA_URL=$chroma BUDGET_QA_HOME=$home
.venv/bin/budget-qa ingest corpus/documents
if [ -e "$home/chroma" ] || [ -e "$home/store.sqlite3" ]; then  # everything went to the servers
  echo "records or vectors were written under $home instead of the servers" >&2; exit 1
fi
.venv/bin/budget-qa eval evals/sets/seed.jsonl --report eval-postgres-report.md --min-accuracy 97 > /dev/null
sed -n 3p eval-postgres-report.md
rm -rf "$home"
