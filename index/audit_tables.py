"""Identities inside one table: children sum to their parent along the subject codes, the 合计 row is
the sum of the top-level (类) rows, each row's total is the sum of its split columns, and a two-sided
table's sides add up and balance. A failure here most likely means a parse error (suspect_parser)."""

from __future__ import annotations

import re
from collections import Counter

from corpus.records import Row, Table
from index.audit_model import (
    TOTAL_COLUMNS,
    ZERO,
    Cite,
    Finding,
    Term,
    amount_columns,
    cell_term,
    compare,
    find_rows,
    first_column,
    plain,
    row_label,
    total_row,
)

EXPENSE_TABLES = ("expense", "gpb_expense", "gov_fund", "soe_capital")
FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")
_TOP_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


def check_table(table: Table) -> list[Finding]:
    if table.is_empty:
        return []
    if not table.rows:
        cite = Cite("cell", table.pages[0] if table.pages else table.span.page, table.span.line, table.title,
                    unit=table.unit)
        return [Finding("error", "table.no_rows", f"{table.title}：表中没有读出任何行，也没有“空表”说明",
                        (Term(table.title, ZERO, cite),), (), None, True, table.key, table.unit)]
    found = duplicate_codes(table)
    if not found:
        found += hierarchy(table) + class_total(table)
    found += row_splits(table)
    if table.key in ("summary", "fiscal_summary"):
        found += two_sided(table)
    if table.key == "three_public":
        found += three_public_rows(table)
    return found


def duplicate_codes(table: Table) -> list[Finding]:
    counts = Counter(r.code for r in table.rows if r.code)
    dupes = [c for c, n in counts.items() if n > 1]
    if not dupes:
        return []
    rows = [r for r in table.rows if r.code in dupes]
    terms = tuple(Term(row_label(r), ZERO, _row_cite(table, r)) for r in rows[:12])
    return [Finding("error", "table.duplicate_code",
                    f"{table.title}：科目编码应唯一，但 {'、'.join(dupes[:5])} 重复出现（编码或行读错）",
                    terms, (), None, True, table.key, table.unit)]


def _row_cite(table: Table, row: Row) -> Cite:
    return Cite("cell", row.span.page, row.span.line, table.title, row_label(row), None, None, unit=table.unit)


def parents(table: Table) -> dict[str, str | None]:
    """code → nearest code present in the table that prefixes it (a missing 款 level is skipped)."""
    codes = {r.code for r in table.rows if r.code}
    found: dict[str, str | None] = {}
    for code in codes:
        prefixes = [code[:n] for n in range(len(code) - 1, 2, -1) if code[:n] in codes]
        found[code] = prefixes[0] if prefixes else None
    return found


def hierarchy(table: Table) -> list[Finding]:
    by_code = {r.code: r for r in table.rows if r.code}
    up = parents(table)
    children: dict[str, list[Row]] = {}
    for row in table.rows:
        if row.code and up[row.code]:
            children.setdefault(up[row.code] or "", []).append(row)
    found: list[Finding] = []
    for code, kids in children.items():
        parent = by_code[code]
        for column in amount_columns(table):
            if parent.value(column) is None and all(k.value(column) is None for k in kids):
                continue
            identity = f"{table.title}：{row_label(parent)} 的{column} = Σ 下级科目"
            found += compare("table.hierarchy", identity, [cell_term(table, parent, column)],
                             [cell_term(table, k, column) for k in kids], table=table.key,
                             unit=table.unit, parser=True)
    return found


def class_total(table: Table) -> list[Finding]:
    top = [r for r in table.rows if r.code and parents(table)[r.code] is None]
    head = total_row(table)
    if not top or head is None:
        return []
    found: list[Finding] = []
    for column in amount_columns(table):
        if head.value(column) is None and all(r.value(column) is None for r in top):
            continue
        identity = f"{table.title}：合计行的{column} = Σ 类级科目"
        found += compare("table.total", identity, [cell_term(table, head, column)],
                         [cell_term(table, r, column) for r in top], table=table.key,
                         unit=table.unit, parser=True)
    return found


def split_rules(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """(total column, part columns) pairs this table's standard layout promises on every row."""
    cols = [c for c in table.columns if c]
    if table.key in EXPENSE_TABLES:
        head = "小计" if "小计" in cols else first_column(table, TOTAL_COLUMNS)
        parts = tuple(c for c in cols if "支出" in c and c not in TOTAL_COLUMNS and c != head)
        return [(head, parts)] if head and parts else []
    if table.key == "income":
        incomes = tuple(c for c in cols if ("收入" in c or c == "单位资金") and c not in TOTAL_COLUMNS)
        head = first_column(table, TOTAL_COLUMNS)
        carried = tuple(c for c in cols if "结转" in c)
        if "小计" in cols:
            return [r for r in (("小计", incomes), (head, ("小计", *carried))) if r[0] and r[1]]
        return [(head, incomes + carried)] if head and incomes else []
    if table.key == "gpb_basic":
        parts = tuple(c for c in cols if c in ("人员经费", "公用经费"))
        return [("合计", parts)] if "合计" in cols and len(parts) == 2 else []
    if table.key in ("fiscal_summary", "three_public"):
        parts = tuple(c for c in cols if any(f in c for f in FUNDS))
        return [("合计", parts)] if "合计" in cols and len(parts) >= 2 else []
    return []


def row_splits(table: Table) -> list[Finding]:
    found: list[Finding] = []
    for head, parts in split_rules(table):
        for row in table.rows:
            if row.side == "收入" or (row.cell(head) is None and not any(row.cell(p) for p in parts)):
                continue
            if row.value(head) is None and all(row.value(p) is None for p in parts):
                continue
            identity = f"{table.title}：{row_label(row)} 的{head} = {' + '.join(parts)}"
            found += compare("table.columns", identity, [cell_term(table, row, head)],
                             [cell_term(table, row, p) for p in parts], table=table.key,
                             unit=table.unit, parser=True)
    return found + _three_public_columns(table)


def _three_public_columns(table: Table) -> list[Finding]:
    """三公 laid out as columns (合计 | 因公出国 | 公务用车 小计 购置费 运行费 | 公务接待)."""
    if table.key != "three_public":
        return []
    cols = table.columns
    abroad = next((c for c in cols if "出国" in c), None)
    car = next((c for c in cols if "公务用车" in c and "购置费" != c), None) or ("小计" if "小计" in cols else None)
    host = next((c for c in cols if "接待" in c), None)
    buy = next((c for c in cols if c.endswith("购置费") and "及" not in c), None)
    run = next((c for c in cols if c.endswith(("运行费", "运行维护费", "运维费")) and "及" not in c), None)
    rules = []
    if "合计" in cols and abroad and car and host:
        rules.append(("合计", (abroad, car, host)))
    if car and buy and run:
        rules.append((car, (buy, run)))
    found: list[Finding] = []
    for head, parts in rules:
        for row in table.rows:
            if row.value(head) is None and all(row.value(p) is None for p in parts):
                continue
            found += compare("table.three_public", f"{table.title}：{head} = {' + '.join(parts)}",
                             [cell_term(table, row, head)], [cell_term(table, row, p) for p in parts],
                             table=table.key, unit=table.unit, parser=True)
    return found


def three_public_rows(table: Table) -> list[Finding]:
    """三公 laid out as rows: 合计 = 因公出国 + 公务用车 + 公务接待; 公务用车 = 购置费 + 运行费."""
    column = first_column(table, ("合计",)) or (amount_columns(table) or [None])[0]
    if column is None:
        return []

    def one(pattern: str) -> Row | None:
        rows = find_rows(table, pattern)
        return rows[0] if rows else None

    head = total_row(table)
    abroad, car, host = one("出国"), one(r"公务用车.*及|公务用车购置及运"), one("接待")
    buy, run = one(r"^(公务用车)?购置费?$|公务用车购置费"), one(r"^(公务用车)?运行(维护)?费$|运维费$")
    found: list[Finding] = []
    for parent, kids in ((head, (abroad, car, host)), (car, (buy, run))):
        if parent is None or any(k is None for k in kids):
            continue
        found += compare("table.three_public", f"{table.title}：{parent.name} = Σ 分项",
                         [cell_term(table, parent, column)],
                         [cell_term(table, k, column) for k in kids if k is not None],
                         table=table.key, unit=table.unit, parser=True)
    return found


def side_rows(table: Table, side: str) -> tuple[list[Row], Row | None, list[Row], Row | None]:
    """(numbered top items, 本年…合计 row, rows between it and 总计, 总计 row) of one side."""
    rows = [r for r in table.rows if r.side == side]
    names = [plain(r.name) for r in rows]
    year_at = next((i for i, n in enumerate(names) if n.startswith("本年") and n.endswith("合计")), None)
    grand_at = next((i for i, n in enumerate(names) if n.endswith("总计")), None)
    head_at = year_at if year_at is not None else grand_at
    items = [r for r in rows[:head_at] if _TOP_ITEM.match(r.name)] if head_at is not None else []
    between = []
    if year_at is not None and grand_at is not None and grand_at > year_at:
        between = [r for r in rows[year_at + 1:grand_at] if not _TOP_ITEM.match(r.name)]
    return (items, rows[year_at] if year_at is not None else None, between,
            rows[grand_at] if grand_at is not None else None)


def two_sided(table: Table) -> list[Finding]:
    found: list[Finding] = []
    grands: dict[str, Row] = {}
    for side in ("收入", "支出"):
        items, year, between, grand = side_rows(table, side)
        head = year or grand
        if grand is not None:
            grands[side] = grand
        if head is None:
            continue
        for cell in head.cells:
            column = cell.column
            if items and (cell.value is not None or any(r.value(column) for r in items)):
                found += compare("table.sides", f"{table.title}：{head.name} = Σ {side}各项",
                                 [cell_term(table, head, column)], [cell_term(table, r, column) for r in items],
                                 table=table.key, unit=table.unit, parser=True)
            if year is not None and grand is not None and (cell.value is not None or grand.value(column)):
                found += compare("table.sides", f"{table.title}：{grand.name} = {year.name} + 结转结余等",
                                 [cell_term(table, grand, column)],
                                 [cell_term(table, r, column) for r in (year, *between)],
                                 table=table.key, unit=table.unit, parser=True)
    if len(grands) == 2:
        income, expense = grands["收入"], grands["支出"]
        if income.cells and expense.cells:
            found += compare("table.balance", f"{table.title}：收入总计 = 支出总计",
                             [cell_term(table, income, income.cells[0].column)],
                             [cell_term(table, expense, expense.cells[0].column)],
                             table=table.key, unit=table.unit, parser=True)
    return found
