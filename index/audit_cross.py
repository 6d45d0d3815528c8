"""Identities across tables: the same total in 收支总表 / 收入总表 / 支出总表 / 财政拨款收支总表, each
功能分类 类 in every table that lists it, the 一般公共预算 tables against the 财政拨款 column, the
基本支出表 against 基本支出, and the project tables against 项目支出. A table that adds up on its own
but disagrees with another points at the document, not at our parser."""

from __future__ import annotations

from dataclasses import replace

from corpus.ontology import ontology
from corpus.records import Disclosure, Row, Table
from index.audit_model import (
    TOTAL_COLUMNS,
    ZERO,
    Cite,
    Finding,
    Term,
    cell_term,
    compare,
    empty_term,
    first_column,
    plain,
    total_row,
)
from index.audit_tables import side_rows

_FUND_COLUMNS = {"gpb_expense": "一般公共预算", "gov_fund": "政府性基金", "soe_capital": "国有资本经营"}


def check_cross(doc: Disclosure) -> list[Finding]:
    return totals(doc) + fund_totals(doc) + basic_total(doc) + classes(doc) + codes(doc)


def _table(doc: Disclosure, key: str) -> Table | None:
    table = doc.table(key)
    return table if table is not None and (table.rows or table.is_empty) else None


def total_term(doc: Disclosure, key: str, columns: tuple[str, ...], label: str, unit: str) -> Term | None:
    """The total row's cell in the first present column; an explicitly empty table gives 0."""
    table = _table(doc, key)
    if table is None:
        return None
    if table.is_empty:
        return empty_term(table, label, unit)
    row, column = total_row(table), first_column(table, columns)
    if row is None or column is None:
        return None
    return cell_term(table, row, column, label, unit)


def side_term(doc: Disclosure, key: str, side: str, which: str, label: str, unit: str,
              column: str | None = None) -> Term | None:
    """A two-sided table's 本年…合计 ('year') or 总计 ('grand') row on one side."""
    table = _table(doc, key)
    if table is None or table.is_empty:
        return None
    _, year, _, grand = side_rows(table, side)
    row = year if which == "year" else grand
    if row is None or not row.cells:
        return None
    return cell_term(table, row, column or row.cells[0].column, label, unit)


def _pair(doc: Disclosure, check: str, identity: str, a: Term | None, b: Term | None, unit: str) -> list[Finding]:
    """a = b. A blank total cell against a figure points at our parser (a column read in the wrong place)."""
    if a is None or b is None:
        return []
    blank = next((t for t, other in ((a, b), (b, a)) if t.cite.text == "" and other.value != 0), None)
    found = compare(check, identity, [a], [b], table=None, unit=unit, parser=blank is not None)
    if blank is not None:
        key = next((t.key for t in doc.tables if t.title == blank.cite.table), None)
        found = [replace(f, table=key) for f in found]
    return found


def unit_of(doc: Disclosure) -> str:
    return next((t.unit for t in doc.tables if t.rows and t.key != "three_public"), "万元")


def totals(doc: Disclosure) -> list[Finding]:
    u = unit_of(doc)
    income = _table(doc, "income")
    found: list[Finding] = []
    year_in = side_term(doc, "summary", "收入", "year", "收支总表·本年收入合计", u)
    grand_in = side_term(doc, "summary", "收入", "grand", "收支总表·收入总计", u)
    if income is not None and not income.is_empty:
        carried = any("结转" in c for c in income.columns)
        if "小计" in income.columns:
            found += _pair(doc, "cross.totals", "收支总表 本年收入合计 = 收入总表 合计行的小计", year_in,
                           total_term(doc, "income", ("小计",), "收入总表·小计", u), u)
        whole = total_term(doc, "income", TOTAL_COLUMNS, "收入总表·合计", u)
        target = grand_in if carried else (year_in or grand_in)
        found += _pair(doc, "cross.totals", "收支总表 收入合计 = 收入总表 合计", target, whole, u)
    year_out = side_term(doc, "summary", "支出", "year", "收支总表·本年支出合计", u) or \
        side_term(doc, "summary", "支出", "grand", "收支总表·支出总计", u)
    found += _pair(doc, "cross.totals", "收支总表 本年支出合计 = 支出总表 合计", year_out,
                   total_term(doc, "expense", TOTAL_COLUMNS, "支出总表·合计", u), u)
    fiscal_in = side_term(doc, "fiscal_summary", "收入", "year", "财政拨款收支总表·本年收入合计", u)
    fiscal_out = side_term(doc, "fiscal_summary", "支出", "year", "财政拨款收支总表·本年支出合计", u)
    found += _pair(doc, "cross.totals", "财政拨款收支总表 本年收入合计 = 本年支出合计", fiscal_in, fiscal_out, u)
    found += fund_income(doc, u)
    return found


def fund_income(doc: Disclosure, unit: str) -> list[Finding]:
    """收支总表 收入 一、一般公共预算拨款收入 = 财政拨款收支总表 收入 一、一般公共预算拨款 (per fund)."""
    summary, fiscal = _table(doc, "summary"), _table(doc, "fiscal_summary")
    if summary is None or fiscal is None or summary.is_empty or fiscal.is_empty:
        return []
    found: list[Finding] = []
    for fund in ("一般公共预算", "政府性基金", "国有资本经营"):
        a, b = _fund_row(summary, fund), _fund_row(fiscal, fund)
        if a is None or b is None or not a.cells or not b.cells:
            continue
        if a.cells[0].value is None and b.cells[0].value is None:
            continue
        found += _pair(doc, "cross.totals", f"收支总表 {plain(a.name)} = 财政拨款收支总表 {plain(b.name)}",
                       cell_term(summary, a, a.cells[0].column, unit=unit),
                       cell_term(fiscal, b, b.cells[0].column, unit=unit), unit)
    return found


def _fund_row(table: Table, fund: str) -> Row | None:
    items, _, _, _ = side_rows(table, "收入")
    return next((r for r in items if fund in r.name), None)


def all_fiscal(doc: Disclosure) -> bool:
    """All income is 财政拨款 (so 收支总表 and 财政拨款收支总表 list the same 类 amounts)."""
    a = side_term(doc, "summary", "收入", "year", "", "元")
    b = side_term(doc, "fiscal_summary", "收入", "year", "", "元")
    return a is not None and b is not None and a.value == b.value


def fund_totals(doc: Disclosure) -> list[Finding]:
    """财政拨款收支总表 本年支出合计, column by column, = the table of that fund."""
    fiscal = _table(doc, "fiscal_summary")
    if fiscal is None or fiscal.is_empty:
        return []
    u = unit_of(doc)
    _, year, _, _ = side_rows(fiscal, "支出")
    found: list[Finding] = []
    for key, fund in _FUND_COLUMNS.items():
        column = next((c for c in fiscal.columns if fund in c), None)
        if year is None or column is None or year.cell(column) is None:
            continue
        other = total_term(doc, key, TOTAL_COLUMNS, f"{key}·合计", u)
        found += _pair(doc, "cross.funds", f"财政拨款收支总表 本年支出合计的{column} = {_title(doc, key)} 合计",
                       cell_term(fiscal, year, column, unit=u), other, u)
    return found


def _title(doc: Disclosure, key: str) -> str:
    table = doc.table(key)
    return table.title if table is not None else key


def basic_total(doc: Disclosure) -> list[Finding]:
    """基本支出表 合计 = 基本支出 of the 一般公共预算 支出表 (or of 支出总表 when all money is 一般公共预算)."""
    u = unit_of(doc)
    basic = total_term(doc, "gpb_basic", ("合计",), "基本支出表·合计", u)
    other = total_term(doc, "gpb_expense", ("基本支出",), "一般公共预算支出表·基本支出", u)
    if other is None and all_fiscal(doc):
        other = total_term(doc, "expense", ("基本支出",), "支出总表·基本支出", u)
    return _pair(doc, "cross.basic", "基本支出表 合计 = 一般公共预算支出表 基本支出", basic, other, u)


def _class_rows(table: Table) -> dict[str, Row]:
    """类 rows by plain name: coded 类 rows, or the numbered 支出 items of a two-sided table."""
    named = ontology().current_name  # one 类 under its former name (医疗卫生与计划生育支出) and its name now
    if table.key in ("summary", "fiscal_summary"):
        items, _, _, _ = side_rows(table, "支出")
        return {named(plain(r.name)): r for r in items}
    if not unique_codes(table):
        return {}  # duplicate codes: table.duplicate_code already reports the misread table
    return {named(plain(r.name)): r for r in table.rows if r.level == "类" or (r.code and len(r.code) == 3)}


def unique_codes(table: Table) -> bool:
    found = [r.code for r in table.rows if r.code]
    return len(found) == len(set(found))


def _class_column(table: Table, fund: str | None = None) -> str | None:
    if fund:
        return next((c for c in table.columns if fund in c), None)
    if table.key == "summary":
        return None  # first cell of the row
    return first_column(table, TOTAL_COLUMNS)


def class_pairs(doc: Disclosure) -> list[tuple[str, str, str | None, str | None, str]]:
    """(table a, table b, column in a, column in b, relation '=' or '<=')."""
    pairs = [("summary", "expense", None, None, "="), ("fiscal_summary", "gpb_expense", "一般公共预算", None, "=")]
    pairs.append(("fiscal_summary", "summary", None, None, "=" if all_fiscal(doc) else "<="))
    return pairs


def classes(doc: Disclosure) -> list[Finding]:
    u = unit_of(doc)
    found: list[Finding] = []
    for key_a, key_b, fund_a, fund_b, relation in class_pairs(doc):
        a, b = _table(doc, key_a), _table(doc, key_b)
        if a is None or b is None or a.is_empty or b.is_empty:
            continue
        rows_a, rows_b = _class_rows(a), _class_rows(b)
        if not set(rows_a) & set(rows_b):
            continue  # different classifications: nothing to compare by name
        col_a, col_b = _class_column(a, fund_a), _class_column(b, fund_b)
        for name in dict.fromkeys([*rows_a, *rows_b]):
            ta = _row_term(a, rows_a.get(name), col_a, u)
            tb = _row_term(b, rows_b.get(name), col_b, u)
            if ta is None and tb is None:
                continue
            ta = ta or _absent(a, name, u)
            tb = tb or _absent(b, name, u)
            if ta.value == 0 and tb.value == 0:
                continue
            identity = f"{a.title} 与 {b.title}：{name}（类）{'相等' if relation == '=' else '前者不大于后者'}"
            if relation == "<=" and ta.value <= tb.value:
                continue
            found += compare("cross.class", identity, [ta], [tb], table=None, unit=u, parser=False)
    return found


def _row_term(table: Table, row: Row | None, column: str | None, unit: str) -> Term | None:
    if row is None:
        return None
    column = column or (row.cells[0].column if row.cells else None)
    return cell_term(table, row, column, unit=unit) if column else None


def _absent(table: Table, name: str, unit: str) -> Term:
    """A subject one table lists and the other does not: it counts as 0 there, cited as absent."""
    cite = Cite("cell", table.pages[0] if table.pages else table.span.page, table.span.line, table.title,
                f"（无“{name}”行）", None, "", unit=table.unit)
    return Term(f"{table.title}·{name}", ZERO, cite)


def codes(doc: Disclosure) -> list[Finding]:
    """In a 预算, 收入总表 and 支出总表 list the same subjects with the same 合计 (and so do the
    一般公共预算 支出表 and 支出总表 when all money is 一般公共预算)."""
    if doc.kind != "预算":
        return []
    pairs = [("income", "expense")] + ([("gpb_expense", "expense")] if all_fiscal(doc) else [])
    u = unit_of(doc)
    found: list[Finding] = []
    for key_a, key_b in pairs:
        a, b = _table(doc, key_a), _table(doc, key_b)
        if a is None or b is None or a.is_empty or b.is_empty or not (unique_codes(a) and unique_codes(b)):
            continue
        rows_a = {r.code: r for r in a.rows if r.code}
        rows_b = {r.code: r for r in b.rows if r.code}
        col_a, col_b = first_column(a, TOTAL_COLUMNS), first_column(b, TOTAL_COLUMNS)
        if not rows_a or not rows_b or col_a is None or col_b is None:
            continue
        for code in sorted(set(rows_a) | set(rows_b)):
            ra, rb = rows_a.get(code), rows_b.get(code)
            ta = cell_term(a, ra, col_a, unit=u) if ra else _absent(a, code, u)
            tb = cell_term(b, rb, col_b, unit=u) if rb else _absent(b, code, u)
            if ta.value == 0 and tb.value == 0:
                continue
            name = (ra or rb).name if (ra or rb) else code
            found += compare("cross.codes", f"{a.title} 与 {b.title}：{code} {name} 的合计相等", [ta], [tb],
                             table=None, unit=u, parser=False)
    return found
