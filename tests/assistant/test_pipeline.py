"""The answer pipeline as a langchain runnable sequence: its steps, their timing, and the optional
rewording step whose numbers must all be the answer's own (tested with langchain-core's fake chat models)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.pipeline import STEPS, StepTimer, build
from assistant.rephrase import configured_model, rephrase
from assistant.service import Assistant
from corpus.errors import ConfigError
from index.settings import load_settings
from tests.conftest import ROOT, SEED, SEED_ID


@pytest.fixture
def assistant(seed_store):
    return Assistant(store=seed_store, settings=load_settings())


@pytest.mark.parametrize("question", ["一般公共服务支出是多少", "基本支出占总支出的比例是多少"])
def test_every_step_is_timed(assistant, question):
    timer = StepTimer()
    assistant.callbacks.append(timer)
    answer = assistant.ask(question, doc=SEED_ID)
    assert not answer.abstained
    times = timer.take()
    assert set(times) == set(STEPS) - {"rephrase"} and all(t >= 0 for t in times.values())
    assert timer.take() == {}


def test_eval_report_has_step_percentiles(assistant):
    from evals.questions import EvalQuestion
    from evals.report import markdown, summarize
    from evals.run import run

    q = EvalQuestion("p-1", SEED_ID, "人员经费是多少", "", None, None, "narrative")
    summary = summarize(run(assistant, [q], progress=False))
    assert set(summary["steps_ms"]) == set(STEPS) - {"rephrase"}
    assert "Per step (ms): parse p50" in markdown(summary, "t")
    assert assistant.callbacks == []


def _keeps(text: str) -> FakeListChatModel:
    return FakeListChatModel(responses=[text])


def test_rewording_that_keeps_the_numbers_is_used(assistant):
    plain = assistant.ask("一般公共服务支出是多少", doc=SEED_ID)
    reworded = "一般公共服务支出安排了1537.72万元，也就是15377200元。"
    assert rephrase(plain, _keeps(reworded)).text == reworded


@pytest.mark.parametrize("changed", ["一般公共服务支出约1538万元。", "一般公共服务支出1537.72万元，比上年多12%。"])
def test_rewording_that_changes_a_number_is_rejected(assistant, changed):
    plain = assistant.ask("一般公共服务支出是多少", doc=SEED_ID)
    assert rephrase(plain, _keeps(changed)) == plain


def test_rewording_step_runs_in_the_pipeline(assistant):
    pipeline = build(lambda: assistant.narrative, _keeps("人员经费为3648.28万元。"))
    assistant._pipeline = pipeline
    timer = StepTimer()
    assistant.callbacks.append(timer)
    answer = assistant.ask("人员经费是多少", doc=SEED_ID)
    assert answer.text == "人员经费为3648.28万元。" and "rephrase" in timer.take()


def test_without_a_configured_model_nothing_changes(monkeypatch):
    monkeypatch.delenv("BUDGET_QA_LLM", raising=False)
    assert configured_model() is None


@pytest.mark.parametrize("spec", ["openai:gpt-x@http://127.0.0.1:9", "nosuchmodule:factory", "json:nothing"])
def test_unusable_model_setting_is_a_clear_error(monkeypatch, spec):
    monkeypatch.setenv("BUDGET_QA_LLM", spec)
    with pytest.raises(ConfigError, match="BUDGET_QA_LLM"):
        configured_model()


def test_table_question_imports_no_heavy_library(tmp_path):
    """A table question must not load torch, chromadb or sentence-transformers (the CLI starts fast)."""
    code = (f"from index.ingest import ingest_paths; from index.sqlite_store import SQLiteStore\n"
            f"from assistant.service import Assistant; from index.settings import load_settings\n"
            f"from pathlib import Path; import sys, json\n"
            f"store = SQLiteStore(Path({str(tmp_path / 's.db')!r})); ingest_paths([Path({str(SEED)!r})], store)\n"
            f"a = Assistant(store=store, settings=load_settings()); a.ask('人员经费是多少')\n"
            f"print(json.dumps([m for m in ('torch', 'chromadb', 'sentence_transformers') if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
