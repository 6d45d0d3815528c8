"""Disclosure-quality rules on the 情况说明: every percentage it states equals the one computed from the
figures (to its stated precision), every change against last year comes with a reason, and every
决算 大于/小于 预算 it claims has the sign of the figures it states."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.records import Disclosure
from index.audit_concepts import find_concept, resolve
from index.audit_model import Cite, Finding, Term, quantum, round_to
from index.audit_narrative import Reading, stated
from index.stated import Passage, Stmt

_REASON = re.compile(r"原因|主要为|主要是|主要系|由于|因为|其中|导致|用于|系因|受\w{0,12}影响")
_CAUSE_BEFORE = re.compile(r"由于|因为|受\w{0,12}影响")
_LATE_REASON = re.compile(r"(增加|减少|增长|下降|变化|增减|变动|上升|降低)\w{0,4}?的?\w{0,2}原因")
_SHARE = re.compile(r"占(?:([^，。；,;%]{1,20}?)的)?(?:比重|比例)?(?:为)?\s*(\d+(?:\.\d+)?)\s*%")
_COMPLETE = re.compile(r"完成(?:了)?(?:年初|全年|调整)?预算的?\s*(\d+(?:\.\d+)?)\s*%")
_RATE = re.compile(r"(增长|下降|上升|降低|增加|减少)了?\s*(\d+(?:\.\d+)?)\s*%")
_CLAIM = re.compile(r"决算数?\s*(大于|小于|高于|低于|超过|多于|少于|超出)\s*(?:年初)?预算数?")
_CLAUSE = re.compile(r"[；;。！？!?]")
_UP = ("增长", "上升", "增加", "大于", "高于", "超过", "多于", "超出")
HUNDRED = Decimal(100)


def check_reasons(reading: Reading) -> list[Finding]:
    """Every non-zero change of a standard figure is followed (or preceded, in its sentence) by a
    reason, a breakdown (其中…), or a later '…增加的主要原因…' in the same section."""
    found: list[Finding] = []
    for at, group in enumerate(reading.groups):
        for i, stmt in enumerate(group):
            if not stmt.change or stmt.value == 0 or stmt.concept is None or id(stmt) in reading.parts:
                continue
            nxt = next((s for s in group[i + 1:] if s.change and s.concept not in (None, stmt.concept)), None)
            text = stmt.passage.text
            scope = text[stmt.end: nxt.start if nxt else len(text)]
            start = max((m.end() for m in _CLAUSE.finditer(text, 0, stmt.start)), default=0)
            if _REASON.search(scope) or _CAUSE_BEFORE.search(text[start:stmt.start]) or _late_reason(reading, at, stmt):
                continue
            found.append(Finding("warning", "narrative.reason", f"说明报告了{stmt.concept}比上年增减，但未说明原因",
                                 (stated(stmt),), (), None, False, None, stmt.unit))
    return found


def _late_reason(reading: Reading, at: int, stmt: Stmt) -> bool:
    """'财政拨款收入支出增加的主要原因是…' later in the same section."""
    later = [p.text for p in reading.passages[at + 1:] if p.section == stmt.passage.section]
    return any(_LATE_REASON.search(t) for t in (stmt.passage.text[stmt.end:], *later))


def _value(reading: Reading, stmt: Stmt) -> Decimal:
    """The table's figure when the statement matched one, else the figure as stated."""
    record = reading.backed.get(id(stmt))
    return record.value if record is not None else stmt.value


def _pct_term(passage: Passage, m: re.Match, group: int) -> tuple[Decimal, Term]:
    stated_pct = Decimal(m.group(group))
    page, line = passage.where(m.start())
    cite = Cite("text", page, line, section=passage.section, text=m.group(0),
                quote=passage.sentence(m.start(), m.end()))
    return stated_pct, Term("说明·百分比", stated_pct, cite)


def _pct_finding(kind: str, stated_pct: Decimal, exact: Decimal, pct: Term, operands: list[Term]) -> list[Finding]:
    """right[0] is the percentage computed from the figures, right[1:] the figures (part, whole)."""
    q = quantum([stated_pct])
    computed = round_to(exact, q)
    if computed == stated_pct:
        return []
    severity = "warning" if abs(computed - stated_pct) <= q else "error"
    formula = " / ".join(str(t.value) for t in operands) + " × 100" if len(operands) > 1 else "0"
    computed_term = Term(f"按数字计算（{formula}）", computed, operands[0].cite)
    identity = f"说明中的{kind}百分比 {stated_pct}% 应为 {formula} = {computed}%"
    return [Finding(severity, "narrative.percent", identity + ("（舍入不同）" if severity == "warning" else ""),
                    (pct,), (computed_term, *operands), stated_pct - computed, False, None, "%")]


def check_percents(doc: Disclosure, reading: Reading) -> list[Finding]:
    found: list[Finding] = []
    for group in reading.groups:
        if not group:
            continue
        passage = group[0].passage
        for m in _SHARE.finditer(passage.text):
            found += _share(doc, reading, group, passage, m)
        for m in _COMPLETE.finditer(passage.text):
            found += _complete(reading, group, passage, m)
        for m in _RATE.finditer(passage.text):
            found += _rate(reading, group, passage, m)
    return found


def _clause(group: list[Stmt], passage: Passage, at: int) -> list[Stmt]:
    start = max((c.end() for c in _CLAUSE.finditer(passage.text, 0, at)), default=0)
    return [s for s in group if start <= s.start and s.end <= at]


def _share(doc: Disclosure, reading: Reading, group: list[Stmt], passage: Passage, m: re.Match) -> list[Finding]:
    before = [s for s in _clause(group, passage, m.start()) if not s.change]
    if not before:
        return []
    part = before[-1]
    whole: Term | None = None
    if m.group(1):
        concept = find_concept(m.group(1))
        records = resolve(doc, concept[0], part.unit) if concept else []
        whole = records[0] if records else None
    else:
        heads = [s for s in group if s.end <= part.start and s.opens and not s.change]
        head = heads[-1] if heads and heads[-1].unit == part.unit else None
        whole = Term(stated(head).label, _value(reading, head), head.cite()) if head else None
    pct_value, pct = _pct_term(passage, m, 2)
    if whole is None or whole.value == 0:
        return []
    share = _value(reading, part) / whole.value * HUNDRED
    return _pct_finding("占比", pct_value, share, pct, [Term(part.label, _value(reading, part), part.cite()), whole])


def _complete(reading: Reading, group: list[Stmt], passage: Passage, m: re.Match) -> list[Finding]:
    clause = _clause(group, passage, m.start())
    finals = [s for s in clause if s.role == "final"]
    budgets = [s for s in clause if s.role == "budget"]
    if not finals:
        return []
    pct_value, pct = _pct_term(passage, m, 1)
    final = finals[-1]
    if final.value == 0:
        exact = Decimal(0)
        operands = [stated(final)]
    elif budgets and budgets[-1].value != 0 and budgets[-1].unit == final.unit:
        exact = _value(reading, final) / _value(reading, budgets[-1]) * HUNDRED
        operands = [stated(final), stated(budgets[-1])]
    else:
        return []
    return _pct_finding("完成预算", pct_value, exact, pct, operands)


def _rate(reading: Reading, group: list[Stmt], passage: Passage, m: re.Match) -> list[Finding]:
    clause = _clause(group, passage, m.start())
    changes = [s for s in clause if s.change]
    if not changes:
        return []
    change = changes[-1]
    current = [s for s in group if s.end <= change.start and not s.change and s.role == "amount"
               and s.unit == change.unit and (change.concept is None or s.concept == change.concept)]
    if not current:
        return []
    now = _value(reading, current[-1])
    prior = now - change.value
    if prior <= 0:
        return []
    pct_value, pct = _pct_term(passage, m, 2)
    found = _pct_finding("增减", pct_value, abs(change.value) / prior * HUNDRED, pct,
                         [stated(change), stated(current[-1])])
    if (m.group(1) in _UP) != (change.value > 0) and change.value != 0:
        found.append(Finding("error", "narrative.percent", "说明中的增减方向与金额的增减方向一致",
                             (pct,), (stated(change),), None, False, None, "%"))
    return found


def check_final_vs_budget(reading: Reading) -> list[Finding]:
    """'决算数小于预算数' must follow a 决算 figure that is smaller than its 预算 figure (and so on)."""
    found: list[Finding] = []
    for group in reading.groups:
        if not group:
            continue
        passage, last = group[0].passage, 0
        for m in _CLAIM.finditer(passage.text):
            window = [s for s in group if last <= s.start and s.end <= m.start()]
            last = m.end()
            finals = [s for s in window if s.role == "final"]
            budgets = [s for s in window if s.role == "budget"]
            if not finals or not budgets or finals[-1].unit != budgets[-1].unit:
                continue
            final, budget = finals[-1], budgets[-1]
            claims_more = m.group(1) in _UP
            if (final.value > budget.value) == claims_more and final.value != budget.value:
                continue
            found.append(Finding("error", "narrative.final_vs_budget",
                                 f"说明称“{m.group(0)}”，但所列决算数 {final.value} 与预算数 {budget.value} 不符",
                                 (stated(final),), (stated(budget),), final.value - budget.value,
                                 False, None, final.unit))
    return found


def check_quality(doc: Disclosure, reading: Reading) -> list[Finding]:
    return check_reasons(reading) + check_percents(doc, reading) + check_final_vs_budget(reading)
