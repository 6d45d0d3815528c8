"""The figure answers every executor builds: a part as the table helpers read it (`Ask`), the answer made
of cited operands or a computed result, and the document's name in a sentence.

Every figure comes from a cited cell (or a sentence stating it) or from arithmetic shown as a formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant import compute as c
from assistant.answer import Answer, Figure
from assistant.compute import Operand, Result, fmt
from assistant.link import Mention
from assistant.resolve import Resolved
from corpus.normalize import UNITS, convert
from corpus.records import Disclosure

INDICATOR_WORDS = {"人数": "数量指标", "多少人": "数量指标", "数量": "数量指标", "次数": "数量指标",
                   "满意度": "满意度指标", "满意": "满意度指标", "时间": "时效指标", "时限": "时效指标",
                   "合格率": "质量指标", "质量": "质量指标", "准确率": "质量指标", "成本": "成本指标",
                   "效益": "社会效益指标"}


@dataclass(frozen=True)
class Ask:
    raw: str  # the question as asked
    q: str  # the part's words (normalized), with the names it carried over from the part before
    doc: Disclosure
    mentions: tuple[Mention, ...]


def answer_from(ask: Ask, route: str, text: str, result: Result | None = None,
                operands: tuple[Operand, ...] = (), value: Decimal | None = None,
                unit: str | None = None, figures: tuple[Figure, ...] = ()) -> Answer:
    ops = result.operands if result else operands
    figs = figures or tuple(Figure(o.label, o.value, o.unit) for o in ops)
    if result is not None:
        figs += (Figure("结果", result.value, result.unit),)
        value, unit = result.value, result.unit
    return Answer(question=ask.raw, route=route, text=text, value=value, unit=unit, values=figs,
                  formula=result.formula if result else None,
                  citations=tuple(dict.fromkeys(o.citation for o in ops)))


def where(doc: Disclosure) -> str:
    return f"{doc.department}{doc.year}年{doc.kind_name}"


def images_only(doc: Disclosure) -> bool:
    """A document whose tables were published as images (the parser says so in its warnings)."""
    return not doc.tables and any("published as images" in w for w in doc.warnings)


def compute_answer(ask: Ask, op: str, operands: list[Operand]) -> Answer:
    """lookup (one figure, shown in the other unit too), each, diff / compare (a − b), sum."""
    at = where(ask.doc)
    if len(operands) >= 2 and op == "each":
        listing = "；".join(f"{o.label}为{fmt(o.value)}{o.unit}" for o in operands)
        return answer_from(ask, "lookup", f"{at}中，{listing}。", operands=tuple(operands))
    if len(operands) > 2 and op == "diff":
        result = c.subtract_all(operands[0], operands[1:])
        taken = "、".join(o.label for o in operands[1:])
        return answer_from(ask, "arithmetic", f"{at}中，{operands[0].label}扣除{taken}后为{fmt(result.value)}"
                           f"{operands[0].unit}。", result)
    if len(operands) >= 2 and op in ("diff", "compare"):
        a, b = operands[0], operands[1]
        result = c.subtract(a, b)
        more = "多" if result.value >= 0 else "少"
        lead = f"{a.label}比{b.label}{more}{fmt(abs(result.value))}{a.unit}"
        if op == "compare":
            bigger = a if a.value >= b.value else b
            lead = f"{bigger.label}更多：{lead}"
        return answer_from(ask, "arithmetic", f"{at}中，{lead}。", result)
    if len(operands) >= 2:
        result = c.add(operands)
        names = "、".join(o.label for o in operands)
        return answer_from(ask, "arithmetic", f"{at}中，{names}合计{fmt(result.value)}{operands[0].unit}。", result)
    return _one_figure(ask, operands[0])


def in_other_unit(value: Decimal, unit: str, other: str) -> tuple[str, Decimal]:
    """（即4330000元） / （约18976.76万元）: an amount said again in another unit — 万元 to the cent, 约 when
    that rounds it — and the figure shown."""
    exact = convert(value, unit, other).normalize()
    shown = exact.quantize(Decimal("0.01")) if other == "万元" else exact  # 18976.7551万元 reads as 18976.76
    return f"（{'即' if shown == exact else '约'}{fmt(shown)}{other}）", shown


def _one_figure(ask: Ask, one: Operand) -> Answer:
    text = f"{where(ask.doc)}中，{one.label}为{fmt(one.value)}{one.unit}"
    figures: tuple[Figure, ...] = (Figure(one.label, one.value, one.unit),)
    asked = re.search(r"(亿元|万元|元)", ask.q)
    other = asked.group(1) if asked and asked.group(1) != one.unit and one.unit in UNITS \
        else {"万元": "元", "元": "万元"}.get(one.unit)
    if other and one.value:
        said, shown = in_other_unit(one.value, one.unit, other)
        text += said
        figures += (Figure(f"{one.label}（{other}）", shown, other),)
    quote = one.citation.quote if one.citation is not None and one.citation.kind == "text" else None
    text += "。"
    if quote and len(quote) <= 120:  # a figure only the prose states: the sentence it stands in, said
        text += f"据说明：“{quote.rstrip('。；;')}。”"
    return answer_from(ask, "lookup", text, operands=(one,), value=one.value, unit=one.unit, figures=figures)


def choices_answer(ask: Ask, resolved: Resolved) -> Answer:
    """A name that fits several figures: every one is said, none chosen."""
    ops = resolved.candidates
    listing = "；".join(f"{o.label} {fmt(o.value)}{o.unit}" for o in ops)
    text = (f"“{resolved.mention.surface}”在{where(ask.doc)}中对应{len(ops)}项，分别为：{listing}。"
            "请说明指哪一项。")
    figures = (*(Figure(o.label, o.value, o.unit) for o in ops),
               Figure("候选项数", Decimal(len(ops)), "项"))
    return answer_from(ask, "lookup", text, operands=ops, figures=figures)


def indicator_word(ask: Ask) -> str | None:
    """满意度 / 人数 … of a named project: the 二级指标 asked."""
    has_project = any(t.kind == "project" for m in ask.mentions for t in m.targets)
    if not has_project:
        return None
    return next((level2 for word, level2 in INDICATOR_WORDS.items() if word in ask.q), None)


def asks_all_indicators(ask: Ask) -> bool:
    """有哪些绩效指标 of a named project: every indicator row of it."""
    has_project = any(t.kind == "project" for m in ask.mentions for t in m.targets)
    return has_project and bool(re.search(r"(哪些|什么|所有|全部|各项)(绩效)?指标|指标有哪些", ask.q))
