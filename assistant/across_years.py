"""万里街道2025年支出总计比2024年增加多少: with last year's disclosure stored, a change against last year
is the difference of the two disclosures' own records (each cited to its table), not a figure worked
back from a rounded stated change — which is still said when it differs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from assistant import compute as c
from assistant.answer import Answer
from assistant.compute import Operand, fmt
from assistant.exact import answer_from
from corpus.normalize import UNITS, convert


def change_from_earlier(work: Any, planned: Any, context: Any) -> tuple[str, Answer] | None:
    from assistant.execute import execute
    from assistant.explain import understood
    from assistant.plan import plan

    if work.earlier is None or planned.part.op not in ("change", "growth") or len(planned.operands) != 1:
        return None
    lookup = replace(planned.part, op="lookup", scope=replace(planned.part.scope, period=None, years=()))
    now = execute(plan(lookup, work.doc, work.raw), context)
    then = execute(plan(lookup, work.earlier, work.raw), context)
    if not (_figure(now) and _figure(then)):
        return None
    label = now.values[0].label if now.values else "所问数额"
    a = Operand(f"{work.doc.year}年{label}", now.value, now.unit, now.citations[0])
    b = Operand(f"{work.earlier.year}年{label}", then.value, then.unit, then.citations[0])
    a, b = c.same_unit([a, b])
    ask = planned.ask
    if planned.part.op == "growth":
        if b.value == 0:
            return None
        result = c.pct_change(a, c.Result(b.value, b.unit, f"{b.label} {fmt(b.value)}", (b,)))
        word = "增长" if result.value >= 0 else "下降"
        text = f"{label}{work.doc.year}年比{work.earlier.year}年{word}{fmt(abs(result.value))}%"
    else:
        result = c.subtract(a, b)
        word = "增加" if result.value >= 0 else "减少"
        text = f"{label}{work.doc.year}年比{work.earlier.year}年{word}{fmt(abs(result.value))}{a.unit}"
        if a.unit == "元":
            text += f"（即{fmt(convert(abs(result.value), '元', '万元').quantize(Decimal('0.01')))}万元）"
    text += f"，按{work.doc.title}与{work.earlier.title}各自的表格计算" + _stated_note(planned, context, result)
    said = f"{understood(planned).removesuffix('。')}（两年各自的公开文件）"
    return said, answer_from(ask, "arithmetic", text + "。", result)


def _figure(answer: Answer) -> bool:
    return not answer.abstained and answer.value is not None and answer.unit in UNITS and bool(answer.citations)


def _stated_note(planned: Any, context: Any, result: c.Result) -> str:
    """What the later disclosure alone gives (its stated change), when it differs from the two records'."""
    from assistant.execute import execute

    alone = execute(planned, context)
    if alone.abstained or alone.value is None or alone.unit not in (*UNITS, "%") or \
            (alone.unit == "%") != (result.unit == "%"):
        return ""
    said = abs(alone.value) if alone.unit == "%" else convert(abs(alone.value), alone.unit, "万元")
    ours = abs(result.value) if result.unit == "%" else convert(abs(result.value), result.unit, "万元")
    if round(said, 2) == round(ours, 2):
        return ""
    shown = f"{fmt(abs(alone.value))}{alone.unit}"
    return f"；只据{planned.ask.doc.title}的说明则为{shown}（按取整后的数，与两张表之差略有不同）"
