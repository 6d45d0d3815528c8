"""The identities a parsed disclosure's tables obey, checked: children sum to their parent along the
subject codes, 合计 rows equal the sum of the 类 rows, the columns of a row add up (合计 = 基本支出 +
项目支出 …), and 基本支出 = 人员经费 + 公用经费 across tables. A mismatch is either a parsing error or
the document's own inconsistency (rounding in 元 tables, copy errors); tests pin which."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus.columns import identities
from corpus.records import Disclosure, Row, Table

ZERO = Decimal(0)
_ITEM = re.compile(r"^[一二三四五六七八九十]+、")


@dataclass(frozen=True)
class Mismatch:
    table: str  # table key
    check: str  # codes / total / columns / basic
    row: str  # the row's code or name
    column: str
    stated: Decimal | None
    computed: Decimal

    def __str__(self) -> str:
        return f"{self.table}:{self.check}:{self.row}:{self.column} {self.stated} != {self.computed}"


def check_disclosure(doc: Disclosure) -> list[Mismatch]:
    found = [m for table in doc.tables for m in check_table(table)]
    return found + check_basic(doc)


def check_table(table: Table) -> list[Mismatch]:
    return _codes(table) + _totals(table) + _columns(table) + _sides(table)


def _label(row: Row) -> str:
    return row.code or (f"{row.side}:{row.name}" if row.side else row.name)


def _sum(rows: list[Row], column: str) -> Decimal:
    return sum((r.value(column) or ZERO for r in rows), ZERO)


def _codes(table: Table) -> list[Mismatch]:
    found = []
    for parent in (r for r in table.rows if r.code):
        children = [r for r in table.rows if r.parent == parent.code]
        for column in table.columns if children else ():
            if parent.cell(column) is None:
                continue
            total = _sum(children, column)
            if (parent.value(column) or ZERO) != total:
                found.append(Mismatch(table.key, "codes", _label(parent), column,
                                      parent.value(column), total))
    return found


def _totals(table: Table) -> list[Mismatch]:
    top = [r for r in table.rows if r.level == "类"]
    found = []
    for total in (r for r in table.rows if not r.code and r.name in ("合计", "总计") and top):
        for column in table.columns:
            if total.cell(column) is None:
                continue
            computed = _sum([r for r in top if r.cell(column) is not None], column)
            if (total.value(column) or ZERO) != computed:
                found.append(Mismatch(table.key, "total", total.name, column, total.value(column),
                                      computed))
    return found


def _columns(table: Table) -> list[Mismatch]:
    found = []
    for row in table.rows:
        columns = [c.column for c in row.cells]
        for head, parts in identities(table.key, columns):
            if row.value(head) is None and all(row.value(p) is None for p in parts):
                continue
            computed = _sum([row], parts[0]) if len(parts) == 1 else \
                sum((row.value(p) or ZERO for p in parts), ZERO)
            if (row.value(head) or ZERO) != computed:
                found.append(Mismatch(table.key, "columns", _label(row), head, row.value(head),
                                      computed))
    return found


def check_basic(doc: Disclosure) -> list[Mismatch]:
    """基本支出 (一般公共预算 table's 合计 row) = 人员经费 + 公用经费 (基本支出 table's 合计 row)."""
    expense, basic = doc.table("gpb_expense"), doc.table("gpb_basic")
    if expense is None or basic is None:
        return []
    stated = next((r.value("基本支出") for r in expense.rows if r.name == "合计"), None)
    parts = next((r for r in basic.rows if r.name == "合计"), None)
    if stated is None or parts is None:
        return []
    computed = (parts.value("人员经费") or ZERO) + (parts.value("公用经费") or ZERO)
    if stated != computed:
        return [Mismatch("gpb_basic", "basic", "合计", "基本支出", stated, computed)]
    return []


def _sides(table: Table) -> list[Mismatch]:
    """Two-sided tables: 本年…合计 = Σ numbered items; 总计 = 本年…合计 + the rows between."""
    found = []
    for side in ("收入", "支出"):
        rows = [r for r in table.rows if r.side == side]
        year = next((i for i, r in enumerate(rows) if r.name.startswith("本年") and
                     r.name.endswith("合计")), None)
        grand = next((i for i, r in enumerate(rows) if r.name.endswith("总计")), None)
        head = year if year is not None else grand
        if head is None:
            continue
        items = [r for r in rows[:head] if _ITEM.match(r.name)]
        between = [r for r in rows[head + 1:grand] if not _ITEM.match(r.name)] \
            if year is not None and grand is not None else []
        checks = [(rows[head], items)]
        if year is not None and grand is not None:
            checks.append((rows[grand], [rows[year], *between]))
        for total, parts in checks:
            for cell in total.cells:
                if cell.value is None and not any(p.value(cell.column) for p in parts):
                    continue
                computed = _sum(parts, cell.column)
                if (cell.value or ZERO) != computed:
                    found.append(Mismatch(table.key, "sides", _label(total), cell.column,
                                          cell.value, computed))
    return found
