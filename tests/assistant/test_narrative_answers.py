"""Why/what questions through the real assistant: route, cited section, key phrase; abstentions."""

from __future__ import annotations

import pytest

from assistant.checks import uncited_numbers
from assistant.duties import ASKS_DUTIES, MAX_ITEMS
from assistant.service import Assistant
from index.settings import load_settings
from tests.assistant.narrative_cases import ABSTAIN, CASES


@pytest.fixture(scope="module")
def assistant(seed_store):
    return Assistant(store=seed_store, settings=load_settings())


@pytest.mark.parametrize(("question", "route", "section", "phrase"), CASES)
def test_narrative(assistant, question, route, section, phrase):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert answer.route == route
    sections = [c.section for c in answer.citations if c.kind == "text"]
    assert any(section in s for s in sections), sections
    assert phrase in answer.text
    for citation in answer.citations:
        if citation.kind == "text":
            assert citation.quote in answer.text  # whole sentences, quoted as cited
            assert citation.quote.endswith(("。", "；", "！", "？")) or len(citation.quote) > 10
    listed = ASKS_DUTIES.search(question)  # the duty list quotes each item (and the lead sentence)
    assert len([c for c in answer.citations if c.kind == "text"]) <= (MAX_ITEMS + 1 if listed else 3)
    assert not uncited_numbers(answer, {2023, 2024})


@pytest.mark.parametrize("question", ABSTAIN)
def test_abstains(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.route == "unanswerable", answer.text
