"""The standard vocabulary of a 情况说明 (收入、支出、基本支出、人员经费 …) and where the tables state
each concept. Labels are the disclosure format's own words, never one document's names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.records import Disclosure, Row, Table
from index.audit_model import (
    TOTAL_COLUMNS,
    Term,
    cell_term,
    empty_term,
    first_column,
    plain,
    total_row,
)
from index.audit_tables import side_rows

_SUFFIX = r"(?:预算|决算)?(?:数)?"
# concept → label pattern. Matching prefers the label ending nearest the figure, then the longest.
VOCAB: dict[str, str] = {
    "收入总计": r"收入总计|收入合计|本年收入|收入预算|预算收入|总收入|部门收入",
    "支出总计": r"支出总计|支出合计|本年支出|支出预算|预算支出|总支出|部门支出|收支总计|收入支出总计|收支安排"
            r"|收支预算|预算收支|收支总预算|收支总额",
    "本年收入合计": r"本年收入合计",
    "本年支出合计": r"本年支出合计",
    "财政拨款收支总计": r"财政拨款收入?支出?(?:总计|总额)",
    "财政拨款收入": r"财政拨款收入",
    "财政拨款支出": r"财政拨款支出",
    "一般公共预算收入": r"一般公共预算(?:财政)?(?:拨款)?(?:收入|资金)",
    "一般公共预算支出": r"一般公共预算(?:财政)?(?:拨款)?支出",
    "政府性基金收入": r"(?:政府性)?基金(?:预算)?(?:财政)?(?:拨款)?收入",
    "政府性基金支出": r"(?:政府性)?基金(?:预算)?(?:财政)?(?:拨款)?支出",
    "国有资本经营收入": r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?收入",
    "国有资本经营支出": r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出",
    "财政专户收入": r"财政专户\w{0,4}?收入",
    "事业收入": r"(?<!经营)事业收入",
    "经营收入": r"(?:事业单位)?经营收入",
    "其他收入": r"其他(?:来源)?收入",
    "上级补助收入": r"上级补助收入",
    "附属单位上缴收入": r"附属单位上缴收入",
    "单位资金": r"单位资金(?:收入)?",
    "上年结转": r"上年结转(?:结余)?|年初结转(?:和结余)?",
    "基本支出": r"基本支出",
    "项目支出": r"项目支出",
    "其他支出": r"其他支出",
    "经营支出": r"(?:事业单位)?经营支出",
    "人员经费": r"人员经费",
    "公用经费": r"(?:日常)?公用经费",
    "机关运行经费": r"(?:机关|部门)?运行经费",
    "三公经费": r"三公\W{0,2}经费",
    "因公出国费": r"因公出国\W{0,2}境?\W{0,2}费用?",
    "公务用车": r"公务用车购置及运\w{0,3}?费",
    "公务用车购置费": r"公务用车购置费",
    "公务用车运行费": r"公务用车运\w{0,3}?费",
    "公务接待费": r"公务接待费",
    "固定资产": r"(?<!购置)固定资产(?:金额|总额|原值|价值)?",
    "政府采购": r"政府采购(?:预算|金额|总额)?",
}
PATTERNS = {k: re.compile(f"(?:{v}){_SUFFIX}") for k, v in VOCAB.items()}

# parent → the concepts that add up to it (one breakdown each; 项目支出 also takes named items).
CHILDREN: dict[str, tuple[str, ...]] = {
    "收入总计": ("财政拨款收入", "一般公共预算收入", "政府性基金收入", "国有资本经营收入", "财政专户收入",
             "事业收入", "经营收入", "其他收入", "上级补助收入", "附属单位上缴收入", "单位资金", "上年结转"),
    "本年收入合计": ("财政拨款收入", "一般公共预算收入", "政府性基金收入", "国有资本经营收入", "财政专户收入",
               "事业收入", "经营收入", "其他收入", "上级补助收入", "附属单位上缴收入", "单位资金"),
    "本年支出合计": ("基本支出", "项目支出", "其他支出", "经营支出"),
    "财政拨款收入": ("一般公共预算收入", "政府性基金收入", "国有资本经营收入"),
    "支出总计": ("基本支出", "项目支出", "其他支出", "经营支出"),
    "财政拨款支出": ("一般公共预算支出", "政府性基金支出", "国有资本经营支出"),
    "基本支出": ("人员经费", "公用经费"),
    "三公经费": ("因公出国费", "公务用车", "公务接待费"),
    "公务用车": ("公务用车购置费", "公务用车运行费"),
}
ITEM_PARENTS = ("项目支出",)


def descendants(concept: str) -> set[str]:
    found: set[str] = set()
    for child in CHILDREN.get(concept, ()):
        found |= {child} | descendants(child)
    return found


def find_concept(context: str) -> tuple[str, int, int] | None:
    """(concept, start, end) of the label nearest the end of a context, longest on ties."""
    best: tuple[int, int, str] | None = None
    for concept, pattern in PATTERNS.items():
        for m in pattern.finditer(context):
            key = (m.end(), -m.start(), concept)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], -best[1], best[0]) if best else None


@dataclass(frozen=True)
class Spot:
    table: str
    rows: str | None  # regex on the plain row name; None = the total row
    columns: tuple[str, ...] = ()  # first present wins; () = the row's first amount
    side: str | None = None
    by_column: bool = False  # 三公 / 机关运行经费 laid out as columns of one row
    title: str | None = None  # an empty table states 0 for this spot only when its title matches


def _s(side: str, rows: str, *columns: str, table: str = "summary") -> Spot:
    return Spot(table, rows, columns, side)


TOTALS = TOTAL_COLUMNS
SPOTS: dict[str, tuple[Spot, ...]] = {
    "收入总计": (_s("收入", r"^(收入)?总计$"), _s("收入", r"^本年收入合计$"), Spot("income", None, TOTALS)),
    "支出总计": (_s("支出", r"^(支出)?总计$"), _s("支出", r"^本年支出合计$"), Spot("expense", None, TOTALS)),
    "本年收入合计": (_s("收入", r"^本年收入合计$"), Spot("income", None, ("小计", "本年收入合计", "合计"))),
    "本年支出合计": (_s("支出", r"^本年支出合计$"), Spot("expense", None, TOTALS)),
    "财政拨款收支总计": (_s("收入", r"^(收入)?总计$", table="fiscal_summary"),
                 _s("支出", r"^(支出)?总计$", "合计", table="fiscal_summary")),
    "财政拨款收入": (_s("收入", r"^财政拨款(收入)?$"), Spot("income", None, ("财政拨款收入", "财政拨款")),
               _s("收入", r"^本年收入合计$", table="fiscal_summary")),
    "财政拨款支出": (_s("支出", r"^本年支出合计$", "合计", table="fiscal_summary"),
               _s("支出", r"^(支出)?总计$", "合计", table="fiscal_summary")),  # a 预算 has no 本年支出合计
    "一般公共预算收入": (_s("收入", "一般公共预算"), _s("收入", "一般公共预算", table="fiscal_summary")),
    "一般公共预算支出": (Spot("gpb_expense", None, TOTALS),
                 _s("支出", r"^本年支出合计$", "一般公共预算财政拨款", table="fiscal_summary")),
    "政府性基金收入": (_s("收入", "政府性基金"), _s("收入", "政府性基金", table="fiscal_summary")),
    "政府性基金支出": (Spot("gov_fund", None, ("小计", *TOTALS)),),
    "国有资本经营收入": (_s("收入", "国有资本经营"), _s("收入", "国有资本经营", table="fiscal_summary")),
    "国有资本经营支出": (Spot("soe_capital", None, ("小计", *TOTALS)),),
    "财政专户收入": (_s("收入", "财政专户"), Spot("income", None, ("财政专户收入",))),
    "事业收入": (_s("收入", r"^事业收入$"), Spot("income", None, ("事业收入",))),
    "经营收入": (_s("收入", r"经营收入$"), Spot("income", None, ("经营收入", "事业单位经营收入"))),
    "其他收入": (_s("收入", r"^其他收入$"), Spot("income", None, ("其他收入",))),
    "上级补助收入": (_s("收入", r"上级补助"), Spot("income", None, ("上级补助收入",))),
    "附属单位上缴收入": (_s("收入", r"附属单位"), Spot("income", None, ("附属单位上缴收入",))),
    "单位资金": (_s("收入", r"^单位资金"),),
    "上年结转": (_s("收入", r"^(上年|年初)结转"), Spot("income", None, ("上年结转",))),
    "基本支出": (Spot("expense", None, ("基本支出",)), Spot("gpb_expense", None, ("基本支出",)),
             Spot("gpb_basic", None, ("合计",))),
    "项目支出": (Spot("expense", None, ("项目支出",)), Spot("gpb_expense", None, ("项目支出",))),
    "其他支出": (_s("支出", r"^其他支出$"),),
    "经营支出": (Spot("expense", None, ("经营支出", "事业单位经营支出")),),
    "人员经费": (Spot("gpb_basic", None, ("人员经费",)),),
    "公用经费": (Spot("gpb_basic", None, ("公用经费",)),),
    "机关运行经费": (Spot("three_public", "机关运行经费", ("合计",), title="机关运行经费"),
               Spot("three_public", "机关运行经费", by_column=True, title="机关运行经费")),
    "三公经费": (Spot("three_public", None, ("合计",)), Spot("three_public", r"^合计$", by_column=True)),
    "因公出国费": (Spot("three_public", "出国", ("合计",)), Spot("three_public", "出国", by_column=True)),
    "公务用车": (Spot("three_public", r"公务用车购置及运", ("合计",)),
             Spot("three_public", r"公务用车购置及运|^小计$", by_column=True)),
    "公务用车购置费": (Spot("three_public", r"^(公务用车)?购置费$", ("合计",)),
                Spot("three_public", r"^(公务用车)?购置费$", by_column=True)),
    "公务用车运行费": (Spot("three_public", r"^(公务用车)?运(行|维)", ("合计",)),
                Spot("three_public", r"^(公务用车)?运(行|维)\w*费$", by_column=True)),
    "公务接待费": (Spot("three_public", "接待", ("合计",)), Spot("three_public", "接待", by_column=True)),
    "固定资产": (Spot("fixed_assets", None, ()),),
    "政府采购": (Spot("procurement", None, ("合计",)),),
}


def resolve(doc: Disclosure, concept: str, unit: str) -> list[Term]:
    """Every table cell that states the concept (alternatives, most standard first)."""
    found: list[Term] = []
    for spot in SPOTS.get(concept, ()):
        table = doc.table(spot.table)
        if table is None:
            continue
        if table.is_empty:
            if spot.title is None or re.search(spot.title, table.title):
                found.append(empty_term(table, f"{table.title}（空表）", unit))
            continue
        term = _spot_term(table, spot, unit)
        if term is not None:
            found.append(term)
    return found


def has_tables(doc: Disclosure, concept: str) -> bool:
    """Whether any table that could state the concept was read (present, with rows or 空表)."""
    keys = SUBJECT_TABLES if concept == "subject" else tuple(s.table for s in SPOTS.get(concept, ()))
    return any((t := doc.table(k)) is not None and (t.rows or t.is_empty) for k in keys)


def _spot_term(table: Table, spot: Spot, unit: str) -> Term | None:
    if spot.by_column:
        rx = re.compile(spot.rows or "")
        column = next((c for c in table.columns if rx.search(plain(c))), None)
        row = total_row(table) or (table.rows[0] if len(table.rows) == 1 else None)
        return cell_term(table, row, column, unit=unit) if row is not None and column else None
    row = _spot_row(table, spot)
    if row is None:
        return None
    column = first_column(table, spot.columns) if spot.columns else None
    if column is None and spot.columns and spot.rows is None:
        return None
    column = column or next((c.column for c in row.cells if c.value is not None), None) or \
        (row.cells[0].column if row.cells else None)
    return cell_term(table, row, column, unit=unit) if column else None


def _spot_row(table: Table, spot: Spot) -> Row | None:
    if spot.rows is None:
        return total_row(table)
    rx = re.compile(spot.rows)
    if spot.side is not None:
        items, year, between, grand = side_rows(table, spot.side)
        rows = [*items, *(r for r in (year, *between, grand) if r is not None)]
    else:
        rows = list(table.rows)
    return next((r for r in rows if rx.search(plain(r.name))), None)


SUBJECT_TABLES = ("gpb_expense", "expense", "gov_fund", "soe_capital")


def resolve_subject(doc: Disclosure, path: tuple[str, ...], unit: str) -> list[Term]:
    """A 功能分类 subject named by its path (类, 款, 项) → its 合计 in the expense tables."""
    found: list[Term] = []
    for key in SUBJECT_TABLES:
        table = doc.table(key)
        if table is None or table.is_empty:
            continue
        row = _subject_row(table, path)
        column = first_column(table, TOTAL_COLUMNS)
        if row is not None and column is not None:
            found.append(cell_term(table, row, column, unit=unit))
    return found


def _subject_row(table: Table, path: tuple[str, ...]) -> Row | None:
    if not any(r.code for r in table.rows):  # codes not read: the last name, when unique, will do
        named = [r for r in table.rows if plain(r.name) == plain(path[-1])]
        return named[0] if len(named) == 1 else None
    parent: str | None = None
    row: Row | None = None
    for depth, name in enumerate(path):
        want = plain(name)
        length = (3, 5, 7)[depth]
        row = next((r for r in table.rows if r.code and len(r.code) == length and plain(r.name) == want
                    and (parent is None or r.code.startswith(parent))), None)
        if row is None:
            return None
        parent = row.code
    return row
