# Sourced by the scripts that need the server backends: starts a throwaway PostgreSQL cluster (Debian's
# postgresql) and a chroma server (`chroma run`), each on a free port, sets $url and $chroma, and stops
# both (their folders removed) on exit, also when a step fails.
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
folder=$(mktemp -d /tmp/bq-pg-XXXXXX)
vectors=$(mktemp -d /tmp/bq-chroma-XXXXXX)
trap '.venv/bin/python -m tests.pg_cluster stop "$folder" >/dev/null;
      .venv/bin/python -m tests.chroma_server stop "$vectors" >/dev/null' EXIT
url=$(.venv/bin/python -m tests.pg_cluster start "$folder")
chroma=$(.venv/bin/python -m tests.chroma_server start "$vectors")
