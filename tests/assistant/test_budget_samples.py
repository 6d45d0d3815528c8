"""Other districts' 预算 through the real assistant: changes said as 持平, a total's change stated only
for its 财政拨款 part, counts the 说明 states (one, or several listed), a project's 经费情况说明 parts,
the 三公 table's 运行费 column and blank cells that the text fills, indicator rows of a page-text form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from corpus.parse import parse_file
from index.settings import load_settings
from tests.conftest import SAMPLES

JGW = SAMPLES / "text" / "shanghai_putuo_jgw_2026_budget.txt"
WANLI25 = SAMPLES / "text" / "shanghai_putuo_wanli_2025_budget.txt"
SWJ = SAMPLES / "pdf" / "shanghai_putuo_swj_2025_budget.pdf"
WANLI24 = SAMPLES / "pdf" / "shanghai_putuo_wanli_2024_budget.pdf"
JTW = SAMPLES / "text" / "chongqing_jtw_2018_budget.txt"
J, W25 = "shanghai_putuo_jgw_2026_budget", "shanghai_putuo_wanli_2025_budget"
S, W24 = "shanghai_putuo_swj_2025_budget-pdf", "shanghai_putuo_wanli_2024_budget-pdf"
JTW_ID = "chongqing_jtw_2018_budget"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("budget-samples") / "store.sqlite3")
    ingest_paths([JGW, WANLI25, SWJ, WANLI24, JTW], store)
    return Assistant(store=store, settings=load_settings())


# document, question, value, unit, a phrase the answer (text or a quoted citation) must hold
CASES = [
    (J, "三公经费比上年增加多少", "0", "万元", "持平"),
    (J, "2025年三公经费预算是多少", "42.24", "万元", "文中说明与上年持平"),
    (J, "三公经费比上年增长百分之几", "0", "%", "持平"),
    (J, "三公经费同比变化", "0", "万元", "持平"),
    (J, "支出总计是多少亿元", "3286618082.20", "元", "32.866180822亿元"),  # the asked unit shown too
    (S, "公务接待费比上年增加多少", "0", "万元", "与2024年预算持平"),  # named in the sentence before
    (JTW_ID, "公务用车购置费比上年增加多少", "0", "万元", "与2017年一致"),
    (J, "财政拨款收入比2025年增加了多少万元", "115649", "万元", "财政拨款收入328,661万元"),
    (J, "一般公共预算拨款支出比上年减少多少", "5965", "万元", "减少5,965万元"),
    (J, "政府性基金拨款支出比2025年增加了多少", "119614", "万元", "增加119,614万元"),
    (W25, "支出比2024年增加了多少万元", "3355.65", "万元", "支出总计全部为财政拨款"),
    (J, "支出总计比上年增加多少", "115649", "万元", "财政拨款支出预算328,661万元"),
    (W24, "财政拨款收入比2023年减少了多少万元", "876.75", "万元", "减少876.75万元"),  # wrapped line
    (W24, "编报绩效目标的项目有多少个", "50", "个", "编报绩效目标的项目50个"),
    (W24, "有几个预算单位", "5", "家", "下属5家预算单位"),
    (J, "有几个事业单位", "4", "家", "事业单位4家"),
    (J, "兰溪路-真南路下立交工程的实施周期", None, None, "2026年1月1日至2027年12月31日"),
    (J, "兰溪路下立交工程由谁实施", None, None, "施工单位：上海建工五建集团有限公司"),
    (S, "科技创新专项年度预算安排多少", "1720.00", "万元", "2025年度项目总预算1720.00万"),
    (J, "公务用车运行费是多少", "42.24", "万元", "42.24"),
    (W24, "公务用车运行费是多少", "21.56", "万元", "21.56"),  # the 运行费 column, not 46.56
    (S, "公务用车运行费是多少", "0", "万元", "公务用车运行费0万元"),  # blank cell: the text says 0
    (J, "道路建设长度指标值是多少", "985", "米", "985米"),
    (W24, "专项普查活动比2023年减少了百分之几", "-57.14", "%", "2023年当年预算执行数为60.13万元"),
    (W24, "公共法律服务比上年增加了多少", "150000", "元", "2023年当年预算执行数为15.00万元"),
    (J, "政府性基金预算支出中城市建设支出是多少", "2792857000.00", "元", "政府性基金预算支出中的城市建设支出"),
    (J, "城乡社区支出中一般公共预算安排多少", "389859265.16", "元", "389,859,265.16"),  # gpb table row
    (J, "城乡社区支出中政府性基金预算多少", "2792857000.00", "元", "2,792,857,000.00"),
    (J, "政府性基金预算的项目支出", "2792857000.00", "元", "政府性基金预算·项目支出"),
    (J, "一般公共预算的基本支出", "82527880.20", "元", "82,527,880.20"),
    (W25, "卫生健康支出中行政单位医疗是多少", "1468940", "元", "1,468,940"),  # the part, not a sum
    (W25, "行政单位医疗占卫生健康支出的比例", "45.66", "%", "3,216,973"),
    (W25, "城乡社区支出的项目支出占城乡社区支出的比例", "49.87", "%", "154,369,326"),
    (W24, "三公经费中公务接待费是多少", "1.35", "万元", "1.35"),  # the part, not both
    (J, "政府采购货物占政府采购的比例", "0.01", "%", "214,355.48"),  # a share keeps its whole
    (W25, "第二大的功能分类", "16091895", "元", "社会保障和就业支出"),
    (W25, "第二少的功能分类", "200000", "元", "文化旅游体育与传媒支出"),
    (W25, "教育支出排名第几", "7", "名", "排第7"),
    (J, "兰溪路-真南路下立交工程项目资金总额", "771325800.00", "元", "项目资金总额为771325800.00"),  # not 年度
    (J, "兰溪路-真南路下立交工程预算是多少", "226145100.00", "元", "工程为226145100.00"),
    (J, "政府采购货物预算是多少", "21.62", "万元", "政府采购货物预算21.62万元"),
    (J, "面向中小企业预留的政府采购金额", "85742.20", "万元", "85,742.20万元"),  # the part, not a sum
    (W24, "政府采购工程预算是多少", "815.87", "万元", "815.87"),
    (J, "基本支出中人员经费占比", "89.93", "%", "人员经费占基本支出"),
    (J, "人员经费在基本支出中占比", "89.93", "%", "人员经费占基本支出"),
    (S, "办公费占公用经费的比例", "16.02", "%", "273,900.00"),  # of the 公用经费 total, not a cell
    (S, "部门有几个预算单位", "1", "家", "下属1家预算单位"),
    (S, "商务委员会有哪些内设机构", None, None, "办公室、综合调研科"),  # the text, not a table list
    (S, "列出所有款级科目", None, None, "商贸事务"),
    (J, "城市建设支出主要用于哪些方面", None, None, "水环境治理"),  # the text, not the table's rows
    (J, "机关运行经费包括哪些", None, None, "机关运行经费"),
    (J, "政府性基金拨款支出为什么增加", "2792857000.00", "元", "增加119,614万元"),
    (S, "贸易高质量发展专项预算多少", "2921.00", "万元", "2025年度项目总预算2921.00万"),  # no 绩效目标表
    (J, "兰溪路-真南路下立交工程的满意度指标", "90.00", "%", "居民群众满意度"),
]


@pytest.mark.parametrize(("doc", "question", "value", "unit", "phrase"), CASES)
def test_budget_sample_answers(assistant, doc, question, value, unit, phrase):
    answer = assistant.ask(question, doc=doc)
    assert not answer.abstained, answer.text
    if value is not None:
        assert (answer.value, answer.unit) == (Decimal(value), unit), answer.text
    shown = answer.text + "".join((c.quote or "") + (c.value or "") for c in answer.citations)
    assert phrase in shown, answer.text
    assert answer.citations and all(c.doc_id == doc for c in answer.citations)
    assert not answer.warnings, answer.warnings  # every figure in the text traced to a record


def test_two_things_named_without_a_conjunction_are_never_added(assistant):
    answer = assistant.ask("政府性基金预算中卫生健康支出是多少", doc=J)
    assert answer.abstained and "政府性基金预算支出功能分类预算表" in answer.text, answer.text


@pytest.mark.parametrize(("doc", "question", "listed"), [
    (W24, "有几个单位", ("行政单位1家", "事业单位4家", "预算单位5家")),
    (J, "兰溪路-真南路下立交工程有哪些绩效指标", ("道路建设长度", "项目验收达标率", "居民群众满意度")),
])
def test_several_fits_are_listed_not_chosen(assistant, doc, question, listed):
    answer = assistant.ask(question, doc=doc)
    assert not answer.abstained and answer.value is None, answer.text
    assert all(item in answer.text for item in listed), answer.text


def test_each_named_figure_is_its_own_part(assistant):
    answer = assistant.ask("人员经费和公用经费分别是多少", doc=W24)
    assert [(p.value, p.unit) for p in answer.parts] == [(Decimal("88537451"), "元"), (Decimal("11168569"), "元")]
    assert "人员经费为88537451元" in answer.parts[0].text and "公用经费为11168569元" in answer.parts[1].text


@pytest.mark.parametrize(("doc", "question"), [
    (J, "有多少名员工"),
    (W25, "资本性支出是多少"),  # no such row: not the 支出总计
    (W25, "资本性支出占支出总计的比例"),  # nor the 支出总计's share of something
    (W24, "有多少个机构"),
])
def test_still_abstains(assistant, doc, question):
    assert assistant.ask(question, doc=doc).abstained


# level3 → (level2, value) of the space-separated 绩效目标申报表
INDICATORS = [
    ("道路建设长度", "数量指标", "985米"),
    ("项目验收达标率", "质量指标", "=100.00(%)"),
    ("项目完成及时性", "时效指标", "及时"),
    ("居民群众满意度", "满意度指标", "≥90.00(%)"),
    ("长效管理制度健全性", "", "健全"),  # its 二级指标 wraps over three lines: not guessed
]


@pytest.mark.parametrize(("level3", "level2", "value"), INDICATORS)
def test_space_form_indicators(level3, level2, value):
    (project,) = parse_file(JGW).projects
    assert (project.budget, project.total) == (Decimal("226145100.00"), Decimal("771325800.00"))
    found = [i for i in project.indicators if i.level3 == level3]
    assert [(i.level2, i.value) for i in found] == [(level2, value)]
    assert found[0].span.page == 24


def test_two_years_of_one_department_side_by_side(assistant):
    """Each year asked on its own document; the figures are listed, never added across documents."""
    answer = assistant.ask("万里街道2024年和2025年的三公经费分别是多少")
    assert not answer.abstained and answer.value is None, answer.text
    figures = {f.label: f.value for f in answer.values}
    assert (figures["2024年三公经费"], figures["2025年三公经费"]) == (Decimal("47.91"), Decimal("37.91"))
    assert {c.doc_id for c in answer.citations} == {W24, W25}
