"""One figure compared across the departments stored for a year: each disclosure's own record, cited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from index.settings import load_settings

W25 = "shanghai_putuo_wanli_2025_budget"
SWJ = "shanghai_putuo_swj_2025_budget-pdf"


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


@pytest.mark.parametrize(("question", "top", "value", "cited"), [
    ("哪个部门2025年的三公经费最多", "万里街道", Decimal("37.91"), {W25, SWJ}),
    ("2025年哪个部门的支出总计最少", "万里街道", Decimal("189767551"), {W25, SWJ}),
    ("2025年各部门的三公经费谁多", "万里街道", Decimal("37.91"), {W25, SWJ}),
])
def test_ranked_across_departments(assistant, question, top, value, cited):
    answer = assistant.ask(question)
    assert not answer.abstained and answer.value == value, answer.text
    assert top in answer.text.split("。")[1]  # the first named after the understanding
    assert {c.doc_id for c in answer.citations} == cited  # each operand cited to its own document


def test_several_years_asks_which(assistant):
    answer = assistant.ask("哪个部门的三公经费最多")
    assert answer.abstained and "哪一年" in answer.text


W24 = "shanghai_putuo_wanli_2024_budget-pdf"


@pytest.mark.parametrize(("question", "value", "unit", "note"), [
    # the two disclosures' own tables: 189,767,551 − 156,211,123, noting the 3355.65 the 2025 text states
    ("万里街道2025年支出总计比2024年增加多少", Decimal("33556428"), "元", "3355.65"),
    ("万里街道2025年三公经费比上年减少多少", Decimal("-10.00"), "万元", None),
    ("万里街道2025年一般公共服务支出比上年增长百分之几", Decimal("12.41"), "%", None),
])
def test_change_across_years_reads_both_disclosures(assistant, question, value, unit, note):
    answer = assistant.ask(question)
    assert (answer.value, answer.unit) == (value, unit), answer.text
    assert {c.doc_id for c in answer.citations} == {W25, W24}  # each year cited to its own table
    assert all(c.kind == "cell" for c in answer.citations)
    assert (note in answer.text) if note else "说明则为" not in answer.text


def test_sources_across_documents_say_whose(assistant):
    from assistant.render import answer_text
    from assistant.web_render import answer_html

    answer = assistant.ask("哪个部门2025年的三公经费最多")
    text = answer_text(answer)
    assert f"{W25} · " in text and f"{SWJ} · " in text
    docs = {c.doc_id: assistant.disclosure(c.doc_id) for c in answer.citations}
    html = answer_html(answer.question, answer, docs)
    assert all(d.title in html for d in docs.values())


@pytest.mark.parametrize(("question", "stored"), [
    ("哪个部门2025年的三公经费最多", True), ("2025年哪个部门的支出总计最少", True),
    ("哪个部门2024年决算的本年支出合计最多", True),
    ("2025年哪个部门的机关运行经费最多", True),  # a table prints it in some, the 说明 in others: both read
    ("2025年哪个部门的一般公共服务支出最多", False),  # a subject, not a concept: each disclosure is asked
])
def test_the_stored_concepts_answer_as_each_disclosure_would(sample_store, question, stored):
    """Read from the concepts stored at ingest (one query) or by asking each disclosure: the same answer."""
    read: list[int] = []

    class Stored:  # the store, counting the figures its concepts table gave
        def __getattr__(self, name):
            return getattr(sample_store, name)

        def concept_values(self, concept, doc_ids):
            found = sample_store.concept_values(concept, doc_ids)
            read.append(len(found))
            return found

    fast = Assistant(store=Stored(), settings=load_settings()).ask(question)
    assert (sum(read) >= 1) is stored  # read from the stored concepts, not by asking each disclosure

    class Unresolved:  # the same store, without its stored concepts: each disclosure is asked
        def __getattr__(self, name):
            if name == "concept_values":
                raise AttributeError(name)
            return getattr(sample_store, name)

    slow = Assistant(store=Unresolved(), settings=load_settings()).ask(question)
    assert not fast.abstained
    assert (fast.text, fast.citations, fast.values) == (slow.text, slow.citations, slow.values)


def test_the_answer_path_reads_each_stored_concept(sample_store):
    """Every concept stored for every sample is the figure the answer path gives for it."""
    from corpus.ontology import ontology

    assistant = Assistant(store=sample_store, settings=load_settings())
    checked = 0
    for info in sample_store.documents():
        for concept in ontology().concepts:
            fact = sample_store.concept_values(concept, [info.doc_id]).get(info.doc_id)
            if fact is None:
                continue
            answer = assistant.ask(f"{concept}是多少", doc=info.doc_id)
            assert (answer.value, answer.unit) == (fact.value, fact.unit), (info.doc_id, concept, answer.text)
            checked += 1
    assert checked > 200

