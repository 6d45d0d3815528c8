"""主要职能是什么: the numbered duty list of each real layout, quoted item by item."""

from __future__ import annotations

import pytest

from assistant.duties import answer_duties
from assistant.quotes import key_terms
from corpus.parse import parse_file
from tests.conftest import SAMPLES, SEED

# file, question, the lead sentence's start, the first and last items quoted
CASES = [
    (SEED, "部门的主要职责是什么", None, "(一)坚持党的领导", None),
    (SAMPLES / "text/shanghai_putuo_wanli_2025_budget.txt", "主要职能是什么", "上海市普陀区人民政府万里街道办事处是",
     "一、加强党的建设。", "九、承办区委、区政府交办的其他事项。"),
    (SAMPLES / "text/shanghai_putuo_czj_2024_final.txt", "主要职责有哪些", "第二条上海市普陀区财政局是",
     "（一）贯彻执行国家和本市有关财政工作的法律、法规、规章和方针、政策；", None),
    (SAMPLES / "pdf/shanghai_putuo_swj_2025_budget.pdf", "职能包括哪些", "上海市普陀区商务委员会是",
     "1、贯彻执行", None),
]


@pytest.mark.parametrize(("path", "question", "lead", "first", "last"), CASES)
def test_duty_list(path, question, lead, first, last):
    doc = parse_file(path)
    answer = answer_duties(doc, question, question, key_terms(question))
    assert answer is not None and answer.route == "narrative"
    quotes = [c.quote or "" for c in answer.citations]
    items = quotes[1:] if lead else quotes
    if lead:
        assert quotes[0].startswith(lead)
    assert items[0].startswith(first) and len(items) >= 5
    if last:
        assert items[-1] == last
    assert all(q in answer.text for q in quotes)


@pytest.mark.parametrize("question", ["是否负责会计管理工作", "预算绩效管理由谁负责", "三公经费是多少"])
def test_particular_questions_are_not_the_list(question):
    doc = parse_file(SAMPLES / "text/shanghai_putuo_czj_2024_final.txt")
    assert answer_duties(doc, question, question, key_terms(question)) is None
