"""A part's operation and its operands' roles, settled once both are read: the container every operand
is read inside, a fund that scopes rather than adds, the part and whole of a share, a period that turns
a lookup into last year's figure."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from assistant.query import Part, Ref
from corpus.ontology import ontology

# the department's totals (and the year's, without 上年结转): what a row's own total is never said as
DEPARTMENT_TOTALS = frozenset({"支出总计", "本年支出合计", "收入总计", "本年收入合计"})
FIGURE_OPS = ("lookup", "each", "sum", "difference", "compare", "share", "multiple", "growth", "change",
              "prior", "average", "completion")
_COLUMN_GAP = re.compile(r"(?:\([类款项]\))?(?:那|这)?一?[项类款个笔家]?(?:单位)?(?:自己|自身|本身)?(?:里面|中|里)?的?")
# X(项)的项目支出 / 人民会堂这个单位自己的人员经费
# 涉及, 增加, 参加 hold no joiner
_JOINERS = re.compile(r"和|与|(?<!涉)及|、|(?<![增追参附外施])加(?!强|快|大)|跟|合计|一共|总共|共计|之和|总和")


def fund_of(ref: Ref | None) -> str | None:
    if ref is None or ref.kind != "concept" or ref.key is None:
        return None
    concept = ontology().concept(ref.key)
    return concept.fund if concept else None


def is_column(ref: Ref) -> bool:
    concept = ontology().concept(ref.key or "") if ref.kind == "concept" else None
    return bool(concept and concept.column)


def _in_place(part: Part, ref: Ref) -> bool:
    return ref.start >= 0 and part.text[ref.start: ref.start + len(ref.text)] == ref.text


def _gap(part: Part, left: Ref, right: Ref) -> str:
    return part.text[left.start + len(left.text): right.start]


KNOWN = ("concept", "subject", "code", "word", "document")


# what may stand between a name and what it narrows: 社区中心那个项目今年每个季度用款计划 is one thing
_NO_JOIN = re.compile(r"(?:的|那个|这个|这家|那家|该|项目|工程|单位|自己|自身|本身|今年|本年|全年|当年|每个|每一?|"
                      r"所?涉及|对应|相关|(?:19|20)\d{2}年度?)*")


def _qualifiers(part: Part) -> Part:
    """人民会堂(的)机关运行经费, 养老保险缴费: an unknown phrase right beside a known name narrows it — the
    planner reads the two as one name, or as the known one within the phrase, or says it cannot."""
    refs = list(part.refs)
    for i in range(len(refs) - 1):
        left, right = refs[i], refs[i + 1]
        if not (_in_place(part, left) and _in_place(part, right)):
            continue  # carried from the part before (or said as 后者): it stands beside nothing here
        gap = _gap(part, left, right)
        if left.kind == "name" and left.role == "operand" and right.kind in (*KNOWN, "name") and \
                _NO_JOIN.fullmatch(gap) and not is_column(right):
            refs[i] = replace(left, role="qualifier")
        elif right.kind == "name" and right.role == "operand" and left.kind in KNOWN and gap == "" and \
                not is_column(left):
            refs[i + 1] = replace(right, role="qualifier")
        elif _describes(part, left, right):
            refs[i] = replace(left, role="qualifier")
    return replace(part, refs=tuple(refs))


_CLAUSE_GAP = re.compile(r"[^，,。；;？?！!、]{0,12}")
_IS = re.compile(r"是|属于|叫|算作|归入|列入|列在|走")  # 这些钱走的是“X”: X said in other words, not narrowed


def _describes(part: Part, left: Ref, right: Ref) -> bool:
    """局长2024年一年的工资收入 / 那2台单价100万以上的设备: one figure asked (no 和, no 各), an unknown phrase
    before the asked name describes it — never a second figure of its own, answered beside a nearby one."""
    if part.op != "lookup" or left.kind != "name" or left.role != "operand" or right.role != "operand" or \
            not (_in_place(part, left) and _in_place(part, right)):
        return False
    gap = _gap(part, left, right)
    return _CLAUSE_GAP.fullmatch(gap) is not None and not _JOINERS.search(gap) and not _IS.search(gap)


def _bind_columns(part: Part) -> Part:
    """城乡社区支出的基本支出: a column concept right after a subject reads that subject's row, which
    becomes what the part is read within."""
    if part.op not in FIGURE_OPS or any(r.role == "container" and not fund_of(r) and not is_column(r)
                                        for r in part.refs):  # 全部项目支出里，X的项目支出: X's row still binds
        return part
    refs = list(part.refs)
    if rows_then_column(part, [r for r in refs if r.role == "operand"]):
        return part  # 行政运行和一般行政管理事务的基本支出: the column of each row listed, not of the last
    for i in range(1, len(refs)):
        row, column = refs[i - 1], refs[i]
        if is_column(column) and row.kind in ("subject", "code", "name", "document") and row.role == "operand" and \
                _in_place(part, row) and _in_place(part, column) and _COLUMN_GAP.fullmatch(_gap(part, row, column)):
            refs[i - 1] = replace(row, role="container")
            break
    return replace(part, refs=tuple(refs))


def _containers(part: Part) -> Part:
    """The first container is what the part is read in; a fund container scopes to the fund's table."""
    containers = [r for r in part.refs if r.role == "container"]
    if not containers:
        return part
    refs = [r for r in part.refs if r.role != "container"]
    scope = part.scope
    for c in containers:
        if fund_of(c):
            scope = replace(scope, fund=fund_of(c))
            if part.op == "share":
                refs.append(replace(c, role="whole"))  # 一般公共预算支出里项目支出占比: of the fund's total
        elif scope.within is not None and is_column(scope.within) and c.kind != "concept":
            scope = replace(scope, within=c)  # 全部项目支出里，X的项目支出: X's cell (over the column's total)
        elif scope.within is not None and _named_in(c, scope.within):  # 商贸事务款下面 行政运行 这一项
            refs.append(replace(scope.within, role="outer"))  # the inner one, found inside the outer
            scope = replace(scope, within=c)
        elif scope.within is None or _inside(c, scope.within):  # 社保那块的养老支出里: the inner one
            if scope.within is not None and part.op == "share":
                refs = [r for r in refs if r is not scope.within and r != replace(scope.within, role="whole")]
            scope = replace(scope, within=c)
            if part.op == "share":  # 一般公共预算里X那块，项目支出占多少: of X's row; the fund only scopes it
                refs = [r for r in refs if not (r.role == "whole" and fund_of(r))]
                refs.append(replace(c, role="whole"))  # 在A里面，B占多少: A is the whole
    return replace(part, refs=tuple(sorted(refs, key=lambda r: r.start)), scope=scope)


def _named_in(inner: Ref, outer: Ref) -> bool:
    """A name said after a 款 it may sit in, with no code of its own (行政运行, a 项 many 款 hold)."""
    return outer.kind == "subject" and len(outer.key or "") == 5 and inner.kind in ("subject", "name", "document") \
        and not inner.key and inner.start > outer.start >= 0


def _inside(inner: Ref, outer: Ref) -> bool:
    """A subject under another (20805 under 208)."""
    return inner.kind == outer.kind == "subject" and bool(inner.key and outer.key) and \
        inner.key != outer.key and (inner.key or "").startswith(outer.key or "")


def _funds(part: Part) -> Part:
    """城乡社区支出中政府性基金预算多少 / 一般公共预算的基本支出: a fund named beside other things
    scopes them to its table; alone (or as what a share is of) it is a figure itself."""
    funds = [r for r in part.refs if fund_of(r) and r.role in ("operand",)]
    others = [r for r in part.refs if not fund_of(r) and r.role in ("operand", "whole")
              and (r.kind != "concept" or is_column(r))]  # what a fund can scope: rows and columns
    ranked = part.op in ("rank", "nth", "list", "count") and part.scope.level is not None  # 按类分，排第二
    if len(funds) != 1 or not (others or part.scope.within or ranked):
        return part
    fund = funds[0]
    if part.op in ("share", "multiple", "difference", "compare"):
        return part  # 城乡社区支出占一般公共预算支出的比例 / 政府性基金占财政拨款收入: the fund is a figure
    refs = tuple(r for r in part.refs if r is not fund)
    return replace(part, refs=refs, scope=replace(part.scope, fund=fund_of(fund)))


def _fiscal_before(part: Part) -> Part:
    """财政拨款三公经费 / 一般公共预算财政拨款的机关运行经费: a fund (or 财政拨款) said right before a
    concept that is no column only says what money the figure is of; it is no second figure."""
    refs = list(part.refs)
    for left, right in itertools.pairwise(part.refs):
        fiscal = left.key == "财政拨款收入" or fund_of(left) is not None
        if fiscal and not re.search(r"收入|支出|总计|合计|总额$", left.text) and right.kind == "concept" and \
                not is_column(right) and left.start >= 0 and _in_place(part, right) and \
                part.text[left.start + len(left.text):right.start] in ("", "的"):
            refs.remove(left)
    return replace(part, refs=tuple(refs)) if len(refs) != len(part.refs) else part


def _without_wholes(part: Part) -> Part:
    """面向中小企业预留的政府采购金额 / 基本支出中人员经费: a whole named beside its own part, when one
    figure is asked, only says where the part is; it is no second figure."""
    if part.op not in ("lookup", "each", "sum", "list"):
        return part
    named = [r for r in part.refs if r.role == "operand"]
    parents = {p for r in named if r.kind == "concept" and r.key for p in ontology().ancestors(r.key)}
    if any(r.kind in ("name", "document") for r in named):
        parents.add("项目支出")  # a project is part of 项目支出 (checked against the document when planned)
    parents |= {whole for r in named if r.kind in ("subject", "code") for whole, classes in _ECONOMIC_WHOLES
                if (r.key or "").startswith(classes)}  # 人头费，津贴补贴加上绩效工资: 301's rows are 人员经费's
    listed = {id(a) for a, b in itertools.pairwise(named) if _in_place(part, a) and _in_place(part, b)
              and _LISTED.fullmatch(_gap(part, a, b))}  # 面向中小企业和小微企业预留的…各多少: both asked
    if rows_then_column(part, named):  # A和B的项目支出 / X款里的项目支出，分别按A、B: the column asked
        listed |= {id(r) for r in named if r.kind == "concept"}
    kept = tuple(r for r in part.refs if not (r.role == "operand" and r.kind == "concept" and r.key in parents
                                              and len(named) > 1 and id(r) not in listed))
    return replace(part, refs=kept)


_ROWS = ("subject", "code", "document", "name")


def rows_then_column(part: Part, named: list[Ref]) -> bool:
    """行政运行和信息化建设的项目支出: two or more rows listed, then 的 and one column — that column of each;
    财政事务款里的项目支出，分别按A、B、C: the column said first, inside a container, then the rows."""
    held = [r for r in part.refs if r.role == "container"] + ([part.scope.within] if part.scope.within else [])
    if len(named) >= 3 and is_column(named[0]) and all(r.kind in _ROWS for r in named[1:]) and \
            any(0 <= r.start < named[0].start for r in held):
        return True
    if len(named) < 3 or not is_column(named[-1]) or any(r.kind not in _ROWS for r in named[:-1]) or \
            not all(_in_place(part, r) for r in named):
        return False
    joined = all(_LISTED.fullmatch(_gap(part, a, b)) or _gap(part, a, b) in ("，", ",")  # 、 reads as ，
                 for a, b in itertools.pairwise(named[:-1]))
    return joined and _gap(part, named[-2], named[-1]) in ("的", "")


# the 经济分类 classes a 基本支出 column holds, by the national standard (工资福利 and 对个人和家庭的补助 are
# 人员经费; 商品和服务 and 资本性 are 公用经费)
_ECONOMIC_WHOLES = (("人员经费", ("301", "303")), ("公用经费", ("302", "310")), ("基本支出", ("301", "302", "303")))


# 和 / 的采购预算和: what stands between two names both asked — a joiner, after at most a few words
# that end the first name's phrase
_LISTED = re.compile(r"(?:的?[^，,。；;和与及、跟]{0,6})?(?:和|与|及|以及|、|跟)")


_AGAINST_NAMED = re.compile(r"(?:相)?比(?:较)?|对比")  # A跟B比，A多了多少: A against B, not last year


def _against_each_other(part: Part, a: Ref, b: Ref) -> bool:
    """A比B / A跟B比: the two named are compared."""
    if "比" in _gap(part, a, b):
        return True
    return b.start >= 0 and _AGAINST_NAMED.match(part.text, b.start + len(b.text)) is not None


def _fix_op(part: Part) -> Part:
    operands = [r for r in part.refs if r.role in ("operand", "whole")]
    op = part.op
    if op == "lookup" and part.scope.period == "last":
        op = "prior"
    if op == "change" and part.scope.basis == "both" and part.scope.period is None:
        op = "difference"  # 决算比预算少了多少: the two figures of one year, not against last year
    if op == "change" and len(operands) >= 2 and _against_each_other(part, operands[0], operands[1]):
        op = "difference"  # 年末结转结余比年初结转结余少了多少: the two named, not either against last year
    if op in ("sum", "compare") and len(operands) < 2 and not _periods_added(part, operands):
        op = "lookup"  # 一共多少钱: one figure
    if op in ("each", "list") and len(operands) < 2 and part.scope.basis == "both":
        op = "lookup"  # 三公经费年初预算和决算各多少: 各 spreads over the pair, not over the children
    if op == "each" and len(operands) < 2:  # 政府采购里，各自金额是多少: what it is made of, each
        op = "list" if (operands and _has_parts(operands[0]) and part.scope.within is None) or \
            (not operands and part.scope.within is not None) else "lookup"
    if op == "list" and len(operands) >= 2:
        op = "each"  # 基本支出、项目支出各多少: each named figure
    if op == "lookup" and len(operands) >= 2:
        op = "sum" if _joined(part) else "each"  # named without 和/合计: each said, never silently added
    if op in ("lookup", "each") and _DOES.search(part.text) and not _MONEY.search(part.text) and \
            all(r.kind == "name" for r in operands):
        op = "text"  # 会组织志愿服务吗: whether it does something — the 说明 says, no figure is asked
    return replace(part, op=op)


_DOES = re.compile(r"(?:会不会|会|能不能|能|可以)[\u4e00-\u9fff]{2,14}?(?:吗|么|没有|不)?$")  # 有没有: _EXISTS
_MONEY = re.compile(r"多少|几|钱|费|经费|资金|预算|决算|支出|收入|金额|元|拨款|补助|补贴")


_ALL_PERIODS = re.compile(r"[四4]个季度|各季度|全年|各个?月|十二个月|12个月")


def _periods_added(part: Part, operands: list[Ref]) -> bool:
    """每季度用款计划多少？全年加起来呢: one item's periods added — a sum of one named thing."""
    return part.op == "sum" and len(operands) == 1 and bool(_ALL_PERIODS.search(part.text)) and \
        bool(re.search("季度|月", operands[0].text))


def _has_parts(ref: Ref) -> bool:
    concept = ontology().concept(ref.key or "") if ref.kind == "concept" else None
    return bool(concept and (concept.children or concept.within)) or ref.kind in ("subject", "code")


def _joined(part: Part) -> bool:
    rest = part.text
    for ref in sorted(part.refs, key=lambda r: -len(r.text)):
        rest = rest.replace(ref.text, "|")
    return bool(_JOINERS.search(rest))


def _share_roles(part: Part) -> Part:
    """The part is what is named before 占 (or first); the whole is named after 占, or the container."""
    candidates = [r for r in part.refs if r.role in ("operand", "whole")]
    at = part.text.find("占")
    whole = next((r for r in candidates if 0 <= at < r.start and r.role == "operand"), None)
    whole = whole or next((r for r in candidates if r.role == "whole"), None)
    if whole is None and at < 0 and len(candidates) >= 2:
        whole = candidates[-1]  # A与B的比例: A of B
    parts = [r for r in candidates if r is not whole and r.role == "operand"]
    if whole is not None and whole.start >= 0 and at < 0 and any(r.start > whole.start for r in parts):
        parts = [r for r in parts if r.start > whole.start]  # 在基本支出的工资福利支出里，绩效工资: said after
    if at >= 0:
        parts = [r for r in parts if r.start < at][-1:] or parts[:1]
    chosen = [replace(r, role="part") for r in parts[:1]] + ([replace(whole, role="whole")] if whole else [])
    rest = [r for r in part.refs if r.role not in ("operand", "whole")]
    scope = part.scope
    if whole and parts and is_column(parts[0]) and whole.kind in ("subject", "code", "name") and scope.within is None:
        scope = replace(scope, within=whole)  # 项目支出占这一类(城乡社区支出): the column read in that row
    return replace(part, refs=tuple(sorted(chosen + rest, key=lambda r: r.start)), scope=scope)


_ITS_TOTAL = re.compile(r"(?:预算)?总(?:预算|额|数|金额|计|盘子)(?:数)?")  # said right after a name: its total
_MODIFIES = re.compile(r"(?:的)?(?:职工|人员|干部|员工|人)?(?:的)?")  # a word joined to the noun it describes


def _head_nouns(part: Part) -> Part:
    """预留给小微企业的采购 / 面向中小企业预留的政府采购: a concept right after one of its own parts (with 的)
    only names what kind of thing the part is."""
    refs = list(part.refs)
    drop = set()
    for left, right in itertools.pairwise(refs):
        if not (_in_place(part, left) and _in_place(part, right)):
            continue
        if left.kind == "concept" and right.kind == "concept" and left.key and right.key and \
                right.key in ontology().ancestors(left.key) and _gap(part, left, right) in ("的", ""):
            drop.add(id(right))
        if {left.kind, right.kind} == {"word", "subject"} and left.role == right.role == "operand":
            word, subject = (left, right) if left.kind == "word" else (right, left)
            known = ontology().subject(subject.key or "")
            if known and known.name in word.names:
                drop.add(id(word))  # 退休的人发退休费: the row named says which of the word's rows
        if left.role == right.role == "operand" and _ITS_TOTAL.fullmatch(right.text) and \
                re.fullmatch(r"(?:\d{4}年度?)?的?", _gap(part, left, right)):  # X2025年总预算: X's own
            drop.add(id(right))  # 政府采购总预算: the purchase's own total, no second figure (支出总计)
        if left.key and (left.kind, left.key, left.role) == (right.kind, right.key, right.role) and \
                _MODIFIES.fullmatch(_gap(part, left, right)):
            drop.add(id(left))  # 买公车的购置费: one thing named twice, never two figures
        if part.op == "lookup" and left.kind == "word" and left.role == right.role == "operand" and \
                right.kind in ("subject", "code", "concept", "document") and \
                _MODIFIES.fullmatch(_gap(part, left, right)):
            drop.add(id(left))  # 给退休职工死亡抚恤: who the 死亡抚恤 is for, not a second figure
    return replace(part, refs=tuple(r for r in refs if id(r) not in drop)) if drop else part


def _ranked_within(part: Part) -> Part:
    """基本支出里的商品和服务支出排第二的是哪一项 / 都有哪几项: a ranking (or list) among a subject's own
    rows, the column it was named in only saying where they are printed."""
    within = part.scope.within
    subjects = [r for r in part.refs if r.role == "operand" and r.kind in ("subject", "code")]
    if part.op not in ("rank", "nth", "list") or within is None or within.kind != "concept" or len(subjects) != 1:
        return part
    refs = tuple(r for r in part.refs if r is not subjects[0])
    return replace(part, refs=refs, scope=replace(part.scope, within=replace(subjects[0], role="container")))


def _own_total(part: Part) -> Part:
    """社保支出合计多少 (社保 + 支出合计): a total said right after a row names that row's own total, not the
    department's — the row is what is asked."""
    drop = {id(total) for row, total in itertools.pairwise(part.refs)
            if total.kind == "concept" and total.key in DEPARTMENT_TOTALS
            and row.kind in ("subject", "code", "document")
            and row.role == total.role == "operand" and _in_place(part, row) and _in_place(part, total)
            and _gap(part, row, total) in ("", "的")}
    return replace(part, refs=tuple(r for r in part.refs if id(r) not in drop)) if drop else part


_ITS_SHARE = re.compile(r"的?(?:那|这)?一?(?:部分|块)")  # 人民会堂那部分: a body's part of the figure


def _body_share(part: Part) -> Part:
    """机关运行经费多少？人民会堂那部分在里面占多少: the body's own figure of that measure, over the whole."""
    names = [r for r in part.refs if r.kind == "name" and r.role in ("operand", "container") and _in_place(part, r)]
    figures = [r for r in part.refs if r.kind == "concept" and r.role in ("operand", "container")]
    if part.op != "share" or len(names) != 1 or len({r.key for r in figures}) != 1 or is_column(figures[0]) or \
            not _ITS_SHARE.match(part.text, names[0].start + len(names[0].text)):
        return part  # (X这块 of a column: X's row, read in that column)
    body, figure = names[0], figures[0]
    refs = [r for r in part.refs if r is not body and r not in figures]
    refs += [replace(body, role="qualifier"), replace(figure, role="operand", start=body.start + len(body.text)),
             replace(figure, role="container", start=-1)]
    return replace(part, refs=tuple(sorted(refs, key=lambda r: r.start)))


_TAKE = re.compile(r"减掉|减去|扣掉|扣除|刨去|去掉|除去|除掉")


def _taken_out(part: Part) -> Part:
    """政府采购预算里，扣除服务类，还剩多少 / 三公经费里，扣掉出国费和公车运行费，剩下的: the one thing named
    before the taking-out (a container, or an operand) less everything taken out of it (read inside it)."""
    took = _TAKE.search(part.text)
    if part.op != "difference" or took is None:
        return part
    before = [r for r in part.refs if _in_place(part, r) and r.start < took.start() and
              ((r.role == "container" and not fund_of(r)) or r.role == "operand")]
    out = [r for r in part.refs if r.role == "excluded" or (r.role == "operand" and r.start >= took.end())]
    if len(before) != 1 or not out or (len(out) == 1 and before[0].role == out[0].role == "operand"):
        return part  # (A扣掉B: already the two operands, in order)
    taken = {id(r) for r in (*before, *out)}
    refs = [r for r in part.refs if id(r) not in taken or r.role == "container"]
    refs += [replace(r, role="operand") for r in (*before, *out)]
    return replace(part, refs=tuple(sorted(refs, key=lambda r: (r.start, r.role != "operand"))))


def assign(part: Part) -> Part:
    part = _bind_columns(_qualifiers(_head_nouns(_own_total(_body_share(_taken_out(part))))))
    part = _ranked_within(_containers(part))
    part = _funds(_fiscal_before(part))
    part = _fix_op(_without_wholes(part))
    if part.op == "share":
        part = _share_roles(part)
    return part
