"""`budget-qa audit` through click's CliRunner, over a real store holding the seed (and an edited copy)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.audit_cli import audit
from corpus.errors import DocumentNotFound
from index.ingest import ingest_paths
from index.settings import load_settings
from index.sqlite_store import SQLiteStore
from tests.conftest import SEED, SEED_ID


@pytest.fixture
def store():
    return SQLiteStore(load_settings().db_path)


def test_audit_json_and_text(store):
    ingest_paths([SEED], store)
    runner = CliRunner()
    data = json.loads(runner.invoke(audit, ["--json"]).output)
    assert [(f["doc_id"], f["severity"], f["check"]) for f in data["findings"]] == \
        [(SEED_ID, "info", "narrative.project")]
    result = runner.invoke(audit, ["--doc", SEED_ID])
    text = result.output
    assert result.exit_code == 0  # a note is no error
    assert text.startswith(f"{SEED_ID}: audit: 0 error(s), 0 warning(s), 1 note(s)")
    assert "业务咨询委托费" in text


def test_audit_every_document_and_unknown_doc(store, tmp_path):
    broken = tmp_path / "broken_copy.txt"
    broken.write_text(SEED.read_text(encoding="utf-8").replace("人员经费3648.28万元", "人员经费3648.29万元"),
                      encoding="utf-8")
    ingest_paths([SEED, broken], store)
    found = CliRunner().invoke(audit, ["--json"])
    assert found.exit_code == 1  # a document contradicts itself: scripts can stop on it
    assert CliRunner().invoke(audit, ["--report-only"]).exit_code == 0
    data = json.loads(found.output)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [(f["doc_id"], f["check"], f["difference"]) for f in errors] == \
        [("broken_copy", "narrative.amount", "0.01")]
    result = CliRunner().invoke(audit, ["--doc", "no-such-doc"])
    assert isinstance(result.exception, DocumentNotFound)
