"""Arithmetic converts units before it combines operands and states the unit of its result: a 三公 table in
万元 against totals in 元 (万里街道 2025), never 0.00% or an added mixture."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from index.settings import load_settings

W25 = "shanghai_putuo_wanli_2025_budget"


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


@pytest.mark.parametrize(("question", "value", "unit", "converted"), [
    ("三公经费占支出总计的比例", "0.20", "%", "18976.7551"),  # 37.91万元 ÷ 189,767,551元
    ("三公经费加上支出总计是多少", "19014.6651", "万元", "18976.7551"),
    ("支出总计比三公经费多多少", "189388451", "元", "379100"),  # the first operand's unit: 元
])
def test_units_converted_before_combining(assistant, question, value, unit, converted):
    answer = assistant.ask(question, doc=W25)
    assert (answer.value, answer.unit) == (Decimal(value), unit), answer.text
    assert converted in (answer.formula or ""), answer.formula
