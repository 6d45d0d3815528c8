"""Questions over a set of siblings: rank, list the children, count; and 绩效指标 of projects."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Answer, Citation, Figure, abstain
from assistant.compute import Operand, cell_operand, fmt
from assistant.exact import Ask, _answer, _where
from assistant.resolve import preferred_tables, project_operand
from assistant.textfacts import stated_counts
from corpus.records import Row

_TOP = {"三": 3, "五": 5, "十": 10, "3": 3, "5": 5, "10": 10}


def _siblings(ask: Ask) -> tuple[str, list[Operand]]:
    """The set a rank/list/count question ranges over, and what to call its members."""
    doc, q = ask.doc, ask.q
    subjects = [t for m in ask.mentions for t in m.targets if t.kind == "subject"]
    if subjects:
        for key in preferred_tables(q):
            parents = [row for k, row in subjects[0].rows if k == key and row.code]
            if parents:
                return "下级科目", _rows(ask, key, lambda r, p=parents[0]: r.parent == p.code)
    if "项目" in q and doc.projects and "项目支出" not in q:
        return "项目", [op for p in doc.projects if (op := project_operand(doc, p))]
    economic = "经济分类" in q or any(w in q for w in ("基本支出", "人员经费", "公用经费", "工资"))
    if economic and doc.table("gpb_basic"):
        level = "类" if re.search(r"哪一?类|类级|各类", q) else "款"
        column = "人员经费" if "人员经费" in q else "公用经费" if "公用经费" in q else None
        return "经济分类科目", _rows(ask, "gpb_basic", lambda r: r.level == level, column)
    level = "款" if "款" in q else "项" if re.search(r"(?<!一)项(?!目)", q) else "类"
    return "功能分类科目", _rows(ask, "expense", lambda r: r.level == level)


def _rows(ask: Ask, key: str, keep, column: str | None = None) -> list[Operand]:
    table = ask.doc.table(key)
    if table is None:
        return []
    ops = []
    for row in table.rows:
        if not keep(row):
            continue
        name = column or _first_amount(row)
        if name and row.value(name) is not None:
            ops.append(cell_operand(ask.doc, table, row, name, row.name))
    return ops


def _first_amount(row: Row) -> str | None:
    return next((c.column for c in row.cells if c.value is not None), None)


def answer_list_or_rank(ask: Ask, op: str) -> Answer | None:
    if re.search(r"第几", ask.q) and (found := _position(ask)):
        return found
    if op == "list" and _not_a_table_list(ask):
        return None  # 机关运行经费包括哪些: the text says what it covers
    kind, ops = _siblings(ask)
    if not ops:
        return abstain(ask.raw, f"{_where(ask.doc)}的表格中没有可比较的{kind}")
    if op == "list":
        listing = "；".join(f"{o.label} {fmt(o.value)}{o.unit}" for o in ops)
        figures = (*(Figure(o.label, o.value, o.unit) for o in ops),
                   Figure(f"{kind}数", Decimal(len(ops)), "项"))
        return _answer(ask, "lookup", f"{_where(ask.doc)}中共{len(ops)}项{kind}：{listing}。",
                       operands=tuple(ops), figures=figures)
    ascending = bool(re.search(r"最少|最小|最低|倒数", ask.q))
    ranked = sorted(ops, key=lambda o: o.value, reverse=not ascending)
    top = next((n for w, n in _TOP.items()
                if re.search(f"前{w}|(最多|最少|最大|最小|最高|最低)的?{w}(个|项|类)", ask.q)), 1)
    nth = re.search(r"第([二三四五六七八九十\d])(大|多|高|少|小|低)", ask.q)
    if nth:  # 第二大的功能分类: that one place
        return _nth(ask, kind, ranked, _ORDINAL.get(nth.group(1), 0), nth.group(2))
    chosen = ranked[:top]
    word = "最少" if ascending else "最多"
    listing = " ＞ ".join(f"{o.label}（{fmt(o.value)}{o.unit}）" for o in chosen) \
        if not ascending else " ＜ ".join(f"{o.label}（{fmt(o.value)}{o.unit}）" for o in chosen)
    text = f"{_where(ask.doc)}中，在{len(ops)}项{kind}里{word}的是{chosen[0].label}，" \
           f"{fmt(chosen[0].value)}{chosen[0].unit}。"
    if len(chosen) > 1:
        text += f"依次为：{listing}。"
    figures = (*(Figure(o.label, o.value, o.unit) for o in chosen),
               Figure(f"参与比较的{kind}数", Decimal(len(ops)), "项"))
    answer = _answer(ask, "arithmetic", text, operands=tuple(ranked), value=chosen[0].value,
                     unit=chosen[0].unit, figures=figures)
    return answer


def _not_a_table_list(ask: Ask) -> bool:
    """Only standard figures named (no subject, no 科目/分类 word, no economic total): not rows to list."""
    kinds = {t.kind for m in ask.mentions for t in m.targets}
    economic = any(w in ask.q for w in ("经济分类", "基本支出", "人员经费", "公用经费", "工资", "项目"))
    return kinds == {"concept"} and not economic and not re.search(r"科目|分类|[类款]", ask.q)


def _position(ask: Ask) -> Answer | None:
    """城乡社区支出排第几: its place among the rows of its level (and parent) in the 支出 table."""
    subjects = [t for m in ask.mentions for t in m.targets if t.kind == "subject"]
    rows = [row for t in subjects[:1] for k, row in t.rows if k == "expense" and row.code]
    if not rows:
        return None
    me = rows[0]
    peers = _rows(ask, "expense", lambda r: r.level == me.level and r.parent == me.parent)
    ascending = bool(re.search(r"少|小|低", ask.q))
    ranked = sorted(peers, key=lambda o: o.value, reverse=not ascending)
    place = next((i + 1 for i, o in enumerate(ranked) if o.label == me.name), None)
    if place is None:
        return None
    one = ranked[place - 1]
    order = "从小到大" if ascending else "从大到小"
    text = (f"{_where(ask.doc)}中，{one.label}{fmt(one.value)}{one.unit}，在同级{len(ranked)}项科目中"
            f"按金额{order}排第{place}。")
    return _answer(ask, "arithmetic", text, operands=tuple(ranked), value=Decimal(place), unit="名",
                   figures=(Figure(one.label, one.value, one.unit), Figure("名次", Decimal(place), "名"),
                            Figure("同级科目数", Decimal(len(ranked)), "项")))


_ORDINAL = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
            **{str(n): n for n in range(2, 10)}}


def _nth(ask: Ask, kind: str, ranked: list[Operand], place: int, word: str) -> Answer:
    if not 0 < place <= len(ranked):
        return abstain(ask.raw, f"{_where(ask.doc)}中只有{len(ranked)}项{kind}。")
    if word in "少小低":
        ranked = sorted(ranked, key=lambda o: o.value)
    one = ranked[place - 1]
    text = (f"{_where(ask.doc)}中，在{len(ranked)}项{kind}里排第{place}（按金额从"
            f"{'小到大' if word in '少小低' else '大到小'}）的是{one.label}，{fmt(one.value)}{one.unit}。")
    return _answer(ask, "arithmetic", text, operands=tuple(ranked[:place]), value=one.value, unit=one.unit,
                   figures=(Figure(one.label, one.value, one.unit), Figure("名次", Decimal(place), "名"),
                            Figure(f"参与比较的{kind}数", Decimal(len(ranked)), "项")))


COUNTABLE = re.compile(r"项目|单位|机构|科目|功能分类|经济分类|类|款|(?<!事)项|指标")


def _stated(ask: Ask, exclude: tuple[str, ...] = ()) -> list[Operand]:
    """Counts the 说明 states: 下属5家预算单位, 编报绩效目标的项目50个 (never a table's row count)."""
    if "表" in ask.q:
        return []
    if re.search("单位|机构", ask.q) and not ask.doc.table("institutions"):
        return stated_counts(ask.doc, ask.q, ("家", "个"), min_run=2, exclude=exclude)
    if "项目" in ask.q and not ask.doc.projects:
        return stated_counts(ask.doc, ask.q, "个", min_run=2, exclude=exclude)
    return stated_counts(ask.doc, ask.q, "个", min_run=4, exclude=exclude)


def _answer_stated(ask: Ask, ops: list[Operand]) -> Answer:
    """One stated count answers; several that fit equally are listed, none chosen."""
    said = "；".join(f"{o.label}{fmt(o.value)}{o.unit}" for o in ops)
    if len(ops) == 1:
        return _answer(ask, "lookup", f"据{_where(ask.doc)}说明，{said}。", operands=tuple(ops),
                       value=ops[0].value, unit=ops[0].unit)
    return _answer(ask, "lookup", f"{_where(ask.doc)}说明中写有：{said}。请说明指哪一项。",
                   operands=tuple(ops), figures=tuple(Figure(o.label, o.value, o.unit) for o in ops))


def answer_count(ask: Ask, exclude: tuple[str, ...] = ()) -> Answer:
    q = ask.q
    if not COUNTABLE.search(q):
        return abstain(ask.raw, f"{_where(ask.doc)}没有公开这个数量（只列出金额和项目、科目）。")
    if ("单位" in q or "机构" in q) and ask.doc.table("institutions"):
        table = ask.doc.table("institutions")
        rows = table.rows
        cites = tuple(Citation(ask.doc.doc_id, "cell", r.span.page, table=table.title, row=r.name,
                               column="单位名称", value=r.name) for r in rows)
        names = "、".join(r.name for r in rows)
        return Answer(question=ask.raw, route="lookup", text=f"{_where(ask.doc)}列出{len(rows)}个"
                      f"单位：{names}。", value=Decimal(len(rows)), unit="个", citations=cites,
                      values=(Figure("单位数", Decimal(len(rows)), "个"),))
    stated = _stated(ask, exclude)
    if stated:
        return _answer_stated(ask, stated)
    if re.search("单位|机构", q) or ("项目" in q and "项目支出" not in q and not ask.doc.projects):
        what = "单位名单" if re.search("单位|机构", q) else "项目（绩效目标表）"
        return abstain(ask.raw, f"{_where(ask.doc)}没有列出{what}，也没有在说明中写明这个数量。")
    kind, ops = _siblings(ask)
    if "有支出" in q or "有预算" in q or "有钱" in q:
        ops = [o for o in ops if o.value != 0]
    if not ops:
        return abstain(ask.raw, f"{_where(ask.doc)}的表格中没有列出{kind}")
    names = "、".join(o.label for o in ops)
    text = f"{_where(ask.doc)}中共有{len(ops)}个{kind}：{names}。"
    return Answer(question=ask.raw, route="lookup", text=text, value=Decimal(len(ops)), unit="个",
                  values=(Figure(f"{kind}数", Decimal(len(ops)), "个"),),
                  citations=tuple(dict.fromkeys(o.citation for o in ops)))


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
        cites.append(Citation(ask.doc.doc_id, "cell", ind.span.page, table=project.title,
                              row=f"{ind.level1}/{ind.level2}/{ind.level3}", column="指标值",
                              value=ind.value))
        if (m := _NUMBER.search(ind.value)):
            unit = "%" if m.group(2) in "%％" and m.group(2) else m.group(2)
            figures.append(Figure(ind.level3, Decimal(m.group(1)), unit))
    value = figures[0].value if len(figures) == 1 else None
    return Answer(question=ask.raw, route="lookup", text="；".join(lines) + "。", value=value,
                  unit=figures[0].unit if len(figures) == 1 else None, values=tuple(figures),
                  citations=tuple(cites))
