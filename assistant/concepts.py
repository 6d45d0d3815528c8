"""The standard totals of a disclosure (收入总计, 基本支出, 三公经费 …) → the cell that states them, as a
cited operand. Where each is printed is the ontology's knowledge (index/locate.py reads its rules)."""

from __future__ import annotations

from assistant.compute import Operand, cell_operand, empty_operand
from corpus.ontology import Where, ontology
from corpus.records import Disclosure
from index.locate import Hit, apply, stated_cell


def concept_names() -> tuple[str, ...]:
    return tuple(ontology().concepts)


def hit_operand(doc: Disclosure, hit: Hit, label: str) -> Operand:
    if hit.row is None:
        return empty_operand(doc, hit.table, label)
    assert hit.column is not None
    return cell_operand(doc, hit.table, hit.row, hit.column, label)


_TOTALISH = ("合计", "小计", "总计", "金额", "预算数", "决算数", "本年收入合计", "本年支出合计")


def printed_label(hit: Hit, concept: str) -> str:
    """The concept as this document prints it when a column names it (公务用车购置及运行费 for
    公务用车购置及运行维护费): an answer should use the document's own words."""
    column = hit.column or ""
    if hit.table.key == "three_public" and hit.row is not None and column and column not in _TOTALISH and \
            column.replace("（", "(").replace("）", ")") != concept:
        return column  # the 三公 table lays its items out as columns, named as this document names them
    return concept


def resolve_concept(doc: Disclosure, concept: str) -> Operand | None:
    """The cell that states a standard figure, or None when no table states it."""
    hit = stated_cell(doc, concept)
    return hit_operand(doc, hit, printed_label(hit, concept)) if hit is not None else None


def total_cell(doc: Disclosure, key: str, column: str, label: str) -> Operand | None:
    """A table's 合计 row in one column (政府性基金预算的项目支出)."""
    hit = apply(doc, Where(key, "total", (column,)), empty_zero=True)
    return hit_operand(doc, hit, label) if hit is not None and hit.value is not None else None
