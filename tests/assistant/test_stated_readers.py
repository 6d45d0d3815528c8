"""The prose read twice — by the answer path (assistant/textfacts.py) and by the shared reader the audit
uses (index/stated.py) — must never state one figure two ways."""

from __future__ import annotations


def test_the_two_readers_of_stated_changes_agree(sample_store):
    """比上年增减 as the answer path reads it (textfacts) and as the audit's shared prose reader does
    (index/stated.py): wherever both find a concept's change, the first one is the same figure."""
    from assistant.textfacts import stated_changes
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    compared = 0
    for info in sample_store.documents():
        doc = sample_store.disclosure(info.doc_id)
        answered = stated_changes(doc)
        seen: set[str] = set()
        for s in stated_facts(doc, stated_patterns()):
            if not s.change or s.concept not in answered or s.concept in seen:
                continue
            seen.add(s.concept)
            mine = answered[s.concept]
            assert (abs(s.value), s.unit) == (mine.amount.value, mine.amount.unit), (info.doc_id, s.concept)
            assert s.value == 0 or (s.value > 0) == mine.increased, (info.doc_id, s.concept)
            compared += 1
    assert compared >= 40
