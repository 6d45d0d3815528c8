"""Within-table identities on table blocks read by the real parser: the 三公 table in both standard
layouts (items as rows, items as columns), and the rounding rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from corpus.tables import block_to_table
from index.audit_model import Cite, Term, verdict
from index.audit_tables import check_table

ROWS_LAYOUT = """单位：万元
序号\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算拨款\t国有资本经营预算财政拨款
栏次\t1\t2\t3\t4\t5
1\t合计\t5.00\t5.00\t\t
2\t因公出国(境)费\t1.00\t1.00\t\t
3\t公务用车购置及运行费\t3.00\t3.00\t\t
4\t其中：公务用车购置费\t1.00\t1.00\t\t
5\t公务用车运行费\t2.00\t2.00\t\t
6\t公务接待费\t1.00\t1.00\t\t"""

COLUMNS_LAYOUT = """单位：万元
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t机关运行经费预算数
\t\t\t小计\t购置费\t运行费\t
37.91\t0\t1.35\t36.56\t15\t21.56\t464.64"""

# layout, (old, new) edit, expected (severity, check) findings
CASES = [
    ("rows", None, []),
    ("rows", ("6\t公务接待费\t1.00\t1.00", "6\t公务接待费\t2.00\t2.00"), [("error", "table.three_public")]),
    ("rows", ("5\t公务用车运行费\t2.00\t2.00", "5\t公务用车运行费\t2.50\t2.50"), [("error", "table.three_public")]),
    ("rows", ("2\t因公出国(境)费\t1.00\t1.00", "2\t因公出国(境)费\t1.00\t0.50"), [("error", "table.columns")]),
    ("columns", None, []),
    ("columns", ("\t1.35\t36.56", "\t1.53\t36.56"), [("error", "table.three_public")]),
    ("columns", ("\t15\t21.56", "\t15\t21.65"), [("error", "table.three_public")]),
    ("columns", ("\t15\t21.56", "\t15\t21.57"), [("warning", "table.three_public")]),  # rounded differently
]


def parse(text: str):
    lines = [(i + 1, line) for i, line in enumerate(text.split("\n"))]
    table, _ = block_to_table("three_public", "财政拨款“三公”经费支出表", lines, "t.txt", 16)
    return table


@pytest.mark.parametrize(("layout", "edit", "expected"), CASES)
def test_three_public(layout, edit, expected):
    text = ROWS_LAYOUT if layout == "rows" else COLUMNS_LAYOUT
    if edit:
        assert text.count(edit[0]) == 1
        text = text.replace(*edit)
    found = check_table(parse(text))
    assert [(f.severity, f.check) for f in found] == expected
    assert all(f.suspect_parser == (f.severity == "error") for f in found)


def term(value: str) -> Term:
    return Term("x", Decimal(value), Cite("cell", 1, 1, text=value))


# left, right, outcome: k terms printed to 0.01 may differ by k × 0.005 (at least 0.01)
VERDICTS = [
    (["10.00"], ["10.00"], "ok"),
    (["10.00"], ["10.01"], "rounding"),
    (["10.00"], ["10.02"], "fail"),
    (["10.00"], ["3.33", "3.33", "3.33"], "rounding"),
    (["10.00"], ["3.33", "3.33", "3.32"], "rounding"),  # 4 terms: up to 0.02
    (["10.00"], ["3.33", "3.33", "3.31"], "fail"),
    (["94995790"], ["77381546", "17614243"], "rounding"),  # 元 tables: one 元 off
    (["94995790"], ["77381546", "17614240"], "fail"),
]


@pytest.mark.parametrize(("left", "right", "outcome"), VERDICTS)
def test_rounding_rule(left, right, outcome):
    assert verdict([term(v) for v in left], [term(v) for v in right])[1] == outcome
