"""The whole a share is of when the question names none (养老支出占比多少, 服务类占几成): the part's parent
— the concept the ontology names as its parent, the subject row one level up, the table's 合计 — never
a sibling."""

from __future__ import annotations

from assistant.compute import Operand, cell_operand, row_label
from assistant.concepts import resolve_concept
from assistant.plan import Planned
from assistant.textfacts import stated_amount
from corpus.ontology import ontology
from corpus.records import Disclosure, Row, Table
from index.locate import total_row

TOTAL_COLUMNS = ("合计", "本年支出合计", "本年收入合计", "总计", "小计")


def _cell_of(doc: Disclosure, op: Operand) -> tuple[Table, Row] | None:
    for table in doc.tables:
        if table.title != op.citation.table:
            continue
        for row in table.rows:
            if row_label(row) == op.citation.row:
                return table, row
    return None


def _row_whole(doc: Disclosure, table: Table, row: Row, column: str) -> Operand | None:
    """The row one level up in the same column; a 类 row's whole is the table's 合计 row."""
    if column not in TOTAL_COLUMNS and row.code is not None:
        total = next((c for c in TOTAL_COLUMNS if row.value(c) is not None), None)
        if total is not None:  # 城乡社区支出的项目支出占比: of the row's own total
            return cell_operand(doc, table, row, total, row.name)
    parent = next((r for r in table.rows if row.parent and r.code == row.parent), None)
    if parent is not None and parent.value(column) is not None:
        return cell_operand(doc, table, parent, column, parent.name)
    top = total_row(table, row.side)
    if top is not None and top is not row and top.value(column) is not None:
        label = {"income": "本年收入合计", "expense": "本年支出合计"}.get(table.key, f"{table.title}合计")
        return cell_operand(doc, table, top, column, label)
    return None


def _concept_whole(doc: Disclosure, concept: str) -> Operand | None:
    found = ontology().concept(concept)
    for parent in found.parent if found else ():
        op = resolve_concept(doc, parent) or stated_amount(doc, parent)
        if op is not None:
            return op
    return None


def implied_whole(p: Planned, part: Operand) -> Operand | None:
    doc = p.ask.doc
    refs = [r for r in p.part.refs if r.role in ("part", "operand")]
    concept = next((r.key for r in refs[:1] if r.kind == "concept"), None)
    if concept is not None and (p.within is None or not p.within.candidates):
        return _concept_whole(doc, concept)
    if any(t.kind == "project" for m in p.ask.mentions for t in m.targets):
        return resolve_concept(doc, "项目支出")
    if part.citation.kind == "text" and part.citation.section:  # 促消费 stated in 商业创新专项's own text
        from assistant.project_text import text_project

        top = part.citation.section.split(" > ")[0]
        name = next((d.name for d in doc.described if d.title == top), "")
        owner = text_project(doc, name) if name else None
        if owner is not None and (owner.citation, owner.value) != (part.citation, part.value):
            return owner
    if part.citation.kind == "cell" and part.citation.column:
        found = _cell_of(doc, part)
        if found is not None:
            return _row_whole(doc, found[0], found[1], part.citation.column)
    return None
