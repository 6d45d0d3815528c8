"""Disclosure text → `Disclosure`. One thin function runs the small steps in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import ParseError
from corpus.layout import (
    PAGE_HEADER,
    UNIT,
    heading,
    project_title,
    squash,
    table_key,
    title_key,
    toc_title,
)
from corpus.reader import SourceText, read_source
from corpus.records import TABLE_KEYS, Disclosure, Project, Table, TocEntry
from corpus.sections import NarrativeBuilder, tidy
from corpus.tables import Line, block_to_table, is_table_line

_TITLE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:[区市省县]级)?\s*部门\s*(预算|决算)")
_DEPT_LABEL = re.compile(r"^(?:预算主管部门|编制部门|部门名称|主管部门)[:：]\s*(\S+)")
_BUDGET_YEAR = re.compile(r"预算年度[:：]\s*(\d{4})")
STANDARD_TABLES = ("summary", "income", "expense", "fiscal_summary", "gpb_expense", "gpb_basic",
                   "gov_fund", "soe_capital", "three_public")


@dataclass(frozen=True)
class Meta:
    department: str
    department_code: str | None
    year: int
    kind: str


def parse_file(path: Path) -> Disclosure:
    return parse_source(read_source(path))


def parse_source(src: SourceText) -> Disclosure:
    lines = [(i + 1, text) for i, text in enumerate(src.text.split("\n"))]
    meta = lines_to_meta(lines, src.name)
    toc, start = lines_to_toc(lines)
    tables, projects, builder = _scan(lines[start:], src.name, toc)
    sections = builder.sections()
    if not tables and not sections:
        raise ParseError(src.name, start + 1, "no tables or 情况说明 sections found / 未找到表格或说明")
    _check_truncation(src.name, lines, toc, tables, sections)
    warnings = tuple(w for t in tables for w in t[1]) + _departures(tables)
    return Disclosure(
        doc_id=doc_id_for(src.name), source=src.name, sha256=src.sha256,
        department=meta.department, department_code=meta.department_code, year=meta.year,
        kind=meta.kind, tables=tuple(t[0] for t in tables), projects=tuple(projects),
        sections=tuple(sections), toc=tuple(toc), warnings=warnings)


def doc_id_for(source: str) -> str:
    path = Path(source)
    return f"{path.stem}-pdf" if path.suffix.lower() == ".pdf" else path.stem


def lines_to_meta(lines: list[Line], source: str) -> Meta:
    code = name = None
    year = kind = None
    for _number, text in lines:  # a labelled department (预算主管部门：…) wins over a title's prefix
        stripped = text.strip()
        if (m := _DEPT_LABEL.match(stripped)) and (name is None or code is None):
            name = m.group(1)
            break
    for number, text in lines:
        stripped = text.strip()
        if name is None and (m := PAGE_HEADER.match(stripped)) and "\t" not in stripped:
            code, name = m.group(1), m.group(2)
        if year is None and (m := _BUDGET_YEAR.search(stripped)):
            year = int(m.group(1))
        if (m := _TITLE.search(squash(stripped))) and len(squash(stripped)) < 60:
            year = year or int(m.group(1))
            kind = kind or m.group(2)
            prefix = squash(stripped)[: m.start()]
            if name is None and len(prefix) >= 2:
                name = prefix
            elif name is None and number > 1 and not prefix:
                name = _previous_text(lines, number)
    if year is None:  # a PDF cover that set the year in its own font: 年度部门决算 / 2024
        year, kind, name = _split_cover(lines) or (None, kind, name)
    if name is None or year is None:
        raise ParseError(source, 1, "not a budget disclosure: no department and year title found "
                                    "/ 不是部门预算或决算公开文件：未找到部门名称和年度")
    return Meta(name, code, year, kind or "预算")


def _split_cover(lines: list[Line]) -> tuple[int, str, str | None] | None:
    texts = [squash(t) for _, t in lines[:40] if t.strip()]
    for i in range(1, len(texts)):
        if re.fullmatch(r"(?:19|20)\d{2}", texts[i]) and (m := re.match(r"年度?部门(预算|决算)", texts[i - 1])):
            name = texts[i - 2] if i >= 2 and 2 <= len(texts[i - 2]) <= 30 else None
            return int(texts[i]), m.group(1), name
    return None


def _previous_text(lines: list[Line], number: int) -> str | None:
    for _, text in reversed(lines[: number - 1]):
        if text.strip():
            candidate = squash(text)
            return candidate if 2 <= len(candidate) <= 30 else None
    return None


def lines_to_toc(lines: list[Line]) -> tuple[list[TocEntry], int]:
    """The 目录 entries and the index of the first body line (0 when there is no 目录)."""
    opened = next((i for i, (_, t) in enumerate(lines[:80]) if squash(t).endswith("目录")), None)
    if opened is None:
        return [], 0
    entries: list[TocEntry] = []
    seen: set[str] = set()
    led = False
    for i in range(opened + 1, len(lines)):
        text = lines[i][1]
        if not text.strip():
            continue
        found = toc_title(text)
        if found:
            led = True
            entries.append(TocEntry(*found))
            seen.add(title_key(found[0]))
            continue
        key = title_key(text)
        if key in seen or (led and not _next_is_toc(lines, i)):
            return entries, i
        entries.append(TocEntry(squash(text), None))
        seen.add(key)
    return entries, len(lines)


def _next_is_toc(lines: list[Line], i: int) -> bool:
    following = next((t for _, t in lines[i + 1:] if t.strip()), "")
    return toc_title(following) is not None


def _scan(lines: list[Line], source: str, toc: list[TocEntry]):
    pages = {title_key(e.title): e.page for e in toc if e.page is not None}
    builder = NarrativeBuilder(source)
    tables: list[tuple[Table, list[str]]] = []
    projects: list[Project] = []
    unit = "万元"
    i = 0
    while i < len(lines):
        number, text = lines[i]
        if not text.strip():
            builder.blank()
            i += 1
            continue
        key = table_key(text) if _opens_block(lines, i) else None
        name = project_title(text) if key is None and _opens_block(lines, i) else None
        if key or name:
            end = _block_end(lines, i + 1)
            page = pages.get(title_key(text), builder.page)
            if key:
                table, warns = block_to_table(key, squash(text), lines[i + 1:end], source, page, unit)
                tables.append((table, warns))
                unit = table.unit
                builder.page = table.pages[-1] if table.pages else builder.page
            else:
                from corpus.projects import block_to_project

                projects.append(block_to_project(tidy(text), name or "", lines[i + 1:end], source,
                                                 page))
            i = end
            continue
        found = heading(text)
        if found:
            builder.heading_line(found, number, pages.get(title_key(found.title)))
        elif "情况说明" in text and len(squash(text)) <= 60 and not builder.sections():
            builder.root_title = squash(text)
            builder.page = pages.get(title_key(text), builder.page)
        else:
            builder.text_line(number, text)
        i += 1
    return tables, projects, builder


def _opens_block(lines: list[Line], i: int) -> bool:
    following = next((t for _, t in lines[i + 1:i + 6] if t.strip()), "")
    return bool(following) and (is_table_line(following) or bool(UNIT.search(following)))


def _block_end(lines: list[Line], i: int) -> int:
    while i < len(lines) and (not lines[i][1].strip() or is_table_line(lines[i][1])):
        i += 1
    return i


def _check_truncation(source: str, lines: list[Line], toc: list[TocEntry],
                      tables: list[tuple[Table, list[str]]], sections: list) -> None:
    """A 目录 that lists a section the text never reaches means the file was cut short."""
    found = {title_key(t.title) for t, _ in tables} | {title_key(s.title) for s in sections}
    last = next((n for n, t in reversed(lines) if t.strip()), len(lines))
    for entry in toc:
        key = title_key(entry.title)
        if entry.page is not None and key not in found and not any(key in f for f in found):
            raise ParseError(source, last, f"the text ends before 目录 entry '{entry.title}' "
                                           "(truncated file?) / 文件不完整：目录所列内容缺失")


def _departures(tables: list[tuple[Table, list[str]]]) -> tuple[str, ...]:
    keys = {t.key for t, _ in tables}
    missing = [TABLE_KEYS[k] for k in STANDARD_TABLES if k not in keys]
    return (f"missing standard tables / 缺少标准表格: {'、'.join(missing)}",) if missing else ()
