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
