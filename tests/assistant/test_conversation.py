"""A chat's follow-ups read against the turn before (assistant/conversation.py), on the real samples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.conversation import Turn, ask_after, follows
from assistant.service import Assistant
from index.settings import load_settings

SEED = "shijiazhuang_federation_of_trade_unions_2024_budget"
W25 = "shanghai_putuo_wanli_2025_budget"


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


@pytest.mark.parametrize(("question", "leans"), [
    ("那去年呢？", True), ("为什么？", True), ("那公用经费呢？", True), ("占比多少", True),
    ("项目支出是多少？", False), ("什么是三公经费", False), ("万里街道的三公经费是多少", False),
])
def test_follows(question, leans):
    assert follows(question) is leans


# each conversation: (question, the figure its answer gives or a quoted piece, the document it cites)
CONVERSATIONS = [
    [("石家庄市总工会项目支出是多少？", "433.00", SEED), ("那去年呢？", "512.90", SEED),
     ("为什么？", "不包含市财政", SEED)],
    # last year's figure from last year's own stored disclosure (its table), not worked back
    [("万里街道2025年一般公共服务支出是多少", "3296600", W25),
     ("那去年呢", "2932700", "shanghai_putuo_wanli_2024_budget-pdf")],
    # a new question naming no body stays with the document talked about
    [("石家庄市总工会项目支出是多少？", "433.00", SEED), ("什么是三公经费", "三公", SEED)],
]


@pytest.mark.parametrize("turns", CONVERSATIONS)
def test_a_conversation(assistant, turns):
    previous: Turn | None = None
    for question, said, doc in turns:
        answer, previous = ask_after(assistant, question, None, previous)
        assert not answer.abstained, answer.text
        figures = {str(answer.value)} if answer.value is not None else set()
        assert said in answer.text or said in figures, answer.text
        assert answer.citations and answer.citations[0].doc_id == doc, answer.citations


def test_earlier_figure_is_a_cell_of_that_table(assistant):
    _, turn = ask_after(assistant, "万里街道2025年一般公共服务支出是多少", None, None)
    answer, _ = ask_after(assistant, "那去年呢", None, turn)
    assert answer.value == Decimal("2932700") and answer.citations[0].kind == "cell"
    assert "取自" in answer.text and "2024年预算" in answer.text
