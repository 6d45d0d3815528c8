"""到6月底要支出百分之多少: the share a project's 绩效目标表 sets in its 资金支出计划 for a month."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Answer, Citation, abstain
from assistant.compute import Operand
from assistant.exact import answer_from, where
from assistant.plan import Planned
from corpus.normalize import chinese_numeral
from corpus.records import Project

_PLAN_ASKED = re.compile(r"支出计划|支出进度|用款计划|用款进度|支付进度|资金计划")
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末|份)?")


def plan_point_asked(p: Planned) -> tuple[Project, str] | None:
    """(the one project named, the month) when its 资金支出计划 at a month is asked."""
    month = _MONTH.search(p.ask.q)
    if not _PLAN_ASKED.search(p.ask.q) or month is None:
        return None
    projects = list(dict.fromkeys(t.project for m in p.ask.mentions for t in m.targets if t.project is not None))
    if len(projects) != 1:
        return None
    return projects[0], month.group(1) if month.group(1).isdigit() else str(chinese_numeral(month.group(1)))


def plan_point(p: Planned) -> Answer | None:
    found = plan_point_asked(p)
    if found is None:
        return None
    project, asked = found
    cell = next((v for period, v in project.plan if re.match(rf"{asked}月", period)), None)
    if cell is None or not re.fullmatch(r"\d+(?:\.\d+)?%", cell):
        return abstain(p.ask.raw, f"“{project.name}”的资金支出计划没有列出{asked}月底的进度。")
    value = Decimal(cell.rstrip("%"))
    cite = Citation(p.ask.doc.doc_id, "cell", project.span.page, table=project.title,
                    row=f"{project.name} 资金支出计划", column=f"{asked}月底", value=cell)
    text = f"{where(p.ask.doc)}中，“{project.name}”的资金支出计划到{asked}月底为{cell}。"
    return answer_from(p.ask, "lookup", text, operands=(Operand(f"{asked}月底支出计划", value, "%", cite),),
                       value=value, unit="%")
