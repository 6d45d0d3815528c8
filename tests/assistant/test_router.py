"""The router on its own: the question's form and what linking found decide the route."""

from __future__ import annotations

import pytest

from assistant.exact import Ask
from assistant.link import link
from assistant.qtext import normalize_question
from assistant.router import Question, decide

CASES = [
    ("一般公共服务支出是多少", "table"),
    ("基本支出占总支出的比例", "table"),
    ("2023年预算是多少", "table"),
    ("哪个功能分类支出最多", "table"),
    ("机关运行经费主要用于什么", "narrative"),
    ("什么是三公经费", "narrative"),
    ("人民会堂是什么单位", "narrative"),
    ("劳模体检的绩效目标是什么", "narrative"),
    ("部门的主要职责有哪些方面", "narrative"),
    ("项目支出为何减少", "hybrid"),
    ("三公经费为什么是零", "hybrid"),
    ("基本支出为什么减少了", "hybrid"),
    ("项目支出减少的原因是多少万元", "hybrid"),
]


@pytest.mark.parametrize(("question", "route"), CASES)
def test_decide(seed_doc, question, route):
    q = normalize_question(question)
    assert decide(Question(question, Ask(question, q, seed_doc, tuple(link(q, seed_doc))))) == route


def test_no_document_is_unanswerable():
    assert decide(Question("2025年预算是多少", None, "库中没有2025年的文件")) == "unanswerable"
