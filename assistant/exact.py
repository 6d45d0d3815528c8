"""Table questions: lookup, sum, difference, share, change, rank, count, compare, list.

Every figure comes from a cited cell (or a sentence stating it) or from arithmetic shown as a formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant import compute as c
from assistant.answer import Answer, Figure, abstain
from assistant.compute import Operand, Result, cell_operand, fmt
from assistant.concepts import resolve_concept
from assistant.intent import PER_HEAD, asks_prior_year, operation
from assistant.link import Mention, Target
from assistant.resolve import COLUMN_ALIASES, COLUMN_CONCEPTS, Resolved, resolve
from assistant.textfacts import stated_count
from corpus.normalize import UNITS, convert
from corpus.records import Disclosure

INDICATOR_WORDS = {"人数": "数量指标", "多少人": "数量指标", "数量": "数量指标", "次数": "数量指标",
                   "满意度": "满意度指标", "满意": "满意度指标", "时间": "时效指标", "时限": "时效指标",
                   "合格率": "质量指标", "质量": "质量指标", "准确率": "质量指标", "成本": "成本指标",
                   "效益": "社会效益指标"}


TABLE_THINGS = re.compile(r"科目|分类|支出|收入|经费|项目|指标|[款类]|预算|资金|费")
SCORE = re.compile(r"得分|评分|分数")  # 平均得分 is a stated score, not a per-head amount
COUNT_OF_THINGS = re.compile(r"(多少|几)(辆|台|名|套|间|平方米|平米|位|个人|人)(?!民)")


@dataclass(frozen=True)
class Ask:
    raw: str  # the question as asked
    q: str  # normalized
    doc: Disclosure
    mentions: tuple[Mention, ...]


def _answer(ask: Ask, route: str, text: str, result: Result | None = None,
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


def _where(doc: Disclosure) -> str:
    return f"{doc.department}{doc.year}年{doc.kind}"


def split_columns(mentions: tuple[Mention, ...], q: str = "") -> tuple[list[Mention], str | None]:
    """一般公共服务支出的基本支出: a subject plus a column concept of its table reads one cell (not
    when the concept is what a share is of: 办公费占公用经费的比例)."""
    subjects = [m for m in mentions if m.targets[0].kind == "subject"]
    of = q.find("占")
    for m in mentions:
        target = m.targets[0]
        if target.kind != "concept" or target.name not in COLUMN_CONCEPTS:
            continue
        if 0 <= of < m.start and any(s.start < of for s in subjects):
            continue
        names = COLUMN_ALIASES.get(target.name, (target.name,))
        if any(row.cell(n) for s in subjects for _, row in s.targets[0].rows for n in names):
            return [x for x in mentions if x is not m], target.name
    return list(mentions), None


def answer_table(ask: Ask) -> Answer | None:
    """An answer from the tables, or None when the question names nothing they hold."""
    op = operation(ask.q)
    if op == "list" and "分别" in ask.q and len(ask.mentions) >= 2:
        op = "each"  # 人员经费和公用经费分别是多少: each named figure, not a list of rows
    if _all_indicators(ask) and (found := _answer_indicator(ask)):
        return found
    if op == "list" and not ask.mentions and not TABLE_THINGS.search(ask.q):
        return None  # 有哪些内设机构: not a list the tables hold; the text may say it
    if op == "rank" or op == "list":
        from assistant.ranking import answer_list_or_rank

        return answer_list_or_rank(ask, op)
    if op == "count":
        from assistant.ranking import answer_count

        return answer_count(ask)
    if ask.doc.kind == "决算":
        from assistant.final_answer import answer_execution

        found = answer_execution(ask)
        if found:
            return found
    if any(m.targets[0].kind == "indicator" for m in ask.mentions) or _indicator_word(ask):
        found = _answer_indicator(ask)
        if found:
            return found
    named_projects = any(t.kind in ("project", "indicator") for m in ask.mentions for t in m.targets)
    if PER_HEAD.search(ask.q) and not named_projects and not SCORE.search(ask.q):
        return abstain(ask.raw, f"{_where(ask.doc)}只公开部门的总额，没有公开人均、按月等数字。")
    things = COUNT_OF_THINGS.search(ask.q)
    if things and not named_projects:
        stated = stated_count(ask.doc, ask.q, things.group(2))
        if stated is not None:
            return _answer(ask, "lookup", f"据{_where(ask.doc)}说明，{stated.label}{fmt(stated.value)}"
                           f"{stated.unit}。", operands=(stated,), value=stated.value, unit=stated.unit)
        return abstain(ask.raw, f"{_where(ask.doc)}只公开金额，没有公开这类数量（人数、车辆数等）。")
    mentions, column = split_columns(ask.mentions, ask.q)
    mentions = _without_parents([m for m in mentions if m.targets[0].kind != "indicator"], op)
    changes = op in ("change", "pct_change") or asks_prior_year(ask.q, ask.doc.year)
    if op == "lookup" and not changes:
        from assistant.funds import answer_fund_scoped

        found = answer_fund_scoped(ask, mentions, column)
        if found is not None:
            return found
    if not mentions:
        mentions = _default_total(ask, changes)
    if not mentions:
        return None
    resolved = [resolve(ask.doc, m, ask.q, column) for m in mentions]
    if changes:
        from assistant.changes import answer_change

        return answer_change(ask, op, resolved)
    missing = [r for r in resolved if not r.candidates]
    if missing and images_only(ask.doc):
        return abstain(ask.raw, f"{_where(ask.doc)}的表格以图片形式公开，无法读取其中的数字；"
                                "说明文字中也没有写明所问的数额。")
    if missing:
        return abstain(ask.raw, missing[0].reason or "文档没有列出该数额")
    ambiguous = [r for r in resolved if len(r.candidates) > 1]
    if ambiguous:
        return _answer_ambiguous(ask, ambiguous[0])
    operands = [r.candidates[0] for r in resolved]
    of = ask.q.find("占")
    if op == "share" and len(resolved) == 1 and 0 <= of < resolved[0].mention.start:
        part = ask.q[:of].strip("的")  # 办公费占公用经费的比例, with no 办公费 row: never 公用经费's share
        return abstain(ask.raw, f"{_where(ask.doc)}的表格中没有单独列出“{part}”，无法计算占比。")
    if op == "share" and len(resolved) == 2 and _part_named_second(ask.q, resolved):
        operands.reverse()  # 基本支出中人员经费占比: the part is the one right before 占
    if op == "share" and column and len(resolved) == 1 and \
            resolved[0].mention.surface in ask.q[of + 1:]:
        whole = resolve(ask.doc, resolved[0].mention, ask.q).candidates  # X的项目支出占X的比例
        operands += list(whole[:1])
    return _compute(ask, op, operands)


def _part_named_second(q: str, resolved: list[Resolved]) -> bool:
    first = min(resolved, key=lambda r: r.mention.start)
    after = q[first.mention.start + len(first.mention.surface):]
    return resolved[0] is first and "占" in after and bool(re.match(r"的?(中|里|当中|之中)", after))


# 面向中小企业预留的政府采购金额 asks the part: the whole it is named by is no second figure
PARENTS = {"政府采购货物": ("政府采购",), "政府采购工程": ("政府采购",), "政府采购服务": ("政府采购",),
           "面向中小企业预留": ("政府采购",),
           "人员经费": ("基本支出", "一般公共预算基本支出"), "公用经费": ("基本支出", "一般公共预算基本支出"),
           "因公出国(境)费": ("三公经费",), "公务接待费": ("三公经费",),
           "公务用车购置及运行维护费": ("三公经费",), "公务用车购置费": ("三公经费", "公务用车购置及运行维护费"),
           "公务用车运行费": ("三公经费", "公务用车购置及运行维护费")}


def _without_parents(mentions: list[Mention], op: str) -> list[Mention]:
    """Drop a whole named beside its own part when one figure is asked: 政府采购 of 政府采购货物,
    卫生健康支出 of 行政单位医疗 (a share of it keeps both)."""
    named = {t.name for m in mentions for t in m.targets if t.kind == "concept"}
    parents = {p for n in named for p in PARENTS.get(n, ())}
    if any(t.kind == "project" for m in mentions for t in m.targets):
        parents.add("项目支出")  # a named project is part of 项目支出, not a second figure
    codes = {row.code for m in mentions for t in m.targets for _, row in t.rows if row.code}
    return [m for m in mentions
            if not (op in ("lookup", "each") and m.targets[0].kind == "concept" and m.targets[0].name in parents)
            and not (op == "lookup" and _ancestor(m, codes))]


def _ancestor(m: Mention, codes: set[str]) -> bool:
    mine = {row.code for t in m.targets for _, row in t.rows if row.code}
    return bool(mine) and all(any(c != own and c.startswith(own) for c in codes) for own in mine)


def _joined(ask: Ask) -> bool:
    """和/与/及/、/合计 between the things named (not inside a name: 公务用车购置及运行费, 一般公共预算)."""
    rest = ask.q
    for m in sorted(ask.mentions, key=lambda m: -len(m.surface)):
        rest = rest.replace(m.surface, "|") if m.surface else rest
    return bool(re.search(r"和|与|及|、|加|跟|合计|一共|总共|共计|之和|总和", rest))


def images_only(doc: Disclosure) -> bool:
    """A document whose tables were published as images (the parser says so in its warnings)."""
    return not doc.tables and any("published as images" in w for w in doc.warnings)


# the words a question about the whole budget is made of (今年预算是多少, 比去年减少了百分之几)
_GENERIC = re.compile(r"\d{4}\s*年度?|今年|本年|全年|明年|去年|上年|上一年|部门|单位|年度|全部|总共|一共|合计|"
                      r"总计|总额|总|共|是|有|为|多少|几|的|了|吗|呢|钱|亿元|万元|元|花|预算|决算|收入|支出|"
                      r"数|额|金额|比|较|增加|减少|增长|下降|降低|上升|变化|变动|增减|百分之|百分比|幅度|"
                      r"同比|一下|请问|告诉我|整体|情况|规模|安排|为什么|为何|为啥|什么|原因|主要|怎么|"
                      r"[？?。，,！!%％\s]")


def _default_total(ask: Ask, changes: bool = False) -> list[Mention]:
    """今年预算是多少 / 比去年减少了多少: the document's total when nothing else is named."""
    if len(re.findall(r"[\u4e00-\u9fff]", _GENERIC.sub("", ask.q))) >= 2 and not images_only(ask.doc):
        return []  # 资本性支出是多少: something the tables do not hold, not the total
    for word, concept in (("收入", "收入总计"), ("支出", "支出总计"), ("预算", "支出总计"),
                          ("花", "支出总计"), ("决算", "支出总计")):
        if word in ask.q:
            return [Mention(word, ask.q.find(word), (Target("concept", concept),))]
    if changes:
        return [Mention("", 0, (Target("concept", "支出总计"),))]
    return []


def _compute(ask: Ask, op: str, operands: list[Operand]) -> Answer:
    where = _where(ask.doc)
    if op == "share":
        part, whole = operands[0], (operands[1] if len(operands) > 1 else _whole(ask, operands[0]))
        if whole is None or whole.value == 0:
            return abstain(ask.raw, "无法确定占比的分母（总数为零或未列出）")
        result = c.share(part, whole)
        return _answer(ask, "arithmetic", f"{where}中，{part.label}占{whole.label}的"
                       f"{fmt(result.value)}%。", result)
    if len(operands) >= 2 and op == "lookup" and not _joined(ask):
        op = "each"  # two things named without 和/合计: each said, never silently added
    if len(operands) >= 2 and op == "each":
        listing = "；".join(f"{o.label}为{fmt(o.value)}{o.unit}" for o in operands)
        return _answer(ask, "lookup", f"{where}中，{listing}。", operands=tuple(operands))
    if len(operands) >= 2 and op in ("diff", "compare"):
        a, b = operands[0], operands[1]
        result = c.subtract(a, b)
        more = "多" if result.value >= 0 else "少"
        lead = f"{a.label}比{b.label}{more}{fmt(abs(result.value))}{a.unit}"
        if op == "compare":
            bigger = a if a.value >= b.value else b
            lead = f"{bigger.label}更多：{lead}"
        return _answer(ask, "arithmetic", f"{where}中，{lead}。", result)
    if len(operands) >= 2:
        result = c.add(operands)
        names = "、".join(o.label for o in operands)
        return _answer(ask, "arithmetic", f"{where}中，{names}合计{fmt(result.value)}"
                       f"{operands[0].unit}。", result)
    one = operands[0]
    text = f"{where}中，{one.label}为{fmt(one.value)}{one.unit}"
    figures: tuple[Figure, ...] = (Figure(one.label, one.value, one.unit),)
    asked = re.search(r"(亿元|万元|元)", ask.q)
    other = asked.group(1) if asked and asked.group(1) != one.unit and one.unit in UNITS \
        else {"万元": "元", "元": "万元"}.get(one.unit)
    if other and one.value:
        shown = convert(one.value, one.unit, other).normalize()
        text += f"（即{fmt(shown)}{other}）"
        figures += (Figure(f"{one.label}（{other}）", shown, other),)
    return _answer(ask, "lookup", text + "。", operands=(one,), value=one.value, unit=one.unit,
                   figures=figures)


def _whole(ask: Ask, part: Operand) -> Operand | None:
    """The whole a share is of: the 合计 row of the part's own 收入/支出 table (项目支出占比 is of 本年支出,
    not of 支出总计 with its 结转), else the document's total."""
    own = next((t for t in ask.doc.tables if t.title == part.citation.table), None)
    if own is not None and own.key in ("expense", "income", "gpb_expense"):
        total = next((r for r in own.rows if r.name in ("合计", "总计")), None)
        column = next((n for n in ("合计", "本年支出合计", "本年收入合计", "总计") if n in own.columns), None)
        cell = total.cell(column) if total is not None and column else None
        if total is not None and column and cell is not None and cell.value is not None and \
                (part.citation.row, part.citation.column) != (total.name, column):
            label = "本年收入合计" if own.key == "income" else "本年支出合计"
            return cell_operand(ask.doc, own, total, column, label)
    table = part.citation.table or ""
    concept = "收入总计" if "收入" in table and "收支" not in table else "支出总计"
    if "基本支出表" in table:
        concept = "基本支出"
    return resolve_concept(ask.doc, concept)


def _answer_ambiguous(ask: Ask, resolved: Resolved) -> Answer:
    ops = resolved.candidates
    listing = "；".join(f"{o.label} {fmt(o.value)}{o.unit}" for o in ops)
    text = (f"“{resolved.mention.surface}”在{_where(ask.doc)}中对应{len(ops)}项，分别为：{listing}。"
            "请说明指哪一项。")
    figures = (*(Figure(o.label, o.value, o.unit) for o in ops),
               Figure("候选项数", Decimal(len(ops)), "项"))
    return _answer(ask, "lookup", text, operands=ops, figures=figures)


def _indicator_word(ask: Ask) -> str | None:
    has_project = any(t.kind == "project" for m in ask.mentions for t in m.targets)
    if not has_project:
        return None
    return next((level2 for word, level2 in INDICATOR_WORDS.items() if word in ask.q), None)


def _all_indicators(ask: Ask) -> bool:
    """有哪些绩效指标 of a named project: every indicator row of it."""
    has_project = any(t.kind == "project" for m in ask.mentions for t in m.targets)
    return has_project and bool(re.search(r"(哪些|什么|所有|全部|各项)(绩效)?指标|指标有哪些", ask.q))


def _answer_indicator(ask: Ask) -> Answer | None:
    from assistant.ranking import indicator_answer

    return indicator_answer(ask, "指标" if _all_indicators(ask) else _indicator_word(ask))
