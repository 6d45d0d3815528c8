"""Linked mentions → cited operands: which table, which row, which column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation
from assistant.compute import Operand, cell_operand, fmt
from assistant.concepts import resolve_concept
from assistant.link import Mention, Target
from assistant.textfacts import stated_amount
from corpus.records import Disclosure, Project, Row

# Standard amount columns a question can name beside a subject (一般公共服务支出的基本支出).
COLUMN_CONCEPTS = {"基本支出", "项目支出", "人员经费", "公用经费", "财政拨款收入", "上年结转",
                   "一般公共预算拨款收入"}
COLUMN_ALIASES = {"一般公共预算拨款收入": ("一般公共预算财政拨款", "一般公共预算"),
                 "财政拨款收入": ("财政拨款收入", "财政拨款")}
DEFAULT_TABLES = ("expense", "gpb_basic", "gpb_expense", "income", "fiscal_summary", "summary",
                  "three_public", "gov_fund", "soe_capital")


@dataclass(frozen=True)
class Resolved:
    mention: Mention
    candidates: tuple[Operand, ...]  # several distinct figures = ambiguous
    reason: str | None = None  # why nothing was found


def preferred_tables(question: str) -> tuple[str, ...]:
    prefs: list[str] = []
    if "收入" in question:
        prefs.append("income")
    if "一般公共预算" in question:
        prefs.append("gpb_expense")
    if "财政拨款" in question:
        prefs += ["fiscal_summary", "gpb_expense"]
    if "基本支出" in question:
        prefs.append("gpb_basic")
    return tuple(prefs) + DEFAULT_TABLES


def row_operand(doc: Disclosure, key: str, row: Row, column: str | None) -> Operand | None:
    table = doc.table(key)
    if table is None:
        return None
    names = COLUMN_ALIASES.get(column, (column,)) if column else \
        tuple(c.column for c in row.cells)
    for name in names:
        cell = row.cell(name)
        if cell is not None and cell.value is not None:
            return cell_operand(doc, table, row, name, row.name if not column else
                                f"{_plain(row.name)}·{name}")
    return None


def _plain(name: str) -> str:
    from assistant.qtext import plain_name

    return plain_name(name)


def subject_operands(doc: Disclosure, target: Target, question: str,
                     column: str | None = None) -> list[Operand]:
    for key in preferred_tables(question):
        rows = [row for k, row in target.rows if k == key]
        found = [op for row in rows if (op := row_operand(doc, key, row, column))]
        if found:
            return _distinct(found)
    return []


TOTAL_ASKED = re.compile(r"(?<![年度])(?<!申请)总额|总投资|总预算|总共需要|总(?:资金|经费|金额|盘子)|"
                         r"(?:全部|整个项目)(?:资金|投资)")


def project_total(doc: Disclosure, project: Project) -> Operand | None:
    """The project's 项目资金总额 over its whole life, when its form prints one."""
    if project.total is None:
        return None
    cite = Citation(doc.doc_id, "cell", project.span.page, table=project.title,
                    row=f"{project.code} {project.name}".strip(), column="项目资金总额", value=fmt(project.total))
    return Operand(f"{project.name}项目资金总额", project.total, project.unit, cite)


def project_operand(doc: Disclosure, project: Project, question: str = "") -> Operand | None:
    """The project's 预算数 (this year's), or its 项目资金总额 when that is asked and printed."""
    if project.total is not None and TOTAL_ASKED.search(question):
        return project_total(doc, project)
    if project.budget is None:
        return None
    citation = Citation(doc.doc_id, "cell", project.span.page, table=project.title,
                        row=f"{project.code} {project.name}".strip(), column="预算数",
                        value=fmt(project.budget))
    return Operand(project.name, project.budget, project.unit, citation)


def _distinct(operands: list[Operand]) -> list[Operand]:
    """The same figure reached through two rows (款 and its only 项) is one answer, not two."""
    seen: dict[object, Operand] = {}
    for op in operands:
        seen.setdefault(op.value, op)
    return list(seen.values())


def resolve(doc: Disclosure, mention: Mention, question: str,
            column: str | None = None) -> Resolved:
    found: list[Operand] = []
    for target in mention.targets:
        if target.kind == "concept":
            op = resolve_concept(doc, target.name) or stated_amount(doc, target.name)
            found += [op] if op else []
        elif target.kind == "subject":
            found += subject_operands(doc, target, question, column)
        elif target.kind == "project" and target.project is not None:
            op = project_operand(doc, target.project, question)
            found += [op] if op else []
        elif target.kind == "text_project":  # described in words: its 年度预算安排's amount
            from assistant.project_text import text_project

            op = text_project(doc, mention.surface)
            found += [op] if op else []
    blank = [row for t in mention.targets for _, row in t.rows]
    if not found and blank:  # the row is printed with its cells empty: not disclosed, not zero
        return Resolved(mention, (), f"{doc.title}的表格中“{blank[0].name}”一栏为空，文件没有填列数字。")
    if not found:
        return Resolved(mention, (), f"“{mention.surface}”在{doc.title}的表格中没有列出数额")
    if len({t.kind for t in mention.targets}) == 1 and mention.targets[0].kind == "subject":
        found = _distinct(found)
    return Resolved(mention, tuple(_unique_citations(found)))


def _unique_citations(operands: list[Operand]) -> list[Operand]:
    seen = {}
    for op in operands:
        seen.setdefault((op.citation.table, op.citation.row, op.citation.column, op.value), op)
    return list(seen.values())
