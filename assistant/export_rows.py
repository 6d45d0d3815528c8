"""`export --format csv`: the amount records as staff open them in a spreadsheet — Chinese headers, the
disclosure named on every row, 元 and 万元 in separate columns (never mixed in one), codes as text, a
disclosure's text and PDF copies once, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from corpus.normalize import UNITS, convert
from corpus.records import Fact
from index.store import DocumentInfo

HEADERS = ("部门", "年度", "类型", "表", "行", "科目编码", "科目名称", "栏目", "金额（元）", "金额（万元）", "页码",
           "文档")
BOM = "\ufeff"  # Excel on a Chinese system reads UTF-8 only with it
_FORMULA = ("=", "+", "-", "@")


def _text(value: str | None) -> str:
    """A text cell a spreadsheet never runs as a formula (=, +, -, @ first)."""
    text = value or ""
    return "'" + text if text.startswith(_FORMULA) else text


def _amounts(fact: Fact) -> tuple[str, str]:
    if fact.unit not in UNITS:
        return "", ""
    yuan = convert(fact.value, fact.unit, "元")
    wan = convert(fact.value, fact.unit, "万元")
    return _plain(yuan), _plain(wan)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def row(fact: Fact, info: DocumentInfo) -> list[str]:
    yuan, wan = _amounts(fact)
    return [_text(info.department), str(info.year), info.kind_name, _text(fact.table_title),
            "" if fact.row_number is None else str(fact.row_number), _text(fact.code), _text(fact.row_name),
            _text(fact.column), yuan, wan, "" if fact.page is None else str(fact.page), fact.doc_id]


def csv_text(facts: list[Fact], infos: dict[str, DocumentInfo]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(row(f, infos[f.doc_id]) for f in facts)
    return BOM + out.getvalue()


def write_xlsx(facts: list[Fact], infos: dict[str, DocumentInfo], path: Path) -> None:
    """The same rows as a workbook: amounts as numbers, codes and names as text."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "金额"
    sheet.append(list(HEADERS))
    for fact in facts:
        cells: list[object] = row(fact, infos[fact.doc_id])
        cells[1] = int(cells[1])
        cells[8:10] = [Decimal(v) if v else None for v in cells[8:10]]
        sheet.append(cells)
    for cell in sheet["F"][1:]:
        cell.number_format = "@"  # 科目编码 stays text
    book.save(path)
