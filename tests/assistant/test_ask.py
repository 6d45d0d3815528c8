"""The exact-answer path through the real assistant on the real seed: value, unit, route, citations."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from assistant.answer import ROUTES
from assistant.checks import uncited_numbers
from assistant.service import Assistant
from index.settings import load_settings
from tests.assistant.ask_cases import CASES

ANSWERS: list = []
PART_KEYS = {"question", "route", "text", "value", "unit", "values", "formula", "abstained", "citations",
             "warnings"}
KEYS = PART_KEYS | {"parts", "plan", "choices"}


@pytest.fixture(scope="module")
def assistant(seed_store):
    return Assistant(store=seed_store, settings=load_settings())


@pytest.mark.parametrize(("question", "value", "unit", "route", "cited"), CASES)
def test_ask(assistant, question, value, unit, route, cited):
    answer = assistant.ask(question)
    ANSWERS.append(answer)
    assert answer.route == route, answer.text
    if route == "unanswerable":
        assert answer.abstained and answer.value is None
        return
    assert not answer.abstained, answer.text
    assert (answer.value, answer.unit) == ((Decimal(value), unit) if value else (None, None)), answer.text
    assert answer.citations
    assert cited <= {c.value for c in answer.citations if c.kind == "cell"}
    if value is None:  # ambiguous: every candidate stated
        assert {Decimal(v) for v in cited} <= {f.value for f in answer.values}


def test_every_number_is_cited_or_computed():
    assert len(ANSWERS) >= 150
    years = {Decimal(2023), Decimal(2024), Decimal(2025)}  # the years assistant.ask allows
    stray = {a.question: uncited_numbers(a, years) for a in ANSWERS if uncited_numbers(a, years)}
    assert stray == {}


def test_json_schema(assistant):
    data = json.loads(assistant.ask("基本支出占总支出的比例是多少").to_json())
    assert set(data) == KEYS and data["route"] in ROUTES
    assert data["value"] == 89.58 and data["unit"] == "%"
    assert [set(p) for p in data["parts"]] == [PART_KEYS] and data["plan"]["parts"][0]["op"] == "share"
    cell = data["citations"][0]
    assert set(cell) == {"doc_id", "kind", "table", "row", "column", "value", "page"}
    text = json.loads(assistant.ask("项目支出为何减少").to_json())["citations"][-1]
    assert set(text) == {"doc_id", "kind", "section", "quote", "page"}
