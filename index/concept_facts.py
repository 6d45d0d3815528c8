"""Each standard concept's figure in a disclosure, resolved once at ingest through the ontology's rules
(index/locate.py — the cells the answer path reads too) and stored beside the facts, so that a question
across the corpus ("哪个部门的三公经费最多") reads one row per disclosure instead of loading each one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from corpus.ontology import ontology
from corpus.records import Disclosure, cited_row
from index.locate import stated_cell


@dataclass(frozen=True)
class ConceptFact:
    doc_id: str
    concept: str  # ontology concept id
    value: Decimal
    unit: str  # as the table prints it
    table: str  # table key
    table_title: str
    row: str  # the row as cited ("（空表）" for a table printed empty: it states 0)
    column: str
    page: int | None
    printed: str = ""  # the cell's text as printed (3,204,090,202.00)


def concept_facts(doc: Disclosure) -> list[ConceptFact]:
    """The first cell stating each concept with a figure (an empty table's 0 included)."""
    found = []
    for concept in ontology().concepts.values():
        hit = stated_cell(doc, concept.id) if concept.where else None
        if hit is None or hit.value is None:
            continue
        row = cited_row(hit.row) if hit.row is not None else "（空表）"
        page = hit.row.span.page if hit.row is not None else hit.table.span.page
        cell = hit.row.cell(hit.column) if hit.row is not None and hit.column else None
        printed = cell.text if cell is not None else "空表"
        found.append(ConceptFact(doc.doc_id, concept.id, hit.value, hit.table.unit, hit.table.key,
                                 hit.table.title, row, hit.column or "", page, printed))
    return found
