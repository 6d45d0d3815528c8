"""An HTML disclosure (many are published as web pages) → the plain text lines the text parser reads:
a real HTML parser (the standard library's tokenizer, never regexes over markup), block elements on lines
of their own, a table row's cells on one line separated by tabs (an empty cell kept, a colspan's columns
too), script and style dropped, entities decoded."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                     "article", "header", "footer", "ul", "ol", "caption", "thead", "tbody", "tfoot", "hr",
                     "title", "pre", "blockquote", "dt", "dd"})
_CELLS = frozenset({"td", "th"})
_HIDDEN = frozenset({"script", "style", "head", "noscript", "template"})
# what marks a text as HTML: a doctype, an <html> root, or markup on most of its first lines
_MARKUP = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|table|tr|td|th|span|br|body|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_MARKUP.match(head)) or len(_TAG.findall(head)) >= 5


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.cells: list[str] | None = None  # the row being read: its cells, an empty one kept in place
        self.open = False  # inside a cell
        self.hidden = 0  # depth inside script/style/head

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "tr":
            self._end_line()
            self.cells, self.open = [], False
        elif tag in _CELLS and self.cells is not None:
            self._end_cell()
            span = next((v for k, v in attrs if k == "colspan" and v and v.isdigit()), "1")
            self.cells.extend([""] * (min(int(span), 50) - 1))  # a spanned cell keeps the columns after it
            self.line, self.open = [], True
        elif tag in _BLOCKS and self.cells is None:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _CELLS:
            self._end_cell()
        elif tag in ("tr", "table") and self.cells is not None:
            self._end_cell()
            row = "\t".join(self.cells)
            if row.strip():
                self.lines.append(row)  # cells apart by tabs, as a PDF's text layer sets them
            self.cells, self.line = None, []
        elif tag in _BLOCKS and self.cells is None:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS and self.cells is None:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden and (self.cells is None or self.open):
            self.line.append(data.replace("\xa0", " "))

    def _text(self) -> str:
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.line)).strip()
        self.line = []
        return text

    def _end_cell(self) -> None:
        if self.cells is not None and self.open:
            self.cells.append(self._text())
            self.open = False

    def _end_line(self) -> None:
        text = self._text()
        if text:
            self.lines.append(text)


def html_to_text(text: str) -> str:
    parser = _Lines()
    parser.feed(text)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines) + "\n"
