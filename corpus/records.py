"""Frozen records for one parsed disclosure. Plain data: no I/O, no parsing.

Amounts are `Decimal` in the unit the table states (`Table.unit`); a blank cell is `None`, never 0.
Every record carries a `SourceSpan` (file, 1-based line, PDF page when known).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# Standard table keys: the disclosure format's nine tables plus the other tables a 预算 publishes.
TABLE_KEYS: dict[str, str] = {
    "summary": "收支总表",
    "income": "收入总表",
    "expense": "支出总表",
    "fiscal_summary": "财政拨款收支总表",
    "gpb_expense": "一般公共预算财政拨款支出表",
    "gpb_basic": "一般公共预算财政拨款基本支出表",
    "gov_fund": "政府性基金预算财政拨款支出表",
    "soe_capital": "国有资本经营预算财政拨款支出表",
    "three_public": "财政拨款“三公”经费支出表",
    "procurement": "政府采购预算表",
    "fixed_assets": "固定资产占用情况表",
    "institutions": "机构设置表",
}


@dataclass(frozen=True)
class SourceSpan:
    file: str
    line: int
    page: int | None = None


@dataclass(frozen=True)
class Cell:
    column: str  # column name as the standard layout names it (合计, 基本支出, 预算数 ...)
    text: str  # the cell as printed, '' when blank
    value: Decimal | None = None  # the amount when the cell is a number


@dataclass(frozen=True)
class Row:
    number: int | None  # 序号 as printed, None when the table has no 序号 column
    name: str  # 项目 / 科目名称, rejoined when a page break wrapped it
    cells: tuple[Cell, ...]
    span: SourceSpan
    code: str | None = None  # subject code: 功能分类 201/20129/2012901, 经济分类 301/30101
    level: str | None = None  # 类 / 款 / 项 for a code
    parent: str | None = None  # code of the parent subject
    side: str | None = None  # 收入 / 支出 on a two-sided table

    def cell(self, column: str) -> Cell | None:
        return next((c for c in self.cells if c.column == column), None)

    def value(self, column: str) -> Decimal | None:
        found = self.cell(column)
        return found.value if found else None


@dataclass(frozen=True)
class Table:
    key: str  # one of TABLE_KEYS
    title: str  # the title as printed
    unit: str  # 万元 / 元 / 亿元
    columns: tuple[str, ...]  # amount columns, in order
    rows: tuple[Row, ...]
    span: SourceSpan
    pages: tuple[int, ...] = ()
    empty_note: str | None = None  # 注：无…空表列示 — the table is explicitly empty
    notes: tuple[str, ...] = ()  # other 注： lines under the table

    @property
    def is_empty(self) -> bool:
        return self.empty_note is not None


@dataclass(frozen=True)
class Indicator:
    level1: str  # 一级指标 (产出指标 …)
    level2: str  # 二级指标 (数量指标 …)
    level3: str  # 三级指标
    description: str  # 绩效指标描述
    value: str  # 指标值 as printed (≥400 人)
    basis: str  # 指标值确定依据
    span: SourceSpan


@dataclass(frozen=True)
class Project:
    """One 项目绩效目标表."""

    code: str  # 项目编码
    name: str  # 项目名称
    unit: str
    budget: Decimal | None  # 预算数
    fiscal: Decimal | None  # 其中：财政资金
    other: Decimal | None  # 其他资金
    purpose: str  # 资金用途
    plan: tuple[tuple[str, str], ...]  # 资金支出计划: (3 月底, 25%) ...
    goal: str  # 绩效目标
    indicators: tuple[Indicator, ...]
    title: str
    span: SourceSpan
    total: Decimal | None = None  # 项目资金总额 over the project's whole life, when the form prints it


@dataclass(frozen=True)
class DescribedProject:
    """A project the 说明 describes in words (…项目经费情况说明 with 项目概述, 立项依据, …, 年度预算安排):
    PDFs and texts alike; this year's amount as its 年度预算安排 states it (periods added)."""

    name: str
    title: str  # the section's title, as printed
    budget: Decimal | None
    unit: str | None
    parts: tuple[str, ...]  # the standard parts it prints (项目概述, 立项依据, …)
    span: SourceSpan  # the 年度预算安排 paragraph the amount is read from (else the title)
    stated: str = ""  # that paragraph's text
    tabled: bool = False  # it also has a 绩效目标表 (then it is that table's project, counted once)


@dataclass(frozen=True)
class Paragraph:
    text: str
    span: SourceSpan


@dataclass(frozen=True)
class Section:
    """A heading of the 情况说明 and the paragraphs directly under it."""

    number: str  # 一 / (一) / 1 / '' as printed
    title: str
    level: int  # 1 for 一、, 2 for (一), 3 for 1、
    path: tuple[str, ...]  # titles from the top section down to this one
    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan


@dataclass(frozen=True)
class TocEntry:
    title: str
    page: int | None


@dataclass(frozen=True)
class Disclosure:
    doc_id: str
    source: str  # file name it was read from
    sha256: str  # of the file's bytes
    department: str  # 石家庄市总工会
    department_code: str | None  # 711
    year: int
    kind: str  # 预算 / 决算
    tables: tuple[Table, ...]
    projects: tuple[Project, ...]
    sections: tuple[Section, ...]
    toc: tuple[TocEntry, ...] = ()
    warnings: tuple[str, ...] = ()  # where the document departs from the standard structure
    body: str = "部门"  # 部门 (a department's disclosure) / 单位 (one budget unit's)
    described: tuple[DescribedProject, ...] = ()  # projects the 说明 describes in words

    @property
    def project_count(self) -> int:
        """Projects, each once: its 绩效目标表 and its 经费情况说明 are one."""
        return len(self.projects) + sum(1 for d in self.described if not d.tabled)

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)

    @property
    def title(self) -> str:
        return f"{self.department} {self.year}年{self.kind_name}"

    @property
    def kind_name(self) -> str:
        """预算 / 决算, with 单位 for a unit's own disclosure (单位预算)."""
        return f"单位{self.kind}" if self.body == "单位" else self.kind


@dataclass(frozen=True)
class Fact:
    """One amount cell, flattened: what the store indexes and `export` writes."""

    doc_id: str
    table: str  # table key
    table_title: str
    row_number: int | None
    row_name: str
    code: str | None
    level: str | None
    parent: str | None
    side: str | None
    column: str
    value: Decimal
    unit: str
    page: int | None
    line: int


def cited_row(row: Row) -> str:
    """A row as answers cite it: its printed number, side, code and name (12 30113 住房公积金)."""
    side = f"{row.side}·" if row.side else ""
    code = f"{row.code} " if row.code else ""
    number = f"{row.number} " if row.number is not None else ""
    return f"{number}{side}{code}{row.name}".strip()


def disclosure_facts(doc: Disclosure) -> list[Fact]:
    """Every non-blank amount of every table, in document order."""
    facts: list[Fact] = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.value is None:
                    continue
                facts.append(
                    Fact(doc.doc_id, table.key, table.title, row.number, row.name, row.code,
                         row.level, row.parent, row.side, cell.column, cell.value, table.unit,
                         row.span.page, row.span.line)
                )
    return facts


# ---- serialisation: records <-> JSON-able dicts (Decimal kept as its exact string) ----

def to_dict(record: Any) -> Any:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_dict(item) for item in record]
    if isinstance(record, Decimal):
        return str(record)
    return record


def _build(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in data)
        return tuple(_build(a, item) for a, item in zip(args, data, strict=True))
    if hint is Decimal:
        return Decimal(data)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, data)
    return data


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    return cls(**{name: _build(hint, data[name]) for name, hint in _fields(cls) if name in data})


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """A record class's fields and their resolved types, worked out once (resolving the hints of every
    record of a loaded document was most of the time a question spent loading it)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def to_json(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True)


__all__ = [
    "TABLE_KEYS",
    "Cell",
    "DescribedProject",
    "Disclosure",
    "Fact",
    "Indicator",
    "Paragraph",
    "Project",
    "Row",
    "Section",
    "SourceSpan",
    "Table",
    "TocEntry",
    "disclosure_facts",
    "from_dict",
    "to_dict",
    "to_json",
]
