"""The body of a disclosure, line by line: table blocks, project forms, headings and narrative."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.layout import (
    UNIT,
    heading,
    part_heading,
    project_title,
    squash,
    table_key,
    title_key,
)
from corpus.records import Project, Table, TocEntry
from corpus.sections import NarrativeBuilder, tidy
from corpus.tables import block_to_table, is_table_line
from corpus.toc import heading_keys, toc_heading

Line = tuple[int, str]
PageOf = Callable[[int], int | None]

IMAGE = re.compile(r"^\[图片\]\s*(\S+)")
_FORM_YEAR = re.compile(r"^[（(]\d{4}年度?[)）]$")
_PROSE = re.compile(r"[，。；]")
WRAPPED = 0.85  # a line at least this share of the page's text width was wrapped, not a heading


@dataclass
class Scanned:
    tables: list[tuple[Table, list[str]]] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    builder: NarrativeBuilder | None = None
    images: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = ()


@dataclass
class _Context:
    keys: list[str]
    department: str
    page_of: PageOf | None
    pages: dict[str, int | None]


def scan(lines: list[Line], source: str, toc: list[TocEntry], department: str,
         page_of: PageOf | None) -> Scanned:
    ctx = _Context(heading_keys(toc), department, page_of,
                   {title_key(e.title): e.page for e in toc if e.page is not None})
    found = Scanned(builder=NarrativeBuilder(source, page_of=page_of))
    builder = found.builder
    wrap_width = _wrap_width(lines)
    unit = "万元"
    listing = False
    i = 0
    while i < len(lines):
        number, text = lines[i]
        if not text.strip():
            builder.blank()
            i += 1
            continue
        if image := IMAGE.match(text.strip()):
            found.images.append(image.group(1))
            i += 1
            continue
        opens = _opens_block(lines, i)
        key = table_key(text) if opens else None
        if key is None and _unit_list(text):  # 序号 | 单位名称 | 备注 under a narrative heading
            end = _block_end(lines, i, ctx)
            table, warns = block_to_table("institutions", builder.current_title or "单位构成",
                                          lines[i:end], source, page_of(number) if page_of else
                                          builder.page, unit, page_of=page_of)
            found.tables.append((table, warns))
            i = end
            continue
        name = project_title(text) if key is None and (opens or _opens_form(lines, i)) else None
        if key or name:
            end = _block_end(lines, i + 1, ctx)
            page = page_of(number) if page_of else ctx.pages.get(title_key(text), builder.page)
            if key:
                table, warns = block_to_table(key, squash(text), lines[i + 1:end], source, page,
                                              unit, page_of=page_of)
                found.tables.append((table, warns))
                unit = table.unit
                builder.page = table.pages[-1] if table.pages else builder.page
            else:
                from corpus.projects import block_to_project

                found.projects.append(block_to_project(tidy(text), name or "", lines[i + 1:end],
                                                       source, page, page_of=page_of))
            i = end
            continue
        found_heading = heading(text)
        if found_heading and wrap_width and len(squash(text)) >= WRAPPED * wrap_width:
            found_heading = None  # a full-width line of a paragraph the page wrapped
        listing = bool(found_heading and found_heading.level == 3
                       and (listing or _next_is_item(lines, i, found_heading.number)))
        part = part_heading(text)
        if found_heading and not listing:
            builder.heading_line(found_heading, number, ctx.pages.get(title_key(found_heading.title)))
        elif part and not found_heading:
            tail, i = _wrapped_tail(lines, i)
            builder.part_line(part[0], part[1] + tail, number)
        elif "情况说明" in text and len(squash(text)) <= 60 and not builder.sections():
            builder.root_title = squash(text)
            builder.page = ctx.pages.get(title_key(text), builder.page)
        elif (title := toc_heading(text, ctx.keys, ctx.department)) is not None:
            builder.part_line("", title, number)
        else:
            builder.text_line(number, text)
        i += 1
    if found.images:
        found.warnings = (f"{len(found.images)} tables or figures were published as images, "
                          f"not text / 有{len(found.images)}张表格或图表以图片形式公开，无法读取其数据: "
                          + " ".join(found.images),)
    return found


def _wrap_width(lines: list[Line]) -> int | None:
    """The width (characters) of a full line when the text was wrapped to the page, else None."""
    widths = sorted(len(squash(t)) for _, t in lines if "\t" not in t and len(squash(t)) >= 8)
    if len(widths) < 20:
        return None
    width = widths[int(len(widths) * 0.75)]
    return width if width <= 60 else None


def _opens_block(lines: list[Line], i: int) -> bool:
    following = next((t for _, t in lines[i + 1:i + 6] if t.strip()), "")
    return bool(following) and (is_table_line(following) or bool(UNIT.search(following)))


def _unit_list(text: str) -> bool:
    cells = [squash(c) for c in text.split("\t")]
    return len(cells) > 1 and cells[0] == "序号" and any("单位" in c for c in cells[1:])


def _opens_form(lines: list[Line], i: int) -> bool:
    """A 绩效目标申报表 whose title is followed by its year, `（2026年度）`."""
    following = next((t for _, t in lines[i + 1:i + 3] if t.strip()), "")
    return bool(_FORM_YEAR.match(squash(following)))


def _block_end(lines: list[Line], i: int, ctx: _Context) -> int:
    if _tabbed(lines, i):  # up to the next table's title (a PDF row of empty cells may carry it)
        while i < len(lines) and (not lines[i][1].strip() or is_table_line(lines[i][1])) and \
                not (table_key(lines[i][1]) and _opens_block(lines, i)):
            i += 1
        return i
    while i < len(lines) and _in_space_table(lines, i, ctx):
        i += 1
    return i


def _tabbed(lines: list[Line], i: int) -> bool:
    """Whether a block's cells are tab-separated (else its cells were joined by spaces)."""
    for _, text in lines[i:i + 12]:
        stripped = text.strip()
        if not stripped or UNIT.search(stripped) or stripped.startswith(("注", "说明")):
            continue
        return "\t" in text or is_table_line(text)
    return True


def _in_space_table(lines: list[Line], i: int, ctx: _Context) -> bool:
    """A space-separated table runs until a title, a heading of the 目录 or prose."""
    text = lines[i][1]
    stripped = text.strip()
    if not stripped or is_table_line(text):
        return True
    if _opens_block(lines, i) and (table_key(text) or project_title(text)):
        return False
    if project_title(text) and _opens_form(lines, i):
        return False
    if part_heading(text) or toc_heading(text, ctx.keys, ctx.department) is not None:
        return False
    return not (_PROSE.search(stripped) and len(squash(stripped)) > 30)


def _next_is_item(lines: list[Line], i: int, number: str) -> bool:
    """A numbered line followed by the next number: a list, not a heading."""
    following = next((t for _, t in lines[i + 1:] if t.strip()), "")
    found = heading(following)
    return bool(found and found.level == 3 and number.isdigit()
                and found.number == str(int(number) + 1))


def _wrapped_tail(lines: list[Line], i: int) -> tuple[str, int]:
    """A part heading wrapped onto a short next line (…部门决算情况 / 说明)."""
    j = i + 1
    while j < len(lines) and not lines[j][1].strip():
        j += 1
    if j < len(lines) and len(squash(lines[j][1])) <= 4 and not heading(lines[j][1]) \
            and j == i + 1:
        return squash(lines[j][1]), j
    return "", i
