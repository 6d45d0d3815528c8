"""A project's own figures beside each other: its 项目资金总额 over its whole life and this year's 年度资金申请
总额 — a share of its whole (今年申请的占总额百分之几), the two in one difference or multiple (项目资金总额减掉
年度资金申请总额), or the whole asked alone (项目资金总额是多少)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.link import Mention
from assistant.qtext import plain_name
from assistant.query import Part
from assistant.resolve import Resolved, project_operand, project_total
from corpus.records import Disclosure, Project

WHOLE_ASKED = re.compile(r"(?:项目)?资金总额|总投资")  # a project's whole, not this year's share of it
_PROJECT_TOTAL = re.compile(r"占(?:该|这个|本|其)?(?:项目)?的?(?:资金|计划)?(?:总额|总投资|总预算)")


def project_whole(doc: Disclosure, part: Part, operands: tuple[Resolved, ...]) -> Resolved | None:
    """兰溪路工程今年申请的占总额百分之几 / 年度资金申请总额占项目资金总额: the project's own 项目资金总额."""
    if part.op != "share" or not _PROJECT_TOTAL.search(part.text):
        return None
    return total_of_project(doc, operands)


_ANNUAL_ASKED = re.compile(r"年度资金(?:申请)?(?:总额)?|(?:今年|本年度?|当年)(?:申请|安排)")


def project_pair(doc: Disclosure, part: Part, operands: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """兰溪路工程项目资金总额减掉年度资金申请总额: one project's two figures, its whole and this year's, in
    the order said — the second name (项目资金) is the project's, never the department's 项目支出."""
    total, annual = WHOLE_ASKED.search(part.text), _ANNUAL_ASKED.search(part.text)
    if part.op not in ("difference", "compare", "multiple") or not operands or total is None or annual is None:
        return operands
    projects = _projects_named(doc, operands[0])
    if len(projects) != 1:
        return operands
    whole, this_year = project_total(doc, projects[0]), project_operand(doc, projects[0])
    if whole is None or this_year is None:
        return operands
    this_year = replace(this_year, label=f"{this_year.label}年度资金申请总额")
    pair = tuple(Resolved(Mention(op.label, -1, ()), (op,)) for op in (whole, this_year))
    return pair if total.start() < annual.start() else pair[::-1]


def _projects_named(doc: Disclosure, operand: Resolved) -> list[Project]:
    """The projects an operand names: by its 绩效目标表, or by the 经费情况说明 whose form holds it."""
    projects = [t.project for t in operand.mention.targets if t.kind == "project" and t.project]
    if not projects:
        titles = {t.name for t in operand.mention.targets if t.kind == "text_project"}
        told = {plain_name(d.name) for d in doc.described if d.title in titles or d.name in titles}
        projects = [pr for pr in doc.projects if pr.name and plain_name(pr.name) in told]
    return projects


def total_of_project(doc: Disclosure, operands: tuple[Resolved, ...]) -> Resolved | None:
    """The 项目资金总额 of the one project the first operand names (by its 绩效目标表, or by the 经费情况说明
    whose form holds it) — None when that operand already is the total."""
    projects = _projects_named(doc, operands[0]) if operands else []
    if len(projects) != 1:
        return None
    op = project_total(doc, projects[0])
    if op is None or any(c.citation == op.citation for c in operands[0].candidates):
        return None  # the part is already the total: no share of itself
    return Resolved(Mention(op.label, -1, ()), (op,))
