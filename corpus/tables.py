"""A table block (title to end) → `Table`: page headers, repeated column headers, wrapped names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.layout import PAGE_HEADER, UNIT
from corpus.normalize import clean_cell, normalize_header, parse_amount
from corpus.records import Cell, Row, SourceSpan, Table

Line = tuple[int, str]  # (1-based line number, raw text)

EMPTY_NOTE = re.compile(r"空表|本表为空|本表无数据|无数据|本部门无|本单位无")
_SEQ = re.compile(r"^\d{1,3}$")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_META = re.compile(r"^(预算年度|截止时间|编制单位|部门名称|金额单位)[:：]")
_NAME_HEADERS = ("科目名称", "项目", "单位名称", "项目名称")
ECONOMIC_TABLES = {"gpb_basic"}


@dataclass
class _Block:
    key: str
    title: str
    source: str
    page: int | None
    unit: str
    header: list[list[str]] = field(default_factory=list)
    header_done: bool = False
    raw_rows: list[tuple[int, int | None, list[str]]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty_note: str | None = None
    warnings: list[str] = field(default_factory=list)
    seen_page_header: bool = False


def is_table_line(text: str) -> bool:
    """Lines a table block may contain: page headers, units, notes, cell rows."""
    stripped = text.strip()
    return ("\t" in text or bool(PAGE_HEADER.match(stripped)) or bool(UNIT.search(stripped))
            or bool(_META.match(stripped)) or stripped.startswith(("注：", "注:")))


def block_to_table(key: str, title: str, lines: list[Line], source: str, page: int | None,
                   unit: str = "万元") -> tuple[Table, list[str]]:
    block = _Block(key, title, source, page, unit)
    if page is not None:
        block.pages.append(page)
    for number, text in lines:
        _take_line(block, number, text)
    columns = header_to_columns(block.header)
    rows = _rows(block, columns)
    table = Table(key=key, title=title, unit=block.unit, columns=_amount_columns(columns),
                  rows=tuple(rows), span=SourceSpan(source, lines[0][0] - 1 if lines else 0, page),
                  pages=tuple(block.pages), empty_note=block.empty_note, notes=tuple(block.notes))
    if not rows and not block.empty_note:
        block.warnings.append(f"{title}: no rows and no 空表 note")
    return table, block.warnings


def _take_line(block: _Block, number: int, text: str) -> None:
    stripped = text.strip()
    if not stripped:
        return
    if (unit := UNIT.search(stripped)) and "\t" not in stripped:
        block.unit = unit.group(1)
        return
    if _META.match(stripped):
        return
    if stripped.startswith(("注：", "注:")):
        if EMPTY_NOTE.search(stripped):
            block.empty_note = stripped
        else:
            block.notes.append(stripped)
        return
    if PAGE_HEADER.match(stripped) and "\t" not in stripped:
        _page_break(block)
        return
    cells = [clean_cell(c) for c in text.rstrip("\n").split("\t")]
    if (unit := UNIT.search(stripped)) and not block.raw_rows:
        block.unit = unit.group(1)  # a unit stated inside a column header
    if _is_header(block, cells):
        if not block.header_done or not block.raw_rows:
            block.header.append(cells)
        if normalize_header(cells[0]) == "栏次":
            block.header_done = True
        return
    block.header_done = True
    block.raw_rows.append((number, block.pages[-1] if block.pages else None, cells))


def _page_break(block: _Block) -> None:
    """A repeated page header inside a table: the table continues on the next page."""
    if block.seen_page_header and block.pages:
        block.pages.append(block.pages[-1] + 1)
    block.seen_page_header = True
    if block.raw_rows:
        block.header_done = True  # column headers that follow are repeats, not new columns


def _is_header(block: _Block, cells: list[str]) -> bool:
    first = normalize_header(cells[0])
    if first in ("序号", "栏次"):
        return True
    if any(parse_amount(c) is not None for c in cells[1:]) or _SEQ.match(first):
        return False
    if block.key == "institutions":
        return not block.header
    if block.raw_rows and block.header_done:
        return _repeats_header(block, cells)
    return not block.header_done


def _repeats_header(block: _Block, cells: list[str]) -> bool:
    names = {normalize_header(c) for c in cells if c}
    known = {normalize_header(c) for line in block.header for c in line if c}
    return bool(names) and len(names & known) >= max(1, len(names) // 2)


def header_to_columns(header: list[list[str]]) -> list[str]:
    """Merge a multi-line header by position: the deepest non-empty name wins."""
    lines = [h for h in header if normalize_header(h[0]) != "栏次"]
    width = max((len(h) for h in header), default=0)
    columns = []
    for i in range(width):
        names = [normalize_header(h[i]) for h in lines if i < len(h) and h[i].strip()]
        columns.append(names[-1] if names else "")
    return columns


def _amount_columns(columns: list[str]) -> tuple[str, ...]:
    skip = set(_roles(columns).values())
    names = [c for i, c in enumerate(columns) if i not in skip and c and c != "项目"]
    return tuple(dict.fromkeys(names))


def _roles(columns: list[str]) -> dict[str, int]:
    """Which columns hold the 序号, the subject code (whole, or split over 类/款/项) and the name."""
    roles: dict[str, int] = {}
    for i, name in enumerate(columns):
        if name == "序号" and "seq" not in roles:
            roles["seq"] = i
        elif name in ("类", "款", "项") and f"code_{name}" not in roles:
            roles[f"code_{name}"] = i
        elif ("编码" in name or "代码" in name) and "code" not in roles:
            roles["code"] = i
        elif (name in _NAME_HEADERS or name.endswith("科目名称")) and "name" not in roles:
            roles["name"] = i
    return roles


def _code_of(cells: list[str], roles: dict[str, int]) -> tuple[str, str]:
    """(code, stray text): `212 01 99` over 类/款/项 → 2120199; a 合计 pushed into 类 comes back."""
    parts = [cells[roles[k]] for k in ("code_类", "code_款", "code_项") if k in roles]
    if not parts:
        return (cells[roles["code"]] if "code" in roles else ""), ""
    digits = [p for p in parts if p.isdigit()]
    stray = "".join(p for p in parts if p and not p.isdigit() and p not in ("类", "款", "项"))
    return "".join(digits), stray


def _rows(block: _Block, columns: list[str]) -> list[Row]:
    if columns.count("项目") == 2:
        return _two_sided_rows(block, columns)
    roles = _roles(columns)
    rows: list[Row] = []
    for number, page, cells in block.raw_rows:
        cells = cells + [""] * (len(columns) - len(cells))
        seq = cells[roles["seq"]] if "seq" in roles else ""
        name = cells[roles["name"]] if "name" in roles else cells[0]
        code, stray = _code_of(cells, roles)
        name = name or stray
        values = [(columns[i], cells[i]) for i in range(len(columns))
                  if i not in roles.values() and columns[i]]
        if not name and not code and not any(v for _, v in values):
            continue  # an empty numbered row
        if not seq and not code and not any(v for _, v in values) and rows:
            rows[-1] = _extend_name(rows[-1], name)  # a name wrapped across a page break
            continue
        rows.append(_row(block, number, page, seq, name, code, values))
    return rows


def _two_sided_rows(block: _Block, columns: list[str]) -> list[Row]:
    split = [i for i, c in enumerate(columns) if c == "项目"][1]
    sides = (("收入", range(0, split)), ("支出", range(split, len(columns))))
    seq_index = columns.index("序号") if "序号" in columns else None
    rows: list[Row] = []
    for number, page, cells in block.raw_rows:
        cells = cells + [""] * (len(columns) - len(cells))
        seq = cells[seq_index] if seq_index is not None else ""
        for side, span in sides:
            name_i = next(i for i in span if columns[i] == "项目")
            values = [(columns[i], cells[i]) for i in span if i not in (name_i, seq_index)]
            if cells[name_i] or any(v for _, v in values):
                rows.append(_row(block, number, page, seq, cells[name_i], "", values, side))
    return rows


def _row(block: _Block, number: int, page: int | None, seq: str, name: str, code: str,
         values: list[tuple[str, str]], side: str | None = None) -> Row:
    cells = []
    for column, text in values:
        value = parse_amount(text)
        if text and value is None and block.key != "institutions":
            block.warnings.append(f"{block.source}:{number}: {block.title} {column} '{text}' "
                                  "is not a number")
        cells.append(Cell(column, text, value))
    code = code if _CODE.match(code) else ""
    level, parent = code_level(code, block.key in ECONOMIC_TABLES)
    return Row(number=int(seq) if _SEQ.match(seq) else None, name=name, cells=tuple(cells),
               span=SourceSpan(block.source, number, page), code=code or None, level=level,
               parent=parent, side=side)


def _extend_name(row: Row, tail: str) -> Row:
    from dataclasses import replace

    return replace(row, name=row.name + tail)


def code_level(code: str, economic: bool = False) -> tuple[str | None, str | None]:
    """功能分类 201/20129/2012901 → 类/款/项; 经济分类 301/30101 → 类/款."""
    if not code:
        return None, None
    if len(code) == 3:
        return "类", None
    if len(code) == 5:
        return "款", code[:3]
    if len(code) == 7 and not economic:
        return "项", code[:5]
    return None, None
