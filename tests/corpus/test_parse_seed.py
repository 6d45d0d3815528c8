"""The real parser on the real seed text: golden form, each table, each PDF-extraction mess."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.corpus.make_golden import golden_form

GOLDEN = Path(__file__).parent / "golden" / "seed.json"

# key, title, unit, pages, row count, columns
TABLES = [
    ("summary", "部门预算收支总表", (1, 2), 42, ("预算数",)),
    ("income", "部门预算收入总表", (3, 4), 24,
     ("合计", "小计", "财政拨款收入", "财政专户收入", "事业收入", "经营收入", "上级补助收入",
      "附属单位上缴收入", "其他收入", "上年结转")),
    ("expense", "部门预算支出总表", (5, 6), 24,
     ("合计", "基本支出", "项目支出", "经营支出", "上解上级支出", "对附属单位补助支出")),
    ("fiscal_summary", "部门预算财政拨款收支总表", (7, 8, 9), 43,
     ("金额", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")),
    ("gpb_expense", "部门预算一般公共预算财政拨款支出表", (10, 11), 24, ("合计", "基本支出", "项目支出")),
    ("gpb_basic", "部门预算一般公共预算财政拨款基本支出表", (12, 13), 24, ("合计", "人员经费", "公用经费")),
    ("gov_fund", "部门预算政府性基金预算财政拨款支出表", (14,), 0, ("合计", "基本支出", "项目支出")),
    ("soe_capital", "部门预算国有资本经营预算财政拨款支出表", (15,), 0, ("合计", "基本支出", "项目支出")),
    ("three_public", "部门预算财政拨款“三公”经费支出表", (16,), 0,
     ("合计", "一般公共预算财政拨款", "政府性基金预算拨款", "国有资本经营预算财政拨款")),
    ("institutions", "部门机构设置情况", (17,), 2, ("单位性质", "单位规格", "经费保障形式")),
    ("fixed_assets", "部门固定资产占用情况表", (32,), 0, ("数量", "价值(金额单位:万元)")),
]

# key, row name, column, printed value, page
CELLS = [
    ("summary", "一、一般公共预算拨款收入", "预算数", "4154.03", 1),
    ("summary", "收入总计", "预算数", "4154.03", 2),
    ("income", "合计", "财政拨款收入", "4154.03", 3),
    ("income", "机关事业单位基本养老保险缴费支出", "合计", "430.38", 3),  # wrapped over a page break
    ("income", "住房公积金", "合计", "115.21", 4),
    ("expense", "一般公共服务支出", "项目支出", "433.00", 5),
    ("expense", "事业单位医疗", "基本支出", "153.35", 6),  # after the 档次 / 科目 编 码 header
    ("fiscal_summary", "支出总计", "一般公共预算财政拨款", "4154.03", 9),
    ("gpb_basic", "退休费", "人员经费", "1569.38", 13),
    ("gpb_basic", "合计", "公用经费", "72.75", 12),
]


@pytest.fixture(scope="module")
def golden():
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_parse(seed_doc, golden):
    assert golden_form(seed_doc) == golden


def test_metadata(seed_doc):
    assert (seed_doc.department, seed_doc.department_code, seed_doc.year, seed_doc.kind) == \
        ("石家庄市总工会", "711", 2024, "预算")
    assert seed_doc.warnings == ()


@pytest.mark.parametrize(("key", "title", "pages", "n_rows", "columns"), TABLES)
def test_tables(seed_doc, key, title, pages, n_rows, columns):
    table = seed_doc.table(key)
    assert table is not None
    assert (table.title, table.pages, len(table.rows), table.columns, table.unit) == \
        (title, pages, n_rows, columns, "万元")


@pytest.mark.parametrize(("key", "name", "column", "text", "page"), CELLS)
def test_cells(seed_doc, key, name, column, text, page):
    row = next(r for r in seed_doc.table(key).rows if r.name == name)
    assert row.cell(column).text == text
    assert row.value(column) == Decimal(text)
    assert row.span.page == page


@pytest.mark.parametrize("key", ["gov_fund", "soe_capital", "three_public", "fixed_assets"])
def test_empty_tables_are_explicit(seed_doc, key):
    table = seed_doc.table(key)
    assert table.is_empty and "空表列示" in table.empty_note


def test_two_sided_summary(seed_doc):
    rows = seed_doc.table("summary").rows
    assert {r.side for r in rows} == {"收入", "支出"}
    incomes = [r.name for r in rows if r.side == "收入" and r.value("预算数") is not None]
    assert incomes == ["一、一般公共预算拨款收入", "本年收入合计", "收入总计"]


@pytest.mark.parametrize(("code", "level", "parent"), [
    ("201", "类", None), ("20129", "款", "201"), ("2012901", "项", "20129"),
    ("2101102", "项", "21011")])
def test_function_code_levels(seed_doc, code, level, parent):
    row = next(r for r in seed_doc.table("expense").rows if r.code == code)
    assert (row.level, row.parent) == (level, parent)


def test_economic_code_levels(seed_doc):
    row = next(r for r in seed_doc.table("gpb_basic").rows if r.code == "30101")
    assert (row.name, row.level, row.parent) == ("基本工资", "款", "301")


def _sum_children(table, column):
    for parent in (r for r in table.rows if r.code and r.value(column) is not None):
        children = [r for r in table.rows if r.parent == parent.code]
        if children:
            total = sum((c.value(column) or Decimal(0) for c in children), Decimal(0))
            assert total == parent.value(column), (table.key, parent.code, column)


@pytest.mark.parametrize("key", ["income", "expense", "gpb_expense", "gpb_basic"])
def test_children_sum_to_parents_and_total(seed_doc, key):
    table = seed_doc.table(key)
    for column in table.columns:
        _sum_children(table, column)
        total = next(r for r in table.rows if r.name == "合计").value(column)
        top = [r.value(column) or Decimal(0) for r in table.rows if r.level == "类"]
        assert (total or Decimal(0)) == sum(top, Decimal(0)), (key, column)


def test_basic_equals_personnel_plus_public(seed_doc):
    basic = next(r for r in seed_doc.table("gpb_basic").rows if r.name == "合计")
    expense_total = next(r for r in seed_doc.table("expense").rows if r.name == "合计")
    assert basic.value("人员经费") + basic.value("公用经费") == basic.value("合计")
    assert basic.value("合计") == expense_total.value("基本支出")


def test_projects(seed_doc):
    projects = {p.name: p for p in seed_doc.projects}
    assert len(projects) == 6
    exam = projects["省部级以上劳模体检费"]
    assert (exam.code, exam.budget, exam.fiscal) == \
        ("13010024P0060X2100707", Decimal("20.00"), Decimal("20.00"))
    assert exam.plan == (("3月底", "25%"), ("6月底", "50%"), ("10月底", "83%"), ("12月底", "100%"))
    people = next(i for i in exam.indicators if i.level3 == "委托服务人员数量")
    assert (people.level1, people.level2, people.value) == ("产出指标", "数量指标", "≥400 人")
    # the 指标值确定依据 cell continued on the next page
    assert exam.indicators[-1].basis == "调查问卷/意见反馈"
    assert sum(p.budget for p in projects.values()) == Decimal("433.00")


def test_sections(seed_doc):
    titles = [s.title for s in seed_doc.sections if s.level == 1]
    assert titles == ["部门职责及机构设置情况", "部门预算安排的总体情况", "机关运行经费安排情况",
                      "财政拨款“三公”经费预算情况及增减变化原因", "部门整体绩效目标",
                      "部门主管专项资金预算安排情况及绩效目标", "部门项目预算安排情况及绩效目标",
                      "政府采购预算情况", "国有资产信息", "名词解释", "其他需要说明的事项"]
    change = next(s for s in seed_doc.sections if s.title == "比上年增减情况")
    assert change.path == ("部门预算安排的总体情况", "比上年增减情况")
    assert change.span.page == 18
    assert "较2023年预算减少155.02万元" in change.paragraphs[0].text


def test_paragraph_joined_across_page_break(seed_doc):
    section = next(s for s in seed_doc.sections if s.title == "促进工会工作的相关培训")
    text = section.paragraphs[0].text
    assert "搭建交流展示平台，引领更多职工立足岗位" in text
    assert "\n" not in text and " " not in text


def test_toc_pages(seed_doc):
    pages = {e.title: e.page for e in seed_doc.toc}
    assert pages["部门预算收入总表"] == 3
    assert pages["十一、其他需要说明的事项"] == 34
