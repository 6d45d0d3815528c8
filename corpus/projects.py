"""A 项目绩效目标表 block → `Project` (code, name, 预算数, 资金支出计划, 绩效指标 rows)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from corpus.layout import UNIT
from corpus.normalize import clean_cell, normalize_header, parse_amount
from corpus.records import Indicator, Project, SourceSpan

Line = tuple[int, str]


def _after(cells: list[str], label: str, skip_blank: bool = True) -> str:
    """The cell that follows the one labelled `label` (labels compared without spaces)."""
    for i, cell in enumerate(cells):
        if normalize_header(cell).startswith(normalize_header(label)):
            rest = cells[i + 1:]
            if not skip_blank:
                return rest[0] if rest else ""
            return next((c for c in rest if c), "")
    return ""


def block_to_project(title: str, name_hint: str, lines: list[Line], source: str,
                     page: int | None, *, page_of: Callable[[int], int | None] | None = None
                     ) -> Project:
    if not any("\t" in text for _, text in lines):
        return space_form(title, lines, source, page)
    fields: dict[str, object] = {"code": "", "name": name_hint, "unit": "万元", "budget": None,
                                 "fiscal": None, "other": None, "purpose": "", "goal": ""}
    plan: list[tuple[str, str]] = []
    indicators: list[Indicator] = []
    periods: list[str] | None = None
    expect_purpose = False
    for number, text in lines:
        if not text.strip():
            continue
        if (unit := UNIT.search(text)) and "\t" not in text.strip():
            fields["unit"] = unit.group(1)
            continue
        cells = [clean_cell(c) for c in text.split("\t")]
        first = normalize_header(cells[0])
        if periods is not None:
            plan = [(p, cells[i]) for i, p in enumerate(periods) if p and i < len(cells)]
            periods = None
        elif first == "项目编码":
            fields["code"] = _after(cells, "项目编码")
            fields["name"] = _after(cells, "项目名称") or name_hint
        elif first.startswith("预算规模"):
            fields["budget"] = parse_amount(_after(cells, "预算数"))
            fields["fiscal"] = parse_amount(_after(cells, "其中：财政资金"))
            fields["other"] = parse_amount(_after(cells, "其他资金", skip_blank=False))
            expect_purpose = True
            continue
        elif first.startswith("资金支出计"):
            periods = [""] + [normalize_header(c) for c in cells[1:]]
        elif first == "绩效目标":
            fields["goal"] = _after(cells, "绩效目标")
        elif first == "一级指标":
            pass  # the indicator header, also repeated after a page break
        elif expect_purpose and not first:
            fields["purpose"] = next((c for c in cells if c), "")
        else:
            _add_indicator(indicators, cells,
                           SourceSpan(source, number, page_of(number) if page_of else page))
        expect_purpose = False
    span = SourceSpan(source, lines[0][0] - 1 if lines else 0, page)
    return Project(plan=tuple(plan), indicators=tuple(indicators), title=title, span=span,
                   **fields)  # type: ignore[arg-type]


def _add_indicator(indicators: list[Indicator], cells: list[str], span: SourceSpan) -> None:
    cells = (cells + [""] * 6)[:6]
    if indicators and not any(cells[:4]):
        # the tail of the previous row's cells, pushed onto the next page
        last = indicators[-1]
        indicators[-1] = replace(last, value=last.value + cells[4], basis=last.basis + cells[5])
        return
    level1 = cells[0] or (indicators[-1].level1 if indicators else "")
    indicators.append(Indicator(level1, cells[1], cells[2], cells[3], cells[4], cells[5], span))


_LABELLED = re.compile(r"(年度资金申请总额|当年财政拨款|其他资金|项目资金总额)\s*([-\d,.]+)")


def space_form(title: str, lines: list[Line], source: str, page: int | None) -> Project:
    """A 绩效目标申报表 printed as page text (cells joined by spaces, long cells wrapped): the name,
    the amounts after their labels, the unit and the indicator rows; wrapped goals are not rebuilt."""
    texts = [t.strip() for _, t in lines if t.strip()]
    amounts: dict[str, str] = {}
    for text in texts:
        for label, amount in _LABELLED.findall(text):
            amounts.setdefault(label, amount)
    unit = next((u for u in ("万元", "元") if any(f"（{u}）" in t or f"({u})" in t for t in texts)),
                "元")
    return Project(code="", name=_form_name(texts), unit=unit,
                   budget=parse_amount(amounts.get("年度资金申请总额", "")),
                   fiscal=parse_amount(amounts.get("当年财政拨款", "")),
                   other=parse_amount(amounts.get("其他资金", "")), purpose="", plan=(), goal="",
                   indicators=space_indicators(lines, source, page), title=title,
                   total=parse_amount(amounts.get("项目资金总额", "")),
                   span=SourceSpan(source, lines[0][0] - 1 if lines else 0, page))


def _form_name(texts: list[str]) -> str:
    """项目名称's value: after the label, or wrapped onto the lines above and below it."""
    for i, text in enumerate(texts):
        words = text.split()
        if "项目名称" not in words:
            continue
        at = words.index("项目名称")
        if at + 1 < len(words) and words[at + 1] not in ("项目性质", "项目类别"):
            return words[at + 1]
        above = texts[i - 1].split()[0] if i > 0 else ""
        below = texts[i + 1].split()[0] if i + 1 < len(texts) else ""
        return clean_cell(above + below)
    return ""


LEVEL2 = ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
          "可持续影响指标", "服务对象满意度指标", "满意度指标", "经济成本指标", "社会成本指标",
          "生态环境成本指标")
_LEVEL1_OF = (("满意度", "满意度指标"), ("效益", "效益指标"), ("影响", "效益指标"), ("", "产出指标"))


def space_indicators(lines: list[Line], source: str, page: int | None) -> tuple[Indicator, ...]:
    """Indicator rows under the 一级/二级/三级指标 header of a space-separated form: each row ends with
    the 三级指标 and its value; a 二级指标 printed on the row is kept, one wrapped across lines around
    it is not guessed (except 满意度, which its 三级指标 names). Single-word lines are those wraps."""
    at = next((i for i, (_, t) in enumerate(lines) if "三级指标" in t), None)
    if at is None:
        return ()
    found = []
    for number, text in lines[at + 1:]:
        words = text.split()
        if len(words) < 2:
            continue
        level3, value, rest = words[-2], words[-1], words[:-2]
        level2 = next((w for w in rest if w in LEVEL2), "满意度指标" if "满意度" in level3 else "")
        level1 = next((w for w in rest if w in ("产出指标", "效益指标", "满意度指标")), "")
        if not level1 and level2:
            level1 = next(top for key, top in _LEVEL1_OF if key in level2)
        found.append(Indicator(level1, level2, level3, "", value, "", SourceSpan(source, number, page)))
    return tuple(found)
