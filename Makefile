.PHONY: setup run test test-backends lint bench bench-scale bench-backends bench-load

N ?= 10 100

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

test-backends:
	bash scripts/test_backends.sh

lint:
	.venv/bin/ruff check .

bench:
	.venv/bin/python scripts/bench_ask.py

bench-scale:  # make bench-scale N=1000 (SQLite, BM25; RETRIEVAL=fusion embeds)
	.venv/bin/python scripts/bench_scale.py --n $(N) --retrieval $(or $(RETRIEVAL),bm25)

bench-backends:  # the same on a throwaway PostgreSQL and chroma server, with embeddings
	bash scripts/bench_backends.sh $(N)

bench-load:
	.venv/bin/python scripts/load_web.py
