"""A table block (title to end) → `Table`: units, notes, page headers, the column header, the rows.

Cells come tab-separated (extracted cells) or space-separated (page text: positions lost). The
header is read by position when it can be; the rows are built in `corpus.rows`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from corpus.layout import PAGE_HEADER, UNIT
from corpus.normalize import clean_cell, normalize_header, parse_amount
from corpus.records import Cell, Row, SourceSpan, Table

Line = tuple[int, str]  # (1-based line number, raw text)
PageOf = Callable[[int], int | None]

EMPTY_NOTE = re.compile(r"空表|本表为空|本表无数据|无数据|本部门无|本单位无")
BLANK_IS_ZERO = re.compile(r"(空白|空格|空栏)\S{0,6}(表示|为|即|代表)\S{0,2}[0零]")
_SEQ = re.compile(r"^\d{1,3}$")
_META = re.compile(r"^(预算年度|截止时间|编制单位|编制部门|部门名称|金额单位)[:：]")
_NOTE = re.compile(r"^(注|说明)\s*[:：]")
_TOTAL_NAMES = ("合计", "总计")
_ROLE_HEAD = re.compile(r"^(项目|序号|类|款|项)$|编码|科目|分类")


@dataclass
class Block:
    key: str
    title: str
    source: str
    page: int | None
    unit: str
    page_of: PageOf | None = None
    space: bool = False  # cells joined by spaces, not tabs
    header: list[list[str]] = field(default_factory=list)
    header_done: bool = False
    raw_rows: list[tuple[int, int | None, list[str]]] = field(default_factory=list)
    space_lines: list[tuple[int, int | None, str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty_note: str | None = None
    blank_is_zero: bool = False
    warnings: list[str] = field(default_factory=list)
    seen_page_header: bool = False

    def page_at(self, number: int) -> int | None:
        if self.page_of is not None:
            return self.page_of(number)
        return self.pages[-1] if self.pages else None


def is_table_line(text: str) -> bool:
    """Lines a table block may contain: page headers, units, notes, cell rows."""
    stripped = text.strip()
    return ("\t" in text or bool(PAGE_HEADER.match(stripped)) or bool(UNIT.search(stripped))
            or bool(_META.match(stripped)) or bool(_NOTE.match(stripped)))


def block_to_table(key: str, title: str, lines: list[Line], source: str, page: int | None,
                   unit: str = "万元", *, page_of: PageOf | None = None) -> tuple[Table, list[str]]:
    from corpus.rows import space_rows, tab_rows

    block = Block(key, title, source, page, unit, page_of,
                  space=not any("\t" in text for _, text in lines))
    if page is not None:
        block.pages.append(page)
    for number, text in lines:
        take_line(block, number, text)
    columns, rows = space_rows(block) if block.space else tab_rows(block)
    rows = _finish(block, rows)
    pages = tuple(block.pages)
    if page_of is not None:
        found = {page_of(n) for n, t in lines if t.strip()} | ({page} if page else set())
        pages = tuple(sorted(p for p in found if p is not None))
    table = Table(key=key, title=title, unit=block.unit, columns=columns, rows=tuple(rows),
                  span=SourceSpan(source, lines[0][0] - 1 if lines else 0, page),
                  pages=pages, empty_note=block.empty_note, notes=tuple(block.notes))
    if not rows and not block.empty_note:
        block.warnings.append(f"{title}: no rows and no 空表 note")
    return table, block.warnings


def take_line(block: Block, number: int, text: str) -> None:
    stripped = text.strip()
    if not stripped:
        return
    if (unit := UNIT.search(stripped)) and "\t" not in stripped:
        block.unit = unit.group(1)
        return
    if _META.match(stripped):
        return
    if _NOTE.match(stripped):
        _note(block, stripped)
        return
    if PAGE_HEADER.match(stripped) and "\t" not in stripped:
        _page_break(block)
        return
    if block.space:
        block.space_lines.append((number, block.page_at(number), stripped))
        return
    cells = [clean_cell(c) for c in text.rstrip("\n").split("\t")]
    if (unit := UNIT.search(stripped)) and not block.raw_rows:
        block.unit = unit.group(1)  # a unit stated inside a column header
    if _header_in_total_row(block, number, cells):
        return
    if _is_header(block, cells):
        if not block.header_done or not block.raw_rows:
            block.header.append(cells)
        if normalize_header(cells[0]) == "栏次":
            block.header_done = True
        return
    block.header_done = True
    block.raw_rows.append((number, block.page_at(number), cells))


def _note(block: Block, text: str) -> None:
    if EMPTY_NOTE.search(text) and block.empty_note is None:
        block.empty_note = text
    else:
        block.notes.append(text)
    if BLANK_IS_ZERO.search(text):
        block.blank_is_zero = True


def _page_break(block: Block) -> None:
    """A repeated page header inside a table: the table continues on the next page."""
    if block.seen_page_header and block.pages:
        block.pages.append(block.pages[-1] + 1)
    block.seen_page_header = True
    if block.raw_rows:
        block.header_done = True  # column headers that follow are repeats, not new columns


def _header_in_total_row(block: Block, number: int, cells: list[str]) -> bool:
    """`合计 | | 合计 | 基本支出 | 项目支出`: an empty 合计 row printed on a header line."""
    rest = [c for c in cells[1:] if c]
    if not _total_first(block, cells) or not rest or block.raw_rows:
        return False
    if any(parse_amount(c) is not None for c in rest):
        return False
    block.header.append(["", *cells[1:]])
    block.header_done = True
    block.raw_rows.append((number, block.page_at(number), [cells[0]]))
    return True


def _total_first(block: Block, cells: list[str]) -> bool:
    """A 合计 row (not a 合计 column header): its table's first column holds names or codes."""
    if normalize_header(cells[0]) not in _TOTAL_NAMES:
        return False
    return any(_ROLE_HEAD.search(normalize_header(h[0])) for h in block.header if h and h[0])


def _is_header(block: Block, cells: list[str]) -> bool:
    first = normalize_header(cells[0])
    if first in ("序号", "栏次"):
        return True
    if any(parse_amount(c) is not None for c in cells) or _SEQ.match(first):
        return False
    if _total_first(block, cells):
        return False
    if block.key == "institutions":
        return not block.header
    if block.raw_rows and block.header_done:
        return _repeats_header(block, cells)
    return not block.header_done


def _repeats_header(block: Block, cells: list[str]) -> bool:
    names = {normalize_header(c) for c in cells if c}
    known = {normalize_header(c) for line in block.header for c in line if c}
    return bool(names) and len(names & known) >= max(1, len(names) // 2)


def _finish(block: Block, rows: list[Row]) -> list[Row]:
    """An explicitly empty table keeps no blank rows; a note saying blanks are 0 is applied."""
    has_values = any(c.value is not None for r in rows for c in r.cells)
    if block.empty_note is not None:
        if not has_values:
            return []
        block.notes.insert(0, block.empty_note)
        block.warnings.append(f"{block.title}: has figures despite the note '{block.empty_note}'")
        block.empty_note = None
    if block.blank_is_zero:
        rows = [replace(r, cells=tuple(Cell(c.column, c.text, Decimal(0)) if not c.text else c
                                       for c in r.cells)) for r in rows]
    return rows
