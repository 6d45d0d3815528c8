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


WHY = [c[0] for c in CASES if any(w in c[0] for w in ("为什么", "为何", "原因", "为啥"))]


@pytest.mark.parametrize("question", WHY)
def test_a_why_never_quotes_a_definition(assistant, question):
    """The reason sentence, never a 名词解释 definition beside it (fusion ranks the glossary high too)."""
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert not [c for c in answer.citations if c.kind == "text" and "名词解释" in (c.section or "")]


@pytest.mark.parametrize("question", ABSTAIN)
def test_abstains(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.route == "unanswerable", answer.text
