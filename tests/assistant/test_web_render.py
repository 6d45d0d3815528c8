"""Pure rendering of the chat page: escaping, highlighted source cells, marked quotes, limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Answer, Citation, Figure
from assistant.web import respond
from assistant.web_render import answer_html, chart_figures, table_html

XSS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "\"><svg onload=alert(1)>"]


@pytest.mark.parametrize("evil", XSS)
def test_question_and_answer_text_are_escaped(evil):
    answer = Answer(question=evil, route="unanswerable", text=f"不知道{evil}", abstained=True)
    html = answer_html(evil, answer, {})
    assert "<script" not in html and "<img" not in html and "<svg onload" not in html
    assert "&lt;" in html


def test_cited_cell_is_highlighted(seed_doc):
    table = seed_doc.table("expense")
    html = table_html(table, "2 201 一般公共服务支出", "基本支出")
    assert html.count('data-cited="row"') == 1 and html.count('data-cited="cell"') == 1
    cell = html.split('data-cited="cell">')[1].split("<")[0]
    assert cell == "1104.72"


def test_quote_is_marked(seed_doc):
    quote = "项目支出减少79.9万元，"
    citation = Citation(seed_doc.doc_id, "text", 18, section="比上年增减情况", quote=quote)
    answer = Answer(question="q", route="narrative", text=quote, citations=(citation,))
    html = answer_html("q", answer, {seed_doc.doc_id: seed_doc})
    assert f"<mark>{quote}</mark>" in html and "第18页" in html


@pytest.mark.parametrize(("figures", "charted", "formula"), [
    ([Figure("基本支出", Decimal("3721.03"), "万元"), Figure("项目支出", Decimal("433.00"), "万元")], 2, None),
    ([Figure("基本支出", Decimal("3721.03"), "万元"), Figure("项目支出", Decimal("433.00"), "万元"),
      Figure("结果", Decimal("4154.03"), "万元")], 2, "基本支出 3721.03 + 项目支出 433.00 = 4154.03"),  # the parts
    ([Figure("本级", Decimal("40.51"), "万元"), Figure("人民会堂", Decimal("32.24"), "万元"),
      Figure("结果", Decimal("8.27"), "万元")], 0, "本级 40.51 − 人民会堂 32.24 = 8.27"),  # no composition
    ([Figure("占比", Decimal("89.58"), "%")], 0, None),
    ([Figure("a", Decimal(1), "万元"), Figure("b", Decimal(2), "人")], 0, None),
])
def test_chart_only_for_compositions(figures, charted, formula):
    answer = Answer(question="q", route="lookup", text="t", values=tuple(figures), formula=formula)
    assert len(chart_figures(answer)) == charted


class _NoAsk:
    def ask(self, *_a, **_k):
        raise AssertionError("must not be asked")


@pytest.mark.parametrize(("question", "expect"), [("", ""), ("   ", ""), ("问" * 301, "超过300字")])
def test_empty_and_long_questions_are_not_asked(question, expect):
    html, cleared, talk = respond(_NoAsk(), question, "", None)
    assert cleared == "" and expect in html and talk.last is None


def test_a_conversation_keeps_only_its_newest_turns():
    from assistant.web import Talk

    talk = Talk()
    for i in range(7):
        talk = talk.added(f"<div>turn {i}</div>", keep=3)
    assert talk.shown == ("<div>turn 4</div>", "<div>turn 5</div>", "<div>turn 6</div>")
    assert talk.dropped == 4 and "较早的4轮" in talk.html()


def test_audit_tab_html(seed_store):
    from assistant.service import Assistant
    from assistant.web import audit_html
    from index.settings import load_settings

    html = audit_html(Assistant(store=seed_store, settings=load_settings()), seed_store.documents()[0].doc_id)
    assert "条结果" in html and "<script" not in html


@pytest.mark.parametrize("name", ["<script>alert(1)</script>局", "**粗体**委员会", "[链接](http://x)街道", "第42中学"])
def test_header_escapes_document_names(name):
    from assistant.web import header_html

    html = header_html([f"{name} 2024年预算"])
    if "<" in name:
        assert "<script>" not in html and "&lt;script&gt;" in html
    else:
        assert name in html  # shown as written: the header is HTML, never Markdown


def _finding(severity: str, left: str, right: str, row: str):
    from decimal import Decimal

    from index.audit_model import Cite, Finding, Term

    cite = Cite("cell", 5, 10, table="支出总表", row=row, column="合计", text=left)
    other = Cite("cell", 6, 20, table="收支总表", row="支出总计", column="预算数", text=right)
    return Finding(severity, "cross.total", f"{row} = 支出总计", (Term(row, Decimal(left), cite),),
                   (Term("支出总计", Decimal(right), other),), Decimal(left) - Decimal(right), False, "expense")


@pytest.mark.parametrize(("findings", "rows", "folded"), [
    ([_finding("info", "1.00", "1.01", "甲"), _finding("error", "5.00", "4.00", "乙"),
      _finding("warning", "3.00", "3.50", "丙")], ["错误", "警告"], 1),  # problems first, notes folded
    ([_finding("info", "1.00", "1.01", "甲")], [], 1),
    ([], [], 0),
])
def test_audit_table(findings, rows, folded):
    import re

    from assistant.audit_html import audit_table

    html = audit_table(findings)
    problems = html.split("<details>")[0]
    assert re.findall(r'<tr data-sev="\w+"><td data-k="\d">(\w+)</td>', problems) == rows
    assert html.count("<details>") == (1 if folded else 0)
    assert f"{len(findings)} 条结果" in html
    assert ("<th onclick=" in problems) == bool(rows)  # the problems' table sorts by any column
    if folded:
        assert "<td>1.00</td>" in html.split("<details>")[1]  # the note is under the fold


@pytest.mark.parametrize(("text", "shown"), [
    ("189767551 − 156211123 = 33556428", "189,767,551 − 156,211,123 = 33,556,428"),
    ("2024年项目支出 433.00 ÷ 4154.03", "2024年项目支出 433.00 ÷ 4154.03"),  # years and small figures as printed
    ("37151.4655万元", "37,151.4655万元"),
])
def test_long_amounts_are_grouped(text, shown):
    from assistant.web_render import grouped

    assert grouped(text) == shown


def test_a_composition_chart_is_sorted_with_shares():
    import re

    from assistant.web_render import bar_chart

    svg = bar_chart([Figure("甲", Decimal("25"), "万元"), Figure("乙", Decimal("75"), "万元")])
    labels = re.findall(r">(甲|乙)<", svg)
    assert labels == ["乙", "甲"] and "（75.0%）" in svg and "（25.0%）" in svg


def test_source_table_indents_kuan_and_xiang(seed_doc):
    from assistant.web_render import table_html

    html = table_html(seed_doc.table("expense"))
    assert 'class="bq-kuan"' in html and 'class="bq-xiang"' in html


def test_each_answer_can_be_copied_and_rated():
    from assistant.web_render import answer_html

    html = answer_html("q", Answer(question="q", route="lookup", text="项目支出为433.00万元"), {})
    assert "bq-copy" in html and 'data-vote="up"' in html and 'data-a="项目支出为433.00万元"' in html
