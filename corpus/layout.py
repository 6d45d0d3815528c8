"""Line-level recognition: table titles, headings, page headers, the 目录, document metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.normalize import chinese_numeral, is_amount, to_halfwidth

# Most specific first: (pattern on the title without spaces, table key).
TABLE_TITLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), k) for p, k in (
        (r"财政拨款收入?支出?(预算|决算)?总表$|财政拨款收支(预算|决算)总表$", "fiscal_summary"),
        (r"(收支|收入支出)(预算|决算)?总表$", "summary"),
        (r"政府性基金.*表$", "gov_fund"),
        (r"国有资本经营.*表$", "soe_capital"),
        (r"三公.*表$", "three_public"),
        (r"一般公共预算.*基本支出.*表$", "gpb_basic"),
        (r"一般公共预算.*支出.*表$", "gpb_expense"),
        (r"收入(预算|决算)?总?表$", "income"),
        (r"支出(预算|决算)?总?表$", "expense"),
        (r"政府采购预算(表)?$", "procurement"),
        (r"固定资产占用情况表?$", "fixed_assets"),
        (r"机构设置情况表?$", "institutions"),
    )
)
PROJECT_TITLE = re.compile(r"^(?:\d+[、.．]\s*)?(.+?)绩效目标(?:申报)?表$")
_NUMBERING = re.compile(r"^(?:\d+\s*[.．、]\s*|[一二三四五六七八九十]+\s*[、.．]\s*|表[一二三四五六七八九十\d]+\s*)")
_SENTENCE = re.compile(r"[，。；,;]")

HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^([一二三四五六七八九十]+)\s*、\s*(.+)$"), 1),
    (re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.+)$"), 2),
    (re.compile(r"^(\d{1,2})\s*[、.．]\s*(\D.*)$"), 3),
)

PART = re.compile(r"^第([一二三四五六七八九十]+)部分\s*(.*)$")
PAGE_HEADER = re.compile(r"^(\d{3,9})\s+(?!年)([^\s，。,.；;：:]{2,40})$")
TOC_LEADER = re.compile(r"(\.{3,}|…{2,}|·{3,})\s*(\d*)\s*$|\t\s*(\d+)\s*$")
UNIT = re.compile(r"单位[:：]\s*(亿元|万元|元)")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(text))


def table_key(line: str) -> str | None:
    """The standard table a title line opens, or None. Sentences and headings are never titles."""
    text = squash(line)
    if not text or len(text) > 40 or "\t" in line.strip() or _SENTENCE.search(text):
        return None
    text = _NUMBERING.sub("", text)
    for pattern, key in TABLE_TITLES:
        if pattern.search(text):
            return key
    return None


def project_title(line: str) -> str | None:
    text = squash(line)
    if "\t" in line.strip() or len(text) > 60 or _SENTENCE.search(text):
        return None
    match = PROJECT_TITLE.match(text)
    return match.group(1) if match else None


@dataclass(frozen=True)
class Heading:
    number: str
    title: str
    level: int


def heading(line: str) -> Heading | None:
    """A 情况说明 heading (一、 / （一） / 1、). Long lines and sentences are paragraphs, not headings."""
    text = to_halfwidth(line).strip().replace("**", "")
    if "\t" in text or len(text) > 40:
        return None
    for pattern, level in HEADING_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        title = match.group(2).strip().rstrip(".…").strip()
        if (level > 1 and len(title) > 30) or re.search(r"[。；;,]|:.", title):
            return None  # a sentence or a definition (名词：解释), not a heading
        if level == 1 and chinese_numeral(match.group(1)) is None:
            return None
        return Heading(match.group(1), title, level)
    return None


def toc_title(line: str) -> tuple[str, int | None] | None:
    """A 目录 entry: (title, page) when the line ends in leaders or a page number."""
    match = TOC_LEADER.search(line)
    if not match:
        return None
    page = match.group(2) or match.group(3)
    title = squash(line[: match.start()])
    return (title, int(page) if page else None) if title else None


def title_key(title: str) -> str:
    """Comparable form of a heading or table title (numbering, spaces and leaders dropped)."""
    return _NUMBERING.sub("", squash(title)).rstrip(".…")


def part_heading(line: str) -> tuple[str, str] | None:
    """A 第一部分 … heading: (number, title)."""
    text = squash(line)
    match = PART.match(text)
    if not match or len(text) > 50 or _SENTENCE.search(text):
        return None
    return f"第{match.group(1)}部分", match.group(2)


def is_short_title(line: str) -> bool:
    """A line that could be an unnumbered heading: short, not a sentence, no cells, no amounts."""
    text = squash(line)
    return (2 <= len(text) <= 40 and "\t" not in line.strip() and not _SENTENCE.search(text)
            and not text.endswith((":", "：")) and not any(is_amount(t) for t in line.split()))
