"""The audit's data: `Finding` (one identity that fails or a figure that cannot be matched), the
`Term`s it compares and their `Cite`s, plus the exact comparison every check shares.

Amounts stay `Decimal`. A rounding tolerance applies only to figures that are published rounded:
k terms printed to a quantum q may disagree by up to k·q/2 (never less than one q) without
contradicting each other — that is a warning ("rounded differently"), anything more is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from corpus.normalize import UNITS, to_halfwidth
from corpus.records import Disclosure, Row, Table

SEVERITIES = ("error", "warning", "info")
ZERO = Decimal(0)
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


@dataclass(frozen=True)
class Cite:
    """Where a figure is printed: a table cell (table/row/column) or a sentence (section/quote)."""

    kind: str  # "cell" | "text" | "project"
    page: int | None
    line: int | None
    table: str | None = None  # table or project title as printed
    row: str | None = None
    column: str | None = None
    text: str | None = None  # the figure exactly as printed ('' = a blank cell)
    section: str | None = None
    quote: str | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def short(self) -> str:
        where = self.section if self.kind == "text" else self.table
        bits = [b for b in (where, self.row, self.column) if b]
        page = f" p.{self.page}" if self.page is not None else ""
        return " · ".join(bits) + page


class Term(NamedTuple):
    """One side's figure: (label, value, citation). Values are in the finding's unit."""

    label: str
    value: Decimal
    cite: Cite


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning" | "info"
    check: str  # e.g. table.hierarchy, cross.class, narrative.amount
    identity: str  # human-readable statement of what should hold
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    difference: Decimal | None  # Σleft − Σright when both sides are figures
    suspect_parser: bool
    table: str | None  # table key the identity lives in (for suspect_tables)
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        def terms(side: tuple[Term, ...]) -> list[dict[str, Any]]:
            return [{"label": t.label, "value": str(t.value), "citation": t.cite.to_dict()} for t in side]

        return {"severity": self.severity, "check": self.check, "identity": self.identity,
                "left": terms(self.left), "right": terms(self.right),
                "difference": None if self.difference is None else str(self.difference),
                "suspect_parser": self.suspect_parser, "table": self.table, "unit": self.unit}


# ---- exact comparison -------------------------------------------------------------------------

def quantum(values: Iterable[Decimal]) -> Decimal:
    """The finest printed precision among values (0.01 for 1537.72; 1 for 4154)."""
    exps = [v.as_tuple().exponent for v in values]
    ints = [e for e in exps if isinstance(e, int)]
    return Decimal(1).scaleb(min(ints)) if ints else Decimal(1)


def total(terms: Iterable[Term]) -> Decimal:
    return sum((t.value for t in terms), ZERO)


def verdict(left: Sequence[Term], right: Sequence[Term]) -> tuple[Decimal, str]:
    """(Σleft − Σright, "ok" | "rounding" | "fail")."""
    diff = total(left) - total(right)
    if diff == 0:
        return diff, "ok"
    printed = [t.value for t in (*left, *right) if t.cite.text != ""]
    q = quantum(printed or [t.value for t in (*left, *right)])
    tolerance = max(q, q / 2 * len(printed))
    return diff, ("rounding" if abs(diff) <= tolerance else "fail")


def compare(check: str, identity: str, left: Sequence[Term], right: Sequence[Term], *,
            table: str | None, unit: str, parser: bool) -> list[Finding]:
    """No finding when the identity holds; a warning when it holds up to rounding; else an error."""
    diff, outcome = verdict(left, right)
    if outcome == "ok":
        return []
    if outcome == "rounding":
        return [Finding("warning", check, identity + "（舍入差异）", tuple(left), tuple(right), diff,
                        False, table, unit)]
    return [Finding("error", check, identity, tuple(left), tuple(right), diff, parser, table, unit)]


def round_to(value: Decimal, q: Decimal) -> Decimal:
    return value.quantize(q, rounding=ROUND_HALF_UP)


def convert(value: Decimal, unit: str, target: str) -> Decimal:
    if unit == target or unit not in UNITS or target not in UNITS:
        return value
    return value * UNITS[unit] / UNITS[target]


# ---- names and table lookups ------------------------------------------------------------------

def plain(name: str) -> str:
    """A row or item name without numbering, spaces, quotes: '一、一般公共服务支出' → '一般公共服务支出'."""
    text = re.sub(r"\s+", "", to_halfwidth(name or "")).replace("“", "").replace("”", "").replace('"', "")
    return _NUMBERING.sub("", text)


def row_label(row: Row) -> str:
    side = f"{row.side}·" if row.side else ""
    code = f"{row.code} " if row.code else ""
    return f"{side}{code}{row.name}".strip()


def cell_term(table: Table, row: Row, column: str, label: str | None = None, unit: str | None = None) -> Term:
    """A cell as a term; a blank cell of a row that exists counts as 0 (its citation text is '')."""
    cell = row.cell(column)
    value = cell.value if cell is not None and cell.value is not None else ZERO
    text = cell.text if cell is not None and cell.value is not None else ""
    cite = Cite("cell", row.span.page, row.span.line, table.title, row_label(row), column, text,
                unit=table.unit)
    return Term(label or f"{row_label(row)}·{column}", convert(value, table.unit, unit or table.unit), cite)


def empty_term(table: Table, label: str, unit: str | None = None) -> Term:
    """An explicitly empty table (注：…空表列示) states 0."""
    page = table.pages[0] if table.pages else table.span.page
    cite = Cite("cell", page, table.span.line, table.title, "（空表）", None, table.empty_note or "", unit=table.unit)
    return Term(label, ZERO, cite)


TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计")
TOTAL_COLUMNS = ("合计", "本年支出合计", "本年收入合计", "支出合计", "收入合计", "总计")
_CODE_COLUMNS = re.compile(r"^(类|款|项|序号)$|编码|代码|名称")


def total_row(table: Table, side: str | None = None) -> Row | None:
    for row in table.rows:
        if row.code is None and row.side == side and plain(row.name) in TOTAL_NAMES:
            return row
    return None


def first_column(table: Table, names: Sequence[str]) -> str | None:
    return next((n for n in names if n in table.columns), None)


def amount_columns(table: Table) -> list[str]:
    """Columns that hold amounts: subject-code / name columns a parser mislabelled are left out."""
    used = {c.column for r in table.rows for c in r.cells if c.value is not None}
    return [c for c in table.columns if c in used and not _CODE_COLUMNS.search(c)]


def find_rows(table: Table, pattern: str, side: str | None = None) -> list[Row]:
    rx = re.compile(pattern)
    return [r for r in table.rows if (side is None or r.side == side) and rx.search(plain(r.name))]


def doc_unit(doc: Disclosure) -> str:
    return next((t.unit for t in doc.tables if t.rows and t.key != "three_public"), "万元")
