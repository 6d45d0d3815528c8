"""Shared fixtures: every test gets its own BUDGET_QA_HOME; the seed is parsed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "documents" / "shijiazhuang_federation_of_trade_unions_2024_budget.txt"
SEED_ID = SEED.stem
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture(scope="session", autouse=True)
def shared_models(tmp_path_factory):
    """The bundled embedding model is rebuilt once per session, not in every test's home."""
    folder = os.environ.get("BUDGET_QA_MODEL_CACHE") or str(tmp_path_factory.mktemp("models"))
    os.environ["BUDGET_QA_MODELS"] = folder
    return folder


@pytest.fixture(autouse=True)
def budget_home(tmp_path, monkeypatch):
    home = tmp_path / "budget-qa-home"
    monkeypatch.setenv("BUDGET_QA_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def seed_doc():
    from corpus.parse import parse_file

    return parse_file(SEED)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """A store holding the seed, shared read-only by the tests of a session."""
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("seed-store") / "store.sqlite3")
    ingest_paths([SEED], store)
    return store


def sample_paths() -> list[Path]:
    """The seed and every shared sample disclosure (text pages, PDFs, unit budgets)."""
    return [SEED, *sorted((SAMPLES / "text").glob("*.txt")), *sorted((SAMPLES / "pdf").glob("*.pdf")),
            *sorted((SAMPLES / "unit-budgets").glob("*.pdf"))]


@pytest.fixture(scope="session")
def sample_docs():
    from corpus.parse import parse_file

    return [parse_file(p) for p in sample_paths()]


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store holding the seed and every sample, shared read-only by the tests of a session."""
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("sample-store") / "store.sqlite3")
    ingest_paths(sample_paths(), store)
    return store


def _server(variable: str, module: str, prefix: str):
    """The server a variable names, else a throwaway one the module starts (stopped at the end)."""
    import importlib
    import tempfile

    given = os.environ.get(variable)
    if given:
        yield given
        return
    with importlib.import_module(module).throwaway(Path(tempfile.mkdtemp(prefix=prefix))) as url:
        yield url


@pytest.fixture(scope="session")
def pg_url():
    """A PostgreSQL server for the backend tests: BUDGET_QA_TEST_DATABASE_URL's, else a throwaway cluster
    (Debian's postgresql), stopped at the end, also when a test fails."""
    yield from _server("BUDGET_QA_TEST_DATABASE_URL", "tests.pg_cluster", "bq-pg-")


@pytest.fixture(scope="session")
def chroma_url():
    """A chroma server for the vector backend tests: BUDGET_QA_TEST_CHROMA_URL's, else a throwaway one."""
    yield from _server("BUDGET_QA_TEST_CHROMA_URL", "tests.chroma_server", "bq-chroma-")
