"""Disclosure text → `Disclosure`. One thin function runs the small steps in order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corpus.described import described_projects
from corpus.errors import ParseError
from corpus.layout import PAGE_HEADER, squash, title_key
from corpus.limits import check_file
from corpus.meta import Meta, disclosure_title, lines_to_meta
from corpus.ontology import ontology
from corpus.reader import SourceText, read_source
from corpus.records import TABLE_KEYS, Disclosure, Table, TocEntry
from corpus.scan import Line, PageOf, scan
from corpus.toc import lines_to_toc

STANDARD_TABLES = ("summary", "income", "expense", "fiscal_summary", "gpb_expense", "gpb_basic",
                   "gov_fund", "soe_capital", "three_public")
PAGE_BREAK_SHARE = 0.15  # more blank lines than this: they space paragraphs, not pages

__all__ = ["Meta", "doc_id_for", "lines_to_meta", "lines_to_toc", "parse_file", "parse_source"]


def parse_file(path: Path, department: str | None = None, year: int | None = None) -> Disclosure:
    """`department`/`year`: what the ingest options say, over what the document states."""
    check_file(path)
    if path.suffix.lower() == ".pdf":
        from corpus.pdf import pdf_to_source

        return parse_source(pdf_to_source(path), department, year)
    return parse_source(read_source(path), department, year)


def parse_source(src: SourceText, department: str | None = None, year: int | None = None) -> Disclosure:
    lines = [(i + 1, text) for i, text in enumerate(src.text.split("\n"))]
    meta, named = _named(lines_to_meta(lines, src.name), src.name, department, year)
    toc, start = lines_to_toc(lines)
    page_of = _pdf_pages(src) or blank_line_pages(lines)
    found = scan(lines[start:], src.name, toc, meta.department, page_of)
    sections = found.builder.sections()
    if not found.tables and not sections:
        raise ParseError(src.name, start + 1, "no tables or 情况说明 sections found / 未找到表格或说明")
    _check_one_disclosure(src.name, lines, found.tables, meta)
    _check_truncation(src.name, lines, toc, found.tables, sections)
    warnings = (src.warnings + named + tuple(w for t in found.tables for w in t[1]) + found.warnings
                + _departures(found.tables, bool(found.images)) + _nonstandard_codes(found.tables))
    return Disclosure(
        doc_id=doc_id_for(src.name), source=src.name, sha256=src.sha256,
        department=meta.department or "", department_code=meta.department_code, year=meta.year or 0,
        kind=meta.kind, tables=tuple(t[0] for t in found.tables), projects=tuple(found.projects),
        sections=tuple(sections), toc=tuple(toc), warnings=warnings, body=meta.body,
        described=described_projects(sections, tuple(found.projects)))


def _named(meta: Meta, source: str, department: str | None, year: int | None) -> tuple[Meta, tuple[str, ...]]:
    """The options' name and year over the document's; a name it does not state is the file's name,
    said in a warning. A year nowhere to be read stops the ingest, asking for the option."""
    notes: tuple[str, ...] = ()
    name = department or meta.department
    if name is None:
        name = Path(source).stem
        notes += (f"{source}: no department name found; stored under the file name (ingest --department sets "
                  f"it) / 未读出部门（单位）名称，暂以文件名“{name}”记录",)
    found_year = year or meta.year
    if found_year is None:
        raise ParseError(source, 1, "no year found in the document or its file name; give it with "
                                    "`ingest --year` / 未读出年度，请用 --year 指定")
    return replace(meta, department=name, year=found_year), notes


def doc_id_for(source: str) -> str:
    path = Path(source)
    return f"{path.stem}-pdf" if path.suffix.lower() == ".pdf" else path.stem


def _pdf_pages(src: SourceText) -> PageOf | None:
    if src.pages is None:
        return None
    pages = src.pages
    return lambda number: pages[number - 1] if 0 < number <= len(pages) else None


def blank_line_pages(lines: list[Line]) -> PageOf | None:
    """Extracted text with one blank line between pages (no repeated page headers): page numbers."""
    last = max((n for n, t in lines if t.strip()), default=0)
    blanks = [n for n, t in lines if not t.strip() and n < last]
    if not blanks or len(blanks) > PAGE_BREAK_SHARE * len(lines) or not lines[0][1].strip():
        return None
    if any(PAGE_HEADER.match(t.strip()) for _, t in lines if "\t" not in t):
        return None
    page_at: dict[int, int] = {}
    page, run = 1, 0
    for number, text in lines:
        if not text.strip():
            run += 1  # pages joined by one blank line: an empty page adds two
            continue
        page += (run + 1) // 2
        run = 0
        page_at[number] = page
    return page_at.get


def _check_one_disclosure(source: str, lines: list[Line], tables: list[tuple[Table, list[str]]], meta: Meta) -> None:
    """Two disclosures in one file (a concatenation) show as a second 收支总表: refused, naming the line
    where the second begins (a title of another year or body, when one is found, else that table's)."""
    summaries = [t.span.line for t, _ in tables if t.key == "summary"]
    if len(summaries) < 2:
        return
    first, second = summaries[0], summaries[1]
    titled = [n for n, text in lines if first < n < second and _other_title(squash(text), meta)]
    start = titled[0] if titled else second
    raise ParseError(source, start, f"the file holds a second disclosure from line {start} (a second 收支总表 at "
                                    f"line {second}); split it into one file each / 文件中含有两份公开文件，第二份"
                                    f"从第{start}行开始，请拆分为各自的文件后再导入")


def _other_title(text: str, meta: Meta) -> bool:
    """A title line of another disclosure: another year, or a body the first one is not."""
    found = disclosure_title(text)
    if found is None:
        return False
    body = text[: found.start()]
    return int(found.group(1)) != meta.year or (len(body) >= 2 and bool(meta.department)
                                                and body not in meta.department and meta.department not in body)


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


def _nonstandard_codes(tables: list[tuple[Table, list[str]]]) -> tuple[str, ...]:
    """Rows whose printed code is another national subject's (30203 水费, where 30203 is 咨询费): kept
    under their names (a question naming 水费 reads that row, never the 30203 of the standard)."""
    found = {(r.code, r.name) for t, _ in tables for r in t.rows
             if r.code and ontology().subject(r.code) and not ontology().printed_as(r.code, r.name)}
    if not found:
        return ()
    listing = "、".join(f"{code} {name}（标准：{ontology().subject(code).name}）" for code, name in sorted(found))
    return (f"codes that are not the national classification's / 科目编码与国家标准不一致，按名称读取: {listing}",)


def _departures(tables: list[tuple[Table, list[str]]], images: bool) -> tuple[str, ...]:
    keys = {t.key for t, _ in tables}
    missing = [TABLE_KEYS[k] for k in STANDARD_TABLES if k not in keys]
    if not missing:
        return ()
    if images:
        return (f"standard tables not in the text (published as images) / 未以文字公开的标准表格: "
                f"{'、'.join(missing)}",)
    return (f"missing standard tables / 缺少标准表格: {'、'.join(missing)}",)
