"""Whole questions through the real assistant over every stored sample: each part of the plan answers
the piece it was read from (a share read in the row the anaphora points at, two counts of one thing in
different measures, a bare moment after 比, an open comparison with its rate and amount), and a sentence
that gives the thing asked no sum of money is no amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from index.settings import load_settings

W24 = "shanghai_putuo_wanli_2024_budget-pdf"
GHZY = "shanghai_putuo_ghzy_2024_final-pdf"
CZJ = "shanghai_putuo_czj_2024_final"


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


# document, question, each part's (value, unit); None: the part abstains
CASES = [
    (W24, "城乡社区支出里基本支出和项目支出分别多少？项目支出占这一类的比重？",
     [("76609000", "元"), ("42776303", "元"), ("35.83", "%")]),  # of 城乡社区支出's own 项目支出
    (W24, "项目支出占城乡社区支出的比重", [("35.83", "%")]),  # a column within the row it is a share of
    (GHZY, "公务接待一共几批、多少人次？花了多少钱", [("2", "批次"), ("26", "人次"), ("0.39", "万元")]),
    (GHZY, "结转结余年末比年初少了多少？", [("-12.88", "万元")]),  # 年末 − 年初, not against last year
    (GHZY, "年末结转结余比年初结转结余少了多少", [("-12.88", "万元")]),
    (GHZY, "机关运行经费跟2023年比变化多大？", [("-8.65", "%")]),
    (CZJ, "那2台100万以上的设备各值多少钱？", [None]),  # 单价100万元以上 is a threshold, not a price
]


@pytest.mark.parametrize(("doc", "question", "parts"), CASES)
def test_each_part_answers_its_piece(assistant, doc, question, parts):
    answer = assistant.ask(question, doc=doc)
    got = answer.parts or (answer,)
    assert len(got) == len(parts), answer.text
    for part, want in zip(got, parts, strict=True):
        if want is None:
            assert part.abstained, part.text
        else:
            assert (part.value, part.unit) == (Decimal(want[0]), want[1]), part.text


def test_an_open_comparison_states_amount_and_rate(assistant):
    text = assistant.ask("机关运行经费跟2023年比变化多大", doc=GHZY).text
    assert "减少13.52万元" in text and "下降8.65%" in text, text
