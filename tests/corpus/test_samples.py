"""The other real disclosures in shared/samples: text and PDF, 元 and 万元, 预算 and 决算."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.parse import parse_file
from corpus.pdf import parse_pdf
from corpus.records import disclosure_facts
from tests.conftest import SAMPLES

TEXT = SAMPLES / "text"
PDF = SAMPLES / "pdf"

# file, department, year, kind, (table, row, column, value, unit)
PINNED = [
    ("shanghai_putuo_wanli_2025_budget.txt", "上海市普陀区人民政府万里街道办事处", 2025, "预算",
     ("summary", "支出总计", "预算数", "189767551", "元")),
    ("shanghai_putuo_wanli_2025_budget.txt", None, None, None, ("expense", "城乡社区支出", "合计", "154369326", "元")),
    ("shanghai_putuo_czj_2024_final.txt", "上海市普陀区财政局", 2024, "决算",
     ("summary", "本年支出合计", "决算数", "2940.05", "万元")),
    ("shanghai_putuo_wanli_2025_budget.pdf", "上海市普陀区人民政府万里街道办事处", 2025, "预算",
     ("summary", "支出总计", "预算数", "189767551", "元")),
    ("shanghai_putuo_czj_2024_final.pdf", "上海市普陀区财政局", 2024, "决算",
     ("summary", "本年支出合计", "决算数", "2940.05", "万元")),
    ("shanghai_putuo_swj_2025_budget.pdf", "上海市普陀区商务委员会", 2025, "预算", None),
    ("shanghai_putuo_wanli_2024_budget.pdf", "上海市普陀区人民政府万里街道办事处", 2024, "预算", None),
    ("chongqing_jtw_2018_budget.txt", "重庆市交通委员会", 2018, "预算", None),
]


def _parse(name: str):
    path = (PDF if name.endswith(".pdf") else TEXT) / name
    return parse_pdf(path) if name.endswith(".pdf") else parse_file(path)


@pytest.fixture(scope="module")
def parsed():
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = _parse(name)
        return cache[name]

    return get


@pytest.mark.parametrize(("name", "department", "year", "kind", "cell"), PINNED)
def test_sample(parsed, name, department, year, kind, cell):
    doc = parsed(name)
    if department:
        assert (doc.department, doc.year, doc.kind) == (department, year, kind)
    assert doc.sections
    if cell:
        key, row_name, column, value, unit = cell
        table = doc.table(key)
        row = next(r for r in table.rows if r.name.endswith(row_name))
        assert (row.value(column), table.unit) == (Decimal(value), unit)
    if name.endswith(".pdf"):
        pages = {r.span.page for t in doc.tables for r in t.rows}
        assert pages and None not in pages and max(pages) > 1  # the PDF's own pages


def test_pdf_and_text_give_the_same_records(parsed):
    def records(doc):
        return Counter((f.table, f.row_name, f.column, f.value, f.unit) for f in disclosure_facts(doc))

    text, pdf = records(parsed("shanghai_putuo_wanli_2025_budget.txt")), records(
        parsed("shanghai_putuo_wanli_2025_budget.pdf"))
    assert text == pdf


def test_scanned_pdf_is_refused(tmp_path):
    from corpus.errors import UnsupportedInputError

    blank = tmp_path / "scan.pdf"
    _blank_pdf(blank)
    with pytest.raises(UnsupportedInputError, match="no text layer"):
        parse_pdf(blank)


def _blank_pdf(path: Path) -> None:
    """A one-page PDF with no text at all (what a scan looks like to a text extractor)."""
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n")
    xref = len(body)
    path.write_bytes(body + b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
                     b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n" + str(xref).encode()
                     + b"\n%%EOF\n")
