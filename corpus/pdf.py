"""PDF disclosures: the text layer and table cells (pdfplumber) → the same text form the parser reads,
then every record's page set to the PDF page its line came from."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from corpus.errors import UnsupportedInputError
from corpus.reader import SourceText
from corpus.records import Disclosure, from_dict, to_dict


def _cell(text: Any) -> str:
    return " ".join(str(text or "").split())


def page_lines(page) -> list[str]:
    """Table rows as tab-joined cells, other text as lines, in reading order (top to bottom)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, str]] = []
    for table in tables:
        rows = table.extract()
        step = (table.bbox[3] - table.bbox[1]) / max(1, len(rows))
        for i, row in enumerate(rows):
            items.append((table.bbox[1] + i * step, "\t".join(_cell(c) for c in row)))
    outside = page.filter(lambda obj: not any(
        b[0] <= obj.get("x0", 0) <= b[2] and b[1] <= obj.get("top", 0) <= b[3] for b in boxes))
    for line in outside.extract_text_lines(layout=False, strip=True):
        if line["text"].strip():
            items.append((line["top"], line["text"]))
    items.sort(key=lambda item: item[0])
    return [text for _, text in items]


def pdf_to_text(path: Path) -> tuple[str, list[int]]:
    """The document as text plus, for every line, the 1-based PDF page it came from."""
    import pdfplumber

    lines: list[str] = []
    pages: list[int] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            found = page_lines(page)
            lines += [*found, ""]
            pages += [number] * (len(found) + 1)
    if not any(line.strip() for line in lines):
        raise UnsupportedInputError(path.name, "the PDF has no text layer (a scan?); OCR is not supported "
                                               "/ PDF 没有文字层（扫描件），暂不支持 OCR")
    return "\n".join(lines), pages


def _repage(data: Any, pages: list[int]) -> Any:
    if isinstance(data, dict):
        if {"file", "line", "page"} <= set(data) and isinstance(data["line"], int):
            index = min(max(data["line"] - 1, 0), len(pages) - 1)
            return {**data, "page": pages[index]}
        return {k: _repage(v, pages) for k, v in data.items()}
    if isinstance(data, list):
        return [_repage(v, pages) for v in data]
    return data


def parse_pdf(path: Path) -> Disclosure:
    from corpus.parse import doc_id_for, parse_source

    try:
        text, pages = pdf_to_text(path)
    except UnsupportedInputError:
        raise
    except Exception as exc:
        raise UnsupportedInputError(path.name, f"cannot read the PDF: {exc}") from exc
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    doc = parse_source(SourceText(path.name, text, sha))
    data = _repage(to_dict(doc), pages)
    data["doc_id"] = doc_id_for(path.name)
    for table in data["tables"]:  # a table's pages are the pages its rows sit on
        table["pages"] = sorted({r["span"]["page"] for r in table["rows"]} | {table["span"]["page"]})
    return from_dict(Disclosure, data)
