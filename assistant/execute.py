"""Execution: one planned part → one Answer, dispatched on the part's operation. Every figure comes
from a cited cell or sentence, or from arithmetic on them shown as a formula (units converted first)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from assistant import compute as c
from assistant.answer import Answer, Figure, abstain
from assistant.compute import ROW_TOTALS, Operand, cell_operand, fmt, row_label, total_column
from assistant.concepts import resolve_concept
from assistant.exact import Ask, answer_from, choices_answer, compute_answer, images_only, where
from assistant.grammar import grammar
from assistant.link import Mention, Target
from assistant.plan import POINTED, Planned, spent_in_year
from assistant.qtext import plain_name
from assistant.query import TEXT_OPS, Ref
from assistant.resolve import Resolved
from assistant.stated_items import EVERY_PERIOD, PERIOD, stated_per_period
from corpus.records import Disclosure


@dataclass
class Context:
    narrative: Any  # NarrativeAnswerer: quotes the 说明


Executor = Callable[[Planned, Context], Answer]


# ---- operands -----------------------------------------------------------------------------------

def _default_total(p: Planned) -> Resolved | None:
    """今年预算是多少 / 比去年减少了多少: the document's total when a figure part names nothing."""
    concept = "收入总计" if "收入" in p.part.text else "支出总计"
    if concept == "支出总计" and re.search(r"花|用了|支出", p.part.text):  # 一共花了多少: in a 决算, the year's
        concept = spent_in_year(p.ask.doc, Ref("花", "concept", concept)).key or concept
    op = resolve_concept(p.ask.doc, concept)
    mention = Mention("", 0, (Target("concept", concept),))
    return Resolved(mention, (op,)) if op else None


def operands_of(p: Planned, allow_default: bool = True) -> tuple[list[Resolved], Answer | None]:
    """The part's operands (the container when none is named; the total when nothing is), or the
    answer that says why there are none."""
    found = list(p.operands)
    if not found and p.within is not None:
        found = [p.within]
    if not found and allow_default and not p.part.refs:
        total = _default_total(p)
        found = [total] if total else []
    if not found:
        return [], abstain(p.ask.raw, f"{where(p.ask.doc)}中没有找到所问的数额。")
    return found, None


def single(p: Planned, found: list[Resolved]) -> tuple[list[Operand], Answer | None]:
    """One figure per operand, or the abstention (not stated) / the choices (several rows)."""
    missing = [r for r in found if not r.candidates]
    if missing and images_only(p.ask.doc):
        return [], abstain(p.ask.raw, f"{where(p.ask.doc)}的表格以图片形式公开，无法读取其中的数字；"
                                      "说明文字中也没有写明所问的数额。")
    if missing:
        return [], abstain(p.ask.raw, missing[0].reason or "文档没有列出该数额")
    several = [r for r in found if len(r.candidates) > 1]
    if several:
        return [], choices_answer(p.ask, several[0])
    return [r.candidates[0] for r in found], None


# ---- figure operations ----------------------------------------------------------------------------

def _lookup(p: Planned, ctx: Context) -> Answer:
    if p.ask.doc.kind == "决算" and all(r.candidates for r in p.operands):  # a name not found is no pair
        from assistant.final_answer import answer_execution

        # 年初预算和决算分别是多少: the pair; one of them asked as a part of its own: that figure alone
        pair = {"both": "pair", "budget": "budget", "final": "final"}.get(p.part.scope.basis or "")
        found_exec = answer_execution(_item_asked(p), pair)
        if found_exec is not None:
            return found_exec
    if (indicator := _indicator(p)) is not None:
        return indicator
    if EVERY_PERIOD.search(p.part.text) and (each := _per_period(p)) is not None:
        return each
    from assistant.sets import ADDED, set_total

    if ADDED.search(p.part.text):
        if (total := set_total(p)) is not None:  # 所有专项加起来: the set's members added
            return total
    found, problem = operands_of(p)
    if problem:
        return _text_fallback(p, ctx, problem)
    ops, problem = single(p, found)
    if problem:
        return _text_fallback(p, ctx, problem) if not problem.values else problem
    if _EACH_ONE.search(p.part.text) and len(ops) == 1 and ops[0].citation.kind == "text":
        return abstain(p.ask.raw, f"{where(p.ask.doc)}的说明只写明{ops[0].label}合计{fmt(ops[0].value)}"
                                  f"{ops[0].unit}，没有列出每一个的数额。")  # 那25个项目每个多少钱
    return compute_answer(p.ask, "lookup" if len(ops) == 1 else "each", ops)


_EACH_ONE = re.compile(r"每(?:一)?(?:个|项|笔|家)(?:项目|单位|专项)?(?:分别|各)?(?:是|有|为)?多少")


def _item_asked(p: Planned) -> Ask:
    """三公经费里出国、公车、接待分别花了多少: each item's own pair is looked for by its name, not the
    container's (a concept) that the question's words name first."""
    within = p.within.mention.targets if p.within is not None else ()
    if not (within and within[0].kind == "concept" and p.operands):
        return p.ask
    names = "".join(t.name for r in p.operands for t in r.mention.targets[:1])
    return replace(p.ask, q=names + p.ask.q.replace(p.within.mention.surface, ""))


def _text_fallback(p: Planned, ctx: Context, problem: Answer) -> Answer:
    """A figure no table holds for a phrase of the document's own words: a sentence of the 说明 that
    names every term and a number may state it (never for a standard name the tables lack)."""
    if any(r.kind in ("concept", "subject", "code") for r in p.part.refs if r.role == "operand") or \
            not p.part.refs:
        return problem
    answer = ctx.narrative.answer(p.ask)
    if answer.abstained:
        return problem
    if _MONEY_ASKED.search(p.ask.q):
        money = _amount_stated(p, answer)
        if money is None:
            return problem  # 那2台设备各值多少钱: no clause gives the thing named a sum of money
        value, unit = money
        return replace(answer, value=value, unit=unit, values=(Figure(p.part.text, value, unit), *answer.values))
    return _stated_figure(p, answer, problem)


def _amount_stated(p: Planned, answer: Answer) -> tuple[Decimal, str] | None:
    """The sum of money a clause naming the thing asked, or the one after it, states (编报绩效目标的项目
    共1个，涉及项目预算资金262.00万元) — it is in the quote, so it stays traceable."""
    names = [r.text for r in p.part.refs if r.role == "operand"]
    for ci in answer.citations:
        clauses = re.split(r"[，,；;。：:]", ci.quote or "")
        for i, clause in enumerate(clauses):
            found = next((m for c in clauses[i:i + 2] if (m := _AMOUNT.search(c))), None) \
                if any(n in clause for n in names) else None
            if found:
                return Decimal(found.group(1).replace(",", "")), found.group(2)
    return None


_MEASURE = re.compile(r"(?:多少|几)\s*(分|亿元|万元|元|个|人|家|辆|台|次|项|平方米|%)")
_HOW_MANY = re.compile(r"多少(?!钱)[\u4e00-\u9fff]|几[个位名人批次张间床辆台]")  # a number of things asked
_MONEY_ASKED = re.compile(r"多少钱|值多少|金额是?多少|多少(?:万|亿)?元|"
                          r"(?:预算|经费|资金|拨款|花了|开支)[^。？?]{0,6}?(?:是|有|为)?多少(?![\u4e00-\u9fff])")
# a sum of money, not a threshold (单价100万元（含）以上设备 states no amount)
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)(?!\s*(?:（含）|\(含\))?\s*(?:以上|以下|及以上))")


def _stated_figure(p: Planned, answer: Answer, problem: Answer) -> Answer:
    """平均得了多少分: the quoted sentence's figure in the measure asked is the part's value (it is in the
    quote, so it stays traceable); 住了多少老人 with no figure in any quote: not stated, never a quote
    in place of a number."""
    asked = _MEASURE.search(p.ask.q)
    if asked is None:
        return problem if _HOW_MANY.search(p.part.text) else answer
    unit = asked.group(1)
    for citation in answer.citations:
        found = re.search(rf"(\d[\d,]*(?:\.\d+)?)\s*{re.escape(unit)}", citation.quote or "")
        if found:
            value = Decimal(found.group(1).replace(",", ""))
            return replace(answer, value=value, unit=unit, values=(Figure(p.part.text, value, unit), *answer.values))
    return answer


def _each(p: Planned, ctx: Context) -> Answer:
    found, problem = operands_of(p)
    if problem:
        return problem
    answers = []
    for r in found:
        ops, missing = single(p, [r])
        answers.append(missing if missing else compute_answer(p.ask, "lookup", ops))
    if len(answers) == 1:
        return answers[0]
    ok = [a for a in answers if not a.abstained]
    if not ok:
        return answers[0]
    text = "；".join(a.text.rstrip("。") for a in answers) + "。"
    return replace(ok[0], route="lookup", text=text, value=None, unit=None,
                   values=tuple(f for a in ok for f in a.values[:1]),
                   citations=tuple(dict.fromkeys(ci for a in ok for ci in a.citations)))


def figures(p: Planned, allow_default: bool = True, most: int | None = None) -> tuple[list[Operand], Answer | None]:
    """The part's operands (the first `most`), one figure each, or the answer that says why not."""
    found, problem = operands_of(p, allow_default)
    if problem:
        return [], problem
    return single(p, found[:most])


def _arith(p: Planned, op: str) -> Answer:
    ops, problem = figures(p, allow_default=False)
    if problem:
        return problem
    if op == "sum" and len(ops) == 1 and "相加：" in ops[0].label:  # 四个季度加起来: the year's amount the
        return compute_answer(p.ask, "lookup", ops)  # project states, its periods' amounts shown as added
    if len(ops) < 2:
        return abstain(p.ask.raw, f"这一问需要两个数，只读出了“{ops[0].label}”。" if ops else "没有读出要比较的数。")
    if op == "sum":
        ops = _restated(ops)
        if len(ops) < 2:
            return compute_answer(p.ask, "lookup", ops)
    return _unlike(p, ops) or compute_answer(p.ask, op, c.same_unit(ops))


def _restated(ops: list[Operand]) -> list[Operand]:
    """一次性奖励…总共多少钱: the 说明 restating a figure of the same thing (奖励金额40万元 of the project
    whose 预算数 is 40.00) is that figure again, never a second one to add."""
    from assistant.textfacts import longest_run

    def again(o: Operand, other: Operand) -> bool:
        quote = o.citation.quote or ""
        return o is not other and o.citation.kind == "text" and (o.value, o.unit) == (other.value, other.unit) \
            and longest_run(other.label, quote) >= 4

    return [o for o in ops if not any(again(o, other) for other in ops)] or ops[:1]


def _unlike(p: Planned, ops: list[Operand]) -> Answer | None:
    """道路全长985米 against 项目支出 in 元: figures of different measures are never added or divided."""
    from corpus.normalize import UNITS

    kinds = {o.unit if o.unit not in UNITS else "money" for o in ops}
    if len(kinds) < 2:
        return None
    shown = "、".join(f"{o.label}（{o.unit}）" for o in ops)
    return abstain(p.ask.raw, f"{shown}的计量单位不同，不能放在一起计算。")


def _per_period(p: Planned) -> Answer | None:
    """社区公共服务中心新建工程四个季度用款计划加起来: the periods' amounts the project's text lists."""
    from assistant.project_text import project_top

    if not EVERY_PERIOD.search(p.ask.q):  # 每季度用款多少？全年加起来呢: said in the part before
        return None
    found = project_top(p.ask.doc, p.ask.q)
    sections = [s for s in p.ask.doc.sections if s.path[:1] == (found[1].title,)] if found else None
    said = re.search(f"(?:{EVERY_PERIOD.pattern})" + r"的?([\u4e00-\u9fff]{2,6}?)(?:多少|是|有|加|一共|合计|共)",
                     p.part.text)
    phrases = [r.text for r in p.part.refs if r.role == "operand"] + ([said.group(1)] if said else [])
    phrases += [after for ph in phrases if (after := EVERY_PERIOD.split(ph)[-1]) != ph]  # …新建工程每季度用款
    for phrase in phrases:  # 那个项目每季度用款多少: the item said right after the period word too
        item = re.sub(r"^(?:项目|的|季度)+", "", PERIOD.sub("", EVERY_PERIOD.sub("", phrase)))  # 季度用款计划
        ops = stated_per_period(p.ask.doc, item, sections) if len(item) >= 2 else []
        if ops and p.part.op == "sum":
            return compute_answer(p.ask, "sum", c.same_unit(ops))
        if ops and len({(o.value, o.unit) for o in ops}) == 1:  # 每季度用款多少: the same each period
            each = "每季度" if "季度" in ops[0].label else "每期"
            return compute_answer(p.ask, "lookup", [replace(ops[0], label=each + PERIOD.sub("", ops[0].label))])
    return None


def _sum(p: Planned, ctx: Context) -> Answer:
    periods = _per_period(p)
    if periods is not None:
        return periods
    from assistant.sets import set_total

    if (total := set_total(p)) is not None:
        return total
    ops, problem = figures(p, allow_default=False)
    named = [r.text for r in p.part.refs if r.role == "operand"]
    if problem is None and len(ops) == 1 and len(named) >= 2 and all(n in ops[0].label for n in named):
        found = compute_answer(p.ask, "lookup", ops)  # A和B where the document states A及B as one item
        return replace(found, text=found.text.rstrip("。") + f"（文件中“{ops[0].label}”是一项，合计即此数）。")
    return _arith(p, "sum")


def _difference(p: Planned, ctx: Context) -> Answer:
    if p.part.scope.basis == "both" or (p.ask.doc.kind == "决算" and len(p.operands) < 2):
        from assistant.final_answer import answer_execution

        found = answer_execution(p.ask, "diff")
        if found is not None:
            return found
    return _arith(p, "diff")


def _compare(p: Planned, ctx: Context) -> Answer:
    return _arith(p, "compare")


def _share(p: Planned, ctx: Context) -> Answer:
    parts, problem = figures(p, most=1)
    if problem:
        return problem
    part = parts[0]
    if p.whole is not None:
        wholes, problem = single(p, [p.whole])
        if problem:
            return problem
        whole = wholes[0]
    else:
        from assistant.wholes import implied_whole

        whole = implied_whole(p, part)
        if whole is None:
            return abstain(p.ask.raw, f"不清楚“{part.label}”是占什么的比例，请说明分母（如占支出总计）。")
    if p.whole is not None and p.within is not None and p.whole.mention == p.within.mention and \
            p.within.mention.targets and p.within.mention.targets[0].kind == "subject":
        whole = _row_total(p.ask.doc, part) or whole  # 那958万里面财政拨款占多少: the part's own row's 合计
    if whole.value == 0:
        return abstain(p.ask.raw, f"{whole.label}为0，无法计算占比。")
    if (whole.citation, whole.value) == (part.citation, part.value) and p.whole is not None and \
            _said_as_part(p):
        from assistant.wholes import implied_whole  # 服务类多少，服务占了百分之几: one name said twice,

        whole = implied_whole(p, part) or whole  # the whole is the one it belongs to
    if (whole.citation, whole.value) == (part.citation, part.value) and not _two_stated(part, whole):
        return abstain(p.ask.raw, f"“{part.label}”与占比的分母是同一个数，请说明是哪一部分占{whole.label}。")
    if (unlike := _unlike(p, [part, whole])) is not None:
        return unlike
    part, whole = c.same_unit([part, whole])
    if part.value > whole.value > 0:  # a part is never more than its whole: a misreading, not a share
        return abstain(p.ask.raw, f"{part.label}（{fmt(part.value)}{part.unit}）大于{whole.label}"
                                  f"（{fmt(whole.value)}{whole.unit}），不是它的一部分，无法给出占比；"
                                  "如要比较两者，可问“是几倍”。")
    result = c.share(part, whole)
    text = f"{where(p.ask.doc)}中，{part.label}占{whole.label}的{fmt(result.value)}%。"
    return answer_from(p.ask, "arithmetic", text, result)


def _said_as_part(p: Planned) -> bool:
    """Whether the whole is only the part said again (carried from the turn before, or the same words):
    a whole named in its own words (占全部项目支出) is meant, and the part must then be narrower."""
    whole = p.whole.mention if p.whole is not None else None
    return whole is not None and (whole.start < 0 or any(o.mention.surface == whole.surface for o in p.operands))


def _row_total(doc: Disclosure, part: Operand) -> Operand | None:
    """The 合计 of the row a column figure was read in (收入总表's 社会福利事业单位 · 财政拨款收入 → its 合计)."""
    ci = part.citation
    if ci.kind != "cell" or not ci.column or ci.column in ROW_TOTALS:
        return None
    table = next((t for t in doc.tables if t.title == ci.table), None)
    row = next((r for r in table.rows if row_label(r) == ci.row), None) if table else None
    column = total_column(row) if row is not None else None
    if row is None or column is None:
        return None
    return cell_operand(doc, table, row, column, f"{plain_name(row.name)}·{column}")


def _multiple(p: Planned, ctx: Context) -> Answer:
    ops, problem = figures(p, allow_default=False)
    if problem:
        return problem
    if len(ops) < 2:
        return abstain(p.ask.raw, "几倍需要两个数：请说明是谁与谁相比。")
    if (unlike := _unlike(p, ops[:2])) is not None:
        return unlike
    a, b = c.same_unit(ops[:2])
    if b.value == 0:
        return abstain(p.ask.raw, f"{b.label}为0，无法计算倍数。")
    result = c.ratio(a, b)
    return answer_from(p.ask, "arithmetic", f"{where(p.ask.doc)}中，{a.label}是{b.label}的{fmt(result.value)}倍。",
                   result)


def _change(p: Planned, ctx: Context) -> Answer:
    from assistant.changes import answer_change

    found, problem = operands_of(p)
    if problem:
        return problem
    if p.part.op == "growth" and len(found) == 2:
        return _rate_between(p, found)
    missing = [r for r in found if not r.mention.targets]
    if missing:
        return abstain(p.ask.raw, missing[0].reason or "文档没有列出该数额")
    op = {"growth": "pct_change", "change": "change", "prior": "lookup"}[p.part.op]
    return answer_change(p.ask, op, found)


def _rate_between(p: Planned, found: list[Resolved]) -> Answer:
    """年末结转结余比年初多了百分之多少: the first figure against the second, in percent."""
    ops, problem = single(p, found)
    if problem:
        return problem
    if (unlike := _unlike(p, ops[:2])) is not None:
        return unlike
    a, b = c.same_unit(ops[:2])
    if b.value == 0:
        return abstain(p.ask.raw, f"{b.label}为0，无法计算增减幅度。")
    result = c.pct_change(a, c.Result(b.value, b.unit, f"{b.label} {fmt(b.value)}", (b,)))
    word = "多" if result.value >= 0 else "少"
    return answer_from(p.ask, "arithmetic", f"{where(p.ask.doc)}中，{a.label}比{b.label}{word}"
                                            f"{fmt(abs(result.value))}%。", result)


def _completion(p: Planned, ctx: Context) -> Answer:
    from assistant.final_answer import answer_execution

    if p.ask.doc.kind != "决算":
        return abstain(p.ask.raw, f"{where(p.ask.doc)}是预算，还没有执行结果（完成情况见当年决算）。")
    if p.part.direction is not None:  # 决算比年初预算下降了百分之几: the change's rate, not the completion
        found = answer_execution(p.ask, "growth")
        return found or abstain(p.ask.raw, f"{where(p.ask.doc)}没有列出所问项目的年初预算和决算数。")
    found = answer_execution(replace(p.ask, q=p.ask.q + "完成率"))  # the pair's rate, whatever the wording
    return found or abstain(p.ask.raw, f"{where(p.ask.doc)}没有列出所问项目的年初预算和决算数。")


def _average(p: Planned, ctx: Context) -> Answer:
    from assistant.stated import average

    return average(p)


def _indicators(p: Planned, ctx: Context) -> Answer:
    return _indicator(p) or abstain(p.ask.raw, f"{where(p.ask.doc)}的绩效目标表中没有找到所问的指标。")


def _indicator(p: Planned) -> Answer | None:
    projects = [t for m in p.ask.mentions for t in m.targets if t.kind in ("project", "indicator")]
    if not projects:
        return None
    from assistant.exact import asks_all_indicators, indicator_word
    from assistant.ranking import indicator_answer

    if any(t.kind == "indicator" for t in projects) or indicator_word(p.ask) or asks_all_indicators(p.ask):
        return indicator_answer(p.ask, "指标" if asks_all_indicators(p.ask) else indicator_word(p.ask))
    return None


# ---- sets: rank, n-th, position, list, count -----------------------------------------------------

def _sets(p: Planned, ctx: Context) -> Answer:
    from assistant.sets import answer_set, text_list

    if p.part.op == "list" and text_list(p):
        found = ctx.narrative.answer(p.ask)  # 机关运行经费包括哪些: the text lists it
        if found.abstained or _lists(found):
            return found
        return abstain(p.ask.raw, f"{where(p.ask.doc)}的说明没有逐项列出所问的明细。")  # one total is no list
    return answer_set(p)


_ANY_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|万)")
_ENUMERATED = re.compile(r"[^、，。；]{1,20}、[^、，。；]{1,20}、|包括|包含|主要有|分别为|分别是|其中[:：]")


def _lists(answer: Answer) -> bool:
    """Whether the quoted sentences list something: two amounts or more, or an enumeration."""
    quoted = "".join(c.quote or "" for c in answer.citations)
    return len(_ANY_AMOUNT.findall(quoted)) >= 2 or bool(_ENUMERATED.search(quoted))


# ---- text ---------------------------------------------------------------------------------------

_WHY_EMPTY = re.compile(r"空|(?:为|是)\s*(?:0|零)|没有(?:钱|数|数据|预算|安排)|没钱")


def _reason(p: Planned, ctx: Context) -> Answer:
    """Why: the reason the 说明 gives, after the figure it is about and its stated change."""
    from assistant.narrative_answer import with_stated_change
    from assistant.service import execution_reason

    named = "".join(dict.fromkeys(t.name for r in p.operands for t in r.mention.targets[:1]))
    pair = "决算与预算" if p.part.scope.basis == "both" else ""  # carried from 决算比预算少多少？原因呢
    found = execution_reason(replace(p.ask, q=named + p.ask.q + pair))  # 养老保险缴费 → its row's pair
    if found is not None:
        return found
    from assistant.quoted_change import quoted_change_reason

    concepts = tuple(t.name for r in p.operands for t in r.mention.targets[:1] if t.kind == "concept")
    if (quoted := quoted_change_reason(p.ask.doc, p.ask.raw, p.part.text, concepts)) is not None:
        return quoted  # 三公经费为啥多出25万: the part that changed by that much, and why
    from assistant.answers_kind import answering

    reason = answering("reason", _narrative(p, ctx), [], f"{where(p.ask.doc)}的说明没有写明原因。")
    operands, problem = operands_of(p)
    if problem or any(not r.candidates for r in operands):
        return reason
    figure = _lookup(replace(p, operands=tuple(operands), part=replace(p.part, op="lookup")), ctx)
    if figure.abstained:
        return reason
    empty = next((c for c in figure.citations if c.row == "（空表）" and c.value != "空表"), None)
    if empty is not None and _WHY_EMPTY.search(p.ask.q):  # 那张表为什么是空的: the table's own note says
        figure = replace(figure, text=f"{figure.text}表下注明：“{empty.value}”")
        reason = _quotes_naming(reason, {_core(t.name) for r in operands for t in r.mention.targets[:1]})
        if reason is None:
            return replace(figure, route="hybrid")  # the 说明's reasons speak of something else
    else:
        figure = with_stated_change(p.ask, figure)
    if reason.abstained:
        return replace(figure, route="hybrid", text=figure.text + "文件未说明原因。")
    return replace(figure, route="hybrid", text=f"{figure.text}{reason.text}",
                   citations=tuple(dict.fromkeys(figure.citations + reason.citations)),
                   values=figure.values + reason.values)


def _quotes_naming(reason: Answer, words: set[str]) -> Answer | None:
    """Only the quoted sentences that name one of the words (None when none does)."""
    kept = tuple(c for c in reason.citations if c.quote and any(w in c.quote for w in words))
    if reason.abstained or not kept:
        return None
    return replace(reason, text="据说明：" + "".join(f"“{c.quote}”" for c in kept), citations=kept,
                   values=tuple(f for f in reason.values if any(str(f.value) in (c.quote or "") for c in kept)))


def _core(name: str) -> str:
    """政府性基金预算 → 政府性基金; 三公经费 → 三公: the words a sentence about it would use."""
    return re.sub(r"(?:预算|支出|经费|收入)+$", "", name) or name


_ASKED_AS = {"purpose": "{}主要用于什么", "definition": "什么是{}", "goal": "{}的绩效目标是什么",
             "basis": "{}的依据，根据的文件"}
_WAY = {"up": "增加", "down": "减少"}
_GENERIC_BODY = re.compile(r"机构|单位|部门|机关|组织|地方")


def _searched_name(r: Resolved) -> str:
    """The standard name, unless the words said name a row of their own under it (城市建设支出, a 项, is
    no 城乡社区支出 though 城市建设 is that 类's everyday name)."""
    name, said = r.mention.targets[0].name, r.mention.surface
    own = len(r.candidates) == 1 and said and said in r.candidates[0].label and said not in name
    return said if own else name


def _said_besides(p: Planned, names: str) -> bool:
    """为啥要采用东高西低的布局: the question says, besides the names, words the document holds (four in a
    row) — the reason asked is of those, not of a change in the figure."""
    from assistant.service import document_text
    from assistant.textfacts import longest_run

    rest = p.part.text
    for r in p.operands:
        rest = rest.replace(r.mention.surface, "")
    return longest_run(re.sub(r"为什么|为啥|为何|原因|要|采用|是", "", rest), document_text(p.ask.doc)) >= 4


_ASKING = re.compile(r"多少|几|什么|啥|吗|呢|哪|为何|为啥|怎么|怎样|如何|是否|有没有|会不会|能不能")


def narrative_ask(p: Planned) -> Ask:
    """The 说明 is searched with what was understood — the operands' names and the question's kind in
    standard words (拿来干嘛 → 主要用于什么, 为啥 → 为什么) — not with the colloquial cue words."""
    names = "".join(dict.fromkeys(_searched_name(r) for r in p.operands for t in r.mention.targets[:1]
                                  if t.kind in ("subject", "project", "concept")) or
                    (r.mention.surface for r in p.operands if r.mention.surface))
    if p.part.op == "reason" and not names and not p.part.refs:  # 预算一下子多了11个亿，为啥: the total's
        names = "收入支出总计财政拨款收入支出"  # the 说明 gives it for the total or its 财政拨款 (the whole)
    if p.part.op == "reason" and names and (p.part.direction is not None or not _said_besides(p, names)):
        return replace(p.ask, q=f"{names}为什么{_WAY.get(p.part.direction or '', '变化')}")
    if p.part.op in _ASKED_AS and names:
        return replace(p.ask, q=_ASKED_AS[p.part.op].format(names) + p.ask.q)
    if p.part.op == "duties":  # 是管什么的: the duty list; 管不管地名: the duties that name it
        from assistant.duties import duty_section
        from assistant.service import document_text

        said = document_text(p.ask.doc)  # 部门定位 / 平时: words the 说明 never uses restrict nothing
        duties = duty_section(p.ask.doc)  # a topic in the duties' own words: 公务用车 is said 公务车辆 there
        listed = "".join(x.text for x in duties.paragraphs) if duties is not None else said
        topics = [_in_document(t, listed) or _in_document(t, said) for t in _TOPIC_SAID.findall(p.part.text)]
        named = "".join(t for t in topics if t) or "".join(w for r in p.operands if (w := _duty_words(r, said)))
        return replace(p.ask, q=f"{named}主要职能是什么")
    topics = "".join(words for cue, words in grammar().topics if cue.search(p.ask.q))
    asked = p.ask
    if p.part.op == "text":  # 我是家长，想带孩子去做点志愿服务，平时会组织志愿服务吗: the clause asking
        pieces = [c for c in re.split(r"[，,；;。]", p.part.text) if c]
        ask_at = [i for i, c in enumerate(pieces) if _ASKING.search(c)]
        if ask_at and ask_at[0] > 0 and len("".join(pieces[ask_at[0]:])) >= 4:
            asked = replace(p.ask, q="，".join(pieces[ask_at[0]:]))
    return replace(asked, q=asked.q + topics) if topics else asked  # 是怎么来的 → 组建 成立


_TOPIC_SAID = re.compile(r"在([^，,。？?在]{2,12}?)(?:这一?块|这方面|方面|领域|上面)")


def _in_document(words: str, said: str) -> str | None:
    """Words as the document says them (出租车 → 出租汽车); None when it never says them."""
    from assistant.textfacts import longest_run, shortened_from

    if longest_run(words, said) >= min(4, len(words)):
        return words
    found = shortened_from(words, said)
    if found is None and len(words) >= 4:  # 公务用车 → 公务车(辆): a spoken name with one character more
        found = next((f for i in range(1, len(words) - 1)
                      if (f := shortened_from(words[:i] + words[i + 1:], said)) is not None), None)
    return found


def _duty_words(r: Resolved, said: str) -> str | None:
    """An operand's words as the document says them (电商企业 → 电子商务企业) — None for words it never uses
    or a generic name of the body, which restrict nothing; a name the document holds is kept as asked."""

    surface = r.mention.surface
    found = _in_document(surface, said)
    if r.mention.targets:
        return found or surface
    return None if _GENERIC_BODY.fullmatch(surface) else found


def _two_stated(part: Operand, whole: Operand) -> bool:
    """政府采购预算120.60万元，其中服务120.60万元: one sentence states a whole and its part, equal — two
    figures (the share is 100%), unlike one cell reached by two names."""
    from corpus.ontology import ontology

    return part.citation is not None and part.citation.kind == "text" and part.label != whole.label and \
        whole.label in ontology().ancestors(part.label)


def _narrative(p: Planned, ctx: Context) -> Answer:
    """Quoted from the 说明: asked the understood way first (alone, then with the question's words), then
    in the question's own words."""
    understood = narrative_ask(p)
    if p.part.op == "purpose" and understood.q.endswith(p.ask.q) and understood.q != p.ask.q:
        alone = ctx.narrative.answer(replace(understood, q=understood.q[: -len(p.ask.q)]))
        if not alone.abstained:  # 城市建设支出主要用于什么, without 拿来干嘛 diluting what is searched
            return alone
    answer = ctx.narrative.answer(understood)
    if answer.abstained and understood.q != p.ask.q:
        again = ctx.narrative.answer(p.ask)
        return answer if again.abstained else again
    return answer


def _basis(p: Planned, ctx: Context) -> Answer:
    """依据什么文件: the 说明's sentences citing a ground for the thing named (assistant/grounds.py)."""
    from assistant.grounds import asked_names, grounds_answer

    names = asked_names(p.operands, _searched_name)
    return grounds_answer(p, names) if names else _narrative(p, ctx)


_KIND_SAID = {"purpose": "用途", "goal": "目标", "definition": "含义", "name": "名称"}


def _text(p: Planned, ctx: Context) -> Answer:
    from assistant.answers_kind import answering

    pointed = next((r.reason for r in p.operands if r.reason and POINTED.fullmatch(r.mention.surface)), None)
    if pointed:  # the amount the asker quotes fits no item: what it points at is not in the document
        return abstain(p.ask.raw, pointed)
    if p.part.op == "reason":
        return _reason(p, ctx)
    if p.part.op == "basis":
        return _basis(p, ctx)
    if p.part.op not in _KIND_SAID:
        return _narrative(p, ctx)
    terms = [t for r in p.operands for t in (r.mention.surface, *(x.name for x in r.mention.targets[:1])) if t]
    named = "、".join(dict.fromkeys(terms[:1])) or "所问事项"
    return answering(p.part.op, _narrative(p, ctx), terms,
                     f"{where(p.ask.doc)}的说明没有写明{named}的{_KIND_SAID[p.part.op]}。")


DISPATCH: dict[str, Executor] = {
    "lookup": _lookup, "each": _each, "sum": _sum, "difference": _difference, "compare": _compare,
    "share": _share, "multiple": _multiple, "growth": _change, "change": _change, "prior": _change,
    "completion": _completion, "average": _average, "indicator": _indicators,
    "rank": _sets, "nth": _sets, "position": _sets, "list": _sets, "count": _sets,
    **{op: _text for op in TEXT_OPS},
}


def execute(p: Planned, ctx: Context) -> Answer:
    if p.problem:
        return abstain(p.ask.raw, p.problem)
    from assistant.spending_plan import plan_point

    if (planned := plan_point(p)) is not None:
        return planned
    item = any(t.kind == "stated" for r in p.operands for t in r.mention.targets)  # 支持企业规模化发展 in it
    # 其他城乡社区公共设施支出安排了多少: a row named in full is asked, not a project sharing words with it
    row = any(t.kind in ("subject", "concept") and t.name in p.ask.q for r in p.operands for t in r.mention.targets[:1])
    if p.part.op != "reason" and not item and not row:
        from assistant.project_text import answer_project_part

        # 兰溪路工程的实施周期: its part, quoted (its amount is a planned operand: text_project)
        found = answer_project_part(p.ask.doc, p.ask.raw, p.ask.q, amounts=False)
        if found is not None:
            return found
    return DISPATCH[p.part.op](p, ctx)
