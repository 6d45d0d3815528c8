"""哪个部门2025年的三公经费最多: one figure compared across the departments (units) stored for one year —
asked of each disclosure on its own (its own record, cited to it), then ranked; the answer says which
disclosures took part and which did not state the figure."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from assistant.answer import Answer, Citation, Figure, abstain
from assistant.compute import fmt
from corpus.normalize import UNITS, convert
from index.store import DocumentInfo

_WHICH = re.compile(r"哪(?:个|些|一个|家|几个)?(?:部门|单位|街道|委办局|机关)|各(?:个)?(?:部门|单位)")
_RANKED = re.compile(r"(最多|最高|最大|最少|最低|最小|排名|排第[一二三]|排在?前[二三五十]?|谁多|多少)")
_LOW = re.compile(r"最少|最低|最小")


def asks_across(q: str) -> bool:
    return bool(_WHICH.search(q))


def across_bodies(ask: Any, question: str, q: str, docs: list[DocumentInfo], stored: Any = None) -> Answer | None:
    """`ask(question, doc_id)` answers one disclosure; None when the question compares no bodies.
    `stored(concept, doc_ids)`: the figures the store resolved at ingest (index/concept_facts.py) — read
    in one query for a plain concept, so a thousand disclosures are not each loaded and asked."""
    from assistant.scoping import disclosure_groups

    if not asks_across(q) or len(docs) < 2:
        return None
    chosen = _one_per_body([g[0] for g in disclosure_groups(docs)], q)
    years = sorted({i.year for i in chosen})
    if len(years) > 1:
        return abstain(question, f"库中有{'、'.join(map(str, years))}年的文件，请指明比较哪一年。")
    each = _WHICH.sub("", q)
    each = _RANKED.sub("", each).rstrip("？?，,。的是") + "是多少"
    found: list[tuple[DocumentInfo, Answer]] = []
    lacking: list[str] = []
    concept = one_concept(each, years[0], chosen[0].kind)
    facts = stored(concept, [i.doc_id for i in chosen]) if concept and stored is not None else {}
    for info in chosen:
        fact = facts.get(info.doc_id)
        answer = _from_fact(each, info, fact) if fact is not None else ask(each, info.doc_id)
        if answer.abstained or answer.value is None or answer.unit not in UNITS:
            lacking.append(info.title)
        else:
            found.append((info, answer))
    if not found:
        return abstain(question, "所比较的各份文件都没有列出这个数：" + "；".join(lacking))
    return _ranked(question, q, found, lacking)


def one_concept(question: str, year: int, kind: str) -> str | None:
    """The concept a question asks for plainly (2025年的三公经费是多少: one lookup, one concept, no scope
    but the year compared, and 决算 only of 决算s, whose figures are their 决算数)."""
    from assistant.parse import parse

    parts = parse(question).parts
    part = parts[0] if len(parts) == 1 else None
    if part is None or part.op != "lookup" or len(part.refs) != 1 or part.refs[0].kind != "concept":
        return None
    scope = part.scope
    basis = scope.basis is None or (scope.basis == "final" and kind == "决算")
    plain = scope.within is None and scope.fund is None and basis and \
        set(scope.years) <= {year} and scope.period in (None, "this")
    return part.refs[0].key if plain else None


def _from_fact(question: str, info: DocumentInfo, fact: Any) -> Answer:
    """One disclosure's stored figure of the concept, cited to its cell as the answer path cites it."""
    cite = Citation(info.doc_id, "cell", fact.page, table=fact.table_title, row=fact.row, column=fact.column,
                    value=fact.printed or fmt(fact.value))
    text = f"{info.title}中，{fact.concept}为{fmt(fact.value)}{fact.unit}。"
    return Answer(question=question, route="lookup", text=text, value=fact.value, unit=fact.unit,
                  values=(Figure(fact.concept, fact.value, fact.unit),), citations=(cite,))


def _one_per_body(infos: list[DocumentInfo], q: str) -> list[DocumentInfo]:
    """A department's 部门 disclosure over its own 单位 one (unless 单位 is asked); 决算 only when asked."""
    kind = "决算" if "决算" in q else "预算"
    body = "单位" if re.search(r"单位(?:预算|决算)", q) else "部门"
    kept: dict[tuple[str, int], DocumentInfo] = {}
    for info in infos:
        if info.kind != kind:
            continue
        key = (info.department, info.year)
        if key not in kept or (info.body == body and kept[key].body != body):
            kept[key] = info
    return list(kept.values())


def _wan(answer: Answer) -> Decimal:
    return convert(answer.value, answer.unit, "万元").quantize(Decimal("0.01"))


def _ranked(question: str, q: str, found: list[tuple[DocumentInfo, Answer]], lacking: list[str]) -> Answer:
    in_yuan = [(info, a, convert(a.value, a.unit, "元")) for info, a in found]
    in_yuan.sort(key=lambda t: t[2], reverse=not _LOW.search(q))
    top_info, top, _ = in_yuan[0]
    label = top.values[0].label if top.values else "所问数额"
    listing = "；".join(f"{info.department} {fmt(_wan(a))}万元" for info, a, _ in in_yuan)  # one unit
    word = "最少" if _LOW.search(q) else "最多"
    text = (f"理解为：各部门{top_info.year}年{label}的比较（{len(found)}份公开文件）。"
            f"{word}的是{top_info.department}，{fmt(top.value)}{top.unit}。依次为：{listing}。")
    if lacking:
        text += "未列出该数的：" + "；".join(lacking) + "。"
    citations = tuple(c for _, a, _ in in_yuan for c in a.citations[:1])
    figures = tuple(Figure(info.department, a.value, a.unit) for info, a, _ in in_yuan)
    return Answer(question=question, route="lookup", text=text, value=top.value, unit=top.unit,
                  values=figures, citations=citations)


