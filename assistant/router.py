"""The router: one langchain-core runnable branch per route.

Input: a `Question` (the linked question in one document). Output: an `Answer`.
lookup/arithmetic come from the tables, narrative from the 情况说明, hybrid joins both,
unanswerable abstains with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer import Answer, abstain
from assistant.exact import Ask, answer_table
from assistant.intent import WHY, operation, wants_text
from assistant.project_text import answer_project_part, project_part

FIGURE_KINDS = ("concept", "subject", "project", "indicator")
TOTAL_WORDS = re.compile(r"预算|收入|支出|经费")
USES = re.compile(r"用于|用途|用在|干什么|做什么")


@dataclass(frozen=True)
class Question:
    raw: str  # as asked
    ask: Ask | None  # None when no document fits
    problem: str | None = None  # the reason to abstain, from scoping


def decide(question: Question) -> str:
    """Route from the question's form and what linking found."""
    if question.ask is None:
        return "unanswerable"
    ask = question.ask
    if not WHY.search(ask.q) and project_part(ask.doc, ask.q) is not None:
        return "project_part"  # 实施周期 of a named project: its 经费情况说明 part, quoted whole
    linked = [m for m in ask.mentions if m.targets[0].kind in FIGURE_KINDS]
    if WHY.search(ask.q) and (linked or TOTAL_WORDS.search(ask.q)):
        return "hybrid"  # the figure from the tables, the reason from the text
    if any(m.targets[0].kind == "indicator" for m in linked) and not WHY.search(ask.q):
        return "table"  # 满意度目标 of a project: its 绩效指标 row
    if operation(ask.q) in ("count", "rank", "share", "sum", "diff", "compare"):
        return "table"
    if operation(ask.q) == "list" and USES.search(ask.q):
        return "narrative"  # 主要用于哪些方面: what the money is for, in the text's words
    if wants_text(ask.q):
        figure_op = operation(ask.q) != "lookup" or any(w in ask.q for w in ("多少", "金额", "数额"))
        if linked and not figure_op and _change_words(ask.q):
            return "hybrid"
        return "table" if figure_op and linked else "narrative"
    return "table"


def _change_words(q: str) -> bool:
    return any(w in q for w in ("减少", "增加", "下降", "增长", "为零", "是零", "为0", "持平", "变化"))


def build_router(narrative: Callable[[Ask], Answer], hybrid: Callable[[Ask], Answer]):
    from langchain_core.runnables import RunnableBranch, RunnableLambda

    def table(q: Question) -> Answer:
        assert q.ask is not None
        found = answer_table(q.ask)
        if found is None:  # nothing in the tables: the text may still say it
            return narrative(q.ask)
        return found

    def unanswerable(q: Question) -> Answer:
        return abstain(q.raw, q.problem or "文档中没有相关内容。")

    return RunnableBranch(
        (lambda q: decide(q) == "unanswerable", RunnableLambda(unanswerable)),
        (lambda q: decide(q) == "project_part",
         RunnableLambda(lambda q: answer_project_part(q.ask.doc, q.raw, q.ask.q))),
        (lambda q: decide(q) == "narrative", RunnableLambda(lambda q: narrative(q.ask))),
        (lambda q: decide(q) == "hybrid", RunnableLambda(lambda q: hybrid(q.ask))),
        RunnableLambda(table),
    )
