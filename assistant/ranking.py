"""Counts the tables or the 说明 state (how many units, projects, stated counts), and a project's 绩效指标."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assistant.answer import Answer, Citation, Figure, abstain, indicator_citation
from assistant.compute import Operand, fmt
from assistant.exact import Ask, answer_from, where
from assistant.textfacts import named_after, stated_counts

COUNTABLE = re.compile(r"项目|单位|机构|科目|功能分类|经济分类|类|款|(?<!事)项|指标")


def _stated(ask: Ask, exclude: tuple[str, ...] = ()) -> list[Operand]:
    """Counts the 说明 states: 下属5家预算单位, 编报绩效目标的项目50个 (never a table's row count)."""
    if "表" in ask.q:
        return []
    if re.search("单位|机构", _KIND_WORDS.sub("", ask.q)) and not ask.doc.table("institutions"):
        return stated_counts(ask.doc, ask.q, ("家", "个"), min_run=2, exclude=exclude)
    if "项目" in ask.q and not ask.doc.projects:
        return stated_counts(ask.doc, ask.q, "个", min_run=2, exclude=exclude)
    return stated_counts(ask.doc, ask.q, "个", min_run=4, exclude=exclude)


def _answer_stated(ask: Ask, ops: list[Operand]) -> Answer:
    """One stated count answers; several that fit equally are listed, none chosen."""
    said = "；".join(f"{o.label}{fmt(o.value)}{o.unit}" for o in ops)
    if len(ops) == 1 and _WITH_SEAT.search(ask.q) and _UNDER.search(ops[0].label + (ops[0].citation.quote or "")) \
            and "本部" not in ops[0].label:  # 连本部一共几家: the 下属 units the 说明 counts, and the 本部 itself
        n = ops[0].value + 1
        text = (f"据{where(ask.doc)}说明，{said}；连同本部：1 + {fmt(ops[0].value)} = {fmt(n)}{ops[0].unit}。")
        found = answer_from(ask, "arithmetic", text, operands=tuple(ops), value=n, unit=ops[0].unit)
        return replace(found, formula=f"本部 1 + {ops[0].label} {fmt(ops[0].value)} = {fmt(n)}")
    if len(ops) == 1:
        said += named_after(ops[0])  # 设5个内设机构，包括：院长室、…: the ones counted, as listed
        return answer_from(ask, "lookup", f"据{where(ask.doc)}说明，{said}。", operands=tuple(ops),
                       value=ops[0].value, unit=ops[0].unit)
    return answer_from(ask, "lookup", f"{where(ask.doc)}说明中写有：{said}。请说明指哪一项。",
                   operands=tuple(ops), figures=tuple(Figure(o.label, o.value, o.unit) for o in ops))


_WITH_SEAT = re.compile(r"(?:连|连同|包括|包含|含|算上|加上)本部|本部在内")
_UNDER = re.compile(r"下属|所属|下设")
_KIND_WORDS = re.compile(r"(?:单位|部门)(?:预算|决算)")  # the document's kind: no count of 单位


def answer_count(ask: Ask, exclude: tuple[str, ...] = ()) -> Answer | None:
    q = _KIND_WORDS.sub("", ask.q)
    if not COUNTABLE.search(q):  # 有几个处室: only a count the 说明 states can answer
        stated = stated_counts(ask.doc, q, ("个", "家", "项"), min_run=2, exclude=exclude)
        if stated:
            return _answer_stated(ask, stated)
        return abstain(ask.raw, f"{where(ask.doc)}没有公开这个数量（只列出金额和项目、科目）。")
    if ("单位" in q or "机构" in q) and ask.doc.table("institutions"):
        table = ask.doc.table("institutions")
        rows = table.rows
        cites = tuple(Citation(ask.doc.doc_id, "cell", r.span.page, table=table.title, row=r.name,
                               column="单位名称", value=r.name) for r in rows)
        names = "、".join(r.name for r in rows)
        return Answer(question=ask.raw, route="lookup", text=f"{where(ask.doc)}列出{len(rows)}个"
                      f"单位：{names}。", value=Decimal(len(rows)), unit="个", citations=cites,
                      values=(Figure("单位数", Decimal(len(rows)), "个"),))
    stated = _stated(ask, exclude)
    if stated:
        return _answer_stated(ask, stated)
    if re.search("单位|机构", q) or ("项目" in q and "项目支出" not in q and not ask.doc.projects):
        what = "单位名单" if re.search("单位|机构", q) else "项目（绩效目标表）"
        return abstain(ask.raw, f"{where(ask.doc)}没有列出{what}，也没有在说明中写明这个数量。")
    return None  # rows of a table: counted by the set they belong to (assistant/sets.py)


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*[(（]?([%％]|[\u4e00-\u9fff]{0,2})")  # 90.00(%)


def indicator_answer(ask: Ask, level2: str | None) -> Answer | None:
    projects = [t.project for m in ask.mentions for t in m.targets
                if t.kind == "project" and t.project is not None]
    named = [(t.project, t.indicator) for m in ask.mentions for t in m.targets
             if t.kind == "indicator" and t.indicator is not None]
    if projects:  # a named project narrows the indicators to its own
        named = [(p, i) for p, i in named if p in projects]
    found = list(dict.fromkeys(named))
    if not found and level2:
        key = level2.removesuffix("指标")  # "" (from 指标 itself): every indicator
        found = [(p, i) for p in dict.fromkeys(projects) for i in p.indicators
                 if key in i.level2 or key in i.level1]
    if not found:
        return None
    lines, figures, cites = [], [], []
    for project, ind in found:
        described = f"（{ind.description}）" if ind.description else ""
        lines.append(f"{project.name}的绩效指标“{ind.level3}”{described}为{ind.value}")
        cites.append(indicator_citation(ask.doc.doc_id, project, ind))
        if (m := _NUMBER.search(ind.value)):
            unit = "%" if m.group(2) in "%％" and m.group(2) else m.group(2)
            figures.append(Figure(ind.level3, Decimal(m.group(1)), unit))
    value = figures[0].value if len(figures) == 1 else None
    return Answer(question=ask.raw, route="lookup", text="；".join(lines) + "。", value=value,
                  unit=figures[0].unit if len(figures) == 1 else None, values=tuple(figures),
                  citations=tuple(cites))
