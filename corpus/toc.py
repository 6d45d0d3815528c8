"""The 目录: its entries (with page numbers when printed), where the body starts, and the unnumbered
body headings that match an entry (`…（部门）主要职能` for `一、部门主要职能`)."""

from __future__ import annotations

import re

from corpus.layout import heading, is_short_title, part_heading, squash, table_key, title_key, toc_title
from corpus.records import TocEntry

Line = tuple[int, str]

_SENTENCE = re.compile(r"[，。；,;]")
_YEAR = re.compile(r"^\d{4}年度?")
_OWNER = re.compile(r"^[（(]?(?:部门|本部门|单位)[)）]?")


def lines_to_toc(lines: list[Line]) -> tuple[list[TocEntry], int]:
    """The 目录 entries and the index of the first body line (0 when there is no 目录)."""
    opened = next((i for i, (_, t) in enumerate(lines[:80]) if squash(t).endswith("目录")), None)
    if opened is None:
        return [], 0
    entries: list[TocEntry] = []
    seen: set[str] = set()
    led = False
    kept_at_blank = None  # entries before the last blank line (a page break) of an unled 目录
    for i in range(opened + 1, len(lines)):
        text = lines[i][1]
        if not text.strip():
            kept_at_blank = (len(entries), i + 1) if entries else kept_at_blank
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
        if _SENTENCE.search(squash(text)) or len(squash(text)) > 50:  # body prose: 目录 is over
            if kept_at_blank is not None:
                return entries[: kept_at_blank[0]], kept_at_blank[1]
            return entries, i
        if entries and len(squash(text)) <= 2 and entries[-1].page is None:
            entries[-1] = TocEntry(entries[-1].title + squash(text), None)  # a wrapped entry
            seen.add(title_key(entries[-1].title))
            continue
        entries.append(TocEntry(squash(text), None))
        seen.add(key)
    return entries, len(lines)


def _next_is_toc(lines: list[Line], i: int) -> bool:
    following = next((t for _, t in lines[i + 1:] if t.strip()), "")
    return toc_title(following) is not None


def heading_keys(toc: list[TocEntry]) -> list[str]:
    """Comparable forms of the 目录's narrative headings (table titles left out)."""
    keys = []
    for entry in toc:
        if table_key(entry.title) or part_heading(entry.title):
            continue
        key = core(entry.title)
        if len(key) >= 2:
            keys.append(key)
    return keys


def core(title: str, department: str = "") -> str:
    """A heading without numbering, department name, year and 部门/项目 words (compared forms)."""
    key = title_key(title)
    if department and key.startswith(department):
        key = key[len(department):]
    key = _OWNER.sub("", _YEAR.sub("", key))
    return key.removeprefix("项目") if key.startswith("项目经费") else key


def toc_heading(line: str, keys: list[str], department: str) -> str | None:
    """An unnumbered body line that is one of the 目录's headings: its title, else None."""
    if not keys or not is_short_title(line) or heading(line) or table_key(line):
        return None
    key = core(line, department)
    for toc_key in keys:
        if key == toc_key or (len(toc_key) >= 4 and key.endswith(toc_key)):
            return squash(line)
    return None
