"""One ontology, one reading of it: the answer path and the audit resolve every concept to the same cell,
on every sample document."""

from __future__ import annotations

import pytest

from assistant.concepts import resolve_concept
from corpus.ontology import ontology
from index.audit_concepts import resolve as audit_resolve
from index.locate import locate

CONCEPTS = sorted(c.id for c in ontology().concepts.values() if c.where)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_answer_path_and_audit_read_the_same_cell(sample_docs, concept):
    for doc in sample_docs:
        answer = resolve_concept(doc, concept)
        audited = [t for t in audit_resolve(doc, concept, "万元") if t.cite.text != "" or t.cite.row == "（空表）"]
        if answer is None:
            assert not audited, (doc.doc_id, concept, audited[0].cite.short())
            continue
        first = audited[0].cite
        if first.row == "（空表）":  # an explicitly empty table states 0: the same table on both paths
            assert (answer.citation.table, answer.citation.row, answer.value) == (first.table, "（空表）", 0)
            continue
        assert (first.table, first.column) == (answer.citation.table, answer.citation.column), (doc.doc_id, concept)
        assert answer.citation.row is not None and first.row is not None
        assert first.row.endswith(answer.citation.row.split(" ", 1)[-1]), (doc.doc_id, concept)


def test_rules_find_the_standard_totals_on_every_sample(sample_docs):
    """The tables' standard totals are found wherever a document has tables (not published as images)."""
    for doc in sample_docs:
        if not doc.tables:
            continue
        found = {c for c in ("支出总计", "收入总计", "基本支出", "项目支出") if locate(doc, c)}
        assert found == {"支出总计", "收入总计", "基本支出", "项目支出"}, (doc.doc_id, found)
