#!/usr/bin/env bash
# The scale benchmark (scripts/bench_scale.py) on the server backends: a throwaway PostgreSQL cluster and a
# chroma server, each on a free port, with embeddings (fused retrieval); both stopped on exit. Prints the
# benchmark's table. Usage: bash scripts/bench_backends.sh [N ...]   (default: 10 100)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh  # $url, $chroma; both stopped on exit
export BUDGET_QA_DATABASE_URL=$url BUDGET_QA_CHROMA_URL=$chroma
echo "PostgreSQL + chroma server ($BUDGET_QA_CHROMA_URL)"
[ $# -gt 0 ] || set -- 10 100
.venv/bin/python scripts/bench_scale.py --retrieval fusion --n "$@"
