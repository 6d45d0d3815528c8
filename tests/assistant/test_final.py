"""决算 documents through the real assistant: 年初预算 beside 决算, completion rates, reasons, counts the
说明 states. Real 决算 texts and PDFs in one store (czj as both text and PDF), so scoping is exercised too."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.execution import executions
from assistant.service import Assistant
from corpus.parse import parse_file
from index.settings import load_settings
from tests.conftest import SAMPLES

CZJ = SAMPLES / "text" / "shanghai_putuo_czj_2024_final.txt"
GHZY = SAMPLES / "pdf" / "shanghai_putuo_ghzy_2024_final.pdf"
CZJ_PDF = SAMPLES / "pdf" / "shanghai_putuo_czj_2024_final.pdf"
CZJ_ID, GHZY_ID = "shanghai_putuo_czj_2024_final", "shanghai_putuo_ghzy_2024_final-pdf"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("final-store") / "store.sqlite3")
    ingest_paths([CZJ, GHZY, CZJ_PDF], store)
    return Assistant(store=store, settings=load_settings())


# document, item, path head (类), 年初预算, 决算, the rate the text prints (None: not printed)
PAIRS = [
    (CZJ, "一般公共预算财政拨款支出", None, "2993.92", "2940.05", "98.20"),
    (CZJ, "行政运行", "一般公共服务支出", "1560.05", "1511.89", None),
    (CZJ, "购房补贴", "住房保障支出", "258.50", "258.50", None),
    (GHZY, "一般公共预算财政拨款支出", None, "10210.34", "9746.50", "95.45"),
    (GHZY, "机关事业单位基本养老保险缴费支出", "社会保障和就业支出", "452.40", "446.11", "98.61"),
    (GHZY, "行政运行", "城乡社区支出", "1115.48", "1092.80", "97.97"),
    (GHZY, "三公经费", None, "2.85", "0.39", None),  # the 三公 table's 预算数/决算数 rows
]


@pytest.mark.parametrize(("path", "name", "head", "budget", "final", "pct"), PAIRS)
def test_execution_pairs(path, name, head, budget, final, pct):
    found = [e for e in executions(parse_file(path)) if e.name == name and (e.path[:1] == (head,)
                                                                             if head else not e.path)]
    assert found, [e.name for e in executions(parse_file(path))]
    item = found[0]
    assert item.budget is not None and item.final is not None
    assert (item.budget.value, item.final.value) == (Decimal(budget), Decimal(final))
    assert item.stated_pct == (Decimal(pct) if pct else None)


# document, question, value, unit, route, a phrase the answer (text or a quoted citation) must hold
CASES = [
    (CZJ_ID, "行政运行年初预算是多少", "1560.05", "万元", "lookup", "年初预算为1560.05万元"),
    (CZJ_ID, "行政运行决算数是多少", "1511.89", "万元", "lookup", "1,511.89"),
    (CZJ_ID, "一般公共预算财政拨款支出决算完成了年初预算的百分之几", "98.20", "%", "arithmetic", "2993.92"),
    (CZJ_ID, "决算完成了预算的百分之几", "98.20", "%", "arithmetic", "一般公共预算财政拨款支出"),
    (CZJ_ID, "信息化建设的预算执行率", "99.52", "%", "arithmetic", "135.90"),
    (CZJ_ID, "行政运行决算比年初预算少多少", "48.16", "万元", "arithmetic", "1560.05"),
    (CZJ_ID, "三公经费年初预算是多少", "0.95", "万元", "lookup", "0.95"),
    (CZJ_ID, "年初预算是多少", "2993.92", "万元", "lookup", "一般公共预算财政拨款支出年初预算为2993.92"),
    (CZJ_ID, "三公经费决算数是多少", "0.00", "万元", "lookup", "支出决算为0.00万元"),  # table blank
    (CZJ_ID, "公务接待费决算数", "0.00", "万元", "lookup", "公务接待费支出决算为0.00万元"),
    (CZJ_ID, "为什么行政运行决算数小于预算数", None, None, "hybrid", "人员进出及退休变化"),
    (CZJ_ID, "三公经费决算为什么比预算少", None, None, "hybrid", "当年度无“三公”经费支出"),
    (CZJ_ID, "购房补贴决算和预算为什么一样", None, None, "hybrid", "决算数与预算数基本持平"),
    (CZJ_ID, "项目支出占比是多少", "20.51", "%", "arithmetic", "2,940.05"),  # of 本年支出, not 总计
    (CZJ_ID, "一般公共服务支出占一般公共预算财政拨款支出的比例", "71.65", "%", "arithmetic", "2,940.05"),
    (CZJ_ID, "政府采购金额是多少", "251.25", "万元", "lookup", "251.25万元"),
    (CZJ_ID, "服务采购金额是多少", "246.47", "万元", "lookup", "服务采购金额246.47万元"),
    (CZJ_ID, "公务用车购置及运行费是多少", "0.00", "万元", "lookup", "公务用车购置及运行维护费支出决算为0.00"),
    (CZJ_ID, "一般公共预算财政拨款支出比2023年减少了多少", "63.14", "万元", "lookup", "减少63.14万元"),
    (CZJ_ID, "有多少辆车", "0", "辆", "lookup", "共有车辆0辆"),
    (CZJ_ID, "三公经费比上年增加多少", "0", "万元", "lookup", "与2023年度持平"),  # not 财政拨款支出's
    (CZJ_ID, "单位价值100万元以上的设备有几台", "2", "台", "lookup", "2台（套）"),
    (CZJ_ID, "财政拨款收入支出总计是多少", "2961.68", "万元", "lookup", "2,961.68"),  # not 收入 + 支出
    (CZJ_ID, "一般公共预算财政拨款基本支出是多少", "2336.91", "万元", "lookup", "2,336.91"),
    (GHZY_ID, "三公经费是多少", "0.39", "万元", "lookup", "0.39"),  # the 决算数 row, not 预算数
    (GHZY_ID, "一般公共预算财政拨款的基本支出", "5364.75", "万元", "lookup", "基本支出为5364.75"),  # not 5377.64
    (GHZY_ID, "一般公共预算财政拨款支出完成年初预算的百分之几", "95.46", "%", "arithmetic", "说明中写作95.45%"),
    (GHZY_ID, "城乡社区规划与管理决算数为什么小于预算数", None, None, "hybrid", "规划服务商务单元更新提升方案"),
    (GHZY_ID, "收入支出总计为什么增加", None, None, "hybrid", "办公大楼装修"),
]


@pytest.mark.parametrize(("doc", "question", "value", "unit", "route", "phrase"), CASES)
def test_final_answers(assistant, doc, question, value, unit, route, phrase):
    answer = assistant.ask(question, doc=doc)
    assert answer.route == route and not answer.abstained, answer.text
    if value is not None:
        assert (answer.value, answer.unit) == (Decimal(value), unit), answer.text
    shown = answer.text + "".join((c.quote or "") + (c.value or "") for c in answer.citations)
    assert phrase in shown, answer.text
    assert answer.citations and all(c.doc_id == doc for c in answer.citations)


@pytest.mark.parametrize("question", ["有多少名员工", "局长每月工资多少", "2025年三公经费预算是多少",
                                      "一般公共服务支出年初预算"])  # the tables hold its 决算数 only
def test_still_abstains(assistant, question):
    assert assistant.ask(question, doc=CZJ_ID).abstained


@pytest.mark.parametrize("question", ["使用非财政拨款结余是多少", "结余分配多少"])
def test_a_blank_row_is_said_to_be_blank_not_zero(assistant, question):
    answer = assistant.ask(question, doc=CZJ_ID)
    assert answer.abstained and "为空" in answer.text and answer.value is None, answer.text


def test_exact_doc_id_beats_a_file_stem(assistant):
    """The text's id equals the PDF's file stem: `--doc` with the id means the text."""
    from assistant.scope import match_docs

    infos = assistant.documents()
    assert [i.doc_id for i in match_docs(infos, CZJ_ID)] == [CZJ_ID]


def test_a_table_with_budget_and_final_columns_gives_a_pair_a_row():
    """Some 决算 print 年初预算数 and 决算数 side by side; each row is then its own pair (cited to cells)."""
    from dataclasses import replace

    from assistant.execution import find_execution
    from corpus.records import Cell, Row, SourceSpan, Table

    doc = parse_file(CZJ)
    span = SourceSpan("synthetic.txt", 1, 9)
    rows = (Row(None, "行政运行", (Cell("年初预算数", "1,560.05", Decimal("1560.05")),
                                  Cell("决算数", "1,511.89", Decimal("1511.89"))), span, code="2010601"),
            Row(None, "信息化建设", (Cell("年初预算数", "135.90", Decimal("135.90")), Cell("决算数", "", None)),
                span, code="2010607"))
    table = Table("gpb_expense", "一般公共预算财政拨款支出决算表", "万元", ("年初预算数", "决算数"), rows, span)
    doc = replace(doc, tables=(*[t for t in doc.tables if t.key != "gpb_expense"], table))
    item = next(i for i in find_execution(doc, "行政运行完成预算的百分之几") if i.final and i.budget and
                i.final.citation.kind == "cell")
    assert (item.budget.value, item.final.value, item.final.citation.column) == (
        Decimal("1560.05"), Decimal("1511.89"), "决算数")
    blank = [i for i in find_execution(doc, "信息化建设决算") if i.budget and i.budget.citation.kind == "cell"]
    assert blank and blank[0].final is None  # a blank 决算数 stays unknown, never 0
