"""The narrative builder rejoins a sentence cut by a PDF page break, and only then."""

from __future__ import annotations

import pytest

from corpus.sections import NarrativeBuilder

CASES = [
    # a figure's unit left on the next page: one paragraph
    (["面向小微企业预留政府采购项目预算金额164.87", None, "万元。在其他项目中采购金额0.00万元。"], 1),
    # a mark cut from the line before: one paragraph
    (["其中货物采购122.43万元", None, "，工程采购1387.72万元。"], 1),
    # a short line ended on purpose, then a new item after the break: two paragraphs
    (["（三）国有资产占有使用情况", None, "截至2024年12月31日，共有车辆3辆。"], 2),
    # a finished sentence before the break: two paragraphs
    (["采购金额225.10万元。", None, "万元以下的采购不单列。"], 2),
]


@pytest.mark.parametrize(("lines", "paragraphs"), CASES)
def test_page_break_join(lines, paragraphs):
    builder = NarrativeBuilder("doc")
    for number, line in enumerate(lines, 1):
        builder.blank() if line is None else builder.text_line(number, line)
    found = [p for s in builder.sections() for p in s.paragraphs]
    assert len(found) == paragraphs, [p.text for p in found]
