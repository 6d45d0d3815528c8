"""Scorer verdicts on hand-built answers with known right and wrong outcomes."""

from __future__ import annotations

import pytest

from evals.questions import to_question
from evals.score import verdict

CELL = {"doc_id": "d", "kind": "cell", "table": "部门预算支出总表", "row": "1 合计", "column": "基本支出",
        "value": "3721.03", "page": 5}
TEXT = {"doc_id": "d", "kind": "text", "section": "部门预算安排的总体情况 > 比上年增减情况",
        "quote": "项目支出减少79.9万元。", "page": 18}


def q(**kw):
    base = {"question": "问", "type": "lookup", "value": None, "unit": "万元"}
    return to_question({**base, **kw}, "t.jsonl", 1, 1)


def r(value=None, unit="万元", text="", abstained=False, citations=(CELL,), values=()):
    return {"value": value, "unit": unit, "text": text, "abstained": abstained,
            "citations": list(citations), "values": list(values)}


CASES = [
    ("exact amount", q(value=3721.03), r(3721.03), True),
    ("wrong amount", q(value=3721.03), r(3721.04), False),
    ("rounds to 2 decimals", q(value=3721.03), r(3721.034), True),
    ("元 answer, 万元 expected", q(value=3721.03), r(37210300, unit="元"), True),
    ("万元 answer, 元 expected", q(value=37210300, unit="元"), r(3721.03), True),
    ("亿元", q(value=0.3721, unit="亿元"), r(3721.00), True),
    ("percent", q(type="ratio", value=89.58, unit="%"), r(89.58, unit="%"), True),
    ("percent off by 0.01", q(type="ratio", value=89.58, unit="%"), r(89.59, unit="%"), False),
    ("% vs 万元", q(type="ratio", value=89.58, unit="%"), r(89.58, unit="万元"), False),
    ("an average's per-what is a label", q(type="ratio", value=0.2), r(0.20, unit="万元/人"), True),
    ("an average in another unit", q(type="ratio", value=2000, unit="元"), r(0.20, unit="万元/人"), True),
    ("an average is no percent", q(type="ratio", value=0.2, unit="%"), r(0.20, unit="万元/人"), False),
    ("count exact", q(type="count", value=6, unit="个"), r(6, unit="个"), True),
    ("count not rounded", q(type="count", value=6, unit="个"), r(6.004, unit="个"), False),
    ("counter words are one count", q(type="count", value=3, unit="个"), r(3, unit="家"), True),
    ("persons are not units", q(type="count", value=3, unit="个"), r(3, unit="人"), False),
    ("list: all present", q(value=[226.99, 135.54]),
     r(None, values=[{"label": "a", "value": 135.54, "unit": "万元"},
                     {"label": "b", "value": 226.99, "unit": "万元"}]), True),
    ("list: one missing", q(value=[226.99, 135.54]),
     r(None, values=[{"label": "b", "value": 226.99, "unit": "万元"}]), False),
    ("diff magnitude + 减少", q(type="diff", value=155.02), r(-155.02, text="比上年减少155.02万元"), True),
    ("diff without direction", q(type="diff", value=155.02), r(155.02, text="变动155.02万元"), False),
    ("pct_change magnitude", q(type="pct_change", value=3.60, unit="%"),
     r(-3.60, unit="%", text="下降3.60%"), True),
    ("abstained correctly", q(type="unanswerable"), r(abstained=True, citations=()), True),
    ("answered the unanswerable", q(type="unanswerable"), r(4154.03), False),
    ("abstained on answerable", q(value=3721.03), r(None, abstained=True), False),
    ("missing citation", q(value=3721.03), r(3721.03, citations=()), False),
    ("narrative phrases", q(type="narrative", must_include=["79.9", "项目支出"]),
     r(text="项目支出减少79.9万元。", citations=(TEXT,)), True),
    ("narrative phrase missing", q(type="narrative", must_include=["127.75"]),
     r(text="项目支出减少79.9万元。", citations=(TEXT,)), False),
]


@pytest.mark.parametrize(("name", "question", "response", "passed"), CASES, ids=[c[0] for c in CASES])
def test_verdict(name, question, response, passed):
    assert verdict(question, response).passed is passed


@pytest.mark.parametrize(("evidence", "ok"), [("支出总表|合计", True), ("基本支出表|合计", False),
                                              ("比上年增减情况", True)])
def test_evidence(evidence, ok):
    result = verdict(q(value=3721.03, evidence=evidence), r(3721.03, citations=(CELL, TEXT)))
    assert result.evidence_ok is ok
