"""Department, year, kind (预算 / 决算) and body (部门 / 单位) of a disclosure, from whichever layout states
them: a labelled body (预算主管部门：…, 预算单位：…), a title (XX2024年部门预算, XX2024年单位预算), a cover
whose name wraps over lines (上海市普陀区规划和自然 / 资源局 / 2024年度部门决算), a repeated page header
(711 石家庄市总工会). A disclosure whose name or year cannot be read is still one: the caller names it
(from the file, or the ingest options) and says so; only a text that is no disclosure is refused."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.errors import ParseError
from corpus.layout import PAGE_HEADER, heading, squash

Line = tuple[int, str]

_TITLE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:[区市省县]级)?\s*(部门|单位)\s*(预算|决算)")
_DEPT_LABEL = re.compile(r"^(?:预算主管部门|编制部门|编制单位|部门名称|主管部门|预算单位|单位名称)[:：]\s*(\S+)")
_PART = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DISCLOSURE_WORDS = re.compile(r"预算|决算")
_BUDGET_YEAR = re.compile(r"预算年度[:：]\s*(\d{4})")
_COVER_YEAR = re.compile(r"^((?:19|20)\d{2})$")
_PUNCT = re.compile(r"[，。；：:,;、]")


@dataclass(frozen=True)
class Meta:
    department: str | None  # None: no name could be read (the caller names the disclosure)
    department_code: str | None
    year: int | None  # None: no year could be read
    kind: str  # 预算 / 决算
    body: str = "部门"  # 部门 / 单位


def disclosure_title(squashed: str) -> re.Match[str] | None:
    """A (squashed) line that titles a disclosure — short, with year, 部门/单位 and 预算/决算 — or None."""
    return _TITLE.search(squashed) if len(squashed) < 60 else None


def lines_to_meta(lines: list[Line], source: str) -> Meta:
    name = _labelled(lines)
    code, header_name = _page_header(lines)
    name = name or header_name
    year = kind = body = None
    for number, text in lines:
        stripped = text.strip()
        if year is None and (m := _BUDGET_YEAR.search(stripped)):
            year = int(m.group(1))
        squashed = squash(stripped)
        if m := disclosure_title(squashed):
            year = year or int(m.group(1))
            body, kind = body or m.group(2), kind or m.group(3)
            prefix = _PART.sub("", squashed[: m.start()])  # 第二部分…: a 目录 line, not the name
            if name is None and len(prefix) >= 2:
                name = prefix
            elif name is None and number > 1 and not prefix:
                name = _cover_name(lines, number)
    if year is None:  # a PDF cover that set the year apart: 年度部门决算 / 2024
        year, kind, name = _split_cover(lines) or (None, kind, name)
    if (name is None or year is None) and not _looks_like_disclosure(lines):
        raise ParseError(source, 1, "not a budget disclosure: no department and year title found "
                                    "/ 不是部门预算或决算公开文件：未找到部门名称和年度")
    return Meta(name, code, year or _first_year(lines, source), kind or _kind_of(lines), body or "部门")


def _looks_like_disclosure(lines: list[Line]) -> bool:
    """预算/决算 in the opening pages: a disclosure whose title could not be read, not some other text."""
    opening = " ".join(t for _, t in lines[:300])
    return len(_DISCLOSURE_WORDS.findall(opening)) >= 3


def _first_year(lines: list[Line], source: str) -> int | None:
    for text in (source, *(t for _, t in lines[:60])):
        if m := re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text) if text == source else _ANY_YEAR.search(text):
            return int(m.group(1))
    return None


def _kind_of(lines: list[Line]) -> str:
    opening = " ".join(t for _, t in lines[:300])
    return "决算" if opening.count("决算") > opening.count("预算") else "预算"


def _labelled(lines: list[Line]) -> str | None:
    """A labelled department wins over a title's prefix (which may be the region, 上海市普陀区)."""
    for _, text in lines[:200]:
        if m := _DEPT_LABEL.match(text.strip()):
            return m.group(1)
    return None


def _page_header(lines: list[Line]) -> tuple[str | None, str | None]:
    """`711 石家庄市总工会` repeated at the top of every page: the department's code and name."""
    found = Counter((m.group(1), m.group(2)) for _, t in lines
                    if "\t" not in t and (m := PAGE_HEADER.match(t.strip())))
    if not found:
        return None, None
    (code, name), count = found.most_common(1)[0]
    return (code, name) if count >= 2 else (None, None)


def _cover_name(lines: list[Line], number: int) -> str | None:
    """The name printed above a bare title, rejoined when the cover wrapped it over lines."""
    parts: list[str] = []
    for _, text in reversed(lines[: number - 1]):
        candidate = squash(text)
        if not candidate:
            if parts:
                break
            continue
        if len(candidate) > 30 or _PUNCT.search(candidate) or heading(text) or len(parts) == 3:
            break
        parts.insert(0, candidate)
    name = "".join(parts)
    return name if 2 <= len(name) <= 40 else None


def _split_cover(lines: list[Line]) -> tuple[int, str, str | None] | None:
    texts = [(n, squash(t)) for n, t in lines[:40] if t.strip()]
    for i in range(1, len(texts)):
        if _COVER_YEAR.match(texts[i][1]) and (m := re.match(r"年度?部门(预算|决算)", texts[i - 1][1])):
            return int(texts[i][1]), m.group(1), _cover_name(lines, texts[i - 1][0])
    return None
