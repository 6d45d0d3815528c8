"""With last year's disclosure of the same body stored, last year's figure (那去年呢) is its own record, and
a change against last year (万里街道2025年支出总计比2024年增加多少) is the difference of the two
disclosures' records (each cited to its table), not a figure worked back from a rounded stated change —
which is still said when it differs."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from assistant import compute as c
from assistant.answer import Answer
from assistant.compute import Operand, fmt
from assistant.exact import answer_from, in_other_unit
from corpus.normalize import UNITS, convert


def from_earlier(work: Any, planned: Any, context: Any) -> tuple[str, Answer] | None:
    """(what was understood, the answer) when the part is last year's figure or a change against it and
    last year's disclosure is stored; None to answer from this year's document alone."""
    from assistant.explain import understood

    if work.earlier is None:
        return None
    if planned.part.op == "prior":  # 那去年呢 / 上年的项目支出: last year's own record, cited there
        answer = _looked_up(planned, work.earlier, work.raw, context)
        said = understood(planned).removesuffix("。")
        return None if answer.abstained else (f"{said}（取自{work.earlier.title}）", answer)
    if planned.part.op in ("change", "growth") and len(planned.operands) == 1:
        return _change(work, planned, context)
    return None


def _looked_up(planned: Any, doc: Any, raw: str, context: Any) -> Answer:
    """The part's figure as a plain lookup on one disclosure (whatever year or period it said)."""
    from assistant.execute import execute
    from assistant.plan import plan

    lookup = replace(planned.part, op="lookup", scope=replace(planned.part.scope, period=None, years=()))
    return execute(plan(lookup, doc, raw), context)


def _change(work: Any, planned: Any, context: Any) -> tuple[str, Answer] | None:
    from assistant.explain import understood

    now = _looked_up(planned, work.doc, work.raw, context)
    then = _looked_up(planned, work.earlier, work.raw, context)
    if not (_figure(now) and _figure(then)):
        return None
    label = now.values[0].label if now.values else "所问数额"
    a = Operand(f"{work.doc.year}年{label}", now.value, now.unit, now.citations[0])
    b = Operand(f"{work.earlier.year}年{label}", then.value, then.unit, then.citations[0])
    a, b = c.same_unit([a, b])
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
            text += in_other_unit(abs(result.value), "元", "万元")[0]
    text += f"，按{work.doc.title}与{work.earlier.title}各自的表格计算" + _stated_note(planned, context, result)
    said = f"{understood(planned).removesuffix('。')}（两年各自的公开文件）"
    return said, answer_from(planned.ask, "arithmetic", text + "。", result)


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
