"""Table rows from a block: by cell position when the cells are aligned with the header, else by
meaning (codes, names, amounts, checked by sums). Two-sided (收入 | 支出), two column groups side by
side (人员经费 | 公用经费) and the 三公 items-as-columns table are reshaped here."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from corpus.align import align
from corpus.columns import identities
from corpus.header import header_paths, header_to_columns, space_header
from corpus.loose import LooseLine, join_wraps, split_sides, to_loose
from corpus.normalize import parse_amount
from corpus.records import Cell, Row, SourceSpan
from corpus.shapes import column_items, space_items
from corpus.tables import Block

_SEQ = re.compile(r"^\d{1,3}$")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_NAME_HEADERS = ("科目名称", "项目", "单位名称", "项目名称")
_ITEM = re.compile(r"^([一二三四五六七八九十]+、|\d+\.\s)\S+$")
_GROUP_FOOTER = re.compile(r"^(人员经费|公用经费)(合计)?$")
ECONOMIC_TABLES = {"gpb_basic"}
Values = list[tuple[str, str]]


def tab_rows(block: Block) -> tuple[tuple[str, ...], list[Row]]:
    columns = header_to_columns(block.header)
    roles = roles_of(columns)
    if columns.count("项目") == 2:
        return amount_columns(columns), _two_sided_rows(block, columns)
    if block.key == "three_public" and "name" not in roles:
        return _three_public_rows(block, header_paths(block.header))
    half = len(columns) // 2
    if half and len(columns) % 2 == 0 and columns[:half] == columns[half:] and "name" in roles:
        return _two_group_rows(block, columns[:half])
    return amount_columns(columns), _single_rows(block, columns, roles)


def amount_columns(columns: list[str]) -> tuple[str, ...]:
    skip = set(roles_of(columns).values())
    names = [c for i, c in enumerate(columns) if i not in skip and c and c != "项目"]
    return tuple(dict.fromkeys(names))


def roles_of(columns: list[str]) -> dict[str, int]:
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
    if "code" in roles and "name" in roles:  # a code column whose 类/款/项 cells had no label
        for i in range(roles["code"] + 1, roles["name"]):
            if not columns[i]:
                roles[f"code_{i}"] = i
    return roles


def code_of(cells: list[str], roles: dict[str, int]) -> tuple[str, str]:
    """(code, stray text): `212 01 99` over 类/款/项 → 2120199; a 合计 pushed into 类 comes back."""
    parts = [cells[i] for k, i in sorted(roles.items(), key=lambda kv: kv[1]) if k.startswith("code")]
    digits = [p for p in parts if p.isdigit()]
    if len(digits) > 1 and len(digits[0]) == 3:  # 款/项 printed without their leading 0 (`301 2`)
        digits = [digits[0]] + [p.zfill(2) for p in digits[1:]]
    stray = "".join(p for p in parts if p and not p.isdigit() and p not in ("类", "款", "项"))
    return "".join(digits), stray


def _positioned(block: Block, columns: list[str], roles: dict[str, int],
                cells: list[str]) -> tuple[str, str, str, Values] | None:
    """(seq, name, code, values) by position; None when a short row does not fit the header."""
    short = len(cells) < len(columns)
    cells = cells + [""] * (len(columns) - len(cells))
    seq = cells[roles["seq"]] if "seq" in roles else ""
    name = cells[roles["name"]] if "name" in roles else cells[0]
    code, stray = code_of(cells, roles)
    values = [(columns[i], cells[i]) for i in range(len(columns))
              if i not in roles.values() and columns[i]]
    misfit = (parse_amount(name) is not None or any(t and parse_amount(t) is None for _, t in values)
              or any(parse_amount(p) is not None for p in stray.split()))
    if short and block.key != "institutions" and misfit:
        return None
    return seq, name or stray, code, values


def _single_rows(block: Block, columns: list[str], roles: dict[str, int]) -> list[Row]:
    amounts = list(amount_columns(columns))
    rules = identities(block.key, amounts)
    rows: list[Row] = []
    for number, page, cells in block.raw_rows:
        found = _positioned(block, columns, roles, cells)
        if found is None:  # lost its empty cells: codes, name, amounts realigned by sums
            line = to_loose(number, page, [c for c in cells if c], any(
                k.startswith("code") for k in roles))
            texts = align(line.amounts, amounts, rules, _expected(rows, amounts, line),
                          prefer_left=False)
            found = ("", " ".join(line.texts), "".join(line.codes), list(zip(amounts, texts,
                                                                               strict=True)))
        seq, name, code, values = found
        code = _misprinted(block, rows, cells, roles, code, name, number)
        if not name and not code and not any(v for _, v in values):
            continue  # an empty numbered row
        if not seq and not code and not any(v for _, v in values) and rows:
            rows[-1] = replace(rows[-1], name=rows[-1].name + name)  # a name wrapped over a page
            continue
        rows.append(make_row(block, number, page, seq, name, code, values))
    return rows


def _misprinted(block: Block, rows: list[Row], cells: list[str], roles: dict[str, int], code: str,
                name: str, number: int) -> str:
    """`7 11 02 事业单位医疗` under `210 11 行政事业单位医疗`: a 类 printed wrong is the 类 of the 款 above
    whose digits the row repeats; the row is kept under its name and the repair noted."""
    keys = sorted((i for k, i in roles.items() if k.startswith("code")))
    parts = [cells[i] for i in keys if i < len(cells) and cells[i].isdigit()]
    if len(keys) < 3 or len(parts) != 3 or len(parts[0]) == 3:
        return code
    parent = next((r for r in reversed(rows) if r.level == "款" and r.code and r.code[3:] == parts[1].zfill(2)), None)
    if parent is None or not parent.code:
        return code
    repaired = parent.code + parts[2].zfill(2)
    block.warnings.append(f"{block.source}:{number}: {block.title} {name}: code printed '{' '.join(parts)}', "
                          f"read as {repaired} under {parent.code} {parent.name} "
                          f"/ 科目编码印刷有误，按上级科目读作{repaired}")
    return repaired


def _expected(rows: list[Row], columns: list[str], line: LooseLine) -> dict[str, Decimal]:
    """For a 合计 row: each column's sum over the 类 rows above it."""
    if not any(t in ("合计", "总计") or t.endswith("合计") for t in line.texts):
        return {}
    top = [r for r in rows if r.level == "类"]
    if not top:
        return {}
    return {c: sum((r.value(c) or Decimal(0) for r in top), Decimal(0)) for c in columns}


def _two_sided_rows(block: Block, columns: list[str]) -> list[Row]:
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
                rows.append(make_row(block, number, page, seq, cells[name_i], "", values, side))
    return rows


def _two_group_rows(block: Block, half: list[str]) -> tuple[tuple[str, ...], list[Row]]:
    """经济分类 printed in two groups side by side (人员经费 left, 公用经费 right): both groups'
    rows, each amount under its group; the two footers (人员经费合计 | 公用经费合计) make one 合计."""
    roles = roles_of(half)
    width = len(half)
    groups: list[list[Row]] = [[], []]
    footer: list[tuple[str, str]] = [("", ""), ("", "")]
    last = (0, None)
    for number, page, cells in block.raw_rows:
        cells = cells + [""] * (2 * width - len(cells))
        for g, part in enumerate((cells[:width], cells[width:])):
            seq, name, code, values = _positioned(block, half, roles, part) or ("", "", "", [])
            text = next((t for _, t in values if t), "")
            if _GROUP_FOOTER.match(name):
                footer[g] = (_GROUP_FOOTER.match(name).group(1), text)
                last = (number, page)
            elif name or code or text:
                groups[g].append(make_row(block, number, page, seq, name, code, values))
    names = [footer[g][0] or half[-1] for g in (0, 1)]
    rows = [_rename(r, names[g]) for g in (0, 1) for r in groups[g]]
    if any(text for _, text in footer):
        cells = [(names[g], footer[g][1]) for g in (0, 1)]
        rows.append(make_row(block, last[0], last[1], "", "合计", "", cells))
    return tuple(dict.fromkeys(names)), rows


def _rename(row: Row, column: str) -> Row:
    return replace(row, cells=tuple(Cell(column, c.text, c.value) for c in row.cells))


def _three_public_rows(block: Block, paths: list[tuple[str, ...]]) -> tuple[tuple[str, ...], list[Row]]:
    """Items printed as columns: one row per measure (预算数 / 决算数), the items as its cells."""
    items = column_items(paths, block.title)
    rows: list[Row] = []
    for number, page, cells in block.raw_rows:
        cells = cells + [""] * (len(items) - len(cells))
        for measure in dict.fromkeys(m for _, m in items):
            values = [(item, cells[i]) for i, (item, m) in enumerate(items) if m == measure]
            rows.append(make_row(block, number, page, "", measure, "", values))
    return tuple(dict.fromkeys(item for item, _ in items)), rows


def space_rows(block: Block) -> tuple[tuple[str, ...], list[Row]]:
    """Cells joined by spaces: the header gives the amount columns, rows are read by meaning."""
    lines = block.space_lines
    start = next((i for i, (_, _, t) in enumerate(lines) if _is_space_data(t)), len(lines))
    if 0 < start < len(lines) and _ITEM.match(lines[start - 1][2]):
        start -= 1  # the first row's name wrapped onto the line above it
    head = [t for _, _, t in lines[:start]]
    header = space_header(head)
    words = {w for t in head for w in t.split()}
    data = [to_loose(n, p, t.split(), header.has_codes) for n, p, t in lines[start:]
            if not set(t.split()) <= words]
    two_sided = len(header.sides) == 2
    data = join_wraps(data, two_sided)
    if block.key == "three_public":
        return _space_three_public(block, " ".join(head), data)
    if two_sided:
        return tuple(dict.fromkeys(header.sides[0] + header.sides[1])), \
            _space_two_sided(block, header.sides, data)
    columns = list(header.sides[0])
    rules = identities(block.key, columns)
    rows: list[Row] = []
    for line in data:
        texts = align(line.amounts, columns, rules, _expected(rows, columns, line))
        name = " ".join(line.texts + ([line.wrap] if line.wrap else []))
        if not name and not line.codes and not line.amounts:
            continue
        rows.append(make_row(block, line.number, line.page, "", name, "".join(line.codes),
                             list(zip(columns, texts, strict=True))))
    return tuple(columns), rows


def _is_space_data(text: str) -> bool:
    words = text.split()
    return bool(words) and (any(parse_amount(w) is not None and not _SEQ.match(w) for w in words)
                            or bool(_CODE.match(words[0])) or words in (["合计"], ["总计"]))


def _space_two_sided(block: Block, sides: tuple[tuple[str, ...], ...],
                     data: list[LooseLine]) -> list[Row]:
    rows: list[Row] = []
    for line in data:
        for side, segment in split_sides(line, len(sides[0])):
            columns = list(sides[0] if side == "收入" else sides[1])
            rules = identities(block.key, columns) if side == "支出" else []
            above = [r for r in rows if r.side == side and re.match(r"^[一二三四五六七八九十]+、", r.name)]
            expected = {}
            if segment.text.endswith(("合计", "总计")) and above:
                expected = {c: sum((r.value(c) or Decimal(0) for r in above), Decimal(0))
                            for c in columns}
            texts = align(segment.amounts, columns, rules, expected)
            rows.append(make_row(block, line.number, line.page, "", segment.text, "",
                                 list(zip(columns, texts, strict=True)), side))
    return rows


def _space_three_public(block: Block, head: str,
                        data: list[LooseLine]) -> tuple[tuple[str, ...], list[Row]]:
    measure = "决算数" if "决算" in block.title or "决算数" in head else "预算数"
    rows, items = [], []
    for line in data:
        items = space_items(head, line.amounts)
        texts = align(line.amounts, items, identities("three_public", items))
        rows.append(make_row(block, line.number, line.page, "", measure, "",
                             list(zip(items, texts, strict=True))))
    return tuple(items), rows


def make_row(block: Block, number: int, page: int | None, seq: str, name: str, code: str,
             values: Values, side: str | None = None) -> Row:
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
