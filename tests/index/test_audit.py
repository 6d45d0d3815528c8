"""The consistency audit on the real seed (which holds every identity it should) and on edited copies
of the seed text, each with one planted fault the audit must find — and nothing else new."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.parse import parse_file
from index.audit import audit, audit_summary, suspect_tables
from tests.conftest import SAMPLES, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")

# The one finding the published seed gives: the text calls a project by another name.
SEED_FINDINGS = {("info", "narrative.project")}

# id, (old, new) text edit, expected new (severity, check) pairs, strings one of which every new
# finding must mention (the planted figure, its row or its code).
CASES = [
    ("changed cell", ("7\t2012950\t事业运行\t952.21\t952.21\t\t\t\t\n",
                      "7\t2012950\t事业运行\t952.21\t925.21\t\t\t\t\n"),
     {("error", "table.columns"), ("error", "table.hierarchy")}, ("925.21",)),
    ("dropped row", ("6\t2012906\t工会事务\t20.00\t\t20.00\t\t\t\n", ""),
     {("error", "table.hierarchy"), ("error", "cross.codes")}, ("2012906", "20129 群众团体事务")),
    ("changed 类 in 收支总表", ("8\t\t\t八、社会保障和就业支出\t2239.43\n", "8\t\t\t八、社会保障和就业支出\t2293.43\n"),
     {("error", "table.sides"), ("error", "cross.class")}, ("2293.43",)),
    ("narrative figure off by 0.01", ("人员经费3648.28万元", "人员经费3648.29万元"),
     {("error", "narrative.amount")}, ("3648.29",)),
    ("changed project 预算数", ("预算数\t0.57\t", "预算数\t0.75\t"),
     {("error", "project.funding"), ("error", "project.sum"), ("error", "narrative.project")}, ("0.75",)),
    ("stated change off", ("基本支出减少75.12万元", "基本支出减少75.21万元"),
     {("error", "narrative.sum")}, ("-75.21",)),
    ("change without a reason", ("基本支出减少75.12万元，主要为人员经费支出减少；", "基本支出减少75.12万元；"),
     {("warning", "narrative.reason")}, ("-75.12",)),
    ("correct share", ("其中基本支出3721.03万元", "其中基本支出3721.03万元，占89.58%"), set(), ()),
    ("wrong share", ("其中基本支出3721.03万元", "其中基本支出3721.03万元，占89.60%"),
     {("error", "narrative.percent")}, ("89.60",)),
    ("share rounded down", ("其中基本支出3721.03万元", "其中基本支出3721.03万元，占89.57%"),
     {("warning", "narrative.percent")}, ("89.57",)),
    ("决算 vs 预算 sign", ("我部门无其他需要说明的事项。",
                         "年初预算为100.00万元，支出决算为90.00万元。决算数大于预算数的主要原因是增加了采购。"),
     {("error", "narrative.final_vs_budget")}, ("决算数大于预算数",)),
    ("决算 vs 预算 sign right", ("我部门无其他需要说明的事项。",
                               "年初预算为100.00万元，支出决算为90.00万元。决算数小于预算数的主要原因是节约。"),
     set(), ()),
    # the prose against itself: a stated rate against the two figures it is stated with, one item twice
    ("stated rate right", ("较2023年预算减少155.02万元，其中", "较2023年预算减少155.02万元，下降3.60%，其中"),
     set(), ()),
    ("stated rate off", ("较2023年预算减少155.02万元，其中", "较2023年预算减少155.02万元，下降5.60%，其中"),
     {("error", "narrative.percent")}, ("5.60",)),
    ("one item said twice", ("我部门无其他需要说明的事项。", "业务咨询委托费共计25.00万元。"),
     {("warning", "narrative.twice")}, ("25.00",)),
    ("机关运行经费 split off", ("机关运行经费共计安排40.51万元", "机关运行经费共计安排40.15万元"),
     {("error", "narrative.sum")}, ("40.15",)),
    ("机关运行经费 above 公用经费", ("部门运行经费共计安排72.75万元", "部门运行经费共计安排80.75万元"),
     {("error", "narrative.running_cost"), ("error", "narrative.sum")}, ("80.75",)),
]


def kinds(findings) -> set[tuple[str, str]]:
    return {(f.severity, f.check) for f in findings}


def key(finding) -> str:
    """A finding without line numbers or quotes (an edit shifts later lines and changes its sentence)."""
    data = finding.to_dict()
    for side in ("left", "right"):
        for term in data[side]:
            term["citation"].pop("line", None)
            term["citation"].pop("quote", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def seed_findings():
    return audit(parse_file(SEED))


def test_seed_holds_every_identity(seed_findings):
    assert kinds(seed_findings) == SEED_FINDINGS
    (note,) = seed_findings
    assert "业务咨询委托费" in note.identity and "省部级以上劳模体检费" in note.identity
    assert note.left[0].value == note.right[0].value == Decimal("20.00")
    assert note.left[0].cite.page == 18 and note.right[0].cite.kind == "project"
    assert suspect_tables(seed_findings) == set()


def edited(tmp_path: Path, old: str, new: str):
    assert SEED_TEXT.count(old) == 1, f"edit target not unique: {old!r}"
    path = tmp_path / SEED.name
    path.write_text(SEED_TEXT.replace(old, new), encoding="utf-8")
    return parse_file(path)


@pytest.mark.parametrize(("name", "edit", "expected", "markers"), CASES, ids=[c[0] for c in CASES])
def test_planted_fault_is_found(tmp_path, seed_findings, name, edit, expected, markers):
    found = audit(edited(tmp_path, *edit))
    before = {key(f) for f in seed_findings}
    new = [f for f in found if key(f) not in before]
    assert kinds(new) == expected, [f.identity for f in new]
    for finding in new:
        text = json.dumps(finding.to_dict(), ensure_ascii=False)
        assert any(m in text for m in markers), (name, text)


def test_changed_cell_cites_the_cell_and_blames_the_parser(tmp_path):
    found = audit(edited(tmp_path, *CASES[0][1]))
    split = next(f for f in found if f.check == "table.columns")
    assert split.suspect_parser and split.table == "expense"
    assert split.difference == Decimal("27.00")
    cell = split.right[0].cite
    assert (cell.table, cell.row, cell.column, cell.page, cell.text) == \
        ("部门预算支出总表", "2012950 事业运行", "基本支出", 5, "925.21")
    assert suspect_tables(found) == {"expense"}
    summary = audit_summary(found)
    assert summary.startswith("audit: 2 error(s), 0 warning(s), 1 note(s)") and "支出总表" in summary


def test_narrative_finding_cites_the_sentence(tmp_path):
    (finding,) = [f for f in audit(edited(tmp_path, *CASES[3][1])) if f.severity == "error"]
    said, table = finding.left[0], finding.right[0]
    assert said.value == Decimal("3648.29") and table.value == Decimal("3648.28")
    assert said.cite.section == "部门预算安排的总体情况 > 支出说明" and said.cite.page == 18
    assert "人员经费3648.29万元" in (said.cite.quote or "")
    assert (table.cite.table, table.cite.column, table.cite.page) == \
        ("部门预算一般公共预算财政拨款基本支出表", "人员经费", 12)
    assert not finding.suspect_parser and finding.difference == Decimal("0.01")


def test_findings_serialise(seed_findings):
    data = json.loads(json.dumps({"findings": [f.to_dict() for f in seed_findings]}, ensure_ascii=False))
    (item,) = data["findings"]
    assert set(item) == {"severity", "check", "identity", "left", "right", "difference", "suspect_parser",
                         "table", "unit"}
    assert item["left"][0]["value"] == "20.00" and item["left"][0]["citation"]["kind"] == "text"


SAMPLE_TEXTS = sorted((SAMPLES / "text").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=[p.stem for p in SAMPLE_TEXTS])
def test_audit_never_crashes_on_samples(path):
    findings = audit(parse_file(path))
    assert all(f.severity in ("error", "warning", "info") for f in findings)
    json.dumps([f.to_dict() for f in findings], ensure_ascii=False)
    assert audit_summary(findings).startswith("audit: ")
    assert suspect_tables(findings) <= {f.table for f in findings}


@pytest.mark.parametrize(("source", "printed", "declared", "guess"), [
    (SEED, "单位：万元", "单位：元", "万元"),  # 万元 figures under a 元 heading
    (SAMPLES / "text" / "shanghai_putuo_wanli_2025_budget.txt", "单位：元", "单位：万元", "元"),  # the reverse
])
def test_a_unit_that_disagrees_with_the_figures_is_flagged(tmp_path, source, printed, declared, guess):
    """A table whose stated unit disagrees with its figures' scale (the 说明 states them 10,000 times
    larger or smaller): an error on that table, blamed on the reading, so answers citing it warn."""
    from assistant.service import Assistant
    from index.settings import load_settings
    from index.sqlite_store import SQLiteStore

    copy = tmp_path / source.name
    copy.write_text(source.read_text("utf-8").replace(printed, declared), "utf-8")
    doc = parse_file(copy)
    found = [f for f in audit(doc) if f.check == "table.unit"]
    assert found and all(f.severity == "error" and f"以{guess}为单位" in f.identity for f in found)
    assert "summary" in suspect_tables(audit(doc))
    store = SQLiteStore(tmp_path / "store.sqlite3")
    store.add(doc)
    answer = Assistant(store=store, settings=load_settings()).ask("收入总计是多少", doc=doc.doc_id)
    assert any("单位与数字的量级不符" in w for w in answer.warnings), answer.warnings
    assert not [f for f in audit(parse_file(source)) if f.check == "table.unit"]  # the real one is clean
