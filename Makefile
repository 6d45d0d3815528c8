.PHONY: setup run test test-backends lint bench

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
