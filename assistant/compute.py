"""Exact Decimal arithmetic over cited operands; every result carries its formula."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Citation
from corpus.records import Disclosure, Row, Table, cited_row

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Operand:
    label: str
    value: Decimal
    unit: str
    citation: Citation


@dataclass(frozen=True)
class Result:
    value: Decimal
    unit: str
    formula: str
    operands: tuple[Operand, ...]


def fmt(value: Decimal) -> str:
    """An amount as the document prints it (no exponent, trailing zeros kept)."""
    return format(value, "f")


def round_pct(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def row_label(row: Row) -> str:
    return cited_row(row)


ROW_TOTALS = ("合计", "小计", "总计")


def total_column(row: Row) -> str | None:
    """The column holding a row's own total (合计, else 小计 or 总计), when it has a figure."""
    return next((c for c in ROW_TOTALS if (cell := row.cell(c)) is not None and cell.value is not None), None)


def cell_operand(doc: Disclosure, table: Table, row: Row, column: str, label: str) -> Operand:
    cell = row.cell(column)
    assert cell is not None and cell.value is not None
    citation = Citation(doc.doc_id, "cell", row.span.page, table=table.title, row=row_label(row),
                        column=column, value=cell.text)
    return Operand(label, cell.value, table.unit, citation)


def empty_operand(doc: Disclosure, table: Table, label: str, column: str = "合计") -> Operand:
    """An explicitly empty table (注：…空表列示) answers 0, cited to its note."""
    page = table.pages[0] if table.pages else table.span.page
    citation = Citation(doc.doc_id, "cell", page, table=table.title, row="（空表）", column=column,
                        value=table.empty_note or "空表")
    return Operand(label, Decimal("0"), table.unit, citation)


def add(operands: list[Operand]) -> Result:
    total = sum((o.value for o in operands), Decimal("0"))
    formula = " + ".join(f"{o.label} {fmt(o.value)}" for o in operands) + f" = {fmt(total)}"
    return Result(total, operands[0].unit, formula, tuple(operands))


def subtract(a: Operand, b: Operand) -> Result:
    diff = a.value - b.value
    formula = f"{a.label} {fmt(a.value)} − {b.label} {fmt(b.value)} = {fmt(diff)}"
    return Result(diff, a.unit, formula, (a, b))


def subtract_all(a: Operand, taken: list[Operand]) -> Result:
    """三公经费 − 出国费 − 公车运行费: what is left of one figure once several are taken out."""
    left = a.value - sum((t.value for t in taken), Decimal(0))
    said = " − ".join(f"{o.label} {fmt(o.value)}" for o in (a, *taken))
    formula = f"{said} = {fmt(left)}"
    return Result(left, a.unit, formula, (a, *taken))


def share(part: Operand, whole: Operand) -> Result:
    pct = round_pct(part.value / whole.value * 100)
    formula = (f"{part.label} {fmt(part.value)} ÷ {whole.label} {fmt(whole.value)} × 100% = "
               f"{fmt(pct)}%（四舍五入保留两位小数）")
    return Result(pct, "%", formula, (part, whole))


def same_unit(operands: list[Operand]) -> list[Operand]:
    """Every operand in the first one's unit (a 万元 figure from the text against a table in 元), the
    conversion shown in its label; units that do not convert stay as they are."""
    from corpus.normalize import UNITS, convert

    if not operands:
        return operands
    unit = operands[0].unit
    out = [operands[0]]
    for o in operands[1:]:
        if o.unit != unit and o.unit in UNITS and unit in UNITS:
            o = Operand(f"{o.label}（{fmt(o.value)}{o.unit}）", convert(o.value, o.unit, unit).normalize(), unit,
                        o.citation)
        out.append(o)
    return out


def ratio(a: Operand, b: Operand) -> Result:
    """How many times b is a (几倍)."""
    times = round_pct(a.value / b.value)
    formula = f"{a.label} {fmt(a.value)} ÷ {b.label} {fmt(b.value)} = {fmt(times)}倍（四舍五入保留两位小数）"
    return Result(times, "倍", formula, (a, b))


def prior_from_change(current: Operand, change: Operand, increased: bool, year: int) -> Result:
    """Prior-year figure from the stated change: 上年 = 本年 − 增加额 (or + 减少额)."""
    from corpus.normalize import UNITS, convert

    if change.unit != current.unit and change.unit in UNITS and current.unit in UNITS:
        change = Operand(change.label, convert(change.value, change.unit, current.unit), current.unit,
                         change.citation)  # 比上年增加3,355.65万元 against a table in 元
    prior = current.value - change.value if increased else current.value + change.value
    sign = "−" if increased else "+"
    formula = (f"{year}年 = {current.label} {fmt(current.value)} {sign} "
               f"{change.label} {fmt(change.value)} = {fmt(prior)}")
    return Result(prior, current.unit, formula, (current, change))  # change in the current's unit


def pct_change(current: Operand, prior: Result) -> Result:
    pct = round_pct((current.value - prior.value) / prior.value * 100)
    formula = (f"({current.label} {fmt(current.value)} − 上年 {fmt(prior.value)}) ÷ 上年 "
               f"{fmt(prior.value)} × 100% = {fmt(pct)}%（四舍五入保留两位小数）")
    return Result(pct, "%", formula, (*prior.operands, current))
