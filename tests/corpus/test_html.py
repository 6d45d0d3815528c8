"""A disclosure published as a web page: read through an HTML parser into the same lines, tables and
records as its text; markup never becomes a name, and a page with no text is refused naming the file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from corpus.errors import BudgetQAError, UnsupportedInputError
from corpus.html_text import html_to_text, looks_like_html
from corpus.parse import parse_file
from corpus.records import disclosure_facts
from tests.conftest import SAMPLES, SEED


def as_web_page(text: str) -> str:
    """A text disclosure as a site would publish it: paragraphs, and its tables as <table> rows."""
    out, in_table = ["<!DOCTYPE html><html><head><title>公开</title><style>td {color: red}</style>",
                     "<script>var x = '<p>不是内容</p>';</script></head><body>"], False
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3:
            out.append("" if in_table else "<table border=1>")
            in_table = True
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        out.append("</table>" if in_table else "")
        in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(out) + "</body></html>"


@pytest.mark.parametrize("source", [SEED, SAMPLES / "text" / "shanghai_putuo_wanli_2025_budget.txt"])
def test_a_web_page_reads_as_its_text(source: Path, tmp_path):
    page = tmp_path / f"{source.stem}.html"
    page.write_text(as_web_page(source.read_text("utf-8")), "utf-8")
    from_text, from_page = parse_file(source), parse_file(page)
    assert (from_page.department, from_page.year, from_page.kind) == \
        (from_text.department, from_text.year, from_text.kind)
    facts = {(f.table, f.row_name, f.column, f.value) for f in disclosure_facts(from_text)}
    assert facts and {(f.table, f.row_name, f.column, f.value) for f in disclosure_facts(from_page)} == facts
    assert len(from_page.sections) == len(from_text.sections)
    assert any("HTML" in w for w in from_page.warnings)


@pytest.mark.parametrize(("markup", "lines"), [
    ("<p>一、收入</p><p>二、支出&nbsp;合计</p>", ["一、收入", "二、支出 合计"]),  # entities decoded
    ("<table><tr><td>合计</td><td></td><td>1,234</td></tr></table>", ["合计\t\t1,234"]),  # an empty cell kept
    ("<table><tr><td colspan=3>项目</td><td>金额</td></tr></table>", ["\t\t项目\t金额"]),  # its columns kept
    ("<div>说明<script>alert('x')</script><style>p{}</style>文字</div>", ["说明文字"]),  # no script, no style
    ("<p>第一行<br>第二行</p>", ["第一行", "第二行"]),
])
def test_html_laid_out_as_lines(markup, lines):
    assert html_to_text(f"<html><body>{markup}</body></html>").splitlines() == lines


@pytest.mark.parametrize(("text", "html_like"), [
    ("<!DOCTYPE html><html>", True), ("<html lang='zh'>", True), ("<p>a</p>" * 5, True),
    ("石家庄市总工会2024年部门预算\n一、收入", False), ("说明中写到 <p> 标记一次", False),
])
def test_what_reads_as_html(text, html_like):
    assert looks_like_html(text) is html_like


def test_a_page_with_no_text_is_refused_naming_the_file(tmp_path):
    page = tmp_path / "空白.html"
    page.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>", "utf-8")
    with pytest.raises(UnsupportedInputError, match=r"空白\.html"):
        parse_file(page)


def test_markup_never_becomes_a_department(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>欢迎访问</p><table><tr><td>收入总计</td><td>100</td></tr></table></body></html>")
    with pytest.raises(BudgetQAError) as err:
        parse_file(page)
    assert "<p>" not in str(err.value) and not re.search(r"部门[:：]\s*<", str(err.value))
