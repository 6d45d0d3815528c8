"""Passages embedded at ingest (real model, real chromadb under BUDGET_QA_HOME), counted by `docs --json`,
and passages that run on across a lead-in colon or a page break read as one."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from corpus.parse import parse_file
from index.passages import disclosure_passages
from tests.conftest import SAMPLES, SEED, SEED_ID


def _embedded(runner: CliRunner) -> dict[str, int]:
    result = runner.invoke(cli, ["docs", "--json"])
    assert result.exit_code == 0, result.output
    return {d["doc_id"]: d["passages_embedded"] for d in json.loads(result.output)}


def test_ingest_embeds_every_passage(seed_doc, budget_home):
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    passages = len(disclosure_passages(seed_doc))
    assert f"{passages} passages embedded" in result.output
    assert _embedded(runner) == {SEED_ID: passages} and (budget_home / "chroma").is_dir()


def test_reingest_replaces_the_vectors(seed_doc, tmp_path):
    from index.settings import load_settings
    from index.vectors import embed_at_ingest, embedded_counts

    settings = load_settings()
    assert embed_at_ingest([seed_doc], settings) == {SEED_ID: len(disclosure_passages(seed_doc))}
    section = next(s for s in seed_doc.sections if s.paragraphs)
    shorter = replace(seed_doc, sections=tuple(s for s in seed_doc.sections if s is not section))
    assert embed_at_ingest([shorter], settings) == {SEED_ID: len(disclosure_passages(shorter))}
    assert embedded_counts(settings, [SEED_ID, "other"]) == {SEED_ID: len(disclosure_passages(shorter)),
                                                              "other": 0}


def test_bm25_only_embeds_nothing(monkeypatch):
    monkeypatch.setenv("BUDGET_QA_RETRIEVAL", "bm25")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(SEED)])
    assert result.exit_code == 0 and "passages embedded" not in result.output
    assert _embedded(runner) == {SEED_ID: 0}


@pytest.mark.parametrize("ends, follows", [
    ("4、一般公共服务支出（类）财政事务（款）财政委托业务支出（项）。主要用于：",
     "委托中介机构开展各类审计及绩效评价工作。"),
])
def test_a_lead_in_colon_joins_what_follows(ends, follows):
    doc = parse_file(Path(SAMPLES / "text" / "shanghai_putuo_czj_2024_final.txt"))
    texts = [p.text for p in disclosure_passages(doc)]
    assert any(t.startswith(ends + follows) for t in texts)
    assert not any(t == ends for t in texts)
    assert any(t.startswith("1、一般公共服务支出") for t in texts)  # 其中： then a numbered list: items apart
