"""理解为：… — each part's answer opens with what was understood, in one short phrase, so a reader sees
at once whether the assistant answered the question they asked (like EXPLAIN for a query)."""

from __future__ import annotations

import re

from assistant.parse import COUNTED
from assistant.plan import Planned
from assistant.query import Ref
from assistant.resolve import Resolved

_SIGN = {"sum": " + ", "difference": " − ", "compare": " 与 ", "each": "、"}
_PERIOD = {"change": "比上年的增减额", "growth": "比上年的增减幅度（%）", "prior": "上年的数额"}


_WORKING = re.compile(r"（各季度相加：[^）]*）")


def _label(r: Resolved | None, ref: Ref | None = None) -> str:
    if r is not None and len(r.candidates) == 1:
        return _WORKING.sub("", r.candidates[0].label)  # the sum's working belongs to the answer
    if r is not None and r.mention.surface:
        return r.mention.surface
    return ref.text if ref is not None else ""


def _operands(p: Planned) -> list[str]:
    labels = [_label(r) for r in p.operands]
    if not labels and p.within is not None:
        labels = [_label(p.within)]
    return [x for x in labels if x] or ["部门总额"]


def _within(p: Planned) -> str:
    if p.within is not None and p.part.op in ("rank", "nth", "list", "count"):
        return f"{_label(p.within)}中"
    if p.part.scope.fund and p.part.op in ("rank", "nth", "list", "count"):
        from assistant.funds import fund_name

        return f"{fund_name(p.part.scope.fund)}中"
    return ""


def understood(p: Planned) -> str:
    op, names = p.part.op, _operands(p)
    first = names[0]
    from assistant.sets import ADDED, set_named
    from assistant.spending_plan import plan_point_asked
    from assistant.stated_items import EVERY_PERIOD, PERIOD

    if EVERY_PERIOD.search(p.part.text) and PERIOD.search(first):  # 每个季度用款计划: not the first one's
        first = ("" if op == "sum" else "每季度" if "季度" in first else "每期") + PERIOD.sub("", first)
    periods = EVERY_PERIOD.search(p.part.text) if op == "sum" else None
    if (point := plan_point_asked(p)) is not None:  # 到6月底要支出百分之多少: the plan's share then
        phrase = f"“{point[0].name}”资金支出计划到{point[1]}月底的进度"
    elif op in ("sum", "lookup") and ADDED.search(p.part.text) and set_named(p):
        phrase = "说明所附各项目（专项）的年度预算合计"  # 所有专项加起来: the set, not its name's words
    elif periods:  # 四个季度用款计划加起来: the periods' amounts added
        item = next((r.text for r in p.part.operands() if periods.group() in r.text), first)
        phrase = f"{item}（各期相加）"
    elif op == "difference" and len(names) == 1 and p.ask.doc.kind == "决算":
        phrase = f"{first}决算数 − 年初预算"
    elif op in _SIGN and len(names) >= 2:
        phrase = _SIGN[op].join(names) + ("（哪个多）" if op == "compare" else "（各是多少）" if op == "each" else "")
    elif op == "share":
        whole = _label(p.whole) if p.whole is not None else "其上级合计"
        phrase = f"{first} ÷ {whole}"
    elif op == "multiple":
        phrase = f"{first} ÷ {names[1]}（倍数）" if len(names) > 1 else f"{first}的倍数"
    elif op == "growth" and len(names) >= 2:
        phrase = f"（{first} − {names[1]}）÷ {names[1]}"
    elif op in _PERIOD:
        phrase = f"{first}{_PERIOD[op]}"
    elif op == "completion" and p.part.direction is not None:
        phrase = f"（{first}决算数 − 年初预算）÷ 年初预算"
    elif op == "completion":
        phrase = f"{first}决算数 ÷ 年初预算"
    elif op in ("rank", "nth"):
        order = "最小" if p.part.scope.order == "asc" else "最大"
        place = f"第{p.part.scope.n}" if op == "nth" and p.part.scope.n else ""
        what = p.part.scope.level or "项"
        phrase = f"{_within(p)}金额{place or ''}{'' if place else order}的一{what}" if not place else \
            f"{_within(p)}金额{'从小到大' if order == '最小' else '从大到小'}{place}的一{what}"
    elif op == "position":
        phrase = f"{first}的金额排名"
    elif op == "count" and (measure := COUNTED.search(p.part.text)) and measure.group(1) != "个":
        whom = p.part.operands()[0].text if p.part.operands() else (_within(p) or "").removesuffix("中")
        phrase = f"{whom or '所问事项'}的{measure.group(1)}数"  # 公务接待的人次数: the asker's words
    elif op == "count":
        phrase = f"{_within(p) or ''}{first if p.operands else '所问事项'}的个数"
    elif op == "list":
        phrase = f"{_within(p) or first}的组成明细" if p.within is not None or p.operands else "所列明细"
    elif op == "average":
        phrase = f"{first}的平均数"
    elif op == "reason":
        way = {"up": "增加", "down": "减少"}.get(p.part.direction or "", "变化")
        if p.part.direction is None and _EMPTY_ASKED.search(p.part.text):
            way = "为0"  # 那张表为什么是空的 / 为什么是零: why there is none
        phrase = f"{first}{way}的原因"
    elif op == "purpose":
        phrase = f"{first}的用途"
    elif op == "duties":
        phrase = "部门的职能职责"
    elif op == "definition":
        phrase = f"“{first}”的含义"
    elif op == "basis":
        phrase = f"{first}的依据"
    elif op == "goal":
        phrase = f"{first}的绩效目标"
    elif op == "text":
        phrase = "说明中的相关内容"
    elif op == "name":
        phrase = f"{first}的名称"
    else:
        stated = all(t.kind == "stated" for r in p.operands for t in r.mention.targets[:1])
        basis = _BASIS.get(p.part.scope.basis or "", "") \
            if p.ask.doc.kind == "决算" and not stated else ""  # a 预算's figure is its 预算数; a stated score is none
        phrase = f"{first}{basis}是多少" if len(names) == 1 else "、".join(names) + "各是多少"
    return f"理解为：{phrase}"


_BASIS = {"budget": "年初预算", "final": "决算数", "both": "年初预算和决算数"}
_EMPTY_ASKED = re.compile(r"空|(?:为|是)\s*(?:0|零)")
