"""…项目经费情况说明 / 科技创新专项经费情况说明: a project the 说明 describes in standard parts (项目概述, 立项依据,
实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标) → `DescribedProject`, read the same from a text or a PDF.

A section titled only 项目经费情况说明 is named by the project its 项目概况 describes; a project that also
has a 绩效目标表 is marked so (it is that table's project, counted once)."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.records import DescribedProject, Project, Section

TOP = re.compile(r"(?:项目)?经费情况说明$|项目情况说明$")
PARTS = ("项目概述", "项目概况", "立项依据", "实施主体", "实施方案", "实施周期", "年度预算安排", "绩效目标")
_NAMED = re.compile(r"([\u4e00-\u9fff（）()]{4,30}?(?:新建工程|改建工程|工程|项目|专项))")
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|万)(?![\d])")
BY_PERIOD = re.compile(r"^\s*第[一二三四1-4]季度")
MIN_PARTS = 3


def described_projects(sections: list[Section], forms: tuple[Project, ...]) -> tuple[DescribedProject, ...]:
    found = []
    for top in sections:
        if len(top.path) != 1 or not TOP.search(top.title):
            continue
        below = [s for s in sections if s.path[:1] == (top.title,) and len(s.path) == 2]
        name = TOP.sub("", top.title) or _named(below)
        if not name:
            continue
        budget = next((s for s in below if "年度预算安排" in s.title and s.paragraphs), None)
        para = budget.paragraphs[0] if budget else None
        value, unit = year_amount(para.text) if para else (None, None)
        parts = tuple(p for p in PARTS if any(p in s.title for s in below))
        if len(parts) < MIN_PARTS:  # “三公”经费情况说明: a section of the 说明, no project
            continue
        found.append(DescribedProject(name, top.title, value, unit, parts, para.span if para else top.span,
                                      para.text if para else "", any(_same(name, f.name) for f in forms)))
    return tuple(found)


def _named(below: list[Section]) -> str:
    """…建设的万里街道社区公共服务中心新建工程，位于…: the project its overview describes."""
    overview = next((p.text for s in below if s.title in ("项目概述", "项目概况") for p in s.paragraphs), "")
    named = _NAMED.search(re.sub(r"^.*?(?:建设的|实施的|负责的)", "", overview))
    return named.group(1) if named else ""


def _same(name: str, other: str) -> bool:
    plain = re.sub(r"[\s（）()“”\"-]", "", name)
    return (bool(plain) and plain in re.sub(r"[\s（）()“”\"-]", "", other)) or \
        re.sub(r"[\s（）()“”\"-]", "", other) in plain


def _unit(raw: str) -> str:
    return "万元" if raw == "万" else raw


def year_amount(text: str) -> tuple[Decimal | None, str | None]:
    """The year's amount a 年度预算安排 states first — or, when it lists periods (第一季度用款计划158.05万元，
    第二季度…), all the periods added: never one quarter taken for the year."""
    match = _AMOUNT.search(text)
    if match is None:
        return None, None
    unit = _unit(match.group(2))
    if not BY_PERIOD.match(text):
        return Decimal(match.group(1).replace(",", "")), unit
    return sum(amounts_in(text, unit), Decimal(0)), unit


def amounts_in(text: str, unit: str) -> list[Decimal]:
    """Every amount the text states in the unit (万 read as 万元), in order."""
    return [Decimal(m.group(1).replace(",", "")) for m in _AMOUNT.finditer(text) if _unit(m.group(2)) == unit]



