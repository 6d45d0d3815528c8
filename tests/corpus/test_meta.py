"""Which body, year and kind a disclosure is, from whatever its first pages print: a 单位预算 at district
or city level, a labelled unit, a title behind a 目录 number; a disclosure whose name cannot be read is
still ingested, named by its file (or the ingest options) and saying so — only a text that is no
disclosure is refused."""

from __future__ import annotations

import pytest

from corpus.errors import ParseError
from corpus.meta import lines_to_meta
from corpus.parse import parse_source
from corpus.reader import SourceText
from tests.conftest import SEED


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=1))


@pytest.mark.parametrize(("cover", "department", "year", "kind", "body"), [
    ("上海市2025年市级单位预算\n预算单位：上海市财政局", "上海市财政局", 2025, "预算", "单位"),
    ("上海市普陀区社会福利院2024年单位预算\n预算单位：上海市普陀区社会福利院", "上海市普陀区社会福利院", 2024,
     "预算", "单位"),
    ("上海市普陀区2025年区级单位预算\n预算单位：上海市普陀区商务委员会", "上海市普陀区商务委员会", 2025,
     "预算", "单位"),
    ("某某省交通运输厅2023年度单位决算", "某某省交通运输厅", 2023, "决算", "单位"),
    ("石家庄市总工会2024年部门预算", "石家庄市总工会", 2024, "预算", "部门"),
    ("第二部分中共上海市普陀区委社会工作部2024年部门预算", "中共上海市普陀区委社会工作部", 2024, "预算", "部门"),
])
def test_kind_and_body(cover, department, year, kind, body):
    meta = lines_to_meta(_lines(cover), "x.txt")
    assert (meta.department, meta.year, meta.kind, meta.body) == (department, year, kind, body)


def test_a_disclosure_without_a_readable_name_is_named_by_its_file():
    text = SEED.read_text(encoding="utf-8").replace("石家庄市总工会 2024", "2024")  # its titles, unnamed
    text = "\n".join(t for t in text.split("\n") if t.strip() != "711 石家庄市总工会")  # no page headers
    doc = parse_source(SourceText("shijiazhuang_2024.txt", text, "0" * 64))
    assert (doc.department, doc.year) == ("shijiazhuang_2024", 2024)
    assert any("stored under the file name" in w for w in doc.warnings)
    named = parse_source(SourceText("shijiazhuang_2024.txt", text, "0" * 64), "石家庄市总工会", 2024)
    assert named.department == "石家庄市总工会" and not any("file name" in w for w in named.warnings)


def test_text_that_is_no_disclosure_is_refused():
    with pytest.raises(ParseError, match="not a budget disclosure"):
        lines_to_meta(_lines("从前有座山\n山里有座庙"), "novel.txt")
