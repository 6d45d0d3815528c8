"""`budget-qa eval` end to end: a set travels with its corpus; report, results, baseline, gate."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from evals.cli import eval_command
from evals.questions import EvalSetError, load_questions
from tests.conftest import ROOT, SEED, SEED_ID

SET = [
    {"id": "a", "doc": SEED_ID, "question": "基本支出是多少", "answer": "", "value": 3721.03, "unit": "万元",
     "type": "lookup", "evidence": "支出总表|合计"},
    {"id": "b", "doc": SEED_ID, "question": "项目支出是多少", "answer": "", "value": 999, "unit": "万元",
     "type": "lookup"},  # wrong on purpose
    {"id": "c", "doc": None, "question": "2031年的预算是多少", "answer": "", "value": None, "unit": None,
     "type": "unanswerable"},
]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _write(path, items):
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    return path


def test_eval_run_report_and_gate(tmp_path, corpus):
    qs = _write(tmp_path / "set.jsonl", SET)
    out, report = tmp_path / "out.jsonl", tmp_path / "r.md"
    runner = CliRunner()
    result = runner.invoke(eval_command, [str(qs), "--corpus", str(corpus), "--out", str(out),
                                          "--report", str(report), "--min-accuracy", "90"])
    assert result.exit_code == 1, result.output  # 2 of 3 is below the gate
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["passed"] for r in records] == [True, False, True]
    assert records[0]["response"]["value"] == 3721.03 and records[0]["evidence_ok"] is True
    text = report.read_text(encoding="utf-8")
    assert "Accuracy 66.67%" in text and "项目支出是多少" in text and "| lookup | 2 | 1 | 50.0% |" in text

    fixed = _write(tmp_path / "set2.jsonl", [SET[0], {**SET[1], "value": 433.00}, SET[2]])
    again = runner.invoke(eval_command, [str(fixed), "--corpus", str(corpus), "--baseline", str(out),
                                         "--json"])
    summary = json.loads(again.output)
    assert again.exit_code == 0 and summary["fixed"] == ["b"] and summary["broken"] == []


@pytest.mark.parametrize(("line", "message"), [
    ('{"question": "x", "type": "weird"}', "type 'weird'"),
    ('{"question": "x", "type": "lookup"}', "needs a 'value'"),
    ('{"type": "lookup", "value": 1}', "missing 'question'"),
    ("not json", "not valid JSON"),
])
def test_bad_sets_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"question": "ok", "type": "unanswerable"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvalSetError) as info:
        load_questions(path)
    assert "bad.jsonl:2" in str(info.value) and message in str(info.value)


def test_shipped_seed_set():
    items = load_questions(ROOT / "evals" / "sets" / "seed.jsonl")
    types = {q.type for q in items}
    assert len(items) >= 200 and len({q.id for q in items}) == len(items)
    assert types == {"lookup", "sum", "ratio", "diff", "pct_change", "compare", "rank", "count",
                     "narrative", "unanswerable"}
    assert sum(q.type == "unanswerable" for q in items) >= 25
    text = SEED.read_text(encoding="utf-8")
    for q in items:  # a plain money lookup must be a figure printed in the document
        if q.type == "lookup" and q.unit == "万元" and q.value and "上年" not in q.question \
                and "去年" not in q.question and "2023" not in q.question:
            assert f"{q.value:.2f}" in text, q
