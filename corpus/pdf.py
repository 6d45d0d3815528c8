"""A published PDF → the same text lines the text parser reads, with the PDF page of every line.

Text outside tables is rebuilt line by line from the characters (digits set in another font sit a
little lower than the Chinese around them, so lines are grouped by vertical overlap, not by top);
tables are read as cells (pdfplumber's ruling lines), one tab-joined line per table row, so the
parser sees cells, never reflowed text. Pages are separated by a blank line, like the extracted
text samples. A PDF without a text layer (a scan) is refused: OCR is out of scope.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from corpus.errors import UnsupportedInputError
from corpus.limits import check_pages
from corpus.reader import SourceText
from corpus.records import Disclosure

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20  # fewer characters than this in the whole file: a scan, not a text PDF
Item = tuple[float, str]  # (top of the line on the page, text)


def parse_pdf(path: Path) -> Disclosure:
    """Parse a disclosure PDF: its text layer and table cells; SourceSpan.page is the PDF page."""
    from corpus.parse import parse_source

    return parse_source(pdf_to_source(path))


def pdf_to_source(path: Path) -> SourceText:
    data = path.read_bytes()
    pages = _read_pages(path, data)
    chars = sum(len(text.replace("\t", "").replace(" ", "")) for lines, _ in pages for text in lines)
    if chars < MIN_TEXT_CHARS:
        raise UnsupportedInputError(
            path.name, "the PDF has no text layer (a scanned document?); OCR is not supported "
                       "/ PDF无文字层（扫描件？），不支持OCR识别")
    texts: list[str] = []
    page_of: list[int | None] = []
    warnings: list[str] = []
    for number, (lines, images) in enumerate(pages, start=1):
        if number > 1:  # pages joined by a blank line (an empty page leaves an empty line too)
            texts.append("")
            page_of.append(None)
        texts.extend(lines or [""])
        page_of.extend([number] * len(lines) or [None])
        if not lines and images:
            warnings.append(f"{path.name}: page {number} is an image without text "
                            f"/ 第{number}页为图片，无文字层")
    return SourceText(path.name, "\n".join(texts), hashlib.sha256(data).hexdigest(),
                      pages=tuple(page_of), warnings=tuple(warnings))


def _read_pages(path: Path, data: bytes) -> list[tuple[list[str], int]]:
    import pdfplumber  # heavy: only for PDFs
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.lstrip().startswith(b"%PDF"):
        raise UnsupportedInputError(path.name, "not a PDF file / 不是PDF文件")
    try:
        with pdfplumber.open(path) as pdf:
            check_pages(path.name, len(pdf.pages))
            return [(page_lines(page), len(page.images)) for page in pdf.pages]
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise UnsupportedInputError(path.name, f"cannot read the PDF ({type(exc).__name__}) "
                                               "/ 无法读取PDF文件") from exc


def page_lines(page: Any) -> list[str]:
    """One page → text lines in reading order; each table row is one line of tab-joined cells."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    chars = [c for c in page.chars if c["text"].strip() and not _inside(c, boxes)]
    items = chars_to_lines(chars) + [item for table in tables for item in table_rows(table)]
    items.sort(key=lambda item: item[0])
    return [text for _, text in items]


def _inside(char: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def chars_to_lines(chars: list[dict]) -> list[Item]:
    """Group characters whose vertical middle falls within a line's band; order each by x."""
    groups: list[dict] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        for group in groups:
            if (group["top"] - 0.5 <= middle <= group["bottom"] + 0.5
                    and abs(group["top"] - char["top"]) < char["size"]):
                group["chars"].append(char)
                group["top"] = min(group["top"], char["top"])
                group["bottom"] = max(group["bottom"], char["bottom"])
                break
        else:
            groups.append({"top": char["top"], "bottom": char["bottom"], "chars": [char]})
    return [(group["top"], _join(group["chars"])) for group in groups]


def _join(chars: list[dict]) -> str:
    """Characters of one line, with a space where the gap is wider than half a character."""
    text = ""
    previous = None
    for char in sorted(chars, key=lambda c: c["x0"]):
        if previous is not None and \
                char["x0"] - previous["x1"] > min(char["size"], previous["size"]) * 0.5:
            text += " "
        text += char["text"]
        previous = char
    return text


def table_rows(table: Any) -> list[Item]:
    """A table's rows as tab-joined cells (a cell's own line breaks removed); blank rows dropped."""
    rows: list[Item] = []
    for row, cells in zip(table.rows, table.extract(), strict=True):
        texts = [(cell or "").replace("\n", "") for cell in cells]
        if any(t.strip() for t in texts):
            rows.append((row.bbox[1], "\t".join(texts)))
    return rows
