"""比上年增加多少 / 上年是多少 / 增长百分之几: a figure against the change the 说明 states for it (or for
its 财政拨款 part when that is the whole), or a 项 against the 预算执行数 stated beside it."""

from __future__ import annotations

from dataclasses import replace

from assistant import compute as c
from assistant.answer import Answer, Figure, abstain
from assistant.compute import Operand, fmt
from assistant.concepts import resolve_concept
from assistant.exact import Ask, answer_from, where
from assistant.resolve import Resolved
from assistant.textfacts import StatedChange, stated_changes
from corpus.records import Disclosure

# A total whose change the text states only for its 财政拨款 part, which is the whole of it; a fund's
# 拨款收入 whose change the text states for the same fund's 拨款支出 (一般公共预算 said bare), equal to it.
FISCAL_PART = {"支出总计": "财政拨款支出", "收入总计": "财政拨款收入",
               "一般公共预算拨款收入": "一般公共预算拨款支出", "财政拨款收入": "财政拨款支出"}


def _all_fiscal(doc: Disclosure, concepts: list[str], changes: dict[str, StatedChange], current: Operand) -> str | None:
    for name in concepts:
        part = FISCAL_PART.get(name)
        fiscal = resolve_concept(doc, part) if part in changes else None
        if fiscal is not None and fiscal.unit == current.unit and fiscal.value == current.value:
            return part
    return None


def _named_change(ask: Ask, item: Resolved) -> StatedChange | None:
    """省级困难职工及劳模帮扶救助专项补助增加27.55万元: a change the 说明 states for an item it names."""
    from assistant.stated_items import stated_item_change

    if any(t.kind == "concept" for t in item.mention.targets):
        return None
    phrases = [item.mention.surface, *(t.name for t in item.mention.targets)]
    return stated_item_change(ask.doc, [p for p in phrases if p])


def _parent_name(doc: Disclosure, subject) -> str | None:
    """The 款 a 项 row sits under, by its printed name (组织事务 for 2013202), when the row is one."""
    from assistant.qtext import plain_name

    parents = {r.parent for _, r in subject.rows if r.level == "项" and r.parent}
    if len(parents) != 1:
        return None
    parent = parents.pop()
    return next((plain_name(r.name) for t in doc.tables for r in t.rows if r.code == parent), None)


def _only_child(doc: Disclosure, subject) -> str | None:
    """The name of a 款's one 项 (the same money under a narrower name), when it has exactly one."""
    from assistant.qtext import plain_name

    codes = {r.code for _, r in subject.rows if r.level == "款" and r.code}
    children = {plain_name(r.name) for t in doc.tables for r in t.rows if r.level == "项" and r.parent in codes}
    return children.pop() if len(codes) == 1 and len(children) == 1 else None


def _rate_word(rate: c.Result) -> str:
    return "增长" if rate.value > 0 else "下降"


def answer_change(ask: Ask, op: str, resolved: list[Resolved]) -> Answer:
    changes = stated_changes(ask.doc)
    for item in resolved:
        concepts = [t.name for t in item.mention.targets if t.kind == "concept"]
        concept = next((n for n in concepts if n in changes), None)
        if concept is None and not concepts and "支出总计" in changes and not item.candidates:
            concept = "支出总计"
        if concept is None and item.candidates:
            concept = _all_fiscal(ask.doc, concepts, changes, item.candidates[0])
        named = _named_change(ask, item) if concept is None and len(item.candidates) == 1 else None
        if named is not None:
            concept, changes = named.concept, {**changes, named.concept: named}
        if concept is None or not item.candidates:
            continue
        change, current = changes[concept], item.candidates[0]
        word = "增加" if change.increased else "减少"
        flat = change.amount.value == 0
        note = (f"（文中说明的是{concept}的变化，{current.label}全部为{concept[:4]}）"
                if concept in FISCAL_PART.values() and concept not in concepts else "")
        prior = c.prior_from_change(current, change.amount, change.increased, change.prior_year)
        rate = c.pct_change(current, prior) if prior.value else None
        a = change.amount
        if op == "pct_change" and rate is not None:  # the amount too: a rate alone hides the size
            rate_said = f"{_rate_word(rate)}{fmt(abs(rate.value))}%"
            said = "持平（变化0%）" if flat else f"{word}{fmt(a.value)}{a.unit}，{rate_said}"
            text = f"{where(ask.doc)}{current.label}比{change.prior_year}年{said}{note}。"
            found = answer_from(ask, "arithmetic", text, rate)
            return replace(found, values=(Figure(a.label, a.value, a.unit), *found.values),
                           citations=tuple(dict.fromkeys((a.citation, *found.citations))))
        if op == "change":
            said = "持平（变化为0）" if flat else f"{word}{fmt(a.value)}{a.unit}" + \
                (f"（{_rate_word(rate)}{fmt(abs(rate.value))}%）" if rate is not None else "")
            quote = a.citation.quote or ""
            text = f"{where(ask.doc)}{current.label}比{change.prior_year}年{said}{note}。" + \
                (f"据说明：“{quote.rstrip('。')}。”" if quote and len(quote) <= 120 else "")
            found = answer_from(ask, "lookup", text, operands=(a,), value=a.value, unit=a.unit)
            if rate is None or flat:
                return found
            return replace(found, values=(*found.values, Figure("增减幅度", rate.value, "%")), formula=rate.formula,
                           citations=tuple(dict.fromkeys((*found.citations, current.citation))))
        text = (f"{change.prior_year}年{current.label}为{fmt(prior.value)}{current.unit}"
                f"（{'文中说明与上年持平' if flat else f'由本年数和文中所述{word}额推算'}）{note}。")
        return answer_from(ask, "arithmetic", text, prior)
    for item in resolved:  # a 项 whose last-year figure the 说明 states beside it
        subject = item.mention.targets[0]
        if subject.kind == "subject" and len(item.candidates) == 1:
            from assistant.item_prior import answer_item_change

            found = answer_item_change(ask.doc, ask.raw, where(ask.doc), op, item.candidates[0],
                                       subject.name, _parent_name(ask.doc, subject))
            only = _only_child(ask.doc, subject) if not found else None
            if only:  # 组织事务 (款) whose one 项 the 说明 states: 组织事务（款）一般行政管理事务（项）
                found = answer_item_change(ask.doc, ask.raw, where(ask.doc), op, item.candidates[0],
                                           only, subject.name)
            if found:
                return found
    return abstain(ask.raw, f"{where(ask.doc)}没有说明该项与上年相比的变化，无法给出上年数。")
