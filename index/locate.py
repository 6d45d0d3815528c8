"""Where a document's tables print a standard concept: the ontology's `where` rules applied to one
disclosure. The answer path and the audit both read figures through here, so they cannot disagree on
which cell states a concept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus.ontology import Where, ontology
from corpus.records import Disclosure, Row, Table
from index.audit_model import plain

TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计")
_TOP_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


@dataclass(frozen=True)
class Hit:
    """One cell that states the concept; row None = an explicitly empty table (it states 0)."""

    table: Table
    row: Row | None
    column: str | None

    @property
    def value(self) -> Decimal | None:
        if self.row is None:
            return Decimal(0)
        cell = self.row.cell(self.column) if self.column else None
        return cell.value if cell is not None else None


def total_row(table: Table, side: str | None = None) -> Row | None:
    """The table's 合计/总计 row (no code), the standard total names in order of preference."""
    rows = [r for r in table.rows if r.code is None and r.side == side]
    for name in TOTAL_NAMES:
        found = next((r for r in rows if plain(r.name) == name), None)
        if found is not None:
            return found
    return None


def side_order(table: Table, side: str) -> list[Row]:
    """One side's rows: the numbered items and the 本年…合计 row first, then the rest to the 总计 row —
    so a 结转 breakdown under 本年收入合计 (一、一般公共预算财政拨款 21.63) never shadows the item."""
    rows = [r for r in table.rows if r.side == side]
    names = [plain(r.name) for r in rows]
    year_at = next((i for i, n in enumerate(names) if n.startswith("本年") and n.endswith("合计")), len(rows))
    head = rows[: year_at + 1]
    tail = [r for r in rows[year_at + 1:] if not _TOP_ITEM.match(r.name)]
    return head + tail + [r for r in rows[year_at + 1:] if r not in tail]


def _candidates(doc: Disclosure, table: Table, rule: Where) -> list[Row]:
    if rule.row == "total":
        row = total_row(table, rule.side)
        return [row] if row is not None else []
    rows = side_order(table, rule.side) if rule.side else list(table.rows)
    if doc.kind == "决算":  # a 预算数 row beside the 决算数 row is not the 决算's figure
        rows = [r for r in rows if plain(r.name) != "预算数"]
    if rule.row == "any":
        total = total_row(table, rule.side)
        return [total, *(r for r in rows if r is not total)] if total is not None else rows
    pattern = re.compile(rule.row)
    return [r for r in rows if pattern.search(plain(r.name))]


def _column(row: Row, rule: Where) -> str | None:
    """The rule's first column the row holds a figure in, else its first column present (blank)."""
    names = rule.columns or tuple(c.column for c in row.cells)
    present = [n for n in names if row.cell(n) is not None]
    return next((n for n in present if row.value(n) is not None), present[0] if present else None)


def apply(doc: Disclosure, rule: Where, empty_zero: bool) -> Hit | None:
    """The cell one rule points at: the first candidate row holding a figure, else the first (blank)."""
    table = doc.table(rule.table)
    if table is None:
        return None
    if table.is_empty:
        stated = (empty_zero and rule.title is None) or bool(rule.title and re.search(rule.title, table.title))
        return Hit(table, None, None) if stated else None
    if rule.empty_only:
        return None
    hits = [Hit(table, row, column) for row in _candidates(doc, table, rule)
            if (column := _column(row, rule)) is not None]
    return next((h for h in hits if h.value is not None), hits[0] if hits else None)


def locate(doc: Disclosure, concept: str) -> list[Hit]:
    """Every cell the concept's rules point at, most standard first (blank cells included)."""
    found = ontology().concept(concept)
    if found is None:
        return []
    hits = [hit for rule in found.where if (hit := apply(doc, rule, found.empty_zero)) is not None]
    return list({(id(h.table), id(h.row), h.column): h for h in hits}.values())


def stated_cell(doc: Disclosure, concept: str) -> Hit | None:
    """The first cell that states the concept with a figure (an empty table's 0 included)."""
    return next((h for h in locate(doc, concept) if h.value is not None), None)


def has_tables(doc: Disclosure, concept: str) -> bool:
    """Whether a table that could state the concept was read (present, with rows or 空表)."""
    found = ontology().concept(concept)
    keys = {w.table for w in found.where} if found else set()
    return any((t := doc.table(k)) is not None and (t.rows or t.is_empty) for k in keys)
