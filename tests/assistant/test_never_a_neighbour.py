"""Property over every stored sample: "X是多少" for each national 功能分类 类 (by its name and its short
name) and each standard concept either cites what X is — a row with X's code or name, the cell the
ontology's rules locate, a sentence naming X — or abstains. Never a neighbour."""

from __future__ import annotations

import re

import pytest

from assistant.answer import Answer, Citation
from assistant.qtext import plain_name
from assistant.service import Assistant
from corpus.ontology import Subject, ontology
from index.locate import locate
from index.settings import load_settings

CLASSES = ontology().classes("功能分类")
CONCEPTS = [c for c in ontology().concepts.values() if c.where or c.stated]


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


def _names(subject: Subject) -> tuple[str, ...]:
    return (subject.name, *subject.former)


def _is_subject(c: Citation, subject: Subject) -> bool:
    if c.kind == "cell":
        row = plain_name(c.row or "")
        return subject.code in (c.row or "").split() or any(n in row for n in _names(subject))
    return any(n in (c.quote or "") for n in (*_names(subject), *subject.weak))


def _figure_citations(answer: Answer) -> list[Citation]:
    part = answer.parts[0] if answer.parts else answer
    return list(part.citations)


def _alias_of(name: str) -> list:
    """A class name the ontology also lists as a concept's alias (国有资本经营预算支出) may mean that concept."""
    return [c for c in ontology().concepts.values() if name in c.aliases]


@pytest.mark.parametrize("subject", CLASSES, ids=lambda s: s.code)
def test_a_class_is_itself_or_nothing(assistant, subject):
    asked = [f"{subject.name}是多少"] + [f"{w}支出是多少" for w in subject.weak[:1]]
    for info in assistant.documents():
        doc = assistant.disclosure(info.doc_id)
        for question in asked:
            answer = assistant.ask(question, doc=info.doc_id)
            if answer.abstained:
                continue
            wrong = [c for c in _figure_citations(answer) if not _is_subject(c, subject)
                     and not any(_is_concept(doc, c, k) for k in _alias_of(subject.name))]
            assert not wrong, (info.doc_id, question, answer.text[:120])


def _is_concept(doc, c: Citation, concept) -> bool:
    if c.kind == "text":
        return any(p.search(c.quote or "") for p in concept.text_patterns) or concept.id in (c.quote or "")
    cells = {(h.table.title, h.column) for h in locate(doc, concept.id)} | \
        {(h.table.title, "合计") for h in locate(doc, concept.id) if h.row is None}
    return (c.table, c.column) in cells


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.id)
def test_a_concept_is_its_own_cell_or_sentence_or_nothing(assistant, concept):
    for info in assistant.documents():
        doc = assistant.disclosure(info.doc_id)
        answer = assistant.ask(f"{concept.id}是多少", doc=info.doc_id)
        if answer.abstained:
            continue
        wrong = [c for c in _figure_citations(answer) if not _is_concept(doc, c, concept)]
        assert not wrong, (info.doc_id, concept.id, answer.text[:160], [re.sub(r"\s+", "", str(w)) for w in wrong][:1])
