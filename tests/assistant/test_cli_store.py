"""The staff CLI over the store: ingest, docs, show, export (through click's CliRunner)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from tests.conftest import SEED, SEED_ID


@pytest.fixture
def runner():
    return CliRunner()


def test_ingest_docs_show_export(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "12 tables, 183 rows, 26 sections, 6 projects" in result.output
    again = runner.invoke(cli, ["ingest", str(SEED)])
    assert "unchanged" in again.output

    docs = json.loads(runner.invoke(cli, ["docs", "--json"]).output)
    assert [(d["doc_id"], d["year"], d["kind"]) for d in docs] == [(SEED_ID, 2024, "预算")]

    shown = runner.invoke(cli, ["show", "支出总表"]).output
    assert "部门预算支出总表" in shown and "2210201" in shown and "433.00" in shown
    assert "第5、6页" in shown

    out = runner.invoke(cli, ["export", "--format", "csv"]).output
    assert out.startswith("\ufeff部门,年度,类型,表")  # Excel on a Chinese system needs the BOM
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    basic = [r for r in rows if r["表"].endswith("一般公共预算财政拨款基本支出表") and r["科目名称"] == "合计"
             and r["栏目"] == "人员经费"]
    assert basic and (basic[0]["金额（万元）"], basic[0]["金额（元）"], basic[0]["页码"]) == \
        ("3648.28", "36482800", "12")
    assert {(r["部门"], r["年度"], r["类型"]) for r in rows} == {("石家庄市总工会", "2024", "预算")}
    assert any(r["科目编码"] == "2080501" for r in rows)  # a code as text, never a float

    lines = runner.invoke(cli, ["export", "--doc", SEED_ID, "--format", "jsonl"]).output.split("\n")
    assert len([json.loads(x) for x in lines if x]) == len(rows)


def test_bad_file_reports_file_and_line(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("hello\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(bad)])
    assert result.exit_code == 1
    assert "bad.txt:1" in result.output


def test_show_without_documents_is_a_clean_error(runner):
    result = runner.invoke(cli, ["show", "支出总表"])
    assert result.exit_code == 2
    assert "store is empty" in result.output


def test_export_xlsx(runner, tmp_path):
    from openpyxl import load_workbook

    runner.invoke(cli, ["ingest", str(SEED)])
    assert runner.invoke(cli, ["export", "--format", "xlsx"]).exit_code == 2  # needs --out
    path = tmp_path / "金额.xlsx"
    assert runner.invoke(cli, ["export", "--format", "xlsx", "--out", str(path)]).exit_code == 0
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("部门", "年度", "类型", "表")
    staff = [r for r in rows[1:] if r[6] == "合计" and r[7] == "人员经费" and str(r[3]).endswith("基本支出表")]
    assert staff and staff[0][9] == 3648.28 and staff[0][1] == 2024
    assert any(r[5] == "2080501" for r in rows)  # the code is text


def test_remove_and_version(runner):
    runner.invoke(cli, ["ingest", str(SEED)])
    removed = runner.invoke(cli, ["remove", SEED_ID])
    assert removed.exit_code == 0 and SEED_ID in removed.output
    assert json.loads(runner.invoke(cli, ["docs", "--json"]).output) == []
    assert runner.invoke(cli, ["remove", SEED_ID]).exit_code == 2  # nothing stored: a clean error
    assert runner.invoke(cli, ["--version"]).output.startswith("budget-qa, version")


@pytest.mark.parametrize(("cell", "written"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("行政运行", "行政运行"),
])
def test_no_cell_runs_as_a_formula(cell, written):
    from assistant.export_rows import _text

    assert _text(cell) == written


def test_feedback_lists_what_readers_left(runner, tmp_path, monkeypatch):
    from assistant.feedback import record

    monkeypatch.setenv("BUDGET_QA_HOME", str(tmp_path))
    assert "还没有评价" in runner.invoke(cli, ["feedback"]).output
    record(tmp_path, {"vote": "down", "question": "项目支出是多少", "answer": "433.00万元", "comment": " 单位错了 "})
    shown = runner.invoke(cli, ["feedback"]).output
    assert "👎" in shown and "项目支出是多少" in shown and "单位错了" in shown
    [entry] = json.loads(runner.invoke(cli, ["feedback", "--json"]).output)
    assert entry["comment"] == "单位错了" and entry["doc_id"] == ""


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_says_what_it_does_in_chinese_with_an_example(runner, command):
    import re

    shown = runner.invoke(cli, [command, "--help"]).output
    assert re.search(r"[\u4e00-\u9fff]{4}", shown.split("Options:")[0]) and "例：budget-qa " + command in shown
