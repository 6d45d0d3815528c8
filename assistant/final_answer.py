"""Answers on a 决算's budget execution: 年初预算, 决算数, 完成预算的百分之几, 决算比预算少多少."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import compute as c
from assistant.answer import Answer, abstain
from assistant.compute import fmt
from assistant.exact import Ask, answer_from, where
from assistant.execution import Execution, find_execution, text_executions
from assistant.intent import asks_prior_year
from assistant.roles import DEPARTMENT_TOTALS

RATE = re.compile(r"完成(了)?(年初)?预算的?|完成率|执行率|预算完成|预算执行|执行(了)?(年初)?预算|完成(比例|程度|情况)")
DIFF = re.compile(r"相差|差额|差多少|少多少|多多少|少了多少|多了多少|(减少|增加|节约|结余)了?多少|低于|高于|超出|超支")


# Names that contain 预算 without asking for the budget figure.
# words holding 预算 that name a thing (涉及预算金额, 预留的项目预算), not the 年初预算 of an execution pair
_NAMES_WITH_BUDGET = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|部门预算|预算单位|预算绩效|采购预算|"
                                r"预算(?:金额|资金)|项目预算|预留[^，,。？?]{0,12}预算")


def wanted(q: str) -> str | None:
    """What a 决算 question wants of an execution pair, or None when it is not about one."""
    q = _NAMES_WITH_BUDGET.sub("", q)
    if RATE.search(q):
        return "rate"
    if "预算" in q and "决算" in q and DIFF.search(q):
        return "diff"
    if "预算" in q and "决算" not in q:
        return "budget"
    return "final"


def asks_budget_too(question: str) -> bool:
    """年初预算多少、决算多少: the question asks an execution pair's 年初预算 beside its 决算."""
    return bool(re.search(r"年初预算|预算数", _NAMES_WITH_BUDGET.sub("", question)) or RATE.search(question))


def answer_execution(ask: Ask, want: str | None = None) -> Answer | None:
    """`want`: what the plan's operation already says (diff, rate); else read from the words."""
    if ask.doc.kind != "决算" or asks_prior_year(ask.q, ask.doc.year):
        return None
    want = want or wanted(ask.q)  # one figure (or the pair's difference or rate), never a share
    items = find_execution(ask.doc, ask.q)
    if want == "final" and not asks_budget_too(ask.raw):  # the tables hold 决算数 (all funds); only the 三公
        # family is answered from its pair, where 决算数 may be blank — unless the question asks the
        # 年初预算 too: then its 决算 is the pair's (both on the 说明's 财政拨款 basis)
        items = [i for i in items if (not i.path and "三公" in i.name) or _from_table(i)]
    elif not items and _only_totals(ask):  # nothing named but the total: the department's total pair
        items = [i for i in text_executions(ask.doc) if not i.path][:1]
    need = ("budget",) if want == "budget" else ("final",) if want == "final" else ("budget", "final")
    # (pair: 年初预算和决算分别是多少 — both)
    usable = [i for i in items if all(getattr(i, n) is not None for n in need)]
    if not usable and want != "final" and not _only_totals(ask):  # never another item's pair
        return abstain(ask.raw, f"{where(ask.doc)}没有列出所问项目的年初预算数（表中数字是决算数），"
                                "无法比较决算与预算。" if want != "budget" else
                       f"{where(ask.doc)}没有列出所问项目的年初预算数（表中数字是决算数）。")
    if not usable:
        return None
    return _compose(ask, want, usable[0])


def _compose(ask: Ask, want: str, item: Execution) -> Answer:
    at, budget, final = where(ask.doc), item.budget, item.final
    if want == "budget":
        assert budget is not None
        return answer_from(ask, "lookup", f"{at}中，{item.name}年初预算为{fmt(budget.value)}{budget.unit}。",
                       operands=(budget,), value=budget.value, unit=budget.unit)
    assert final is not None
    if want == "pair" and budget is not None:  # 年初预算和决算分别是多少: both figures, in that order
        return answer_from(ask, "lookup", f"{at}中，{item.name}年初预算为{fmt(budget.value)}{budget.unit}，"
                           f"决算数为{fmt(final.value)}{final.unit}。", operands=(budget, final))
    if want == "final":
        return answer_from(ask, "lookup", f"{at}中，{item.name}决算数为{fmt(final.value)}{final.unit}。",
                       operands=(final,), value=final.value, unit=final.unit)
    assert budget is not None
    if want == "diff":
        result = c.subtract(budget, final)
        more = "少" if result.value >= 0 else "多"
        return answer_from(ask, "arithmetic", f"{at}中，{item.name}决算数比年初预算{more}"
                       f"{fmt(abs(result.value))}{budget.unit}。", result)
    if budget.value == 0:
        return answer_from(ask, "lookup", f"{at}中，{item.name}年初预算为0，无法计算完成比例；"
                       f"决算数为{fmt(final.value)}{final.unit}。", operands=(budget, final))
    if want == "growth":
        pct = c.round_pct((final.value - budget.value) / budget.value * 100)
        result = c.Result(pct, "%", f"({final.label} {fmt(final.value)} − {budget.label} {fmt(budget.value)}) ÷ "
                          f"{budget.label} {fmt(budget.value)} × 100% = {fmt(pct)}%（四舍五入保留两位小数）",
                          (budget, final))
        word = "增长" if result.value >= 0 else "下降"
        return answer_from(ask, "arithmetic", f"{at}中，{item.name}年初预算{fmt(budget.value)}{budget.unit}，决算数"
                           f"{fmt(final.value)}{final.unit}，决算比年初预算{word}{fmt(abs(result.value))}%。", result)
    result = c.share(final, budget)
    text = (f"{at}中，{item.name}年初预算{fmt(budget.value)}{budget.unit}，决算数{fmt(final.value)}"
            f"{final.unit}，完成年初预算的{fmt(result.value)}%")
    if item.stated_pct is not None and item.stated_pct != result.value:
        text += f"（说明中写作{fmt(item.stated_pct)}%）"
    return answer_from(ask, "arithmetic", text + "。", result)


def answer_reason(ask: Ask) -> Answer | None:
    """为什么行政运行决算数小于预算数: the pair and the reason the 说明 gives right after it."""
    if ask.doc.kind != "决算" or not re.search(r"预算|决算|执行|完成", _NAMES_WITH_BUDGET.sub("", ask.q)):
        return None
    if _AGAINST_YEAR.search(ask.q) and not re.search(r"年初预算|预算数|没花完|完成|执行率", ask.q):
        return None  # 比2023年多了一点，决算里怎么解释: the change on the year, not 决算 against 预算
    items = [i for i in find_execution(ask.doc, ask.q) if i.reason is not None]
    if not items and not find_execution(ask.doc, ask.q):
        items = _reason_naming(ask) or \
            [i for i in text_executions(ask.doc) if not i.path and i.reason is not None][:1]
    if not items:
        return None
    item = items[0]
    assert item.reason is not None and item.reason.quote is not None
    operands = tuple(o for o in (item.budget, item.final) if o is not None)
    figures = "，".join(f"{'年初预算' if o is item.budget else '决算数'}{fmt(o.value)}{o.unit}" for o in operands)
    text = f"{where(ask.doc)}中，{item.name}{figures}。据说明：“{item.reason.quote.rstrip('。')}。”"
    answer = answer_from(ask, "hybrid", text, operands=operands)
    return replace(answer, citations=tuple(dict.fromkeys((*answer.citations, item.reason))))


_AGAINST_YEAR = re.compile(r"(?:比|较|跟|和|与)(?:上年|去年|上一年|前一年|(?:19|20)?\d{2}年)|同比")


def _only_totals(ask: Ask) -> bool:
    return all(t.kind == "concept" and t.name in DEPARTMENT_TOTALS for m in ask.mentions for t in m.targets)


def _reason_naming(ask: Ask) -> list[Execution]:
    """规划服务那个项目为啥没花完预算: the item whose stated reason names what the question names (a
    project inside a 项) — the longest shared run of at least four characters."""
    from assistant.textfacts import longest_run

    scored = [(longest_run(ask.q, i.reason.quote or ""), i) for i in text_executions(ask.doc)
              if i.path and i.reason is not None]
    best = max((s for s, _ in scored), default=0)
    return [i for s, i in scored if s == best][:1] if best >= 4 else []


def _from_table(item: Execution) -> bool:
    return any(o is not None and o.citation.kind == "cell" for o in (item.budget, item.final))
