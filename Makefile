.PHONY: setup run test lint bench

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check .

bench:
	.venv/bin/python scripts/bench_ask.py
