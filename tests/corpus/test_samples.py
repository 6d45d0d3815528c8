"""The other real disclosures in shared/samples, text and PDF: every layout the parser meets.

Golden parses (tests/corpus/golden/<stem>.json, `python -m tests.corpus.make_golden_samples`) pin
every row; the cases below pin what was checked by hand against the source text, the identities the
tables obey (and each document's own inconsistencies, asserted as such), and PDF = text records.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.checks import check_disclosure
from corpus.parse import parse_file
from corpus.records import Disclosure, Row, Table, to_dict
from tests.corpus.make_golden_samples import GOLDEN_SOURCES, golden_path, golden_summary

SAMPLES = Path(__file__).parents[2].parent / "shared" / "samples"
WANLI25, CZJ, JGW, CQ = ("text/shanghai_putuo_wanli_2025_budget.txt",
                         "text/shanghai_putuo_czj_2024_final.txt",
                         "text/shanghai_putuo_jgw_2026_budget.txt", "text/chongqing_jtw_2018_budget.txt")
WANLI25_PDF, CZJ_PDF = "pdf/shanghai_putuo_wanli_2025_budget.pdf", "pdf/shanghai_putuo_czj_2024_final.pdf"
WANLI24, SWJ, GHZY = ("pdf/shanghai_putuo_wanli_2024_budget.pdf", "pdf/shanghai_putuo_swj_2025_budget.pdf",
                      "pdf/shanghai_putuo_ghzy_2024_final.pdf")


@pytest.fixture(scope="session")
def sample():
    """Each sample parsed once per session (the PDFs take a second or two each)."""
    cache: dict[str, Disclosure] = {}

    def get(relative: str) -> Disclosure:
        if relative not in cache:
            cache[relative] = parse_file(SAMPLES / relative)
        return cache[relative]

    return get


def row_of(table: Table, label: str) -> Row:
    """A row by code, by name, or by `side:name` on a two-sided table."""
    side, _, name = label.rpartition(":") if ":" in label else ("", "", label)
    found = [r for r in table.rows if (r.code == name or r.name == name) and (not side or r.side == side)]
    assert len(found) == 1, (table.key, label, len(found))
    return found[0]


# file, doc_id, department, year, kind
META = [
    (WANLI25, "shanghai_putuo_wanli_2025_budget", "上海市普陀区人民政府万里街道办事处", 2025, "预算"),
    (WANLI25_PDF, "shanghai_putuo_wanli_2025_budget-pdf", "上海市普陀区人民政府万里街道办事处", 2025, "预算"),
    (WANLI24, "shanghai_putuo_wanli_2024_budget-pdf", "上海市普陀区人民政府万里街道办事处", 2024, "预算"),
    (JGW, "shanghai_putuo_jgw_2026_budget", "上海市普陀区建设和管理委员会", 2026, "预算"),
    (SWJ, "shanghai_putuo_swj_2025_budget-pdf", "上海市普陀区商务委员会", 2025, "预算"),
    (CZJ, "shanghai_putuo_czj_2024_final", "上海市普陀区财政局", 2024, "决算"),
    (CZJ_PDF, "shanghai_putuo_czj_2024_final-pdf", "上海市普陀区财政局", 2024, "决算"),
    (GHZY, "shanghai_putuo_ghzy_2024_final-pdf", "上海市普陀区规划和自然资源局", 2024, "决算"),  # cover wraps
    (CQ, "chongqing_jtw_2018_budget", "重庆市交通委员会", 2018, "预算"),
]


@pytest.mark.parametrize(("relative", "doc_id", "department", "year", "kind"), META)
def test_metadata(sample, relative, doc_id, department, year, kind):
    doc = sample(relative)
    assert (doc.doc_id, doc.department, doc.year, doc.kind) == (doc_id, department, year, kind)


@pytest.mark.parametrize(("stem", "relative"), list(GOLDEN_SOURCES.items()))
def test_golden_parse(sample, stem, relative):
    golden = json.loads(golden_path(stem).read_text(encoding="utf-8"))
    assert golden_summary(sample(relative)) == golden


def _without_files(doc: Disclosure) -> dict:
    def strip(data):
        if isinstance(data, dict):
            return {k: ("" if k == "file" else strip(v)) for k, v in data.items()}
        if isinstance(data, list):
            return [strip(v) for v in data]
        return data

    data = strip(to_dict(doc))
    for key in ("doc_id", "source", "sha256"):
        data.pop(key)
    return data


@pytest.mark.parametrize(("text", "pdf"), [(WANLI25, WANLI25_PDF), (CZJ, CZJ_PDF)])
def test_pdf_and_text_give_the_same_records(sample, text, pdf):
    """Same tables, rows, values, sections; here even the same lines and pages."""
    assert _without_files(sample(text)) == _without_files(sample(pdf))


# file, table, row (code / name / side:name), column, printed text, unit, page — read off the source
CELLS = [
    (WANLI25, "summary", "支出:支出总计", "预算数", "189,767,551", "元", 9),
    (WANLI25, "expense", "212", "项目支出", "76,987,780", "元", 17),  # codes split over 类/款/项
    (WANLI25, "expense", "2120199", "基本支出", "53,121,126", "元", 17),
    (WANLI25, "expense", "合计", "合计", "189,767,551", "元", 18),  # a row that lost its empty cells
    (WANLI25, "gpb_basic", "30231", "公用经费", "215,600", "元", 28),  # 经济分类 over 类/款
    (WANLI25, "fiscal_summary", "支出:八、城乡社区支出", "一般公共预算", "154,369,326", "元", 19),
    (WANLI24, "gpb_basic", "30102", "人员经费", "16,623,810", "元", 29),  # 款 printed `2`, not `02`
    (WANLI24, "expense", "212", "基本支出", "76,609,000", "元", 19),
    (JGW, "summary", "收入:2. 政府性基金预算", "预算数", "2,792,857,000.00", "元", 9),  # space-split
    (JGW, "fiscal_summary", "支出:一、社会保障和就业支出", "合计", "16,067,196.24", "元", 14),  # wrapped
    (JGW, "fiscal_summary", "收入:三、国有资本经营预算", "预算数", "", "元", 14),  # wrapped, no amount
    (JGW, "fiscal_summary", "支出:五、资源勘探工业信息等支出", "一般公共预算", "62,000,000.00", "元", 14),
    (JGW, "fiscal_summary", "支出:支出总计", "政府性基金预算", "2,792,857,000.00", "元", 14),  # realigned
    (JGW, "income", "合计", "事业单位经营收入", "0.00", "元", 11),  # header cell wrapped over lines
    (JGW, "gov_fund", "2120803", "项目支出", "2,792,857,000.00", "元", 17),  # a non-empty 基金 table
    (JGW, "gpb_basic", "30101", "人员经费", "9,336,529.53", "元", 19),
    (SWJ, "expense", "215", "项目支出", "293,810,000.00", "元", 13),
    (SWJ, "gpb_basic", "合计", "公用经费", "1,710,062.00", "元", 20),
    (CZJ, "summary", "收入:年初结转和结余", "决算数", "49.14", "万元", 7),
    (CZJ, "summary", "收入:使用非财政拨款结余（含专用结余）", "决算数", "", "万元", 7),
    (CZJ, "summary", "支出:年末结转和结余", "决算数", "55.34", "万元", 7),
    (CZJ, "income", "合计", "其他收入", "6.20", "万元", 8),  # 合计 printed on the 类/款/项 line
    (CZJ, "fiscal_summary", "收入:年初财政拨款结转和结余", "决算数", "21.63", "万元", 13),
    (CZJ, "gpb_basic", "30102", "人员经费", "1,238.58", "万元", 16),  # left column group
    (CZJ, "gpb_basic", "30239", "公用经费", "48.49", "万元", 17),  # right column group, next page
    (CZJ, "gpb_basic", "合计", "人员经费", "2,152.26", "万元", 17),
    (CZJ, "gpb_basic", "合计", "公用经费", "184.65", "万元", 17),
    (GHZY, "summary", "支出:十八、自然资源海洋气象等支出", "决算数", "4461.67", "万元", 7),
    (GHZY, "expense", "2200150", "项目支出", "2077.09", "万元", 11),  # codes in one column
    (GHZY, "gpb_basic", "30217", "公用经费", "0.39", "万元", 16),
]


@pytest.mark.parametrize(("relative", "key", "label", "column", "text", "unit", "page"), CELLS)
def test_cells(sample, relative, key, label, column, text, unit, page):
    table = sample(relative).table(key)
    row = row_of(table, label)
    cell = row.cell(column)
    assert (cell.text, table.unit, row.span.page) == (text, unit, page)
    assert cell.value == (Decimal(text.replace(",", "")) if text else None)


# file, measure row, {item: printed value}; items not listed are blank in the document
THREE_PUBLIC = [
    (WANLI25, "预算数", {"合计": "37.91", "因公出国(境)费": "0", "公务接待费": "1.35",
                      "公务用车购置及运行费": "36.56", "公务用车购置费": "15", "公务用车运行费": "21.56",
                      "机关运行经费": "464.64"}),
    (WANLI24, "预算数", {"合计": "47.91", "因公出国(境)费": "0", "公务接待费": "1.35",
                      "公务用车购置及运行费": "46.56", "公务用车购置费": "25", "公务用车运行费": "21.56",
                      "机关运行经费": "443.18"}),
    (JGW, "预算数", {"合计": "42.24", "因公出国(境)费": "0.00", "公务接待费": "0.00",
                  "公务用车购置及运行费": "42.24", "公务用车购置费": "0.00", "公务用车运行费": "42.24",
                  "机关运行经费": "124.56"}),
    (SWJ, "预算数", {"合计": "1.00", "公务接待费": "1.00", "机关运行经费": "171.01"}),
    (CZJ, "预算数", {"合计": "0.95", "公务接待费": "0.95"}),
    (CZJ, "决算数", {}),  # printed blank, never filled with 0
    (GHZY, "预算数", {"合计": "2.85", "因公出国(境)费": "0.00", "公务用车购置及运行维护费": "0.00",
                   "公务用车购置费": "0.00", "公务用车运行维护费": "0.00", "公务接待费": "2.85"}),
    (GHZY, "决算数", {"合计": "0.39", "因公出国(境)费": "0.00", "公务用车购置及运行维护费": "0.00",
                   "公务用车购置费": "0.00", "公务用车运行维护费": "0.00", "公务接待费": "0.39"}),
]


@pytest.mark.parametrize(("relative", "measure", "items"), THREE_PUBLIC)
def test_three_public(sample, relative, measure, items):
    table = sample(relative).table("three_public")
    assert table.unit == "万元"
    row = row_of(table, measure)
    printed = {c.column: c.text for c in row.cells if c.text}
    assert printed == items
    assert all(c.value is None for c in row.cells if not c.text)


# every 类 of the 支出总表: code → 合计 (本年支出合计 in a 决算), as printed
EXPENSE_CLASSES = [
    (WANLI25, {"201": "3296600", "204": "2878025", "205": "250000", "206": "100000", "207": "200000",
               "208": "16091895", "210": "3216973", "212": "154369326", "221": "9364732"}),
    (WANLI24, {"201": "2932700", "204": "1633000", "205": "250000", "206": "100000", "207": "200000",
               "208": "19604064", "210": "3223657", "212": "119385303", "221": "8882399"}),
    (JGW, {"208": "16067196.24", "210": "4484631.60", "212": "3182716265.16", "213": "15950000.00",
           "215": "62000000.00", "221": "5399989.20"}),
    (SWJ, {"201": "21601733.00", "206": "17200000.00", "208": "3808085.00", "210": "881803.00",
           "215": "293810000.00", "216": "31364000.00", "221": "2849034.00"}),
    (CZJ, {"201": "2106.66", "208": "326.72", "210": "60.99", "221": "445.69"}),
    (GHZY, {"208": "754.75", "210": "236.64", "212": "3845.24", "220": "4461.67", "221": "461.08"}),
]


@pytest.mark.parametrize(("relative", "classes"), EXPENSE_CLASSES)
def test_expense_classes(sample, relative, classes):
    table = sample(relative).table("expense")
    total = table.columns[0]  # 合计 or 本年支出合计: the total column, whatever its wording
    found = {r.code: str(r.value(total)) for r in table.rows if r.level == "类"}
    assert found == classes


# Identities that fail in the document itself (rounding in the last digit, as printed).
KNOWN = {
    WANLI25: ["income:codes:212:合计 154369326 != 154369327",
              "income:codes:212:财政拨款收入 154369326 != 154369327",
              "income:codes:21201:合计 94995790 != 94995789",
              "income:codes:21201:财政拨款收入 94995790 != 94995789",
              "expense:codes:212:合计 154369326 != 154369327",
              "expense:codes:21201:合计 94995790 != 94995789",
              "expense:columns:21201:合计 94995790 != 94995789",
              "gpb_expense:codes:212:合计 154369326 != 154369327",
              "gpb_expense:codes:21201:合计 94995790 != 94995789",
              "gpb_expense:columns:21201:合计 94995790 != 94995789"],
    WANLI24: [], JGW: [], SWJ: [], CQ: [],
    CZJ: ["income:total:合计:本年收入合计 2946.25 != 2946.26",
          "income:total:合计:财政拨款收入 2940.05 != 2940.06",
          "expense:total:合计:本年支出合计 2940.05 != 2940.06",
          "expense:total:合计:基本支出 2336.91 != 2336.92",
          "gpb_expense:total:合计:合计 2940.05 != 2940.06",
          "gpb_expense:total:合计:基本支出 2336.91 != 2336.92",
          "gpb_basic:codes:301:人员经费 2082.85 != 2082.86",
          "gpb_basic:codes:302:公用经费 171.07 != 171.09"],
    GHZY: ["gpb_expense:columns:212:合计 3832.36 != 3832.35",
           "gpb_expense:columns:21201:合计 1092.80 != 1092.79",
           "gpb_expense:columns:2120101:合计 1092.80 != 1092.79",
           "gpb_expense:columns:合计:合计 9746.50 != 9746.49",
           "gpb_basic:codes:302:公用经费 440.90 != 440.88",
           "gpb_basic:total:合计:人员经费 4884.09 != 4884.10",
           "fiscal_summary:sides:支出:本年支出合计:合计 9746.50 != 9746.49",
           "fiscal_summary:sides:支出:本年支出合计:一般公共预算财政拨款 9746.50 != 9746.49"],
}
KNOWN[WANLI25_PDF], KNOWN[CZJ_PDF] = KNOWN[WANLI25], KNOWN[CZJ]


@pytest.mark.parametrize("relative", list(KNOWN))
def test_identities(sample, relative):
    """Children sum to parents along codes, 合计 rows, row columns (合计 = 基本 + 项目, 基本支出 =
    人员经费 + 公用经费), two-sided totals: all hold except the document's own misprints."""
    assert sorted(str(m) for m in check_disclosure(sample(relative))) == sorted(KNOWN[relative])


# file, table key, its 空表 note (the table is explicitly empty: no rows)
EMPTY = [
    (WANLI25, "gov_fund", "故本表为空表"), (WANLI25, "soe_capital", "故本表为空表"),
    (JGW, "soe_capital", "故本表无数据"), (CZJ, "gov_fund", "故本表无数据"),
    (GHZY, "soe_capital", "说明：上海市普陀区规划和自然资源局本年度没有国有资本经营预算财政拨款收入和支出"),
]


@pytest.mark.parametrize(("relative", "key", "note"), EMPTY)
def test_empty_tables(sample, relative, key, note):
    table = sample(relative).table(key)
    assert table.is_empty and note in table.empty_note and table.rows == ()


def test_a_note_that_contradicts_the_figures_keeps_them(sample):
    """wanli 2024 prints 三公 figures under a copied 'empty table' note: figures kept, warned."""
    doc = sample(WANLI24)
    table = doc.table("three_public")
    assert not table.is_empty and "故本表为空表" in table.notes[0]
    assert any("despite the note" in w for w in doc.warnings)


# file, section path, page (the PDF's, or counted from the blank line between pages)
SECTIONS = [
    (WANLI25, ("上海市普陀区人民政府万里街道办事处(部门)主要职能",), 3),  # unnumbered, matches 目录
    (WANLI25, ("其他相关情况说明", "2025年“三公”经费预算情况说明"), 30),
    (WANLI25, ("项目经费情况说明", "年度预算安排"), 31),
    (JGW, ("兰溪路-真南路下立交工程项目经费情况说明", "年度预算安排"), 23),
    (SWJ, ("生命健康专项(政策资金)经费情况说明", "年度预算安排"), 24),
    (CZJ, ("上海市普陀区财政局概况", "部门决算单位构成"), 5),
    (CZJ, ("上海市普陀区财政局2024年度部门决算情况说明", "其他重要事项的情况说明", "机关运行经费支出情况"), 23),
    (CZJ_PDF, ("名词解释",), 25),
    (GHZY, ("上海市普陀区规划和自然资源局2024年度部门决算情况说明", "预算绩效管理情况"), 26),
    (CQ, ("“三公”经费情况说明",), None),  # a web page: no pages
]


@pytest.mark.parametrize(("relative", "path", "page"), SECTIONS)
def test_sections(sample, relative, path, page):
    found = [s for s in sample(relative).sections if s.path == path]
    assert len(found) == 1 and found[0].span.page == page


def test_definitions_are_paragraphs_not_headings(sample):
    """`一、财政拨款收入：指…` under 名词解释 is a definition, not a level-1 heading."""
    doc = sample(CZJ)
    glossary = next(s for s in doc.sections if s.title == "名词解释")
    assert glossary.level == 0 and len(glossary.paragraphs) == 11
    assert [s for s in doc.sections if tuple(s.path[:1]) == ("名词解释",)] == [glossary]


def test_narrative_only_document_says_its_tables_are_images(sample):
    doc = sample(CQ)
    assert doc.tables == ()
    assert any("published as images" in w and "8" in w for w in doc.warnings)
    assert not any("[图片]" in p.text for s in doc.sections for p in s.paragraphs)
    three = next(s for s in doc.sections if s.title == "“三公”经费情况说明")
    assert "2800.68万元" in three.paragraphs[0].text


def test_units_institutions_and_project_form(sample):
    assert [r.name for r in sample(CZJ).table("institutions").rows] == [
        "上海市普陀区财政局（本级）", "上海市普陀区财政局财政所", "上海市普陀区国库收付中心"]
    form = sample(JGW).projects[0]  # 绩效目标申报表 printed as page text
    assert (form.name, form.unit, form.budget) == ("兰溪路-真南路下立交工程", "元", Decimal("226145100.00"))
