"""Questions over a set of siblings — rank, n-th, position, list, count — where the set comes from the
part's scope: the parts of a concept (三公经费里哪一项), the rows of a fund's table (一般公共预算里哪类),
the rows at a level by one column (项目支出里排第二的类), a subject's children, or the projects."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assistant import compute as c
from assistant.answer import Answer, Figure, abstain
from assistant.compute import Operand, cell_operand, fmt
from assistant.concepts import resolve_concept
from assistant.exact import answer_from, where
from assistant.plan import Planned
from assistant.resolve import project_operand
from assistant.roles import fund_of, is_column
from assistant.textfacts import printed_as, stated_amount
from corpus.ontology import names_agree, ontology
from corpus.records import Row

_TOP = re.compile(r"前\s*([三五十3510])")
_TOPS = {"三": 3, "五": 5, "十": 10, "3": 3, "5": 5, "10": 10}
ECONOMIC_WORDS = ("经济分类", "工资福利", "商品和服务", "对个人和家庭", "人员经费", "公用经费", "基本支出")


def _rows(p: Planned, key: str, keep, column: str | None = None) -> list[Operand]:
    table = p.ask.doc.table(key)
    if table is None:
        return []
    ops = []
    for row in table.rows:
        if not keep(row):
            continue
        name = column if column and row.cell(column) is not None else _first_amount(row)
        if name and row.value(name) is not None:
            ops.append(cell_operand(p.ask.doc, table, row, name, row.name))
    return ops


def _first_amount(row: Row) -> str | None:
    return next((c.column for c in row.cells if c.value is not None), None)


class Incomplete(Exception):
    """Some parts of a whole are not stated: a rank or list over the rest would mislead."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__("、".join(missing))
        self.missing = missing


def _concept_parts(p: Planned, concept: str) -> list[Operand]:
    found = ontology().concept(concept)
    names = list(found.children) if found and found.children else [part for part, _ in found.within] if found else []
    names = names or list(ontology().parts_of(concept))
    ops, missing = [], []
    for name in names:
        op = resolve_concept(p.ask.doc, name) or stated_amount(p.ask.doc, name)
        if op is None:
            missing.append(name)
        else:  # 政府采购货物（货物采购金额）: the 说明's own words beside the standard name
            printed = printed_as(p.ask.doc, name) if op.citation.kind == "text" else None
            ops.append(replace(op, label=f"{op.label}（{printed}）") if printed else op)
    if missing and ops:
        raise Incomplete(missing)
    return ops


def _level(p: Planned, default: str) -> str:
    return p.part.scope.level or default


_PROJECTS_ASKED = re.compile(r"项目(?!支出|经费|资金|预算)")


_SET_WORDS = re.compile(r"(?:[个几那这各所有后面前附的]|专项|项目|经费|情况|说明)*")  # the set's own name
_COUNTED = re.compile(r"(?:几|多少)[个项家所]?([\u4e00-\u9fff]{1,2})")  # what a count counts
_DESCRIBED_ASKED = re.compile(r"专项(?!资金)|经费情况说明|项目情况说明")


def _described_asked(p: Planned) -> bool:
    """The set asked is the 说明's described projects: named so (专项, 经费情况说明), or 项目 when the
    document has no 绩效目标表 projects to mean instead."""
    doc, text = p.ask.doc, p.part.text
    named = [r for r in p.operands if not _SET_WORDS.fullmatch(r.mention.surface)]
    if not doc.described or any(r.candidates for r in named if r.mention.targets):
        return False
    counted = _COUNTED.search(text)
    if p.part.op == "count" and counted and not _SET_WORDS.fullmatch(counted.group(1)):
        return False  # 科技创新专项定了多少家企业要认定: a count of 企业, not of the projects
    return bool(_DESCRIBED_ASKED.search(text)) or (not doc.projects and bool(_PROJECTS_ASKED.search(text)))


ADDED = re.compile(r"加起来|加在一起|合计|一共|总共|总计|共计")  # a set's members asked added


def set_named(p: Planned) -> bool:
    """The part names only the 说明's described projects as a set (那几个专项, 所有专项)."""
    return bool(p.operands) and all(_SET_WORDS.fullmatch(r.mention.surface) for r in p.operands) and \
        _described_asked(p)


def set_total(p: Planned) -> Answer | None:
    """那几个专项的年度预算加起来: the members of a set named only by its name, added."""
    if not set_named(p):
        return None
    from assistant.exact import compute_answer

    _, ops = members(p)
    return compute_answer(p.ask, "sum", ops) if len(ops) >= 2 else None


def members(p: Planned) -> tuple[str, list[Operand]]:
    """What the set is called and its members, each a cited figure."""
    scope, doc = p.part.scope, p.ask.doc
    within = scope.within
    named = [r for r in p.part.refs if r.role in ("operand", "part")]
    projects = [r for r in p.operands if r.mention.targets and r.mention.targets[0].kind == "text_project"]
    if projects:  # 贸易高质量发展专项的钱分成哪几块: what its 年度预算安排 lists
        from assistant.project_text import project_items

        return "组成部分", project_items(doc, projects[0].mention.surface)
    listed = _listed_in_text(p, within or (named[0] if len(named) == 1 else None))
    if listed:  # 说明里列出的那几个项目支出，排第二的: the items the 说明 lists under it
        return "说明所列项目", listed
    if within is None and len(named) == 1 and named[0].kind == "concept" and \
            (_has_table_parts(named[0].key or "") or is_column(named[0])):
        within = named[0]  # 三公经费由哪几块组成: its parts; 项目支出都花在哪几个科目: by its column
    rows_asked = (scope.level in ("类", "款") and _split_by_columns(within)) or "科目" in p.part.text or \
        scope.scheme is not None  # 全部支出里哪一类: rows; 政府采购里哪一类: its parts
    if within is not None and within.kind == "concept" and not is_column(within) and not rows_asked:
        return "组成部分", _concept_parts(p, within.key or "")
    column = within.key if within is not None and within.kind == "concept" and is_column(within) else None
    holder = p.within if within is not None and within.kind != "concept" else None
    if within is None and len(named) == 1 and named[0].kind in ("subject", "code") and p.operands:
        holder = p.operands[0]  # 商品和服务支出都花在哪几项上: the rows under it
    if holder is not None and holder.mention.targets and holder.mention.targets[0].kind == "subject":
        target = holder.mention.targets[0]
        for key in ((scope.fund,) if scope.fund else ()) + ("expense", "gpb_expense", "gpb_basic", "income"):
            parents = [row for k, row in target.rows if k == key and row.code]
            if parents:
                code, level = parents[0].code, scope.level
                deeper = level and level != parents[0].level and level in ("款", "项")
                leaves = _rows(p, key, lambda r, c=code, lv=level: r.level == lv and (r.code or "").startswith(c)) \
                    if deeper and (p.part.op == "list" or f"{level}级" in p.part.text) else []
                if leaves:  # 住房保障支出分哪几项: its 项 (an 经济分类 类 has none: its 款 then)
                    return f"{level}级科目", leaves
                rows = _rows(p, key, lambda r, c=code: r.parent == c)
                while p.part.op in ("list", "rank", "nth") and len(rows) == 1 and rows[0].citation.row:
                    # 住房保障支出包括哪几项 / 下面哪个项最大: one 款 says nothing; what it holds is asked
                    only = rows[0].citation.row.split()[0]
                    deeper = _rows(p, key, lambda r, c=only: r.parent == c)
                    if not deeper:
                        break
                    rows = deeper
                return "下级科目", rows
    if _described_asked(p):  # 几个专项经费情况说明里哪个专项最大: the projects the 说明 describes
        from assistant.project_text import text_project

        return "专项" if "专项" in p.part.text else "项目", \
            [op for d in doc.described if (op := text_project(doc, d.name)) is not None]
    if doc.projects and _PROJECTS_ASKED.search(p.part.text):  # 项目支出一共有几个项目: its projects
        return "项目", [op for pr in doc.projects if (op := project_operand(doc, pr))]
    within = scope.within.key if scope.within is not None else None  # 日常公用开支里: 公用经费, said otherwise
    economic = scope.scheme == "经济分类" or (scope.scheme is None and column not in ("项目支出",) and (
        any(w in p.part.text for w in ECONOMIC_WORDS) or within in ECONOMIC_WORDS))
    if economic and doc.table("gpb_basic") is not None:
        level = "类" if scope.level == "类" or (scope.level is None and "类" in p.part.text) else "款"
        econ_column = column if column in ("人员经费", "公用经费") else None
        return "经济分类科目", _rows(p, "gpb_basic", lambda r: r.level == level, econ_column)
    key = scope.fund or "expense"
    if doc.table(key) is None and key == "expense":
        key = "gpb_expense"
    leaves = p.part.op == "list" and column is not None and scope.level is None
    level = _level(p, "项" if leaves else "类")  # 项目支出花在哪些科目: the most detailed rows
    names = ontology().concept(column).column if column and ontology().concept(column) else ()
    col = next((n for n in names if doc.table(key) and n in doc.table(key).columns), None)
    rows = _rows(p, key, lambda r: r.level == level, col)
    return "功能分类科目", [o for o in rows if o.value != 0] if col else rows


# the 说明's list asked: said to be in it, or its items asked as 项目 (花在哪些项目上)
_IN_TEXT = re.compile(r"说明|列出|列举|提到|写到|写的|文字里|主要为|哪些项目|哪几个项目|哪几项|什么项目")


def _listed_in_text(p: Planned, ref) -> list[Operand]:
    """The named items the 说明 lists right after the concept's amount, when the question points at the
    说明's list (说明里列出的那几个项目支出) — as the shared prose reader reads them."""
    from assistant.qtext import plain_name
    from assistant.textfacts import cited
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts, stated_parts

    if ref is None or ref.kind != "concept" or not ref.key or not _IN_TEXT.search(p.part.text):
        return []
    doc = p.ask.doc
    return [Operand(plain_name(s.name), s.value, s.unit, cited(doc, s, s.short_quote()))
            for s in stated_parts(stated_facts(doc, stated_patterns()), ref.key)]


def _ordered(p: Planned, ops: list[Operand]) -> list[Operand]:
    return sorted(ops, key=lambda o: o.value, reverse=p.part.scope.order != "asc")


def _rank(p: Planned, kind: str, ops: list[Operand]) -> Answer:
    ranked = _ordered(p, ops)
    top = _TOP.search(p.part.text)
    chosen = ranked[: _TOPS[top.group(1)]] if top else ranked[:1]
    word = "最少" if p.part.scope.order == "asc" else "最多"
    best = chosen[0]
    text = f"{where(p.ask.doc)}中，在{len(ops)}项{kind}里{word}的是{best.label}，{fmt(best.value)}{best.unit}。"
    if len(chosen) > 1:
        sign = " ＜ " if p.part.scope.order == "asc" else " ＞ "
        text += "依次为：" + sign.join(f"{o.label}（{fmt(o.value)}{o.unit}）" for o in chosen) + "。"
    figures = (*(Figure(o.label, o.value, o.unit) for o in chosen),
               Figure(f"参与比较的{kind}数", Decimal(len(ops)), "项"))
    return answer_from(p.ask, "arithmetic", text, operands=tuple(ranked), value=chosen[0].value, unit=chosen[0].unit,
                   figures=figures)


def _nth(p: Planned, kind: str, ops: list[Operand], allowed: list[Operand] | None = None) -> Answer:
    place = p.part.scope.n or 1
    ranked = _ordered(p, ops)
    if allowed is not None:  # the n-th as ranked, or the next one the question does not leave out
        place = next((i + 1 for i in range(place - 1, len(ranked)) if ranked[i] in allowed), len(ranked) + 1)
    if not 0 < place <= len(ranked):
        return abstain(p.ask.raw, f"{where(p.ask.doc)}中只有{len(ranked)}项{kind}。")
    one = ranked[place - 1]
    order = "小到大" if p.part.scope.order == "asc" else "大到小"
    text = f"{where(p.ask.doc)}中，在{len(ranked)}项{kind}里排第{place}（按金额从{order}）的是{one.label}，" \
           f"{fmt(one.value)}{one.unit}。"
    return answer_from(p.ask, "arithmetic", text, operands=tuple(ranked[:place]), value=one.value, unit=one.unit,
                   figures=(Figure(one.label, one.value, one.unit), Figure("名次", Decimal(place), "名"),
                            Figure(f"参与比较的{kind}数", Decimal(len(ranked)), "项")))


def _position(p: Planned) -> Answer | None:
    """城乡社区支出排第几: its place among the rows of its level and parent."""
    subjects = [t for m in p.ask.mentions for t in m.targets if t.kind == "subject"]
    key = p.part.scope.fund or "expense"
    rows = [row for t in subjects[:1] for k, row in t.rows if k == key and row.code]
    if not rows:
        return None
    me = rows[0]
    peers = _rows(p, key, lambda r: r.level == me.level and r.parent == me.parent)
    ranked = _ordered(p, peers)
    place = next((i + 1 for i, o in enumerate(ranked) if o.label == me.name), None)
    if place is None:
        return None
    one = ranked[place - 1]
    order = "从小到大" if p.part.scope.order == "asc" else "从大到小"
    text = (f"{where(p.ask.doc)}中，{one.label}{fmt(one.value)}{one.unit}，在同级{len(ranked)}项科目中"
            f"按金额{order}排第{place}。")
    return answer_from(p.ask, "arithmetic", text, operands=tuple(ranked), value=Decimal(place), unit="名",
                   figures=(Figure(one.label, one.value, one.unit), Figure("名次", Decimal(place), "名"),
                            Figure("同级科目数", Decimal(len(ranked)), "项")))


def _listing(p: Planned, kind: str, ops: list[Operand]) -> Answer:
    listing = "；".join(f"{o.label} {fmt(o.value)}{o.unit}" for o in ops)
    figures = (*(Figure(o.label, o.value, o.unit) for o in ops), Figure(f"{kind}数", Decimal(len(ops)), "项"))
    return answer_from(p.ask, "lookup", f"{where(p.ask.doc)}中共{len(ops)}项{kind}：{listing}。", operands=tuple(ops),
                   figures=figures)


_THINGS = re.compile(r"(多少|几)\s*(辆|台|名|套|间|平方米|平米|位|个人|人次|人|批次|批|层)(?!民)")


_SAME_MEASURE = {"批": ("批次", "批"), "批次": ("批次", "批"), "平米": ("平方米", "平米")}  # as printed


def _count(p: Planned) -> Answer:
    return _in_measure(p, _counted(p))


def _counted(p: Planned) -> Answer:
    from assistant.ranking import answer_count
    from assistant.stated import indicator_count, project_count
    from assistant.textfacts import named_after, stated_count

    things = _THINGS.search(p.part.text)
    if things:  # 多少名员工 / 几辆车: a count the 说明 may state, never a count of rows
        carried = "".join(r.text for r in p.part.refs if r.role == "operand" and r.text not in p.part.text)
        measure = _SAME_MEASURE.get(things.group(2), things.group(2))
        stated = stated_count(p.ask.doc, carried + p.part.text, measure)  # 几批、多少人次: 公务接待's
        if stated is not None:
            said = f"据{where(p.ask.doc)}说明，{stated.label}{fmt(stated.value)}{stated.unit}{named_after(stated)}。"
            return answer_from(p.ask, "lookup", said, operands=(stated,), value=stated.value, unit=stated.unit)
        indicated = (project_count(p) or indicator_count(p, "人")) if measure in ("人", "名") else None  # 救助多少人
        if indicated is not None:
            said = f"据{where(p.ask.doc)}该项目的绩效目标，{indicated.label}为{indicated.citation.value}。"
            return answer_from(p.ask, "lookup", said, operands=(indicated,), value=indicated.value,
                               unit=indicated.unit)
        return abstain(p.ask.raw, f"{where(p.ask.doc)}只公开金额，没有公开这类数量（人数、车辆数等）。")
    if (whole := _with_headquarters(p)) is not None:
        return whole

    within = p.part.scope.within
    if within is not None and within.kind == "concept" and not is_column(within):
        _, ops = members(p)
        names = "、".join(o.label for o in ops)
        count = Decimal(len(ops))
        return Answer(question=p.ask.raw, route="lookup", text=f"{where(p.ask.doc)}中{within.text}共有{len(ops)}项："
                      f"{names}。", value=count, unit="项", values=(Figure("项数", count, "项"),),
                      citations=tuple(dict.fromkeys(o.citation for o in ops)))
    if p.part.scope.level is not None:
        return _count_rows(p)  # 几个类有项目支出: the classification's rows, never a count the 说明 states
    excluded = tuple(r.text for r in p.part.refs if r.role == "excluded")
    q = p.ask.q
    for word in excluded:
        q = q.replace(word, "")
    found = answer_count(replace(p.ask, q=q), excluded)
    return found if found is not None else _count_rows(p)


def _in_measure(p: Planned, answer: Answer) -> Answer:
    """几家单位 / 几款: the count said with the asker's measure word (2家, not 2个)."""
    from assistant.parse import COUNTED

    asked = COUNTED.search(p.part.text)
    measure = asked.group(1) if asked else None
    if answer.abstained or answer.unit != "个" or measure not in ("家", "所", "处"):
        return answer
    said = f"{fmt(answer.value)}个" if answer.value is not None else None
    text = answer.text.replace(said, f"{fmt(answer.value)}{measure}") if said else answer.text
    values = tuple(replace(f, unit=measure) if f.unit == "个" else f for f in answer.values)
    return replace(answer, unit=measure, text=text, values=values)


def _count_rows(p: Planned) -> Answer:
    """有几个功能分类 / 有几个项目: the members of the set asked, counted."""
    kind, ops = members(p)
    unread = _unread(p, kind)
    if unread:  # 多少家企业要认定 / 持平的科目有几个: not the subjects' count
        return abstain(p.ask.raw, f"{where(p.ask.doc)}没有列出可以数的“{unread}”，无法给出个数。")
    if re.search(r"有支出|有预算|有钱|分布|涉及|有[^，。？?]{0,8}(?:支出|经费)", p.part.text):
        ops = [o for o in ops if o.value != 0]
    if not ops:
        return abstain(p.ask.raw, f"{where(p.ask.doc)}的表格中没有列出{kind}")
    count = Decimal(len(ops))
    text = f"{where(p.ask.doc)}中共有{len(ops)}个{kind}：{'、'.join(o.label for o in ops)}。"
    return Answer(question=p.ask.raw, route="lookup", text=text, value=count, unit="个",
                  values=(Figure(f"{kind}数", count, "个"),),
                  citations=tuple(dict.fromkeys(o.citation for o in ops)))


_HEADQUARTERS = re.compile(r"(本部|本级|机关)(?:以及|及|和|与)?下属(?:的)?(\d+)\s*(家|个)")
_WHOLE = re.compile(r"一共|总共|共有|包含|包括|连.{0,4}在内|加上|全部|总计|合计")


def _with_headquarters(p: Planned) -> Answer | None:
    """部门预算一共包含几家单位: the 说明's 本部以及下属N家 counts N + 1 when the whole is asked."""
    if not _WHOLE.search(p.part.text) or "下属" in p.part.text or not re.search(r"单位|家", p.part.text):
        return None
    if p.part.scope.within is not None or any(r.kind in ("name", "document", "subject", "code")
                                               for r in p.part.refs if r.role == "operand"):
        return None  # 港航管理局下面包含几个: a named unit's own count, not the department's
    from assistant.textfacts import _citation
    from index.stated import sentences

    for section in p.ask.doc.sections:
        for sentence, page in sentences(section):
            m = _HEADQUARTERS.search(sentence)
            if m is None:
                continue
            cite = _citation(p.ask.doc, section, sentence, page)
            one = Operand(m.group(1), Decimal(1), m.group(3), cite)
            under = Operand(f"下属{m.group(3)}数", Decimal(m.group(2)), m.group(3), cite)
            result = c.add([one, under])
            text = f"据{where(p.ask.doc)}说明，部门预算包括{m.group(1)}及下属{m.group(2)}{m.group(3)}，" \
                   f"共{fmt(result.value)}{m.group(3)}。"
            return answer_from(p.ask, "arithmetic", text, result)
    return None


def answer_set(p: Planned) -> Answer:
    op = p.part.op
    if op == "count":
        return _count(p)
    if op == "position" and (found := _position(p)) is not None:
        return found
    try:
        kind, ops = members(p)
    except Incomplete as gap:
        return abstain(p.ask.raw, f"{where(p.ask.doc)}没有列出{gap}的数额，无法在各组成部分中比较或列全。")
    unread = _unread(p, kind)
    if unread:  # 哪个专项最大 / 持平的科目有几个: not a ranking of the subjects
        return abstain(p.ask.raw, f"{where(p.ask.doc)}没有列出可以比较的“{unread}”的数额。")
    kept = _without_excluded(p, ops)
    if op == "nth" and len(kept) < len(ops):
        return _nth(p, kind, ops, kept)  # 除了城乡社区，第二多: counted as ranked, never the one left out
    ops = kept
    if p.part.scope.fund and fund_of(p.part.scope.within) is None and not ops:
        return abstain(p.ask.raw, f"{where(p.ask.doc)}的表格中没有可比较的{kind}")
    if not ops:
        return abstain(p.ask.raw, f"{where(p.ask.doc)}的表格中没有可比较的{kind}")
    if op == "list":
        return _listing(p, kind, ops)
    if op == "nth":
        return _nth(p, kind, ops)
    return _rank(p, kind, ops)


def _unread(p: Planned, kind: str) -> str | None:
    """A name the question gives the set that nothing in the document is (专项, 企业): the default
    set, the 功能分类 subjects, is then not what was asked about."""
    if kind != "功能分类科目":
        return None
    named = [*p.operands, *((p.within,) if p.within is not None else ())]
    return next((r.mention.surface for r in named if not r.candidates
                 and not _SUBJECT_WORDS.search(r.mention.surface)), None)


_SUBJECT_WORDS = re.compile(r"类别|分类|科目|类|款|(?<!专)项(?!目)|方面|领域")  # 支出类别: the subjects, said so


def _without_excluded(p: Planned, ops: list[Operand]) -> list[Operand]:
    """除了城乡社区支出，哪一类最多: the members the question leaves out are not ranked or listed."""
    names: list[str] = []
    for ref in (r for r in p.part.refs if r.role == "excluded"):
        known = ontology().subject(ref.key or "") if ref.kind in ("subject", "code") else None
        names += [ref.text, *((known.name,) if known else ()), *(ontology().concept(ref.key).aliases
                                                                 if ref.kind == "concept" and ref.key and
                                                                 ontology().concept(ref.key) else ())]
    if not names:
        return ops
    return [o for o in ops if not names_agree(o.label, tuple(names))]


def text_list(p: Planned) -> bool:
    """机关运行经费包括哪些 / 有哪些内设机构: what the text lists, not rows of a table."""
    if p.part.scope.within is not None:
        return False
    refs = [r for r in p.part.refs if r.role in ("operand", "part")]
    if not refs:
        return not re.search(r"科目|分类|支出|收入|经费|项目|指标|[款类]|预算|资金|费", p.part.text)
    if any(not r.mention.targets or r.mention.targets[0].kind in ("project", "indicator") for r in p.operands):
        return True  # 工作保障措施有哪些: a phrase no table row answers
    concepts = [r for r in refs if r.kind == "concept"]
    if len(refs) == 1 and _listed_in_text(p, refs[0]):
        return False  # 说明里提到的项目支出有哪些: the items it lists with their amounts
    return len(concepts) == len(refs) and not any(_has_table_parts(r.key or "") for r in concepts) and \
        not re.search(r"科目|分类|[类款]", p.part.text)


def _split_by_columns(within) -> bool:
    """A total whose parts are amount columns (基本支出/项目支出): its 类 and 款 are the table's rows."""
    concept = ontology().concept(within.key or "") if within is not None and within.kind == "concept" else None
    return concept is None or any(ontology().concept(c) and ontology().concept(c).column for c in concept.children)


def _has_table_parts(concept: str) -> bool:
    found = ontology().concept(concept)
    return bool(found and (found.children or found.within))
