"""Narrative lines → `Section`s: headings, paragraphs rejoined across PDF line and page breaks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.layout import Heading
from corpus.records import Paragraph, Section, SourceSpan

_TERMINAL = tuple("。！？；：:;!?”」）)")
_LIST_START = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．](?!\d)|注[:：]|\*\*)")  # 876.75 is no item
# a line that cannot open a paragraph: a figure's unit or a mark cut from the line before (…164.87 | 万元。)
_CARRIED_ON = re.compile(r"^(?:万元|亿元|元|%|％|[，。、；：）)”])")
FULL_LINE = 40  # a wrapped PDF line is at least this long; shorter lines end on purpose


@dataclass
class _Open:
    heading: Heading
    path: tuple[str, ...]
    span: SourceSpan
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class NarrativeBuilder:
    """Collects narrative lines in order; `sections()` returns the finished flat section list."""

    source: str
    root_title: str = "情况说明"
    page: int | None = None
    page_of: Callable[[int], int | None] | None = None  # the known page of each line (PDF)
    _done: list[_Open] = field(default_factory=list)
    _open: _Open | None = None
    _text: str = ""  # the paragraph being assembled
    _start: tuple[int, int | None] = (0, None)
    _last_line_len: int = 0
    _blank_since: bool = False
    _stack: list[tuple[int, str]] = field(default_factory=list)

    @property
    def current_title(self) -> str | None:
        return self._open.heading.title if self._open is not None else None

    def blank(self) -> None:
        self._blank_since = True

    def heading_line(self, found: Heading, number: int, page: int | None = None) -> None:
        self._flush()
        if self.page_of is not None:
            page = self.page_of(number)
        if page is not None:
            self.page = page
        while self._stack and self._stack[-1][0] >= found.level:
            self._stack.pop()
        self._stack.append((found.level, found.title))
        path = tuple(title for _, title in self._stack)
        self._open = _Open(found, path, SourceSpan(self.source, number, self.page))
        self._done.append(self._open)

    def part_line(self, number: str, title: str, line: int) -> None:
        """A part heading (第一部分 …, or an unnumbered 目录 heading): level 0, heads its children."""
        self._stack.clear()
        self.heading_line(Heading(number, title, 0), line)

    def text_line(self, number: int, text: str) -> None:
        text = tidy(text)
        if self.page_of is not None:
            self.page = self.page_of(number) if not self._continues(text) else self.page
        if self._continues(text):
            if self._blank_since and self.page is not None and self.page_of is None:
                self.page += 1  # a sentence cut by a page break
            self._text += text
        else:
            self._flush()
            self._text, self._start = text, (number, self.page)
        self._last_line_len = len(text)
        self._blank_since = False

    def _continues(self, text: str) -> bool:
        if not self._text or self._text.endswith(_TERMINAL) or _LIST_START.match(text):
            return False
        return not self._blank_since or self._last_line_len >= FULL_LINE or bool(_CARRIED_ON.match(text))

    def _flush(self) -> None:
        if not self._text:
            return
        if self._open is None:
            self._open = _Open(Heading("", self.root_title, 0), (self.root_title,),
                               SourceSpan(self.source, self._start[0], self._start[1]))
            self._done.append(self._open)
        span = SourceSpan(self.source, self._start[0], self._start[1])
        self._open.paragraphs.append(Paragraph(self._text, span))
        self._text = ""

    def sections(self) -> list[Section]:
        self._flush()
        return [Section(o.heading.number, o.heading.title, o.heading.level, o.path,
                        tuple(o.paragraphs), o.span) for o in self._done]


_GAP = re.compile(r"(?<=[\u3400-\u9fff，。、；：（）“”《》％%])\s+|\s+(?=[\u3400-\u9fff，。、；：（）“”《》％%])")


def tidy(text: str) -> str:
    """One paragraph line without extraction spaces next to Chinese text (`2024 年` → `2024年`)."""
    return _GAP.sub("", text.strip().replace("**", "").replace("\u3000", " "))
