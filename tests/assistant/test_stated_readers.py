"""比上年增减 as the prose states it, read once (index/stated.py) for the answer path and the audit alike:
持平 without a figure is a change of 0, a bare change is about the figure (or the whole) before it, and
a change against last year's 执行数 or a typo'd 上一度 still names its concept."""

from __future__ import annotations

from decimal import Decimal

import pytest

SEED = "shijiazhuang_federation_of_trade_unions_2024_budget"
W25 = "shanghai_putuo_wanli_2025_budget"
SWJ = "shanghai_putuo_swj_2025_budget-pdf"
GHZY = "shanghai_putuo_ghzy_2024_final-pdf"
JTW = "chongqing_jtw_2018_budget"
JGW = "shanghai_putuo_jgw_2026_budget"


@pytest.mark.parametrize(("doc", "concept", "value", "increased", "quoted"), [
    (SEED, "三公经费", "0", True, "与上年持平"),  # after a sentence listing its parts: the whole's
    (W25, "三公经费", "10", False, "比2024年预算减少10万元"),
    (W25, "公务接待费", "0", True, "公务接待费1.35万元"),  # 持平 in the next sentence, quoted with its figure
    (SWJ, "财政拨款收入", "24558.18", True, "比2024年预算执行数增加"),  # against last year's 执行数
    (GHZY, "项目支出", "1133.95", True, "较上一度增加"),  # a typo'd 上一年度
    (GHZY, "因公出国(境)费", "0", True, "与上一年度持平"),  # 持平 in a clause naming its own label
    (JTW, "公务用车购置费", "0", True, "与2017年一致"),
    (JGW, "公务接待费", "0", True, "增加0万元"),
])
def test_a_stated_change_is_read_for_its_concept(sample_store, doc, concept, value, increased, quoted):
    from assistant.textfacts import stated_changes

    change = stated_changes(sample_store.disclosure(doc))[concept]
    assert (change.amount.value, change.increased) == (Decimal(value), increased)
    assert quoted in (change.amount.citation.quote or "")


def test_the_audit_reads_the_same_changes(sample_store):
    """The audit's reading (its own vocabulary) finds, for every concept it labels, the first change the
    answer path gives — over every stored sample."""
    from assistant.textfacts import stated_changes
    from index.stated import stated_facts

    compared = 0
    for info in sample_store.documents():
        doc = sample_store.disclosure(info.doc_id)
        answered = stated_changes(doc)
        seen: set[str] = set()
        for s in stated_facts(doc):
            if not s.change or s.concept not in answered or s.concept in seen:
                continue
            seen.add(s.concept)
            assert (abs(s.value), s.unit) == (answered[s.concept].amount.value, answered[s.concept].amount.unit)
            compared += 1
    assert compared >= 40
