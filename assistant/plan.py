"""plan(part, document): each operand of a part resolved to the cells (or stated sentences) it means,
within the part's scope — or the reason it cannot be, which the part then says instead of answering a
neighbouring question."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from assistant.compute import Operand, total_column
from assistant.exact import Ask, where
from assistant.grammar import RECIPIENTS, grammar
from assistant.link import Mention, Target, link, vocabulary
from assistant.project_figures import WHOLE_ASKED, project_pair, project_whole, total_of_project
from assistant.qtext import plain_name
from assistant.query import TEXT_OPS, Part, Ref
from assistant.resolve import Resolved, resolve, row_operand
from corpus.ontology import names_agree, ontology
from corpus.records import Disclosure, Row

NAME_COVER = 0.7  # a name resolves when the document's names found in it cover this much of it
PERIODS = {"before_last": "前年", "next": "以后年度"}


@dataclass(frozen=True)
class Planned:
    part: Part
    ask: Ask  # the part as the table helpers read it
    operands: tuple[Resolved, ...]  # operand / part refs, in order
    whole: Resolved | None = None
    within: Resolved | None = None  # the container, resolved
    problem: str | None = None  # why the part cannot be answered


# ---- refs → mentions ----------------------------------------------------------------------------

def _rows_by_code(doc: Disclosure, code: str) -> tuple[tuple[str, Row], ...]:
    return tuple((t.key, r) for t in doc.tables for r in t.rows if r.code == code)


def _rows_by_name(doc: Disclosure, names: tuple[str, ...]) -> tuple[tuple[str, Row], ...]:
    wanted = {plain_name(n) for n in names}
    return tuple((t.key, r) for t in doc.tables if t.key != "institutions" for r in t.rows
                 if plain_name(r.name) in wanted)


def _subject_mention(doc: Disclosure, ref: Ref) -> Mention | None:
    """A national subject: the document's rows with its code, else with its standard or former name."""
    subject = ontology().subject(ref.key or "")
    rows = _rows_by_code(doc, ref.key or "")
    if ref.kind == "code" and len(ref.text) > len(ref.key or ""):  # 2012902一般行政管理事务: name must agree
        named = plain_name(ref.text[len(ref.key or ""):])
        rows = tuple((k, r) for k, r in rows if named in plain_name(r.name) or plain_name(r.name) in named) or rows
    if ref.kind == "subject" and subject is not None:  # asked by name: a row coded otherwise (水费 printed
        names = (subject.name, *subject.former, *subject.weak, ref.text)  # under 30203) is another row
        rows = tuple((k, r) for k, r in rows if names_agree(r.name, names))
    if not rows and subject is not None:
        rows = tuple((k, r) for k, r in _rows_by_name(doc, (subject.name, *subject.former))
                     if not r.code or r.code.startswith(subject.code[:3]))
    if not rows and ref.text in ontology().words:  # 抚恤 (a 款 the document lacks) → its 抚恤金 row
        return _name_mention(doc, Ref(ref.text, "word", None, ref.start, names=ontology().words[ref.text]))
    if not rows:
        return None
    name = plain_name(rows[0][1].name)
    return Mention(ref.text, ref.start, (Target("subject", name, rows),))


_SAID_WITHOUT = ("事务", "支出", "管理事务", "经费")


_BODY_WORD = re.compile(r"(?:本|该|这个|我们)?(?:机关|单位|部门|机构|本级|本部)(?:本身)?")


def _name_mention(doc: Disclosure, ref: Ref) -> Mention | None:
    """A phrase the document's own names resolve: a row, a project, an indicator (never a neighbour
    covering only a piece of it)."""
    if _BODY_WORD.fullmatch(ref.text):
        return None  # 机关有多少编制: the body itself, no figure (never 机关运行经费)
    if ref.names:
        rows = _rows_by_name(doc, ref.names)
        if rows:
            by_name: dict[str, list[tuple[str, Row]]] = {}
            for key, row in rows:
                by_name.setdefault(plain_name(row.name), []).append((key, row))
            targets = tuple(Target("subject", n, tuple(rs)) for n, rs in by_name.items())
            return Mention(ref.text, ref.start, targets)
        names = [n for n in ref.names if n in ontology().concepts]
        if names:
            return Mention(ref.text, ref.start, tuple(Target("concept", n) for n in names))
    bought = re.match(r"^(?:买|购买|购置)(.{2,})$", ref.text)  # 买办公设备: the row 办公设备购置
    exact = (vocabulary(doc).names.get(bought.group(1) + "购置") if bought else None) or \
        vocabulary(doc).names.get(ref.text) or next(
        (found for tail in _SAID_WITHOUT if (found := vocabulary(doc).names.get(ref.text + tail))), None)
    if exact:  # 宣传 → 宣传事务: a row's name said without its generic tail
        return Mention(ref.text, ref.start, exact)
    from assistant.project_text import project_top, text_project

    stem = re.sub(r"(?:这个|该)?(?:项目|工程)+$", "", ref.text)  # 下立交项目 is the form's 下立交工程
    form = [p for p in doc.projects if len(stem) >= 4 and stem in plain_name(p.name)]
    if len(form) == 1:  # 兰溪路-真南路下立交: its 绩效目标表 (budget and 项目资金总额) before its words
        return Mention(ref.text, ref.start, (Target("project", form[0].name, project=form[0]),))
    if text_project(doc, ref.text) is not None:  # a project the 说明 describes in words
        found = project_top(doc, ref.text)
        return Mention(ref.text, ref.start, (Target("text_project", found[1].title),)) if found else None
    found = [m for m in link(ref.text, doc) if m.targets]
    best = max(found, key=lambda m: len(m.surface)) if found else None
    if best is not None and _coverage(ref.text, best.targets) >= NAME_COVER:
        return Mention(ref.text, ref.start, best.targets, best.fuzzy)
    from assistant.link import _fuzzy_phrase

    whole = _fuzzy_phrase(ref.text, ref.start, vocabulary(doc))  # 社区管理 → 城乡社区管理事务, as one phrase
    if whole is not None and _coverage(ref.text, whole.targets) >= NAME_COVER:
        return Mention(ref.text, ref.start, whole.targets, True)
    return None  # 人民会堂机关运行经费 is no 机关运行经费: too much of the phrase is left unread


def _coverage(phrase: str, targets: tuple[Target, ...]) -> float:
    """How much of the phrase (budget nouns aside) a target's name holds, in order: 市级劳模一次性奖励资金
    is all in 市级劳动模范一次性奖励资金; 人民会堂机关运行经费 is little in 机关运行经费."""
    from assistant.stated_items import anchored

    core = grammar().generic.sub("", phrase) or phrase
    core = core.lstrip("给为对向帮替让") or core  # 给省部级以上劳模做体检: what is done, for whom
    best = 0.0
    for t in targets:
        name = plain_name(t.project.name if t.project else t.name)
        if t.indicator is not None:
            name += plain_name(t.indicator.level3) + plain_name(t.project.name if t.project else "")
        start = anchored(core, name) if len(core) > 1 else name.find(core)
        if start is None or start < 0:
            continue  # 省级… is never 市级…: the name must start to say what the phrase starts with
        it = iter(name[start:])
        held = sum(1 for ch in core if ch in it)
        best = max(best, held / len(core))
    return best


def mention_of(doc: Disclosure, ref: Ref) -> Mention | None:
    if ref.kind == "concept" and ref.key:
        return Mention(ref.text, ref.start, (Target("concept", ref.key),))
    if ref.kind in ("subject", "code"):
        return _subject_mention(doc, ref)
    return _name_mention(doc, ref)


# ---- mentions → operands ------------------------------------------------------------------------

def _missing(doc: Disclosure, ref: Ref) -> Resolved:
    what = ref.text
    subject = ontology().subject(ref.key or "") if ref.kind in ("subject", "code") else None
    if subject is not None and subject.name != what:
        what = f"{what}（{subject.name}）"
    return Resolved(Mention(ref.text, ref.start, ()), (), f"{where(doc)}中没有“{what}”这一项。")


def _column_names(concept: str) -> tuple[str, ...]:
    found = ontology().concept(concept)
    return found.column if found else (concept,)


def _in_row(doc: Disclosure, container: Mention, column: str, fund: str | None, q: str) -> list[Operand]:
    """A column concept read in the container's row (城乡社区管理事务·基本支出), in the fund's table."""
    found: list[Operand] = []
    for target in container.targets:
        rows = [(k, r) for k, r in target.rows if fund is None or k == fund]
        rows.sort(key=lambda kr: _table_rank(kr[0], fund, q))
        for key, row in rows:
            for name in _column_names(column):
                op = row_operand(doc, key, row, name)
                if op is not None:
                    found.append(op)
                    break
            if found:
                return found
    return found or _in_uncoded_row(doc, container, column)


def _in_uncoded_row(doc: Disclosure, container: Mention, column: str) -> list[Operand]:
    """A 单位预算's 收支总表 prints 三、社会保障和就业支出 with 人员经费/公用经费 columns and no code: the
    subject's row there, by its printed name."""
    names = {plain_name(r.name) for t in container.targets for _, r in t.rows}
    for table in doc.tables:
        for row in table.rows:
            if row.code is None and plain_name(row.name) in names:
                for name in _column_names(column):
                    if (op := row_operand(doc, table.key, row, name)) is not None:
                        return [op]
    return []


def _table_rank(key: str, fund: str | None, q: str) -> int:
    from assistant.resolve import preferred_tables

    order = ((fund,) if fund else ()) + preferred_tables(q)
    return order.index(key) if key in order else len(order)


def _fund_total(doc: Disclosure, fund: str, column: str) -> Operand | None:
    from assistant.funds import fund_column

    for name in _column_names(column):
        op = fund_column(doc, fund, name)
        if op is not None:
            return op
    return None


def resolve_ref(doc: Disclosure, ref: Ref, part: Part, container: Mention | None) -> Resolved:
    """One operand within the part's scope."""
    from assistant.roles import is_column

    scope = part.scope
    ref = spent_in_year(doc, ref)
    if ref.kind == "concept" and ref.key in _TOTALS and container is not None and container.targets and \
            container.targets[0].kind == "subject":  # 城乡社区这块预算一共: the row's own total
        return resolve(doc, container, part.text)
    if ref.kind == "concept" and is_column(ref) and container is not None and container.targets and \
            container.targets[0].kind == "project":  # 兰溪路工程项目资金: the project's own figure
        asked = part.text.split("占")[0] if part.op == "share" else part.text  # 今年这笔占总额: not the 总额
        return resolve(doc, container, asked)
    if ref.kind == "concept" and is_column(ref) and container is not None and container.targets and \
            container.targets[0].kind == "text_project":  # 兰溪路-真南路下立交项目资金: that project's own
        from assistant.project_text import text_project

        found = text_project(doc, container.surface)
        mention = Mention(container.surface, container.start, container.targets)
        return Resolved(mention, (found,)) if found else Resolved(mention, (), f"{where(doc)}没有列出该项目的数额。")
    if ref.kind == "concept" and ref.key and is_column(ref) and container is not None and \
            container.targets and container.targets[0].kind == "subject":
        found = _in_row(doc, container, ref.key, scope.fund, part.text)
        mention = Mention(ref.text, ref.start, (Target("concept", ref.key),))
        if found:
            return Resolved(mention, tuple(found))
        return Resolved(mention, (), f"{where(doc)}的表格中“{container.surface}”一行没有列出{ref.text}。")
    if ref.kind == "concept" and ref.key and scope.fund and is_column(ref):
        op = _fund_total(doc, scope.fund, ref.key) or _fund_stated(doc, scope.fund, ref.key)  # 一般公共预算的基本支出
        mention = Mention(ref.text, ref.start, (Target("concept", ref.key),))
        return Resolved(mention, (op,)) if op else Resolved(mention, (), f"{where(doc)}没有列出所问的数额。")
    mention = _under(doc, mention_of(doc, ref), container)
    if mention is None and ref.kind in ("name", "word", "document"):
        return _stated(doc, ref, container, money=part.op != "count") or _missing(doc, ref)
    if mention is None:
        return _missing(doc, ref)
    if _spent_as_income(mention, ref, part.text):  # 工会经费收入: 30228 工会经费 is a sum it spends
        return Resolved(mention, (), f"{where(doc)}中的“{mention.targets[0].name}”是支出（经济分类）科目，"
                                     f"没有“{ref.text}收入”的数字。")
    column = _column_container(container)
    if column and mention.targets[0].kind == "subject" and (found := _in_row(doc, mention, column, scope.fund,
                                                                              part.text)):
        return Resolved(mention, tuple(found))  # 在项目支出里面，自然资源海洋气象这块: the row's 项目支出
    if column and mention.targets[0].kind == "subject" and _printed_blank(doc, mention, column):
        return Resolved(mention, (), f"{where(doc)}的表格中“{ref.text}”一行的{column}栏为空（没有列出数额）。")
    if scope.fund and mention.targets[0].kind == "subject":
        rows = _named_in_fund(doc, scope.fund, ref.text, part.text) or \
            tuple((k, r) for t in mention.targets for k, r in t.rows if k == scope.fund)
        if not rows:
            table = doc.table(scope.fund)
            name = f"“{table.title}”" if table else _fund_name(scope.fund)
            return Resolved(mention, (), f"{where(doc)}的{name}中没有“{ref.text}”。")
        mention = Mention(mention.surface, mention.start, (Target("subject", mention.targets[0].name, rows),))
        found = resolve(doc, mention, part.text)
        label = f"{_fund_name(scope.fund)}支出中的"
        return Resolved(found.mention, tuple(replace(o, label=label + o.label) for o in found.candidates),
                        found.reason)
    return resolve(doc, mention, _own_side(part, ref))


def _own_side(part: Part, ref: Ref) -> str:
    """The words that qualify a share's part: 今年申请的占总额 — the 总额 is the whole's, not the part's."""
    if part.op == "share" and ref.role == "part" and "占" in part.text:
        return part.text.split("占")[0]
    return part.text


_TOTALS = ("支出总计", "本年支出合计")
# 支出总计 / 收支总额 / 总预算 named as printed; what a 决算's year alone holds instead of each total
_IN_YEAR = {"支出总计": ("本年支出合计", re.compile(r"总计|合计|收支|收入|预算")),
            "收入总计": ("本年收入合计", re.compile(r"总计|合计|收支|支出|预算"))}


def spent_in_year(doc: Disclosure, ref: Ref) -> Ref:
    """总支出 / 一共花了 (一共收入) in a 决算: what was spent (received) in the year — 本年支出合计 (本年收入
    合计) — not the 总计, which adds what is carried into next year (or over from last); in a 预算 the two
    agree."""
    from assistant.concepts import resolve_concept

    found = _IN_YEAR.get(ref.key or "") if doc.kind == "决算" and ref.kind == "concept" else None
    if found is None or found[1].search(ref.text):
        return ref
    return replace(ref, key=found[0]) if resolve_concept(doc, found[0]) else ref


def _named_in_fund(doc: Disclosure, fund: str, said: str, text: str) -> tuple[tuple[str, Row], ...]:
    """政府性基金的城市建设支出: the fund table's row the question names in full (城市建设支出, a 项), before
    the 类 its everyday name (城市建设 → 城乡社区支出) stands for."""
    table = doc.table(fund)
    rows = [r for r in (table.rows if table else ()) if said in plain_name(r.name) and plain_name(r.name) in text]
    return tuple((fund, r) for r in rows[:1]) if len(rows) == 1 else ()


def _under(doc: Disclosure, mention: Mention | None, container: Mention | None) -> Mention | None:
    """城乡社区管理事务这个款里的一般行政管理事务: of the rows the name has, those under the container's code
    — none: the container's own row whose name holds the words said (养老支出款下面的职业年金缴费支出 is
    机关事业单位职业年金缴费支出, not the 经济分类's 职业年金缴费)."""
    codes = [r.code for t in (container.targets if container else ()) if t.kind == "subject" for _, r in t.rows
             if r.code]
    if mention is None or not codes or not all(t.kind == "subject" for t in mention.targets):
        return mention
    kept = tuple(Target(t.kind, t.name, rows) for t in mention.targets
                 if (rows := tuple((k, r) for k, r in t.rows if r.code and r.code.startswith(codes[0]) and
                                   r.code != codes[0])))
    if not kept:
        said = plain_name(mention.surface)
        rows = tuple((t.key, r) for t in doc.tables for r in t.rows if r.code and r.code != codes[0] and
                     r.code.startswith(codes[0]) and said in plain_name(r.name))
        names = {plain_name(r.name) for _, r in rows}
        kept = (Target("subject", names.pop(), rows),) if len(names) == 1 else ()
    return Mention(mention.surface, mention.start, kept, mention.fuzzy) if kept else mention


def _fund_stated(doc: Disclosure, fund: str, key: str) -> Operand | None:
    """No table (published as images): the figure the 说明 states, when its paragraph is about the fund
    (2018年一般公共预算财政拨款支出…其中：项目支出263928.15万元)."""
    from assistant.concepts import resolve_concept
    from assistant.textfacts import stated_amount

    op = resolve_concept(doc, key) or stated_amount(doc, key)
    if op is None or op.citation.kind != "text" or not op.citation.quote:
        return None
    name = _fund_name(fund)
    held = any(op.citation.quote in p.text and name in p.text for s in doc.sections for p in s.paragraphs)
    label = op.label if name in op.label else f"{name}·{op.label}"
    return replace(op, label=label) if held else None


def _printed_blank(doc: Disclosure, mention: Mention, column: str) -> bool:
    """The row's tables print the column, but its cell is blank: not the row's total."""
    names = set(_column_names(column))
    tables = {k for t in mention.targets for k, _ in t.rows}
    return any(names & set(t.columns) for t in doc.tables if t.key in tables)


def _column_container(container: Mention | None) -> str | None:
    from assistant.roles import is_column

    if container is None or not container.targets or container.targets[0].kind != "concept":
        return None
    key = container.targets[0].name
    return key if is_column(Ref(key, "concept", key)) else None


def _spent_as_income(mention: Mention, ref: Ref, text: str) -> bool:
    """X收入 said of an 经济分类 row — every such row is a kind of spending, never income."""
    said = ref.start >= 0 and text[ref.start + len(ref.text):].startswith("收入")
    return said and mention.targets[0].kind == "subject" and \
        all((r.code or "").startswith("3") for t in mention.targets for _, r in t.rows) and \
        any(r.code for t in mention.targets for _, r in t.rows)


def _stated(doc: Disclosure, ref: Ref, container: Mention | None, money: bool = True) -> Resolved | None:
    """A phrase only the 说明 names: a project described in words (its 年度预算安排), or an item stated
    with its amount — inside the container's own text when there is one (促消费 of 商业创新专项)."""
    from assistant.project_text import text_project
    from assistant.stated_items import stated_item, stated_measure, stated_use

    own = _OWN_PHRASE.match(ref.text)
    alone = re.search(r"(?:本级|本部|本身|自身|自己)$", ref.text) and container is not None and container.targets and \
        container.targets[0].kind == "concept"  # 机关运行经费…其中机关本级: the container's, for the body itself
    if own or alone:  # 总工会本级的机关运行经费: the department's own figure
        found = _own_amount(doc, own.group(1) if own else container.surface)
        return Resolved(Mention(ref.text, ref.start, (Target("stated", found.label),)), (found,)) if found else None
    found = text_project(doc, ref.text) if container is None else None
    if found is None:
        sections = None
        if container is not None and container.targets and container.targets[0].kind == "text_project":
            sections = [s for s in doc.sections if s.path[:1] == (container.targets[0].name,)]
        found = stated_item(doc, [ref.text], sections) or _in_one_project(doc, ref.text) or \
            (_after_project(doc, ref.text) if container is None else None) or stated_measure(doc, ref.text) or \
            stated_use(doc, ref.text) or (_money_of_counted(doc, ref.text) if money else None)
        kind = "stated"
    else:
        kind = "text_project"
    if found is None:
        return None
    return Resolved(Mention(ref.text, ref.start, (Target(kind, found.label),)), (found,))


_COUNT_THEN_MONEY = re.compile(r"^[^，,；;。]*?[，,]([^，,；;。\d]*?)(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")


def _money_of_counted(doc: Disclosure, phrase: str) -> Operand | None:
    """有几个项目报了绩效目标，涉及多少钱: the sum the sentence stating that count gives right after it
    (编报绩效目标的项目50个，涉及项目预算资金5634.81万元) — a clause saying nothing but the sum."""
    from assistant.stated_items import ONLY_AMOUNT
    from assistant.textfacts import longest_run, stated_count

    counted = stated_count(doc, phrase + "几个", "个")
    quote = counted.citation.quote if counted is not None and counted.citation is not None else None
    said = f"{counted.value.normalize():f}{counted.unit}" if counted is not None else ""
    if not quote or said not in quote or longest_run(phrase, quote[: quote.index(said)]) < min(4, len(phrase)):
        return None  # 部门定位 is no 本部门编报绩效目标的项目: the count's own words, said
    found = _COUNT_THEN_MONEY.match(quote[quote.index(said):])
    if found is None or not ONLY_AMOUNT.match(found.group(1)):
        return None
    label = f"{counted.label}{found.group(1)}"
    return Operand(label, Decimal(found.group(2).replace(",", "")), found.group(3), counted.citation)


def _after_project(doc: Disclosure, phrase: str) -> Operand | None:
    """社区公共服务中心新建工程第一季度用款计划: a project named, then an item of its own text."""
    from assistant.project_text import MIN_RUN, SHORT, project_top
    from assistant.stated_items import stated_item
    from assistant.textfacts import longest_run

    found = project_top(doc, phrase)
    if found is None:
        return None
    name, top = found
    run = longest_run(phrase, name)
    start = next(i for i in range(len(phrase)) if phrase[i:i + run] in name)
    rest = phrase[start + run:].lstrip("的")
    short = SHORT.search(phrase) if run < MIN_RUN else None  # 贸易专项市级支持总部经济: said short
    rest = phrase[short.end():].lstrip("的里中") if short else rest
    if (run < MIN_RUN and short is None) or len(rest) < 2:
        return None
    return stated_item(doc, [rest], [s for s in doc.sections if s.path[:1] == (top.title,)])


def _in_one_project(doc: Disclosure, phrase: str) -> Operand | None:
    """促消费 with no project named: the item when exactly one project's own text states it."""
    from assistant.project_text import _project_tops
    from assistant.stated_items import stated_item

    found = [op for _, top in _project_tops(doc)
             if (op := stated_item(doc, [phrase], [s for s in doc.sections if s.path[:1] == (top.title,)]))]
    return found[0] if len(found) == 1 else None


def _fund_name(key: str) -> str:
    from assistant.funds import fund_name

    return fund_name(key)


# 全区一般公共预算收入完成了多少: the government's whole budget, which no department's disclosure holds
_WHOLE_GOVERNMENT = re.compile(r"(全(?:区|市|省|县|国))(?:\d{2,4}年度?)?(?:的)?"
                               r"(?:一般公共预算|财政|税收|地方|政府性基金|国有资本)")


# a month's figure (每个月分别多少, 12月份单月): the documents give the year's; 到6月底 (a spending plan) is no month
_MONTHLY = re.compile(r"每(?:一)?个月|按月|分月|月度|单月|各月|(?:\d{1,2}|[一二三四五六七八九十]{1,2}|几)月份")


def _problem(doc: Disclosure, part: Part) -> str | None:
    if part.unread:
        return f"没有读懂“{'、'.join(part.unread)}”，这一问无法回答。"
    if RECIPIENTS.search(part.text):
        return f"{where(doc)}只公开资金的科目、金额和用途，不列出拿到资金的企业（个人）名单，也不列每家的金额。"
    government = _WHOLE_GOVERNMENT.search(part.text)
    if government and part.op not in TEXT_OPS[1:]:
        return (f"{where(doc)}只公开{doc.department}自己的收支，不含{government.group(1)}的财政收支"
                "（见本级政府的预算、决算报告）。")
    said_last = bool(grammar().slots["period"]["last"].search(part.text))  # 今年预算比去年执行数: both years
    last_year = part.scope.period == "last" or doc.year - 1 in part.scope.years or \
        (part.op in ("change", "growth") and said_last)
    if doc.kind == "预算" and part.scope.basis == "final" and part.op not in ("definition", "text") and \
            not (last_year and "执行" in part.text and part.op in ("prior", "change", "growth")):
        # a 预算 has no 决算; only last year's 预算执行数 its 说明 may state
        return f"{where(doc)}是预算，没有实际支出（决算）数；实际支出见当年的部门决算。"
    if part.scope.period in PERIODS and part.op not in TEXT_OPS[1:]:
        return (f"{where(doc)}只有{doc.year}年的数字（说明中另有与上年的比较），没有"
                f"{PERIODS[part.scope.period]}的数字。")
    if _MONTHLY.search(part.text) and part.op not in TEXT_OPS[1:]:
        return f"{where(doc)}只有全年的数字，没有按月的数字。"
    years = {y for y in part.scope.years if y not in (doc.year, doc.year - 1)}
    if years and part.op not in TEXT_OPS[1:]:
        shown = "、".join(f"{y}年" for y in sorted(years))
        return f"{where(doc)}没有{shown}的数字。"
    return None


def _implied_whole(doc: Disclosure, part: Part, operands: tuple[Resolved, ...], within: Resolved | None,
                   raw: str) -> Resolved | None:
    """养老支出占比多少: the whole the part is of (its parent), planned so the reader sees it."""
    from assistant.wholes import implied_whole

    draft = Planned(part, Ask(raw, part.text, doc, tuple(r.mention for r in operands)), operands, None, within)
    found = implied_whole(draft, operands[0].candidates[0])
    return Resolved(Mention(found.label, -1, ()), (found,)) if found is not None else None


_YEAR_BEFORE_NOW = re.compile(r"去年")  # the year before the asker's: a 决算's own year
_YEAR_BEFORE_DOC = re.compile(r"上年|上一年|前一年|上年度")  # the year before the document's


def _in_time(part: Part, doc: Disclosure) -> Part:
    """2023年预算总额是多少 on a 2024 document: last year's figure; 决算比年初预算少了多少 on a 决算: the
    execution pair, not last year."""
    if doc.kind == "决算" and part.scope.basis in ("both", "budget") and part.op in ("change", "growth"):
        return replace(part, op="difference" if part.op == "change" else "completion")
    if doc.kind == "决算" and part.op == "prior" and _YEAR_BEFORE_NOW.search(part.text) and \
            not _YEAR_BEFORE_DOC.search(part.text) and not part.scope.years:
        # 财政局去年的政府采购 asked of a 2024 决算: a 决算 is read the year after — 去年 is its own year
        return replace(part, op="lookup", scope=replace(part.scope, period=None))
    if part.op == "lookup" and doc.year - 1 in part.scope.years and doc.year not in part.scope.years:
        return replace(part, op="prior", scope=replace(part.scope, period="last"))
    return part


def _targets(r: Resolved) -> set[object]:
    return {t.project or t.name for t in r.mention.targets}


def _merge(operands: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """One thing named twice is one operand: 提前下达的…专项资金 (a piece of the name, then the name);
    a project named beside one of its indicators is that indicator's project, no second figure."""
    kept: list[Resolved] = []
    indicator_projects = {t.project.name for r in operands for t in r.mention.targets
                          if t.kind == "indicator" and t.project is not None}
    for r in operands:
        mine = _targets(r)
        kinds = {t.kind for t in r.mention.targets}
        if kinds == {"project"} and {t.name for t in r.mention.targets} <= indicator_projects:
            continue
        if mine and any(mine <= _targets(k) or _targets(k) <= mine for k in kept if _targets(k)):
            continue
        kept.append(r)
    return tuple(kept)


def _consistent(qualifier: Ref, operands: tuple[Resolved, ...]) -> bool:
    """劳模体检的委托服务人数: the qualifier is a piece of the operand's own (project) name."""
    from assistant.textfacts import longest_run

    need = min(4, len(qualifier.text))
    if any(qualifier.text in r.mention.surface for r in operands):
        return False  # 机关运行经费（市总工会）机关: said again beside the name, it names something else
    names = [t.project.name if t.project else t.name for r in operands for t in r.mention.targets]
    return any(longest_run(qualifier.text, plain_name(n)) >= need for n in names)


def _joint(doc: Disclosure, part: Part, qualifier: Ref,
           operands: tuple[Resolved, ...]) -> tuple[Resolved, Resolved] | None:
    """业务培训费 (业务 beside 培训费): the two read as one of the document's names, when they are one."""
    for r in operands:
        start = min(qualifier.start, r.mention.start)
        other_end = max(qualifier.start + len(qualifier.text), r.mention.start + len(r.mention.surface))
        joint = part.text[start:other_end]
        if r.mention.surface and len(joint) == len(qualifier.text) + len(r.mention.surface):
            mention = _name_mention(doc, Ref(joint, "name", None, start))
            if mention is not None and set(mention.targets) != set(r.mention.targets):
                return resolve(doc, mention, part.text), r
    return None


def _qualify(doc: Disclosure, part: Part, operands: tuple[Resolved, ...],
             container: Mention | None) -> tuple[Part, tuple[Resolved, ...], tuple[Mention, ...]]:
    """A qualifier is read as part of one name, as a piece of the operand's own name, as the project
    the operand belongs to — or left for the executor, which finds the narrower figure or says so."""
    qualifier = part.role("qualifier")
    if qualifier is None or not operands:
        return part, operands, ()
    without = replace(part, refs=tuple(r for r in part.refs if r is not qualifier))
    if _own_body(doc, qualifier.text):  # 工会职工的公积金 asked of 总工会's own disclosure: its own figure
        return without, operands, ()
    joint = _joint(doc, part, qualifier, operands)
    if joint is not None:
        merged, replaced = joint
        return without, tuple(merged if r is replaced else r for r in operands), ()
    for r in operands:  # 新建工程第三季度的用款计划: the item in the project's own text
        item = _after_project(doc, qualifier.text + r.mention.surface) if r.mention.surface else None
        if item is not None:
            mention = Mention(r.mention.surface, r.mention.start, (Target("stated", item.label),))
            return without, tuple(Resolved(mention, (item,)) if x is r else x for x in operands), ()
    owner = mention_of(doc, qualifier)
    projects = {t.project.name for t in (owner.targets if owner else ()) if t.kind == "project" and t.project}
    if projects:  # 劳模体检费的满意度: that project's indicators only
        return without, tuple(_only(r, projects) for r in operands), (owner,) if owner else ()
    if qualifier.start < 0:
        return without, operands, ()  # carried from the part before: its narrowing was made there
    target = _beside(qualifier, operands, part.text)  # the operand the qualifier stands by narrows
    if _consistent(qualifier, (target,)):  # a piece of the operand's own name: it picks among its meanings
        return without, tuple(_picked(doc, qualifier, r, part) if r is target else r for r in operands), ()
    return without, tuple(_narrowed(doc, qualifier, r, part) if r is target else r for r in operands), ()


def _other_measure(doc: Disclosure, part: Part, operands: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """这条路多长 / 建筑面积多大: a length, an area, a score is asked, never the money of the thing named —
    the figure the 说明 states in that measure, or none (said so)."""
    from assistant.stated_items import MEASURES, stated_measure

    if part.op != "lookup" or len(operands) != 1 or not any(cue.search(part.text) for cue, _ in MEASURES):
        return operands
    found = stated_measure(doc, part.text)
    mention = operands[0].mention
    if found is not None:
        return (Resolved(Mention(mention.surface, mention.start, (Target("stated", found.label),)), (found,)),)
    return (Resolved(mention, (), f"{where(doc)}没有写明“{part.text}”所问的数（只有金额）。"),)


def _elided_measure(doc: Disclosure, part: Part, operands: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """本级的运行经费比人民会堂多多少: the name the document lacks is a body whose figure of the same
    measure is asked (人民会堂's 机关运行经费), read as the 说明 states it for that body, or said missing."""
    if part.op not in ("difference", "compare", "multiple") or len(operands) != 2:
        return operands
    empty = [r for r in operands if not r.candidates and not r.mention.targets]
    named = [r for r in part.refs if r.role in ("operand", "part") and r.kind in ("concept", "subject") and r.key]
    if len(empty) != 1 or len(named) != 1:
        return operands
    ref = next((r for r in part.refs if r.role in ("operand", "part") and r.kind == "name"
                and r.start == empty[0].mention.start), None)
    if ref is None:
        return operands
    read = _narrowed(doc, replace(ref, role="qualifier"), empty[0], part)
    operands = tuple(read if r is empty[0] else r for r in operands)
    own = _own_amount(doc, named[0].text) if read.candidates else None
    other = next(r for r in operands if r is not read)
    if own is not None and other.candidates and own.value != other.candidates[0].value:
        # set beside one of its units, the department's figure is its own (本级), never the total that
        # holds that unit: 市总机关运行经费比人民会堂多多少 is 40.51 − 32.24, not 72.75 − 32.24
        operands = tuple(Resolved(r.mention, (own,)) if r is other else r for r in operands)
    return operands


_PEOPLE = re.compile(r"(?:的)?(?:职工|干部|人员|员工|工作人员|机关)+$")


_ALL_UNITS = re.compile(r"^(?:所属|下属)?(?:各|全部|所有)?(?:预算)?单位$|^本部门$")


def _own_body(doc: Disclosure, text: str) -> bool:
    """工会职工, 财政局机关, 交委所属单位: the document's own body (its staff, its units together), not a
    narrower unit."""
    from assistant.scoping import BODY_END, abbreviates, short_names

    body = _PEOPLE.sub("", text)
    if text and not body:
        return True  # 机关行政运行 / 职工的…: the body's own organ or staff, named by a bare word
    units = re.sub(r"^.*?(?=所属|下属)", "", body)  # 交委所属单位: the department's own units
    if _ALL_UNITS.match(units) and (units == body or _own_body(doc, body[: len(body) - len(units)])):
        return True
    return len(body) >= 2 and BODY_END.search(body) is not None and (
        body in doc.department or body in short_names(doc.department) or abbreviates(body, doc.department))


def _beside(qualifier: Ref, operands: tuple[Resolved, ...], text: str) -> Resolved:
    """The operand the qualifier touches: right after it (人民会堂的机关运行经费), else right before it
    (养老保险缴费); else the nearest."""
    end = qualifier.start + len(qualifier.text)
    after = [r for r in operands if r.mention.start >= end and text[end:r.mention.start] in ("", "的")]
    before = [r for r in operands if 0 <= r.mention.start == qualifier.start - len(r.mention.surface)]
    nearest = min(operands, key=lambda r: abs(r.mention.start - qualifier.start))
    return (after or before or [nearest])[0]


def _narrowed(doc: Disclosure, qualifier: Ref, operand: Resolved, part: Part) -> Resolved:
    """人民会堂的机关运行经费: the figure the 说明 states for the narrower thing, or the reason it is not."""
    from assistant.stated import labels, qualified_amount

    named = next((r for r in part.refs if r.role in ("operand", "part") and r.kind in ("concept", "subject", "code")
                  and r.key), None)
    if named is not None:
        loose = "[\u4e00-\u9fff]{0,2}".join(map(re.escape, named.text))  # 项目资金 as asked: 项目预算资金
        patterns = (*labels(named.kind, named.key or ""), re.compile(loose))
        own = _OWN_BODY.fullmatch(qualifier.text) is not None  # 本级: the department itself, as the 说明 names it
        found = _own_amount(doc, named.text) if own else qualified_amount(doc, qualifier.text, named.text, patterns)
        if found is not None:
            return Resolved(operand.mention, (found,))
    what = named.text if named is not None else operand.mention.surface
    return Resolved(operand.mention, (), f"{where(doc)}没有单独列出“{qualifier.text}”的{what}。")


def _own_amount(doc: Disclosure, label: str) -> Operand | None:
    """石家庄市总工会机关运行经费共计安排40.51万元: the figure stated with the department's own name right
    before the label (never the 部门运行经费 total that names it too)."""
    from assistant.stated import own_figure

    return own_figure(doc, label)


def _picked(doc: Disclosure, qualifier: Ref, r: Resolved, part: Part) -> Resolved:
    """提前下达的困难职工帮扶救助专项资金: of the projects the name may mean, the one the qualifier names."""
    from assistant.textfacts import longest_run

    if len(r.mention.targets) < 2:
        return r
    need = min(4, len(qualifier.text))
    kept = tuple(t for t in r.mention.targets
                 if longest_run(qualifier.text, plain_name(t.project.name if t.project else t.name)) >= need)
    if not kept or len(kept) == len(r.mention.targets):
        return r
    return resolve(doc, Mention(r.mention.surface, r.mention.start, kept, r.mention.fuzzy), part.text)


def _only(r: Resolved, projects: set[str]) -> Resolved:
    kept = tuple(t for t in r.mention.targets if t.kind != "indicator" or (t.project and t.project.name in projects))
    return Resolved(Mention(r.mention.surface, r.mention.start, kept, r.mention.fuzzy), r.candidates, r.reason)


INDICATOR_WORDS = ("满意度", "满意", "人数", "多少人", "次数", "合格率", "准确率", "覆盖率", "完成率", "指标",
                   "时限", "时效", "成本", "效益")


def _indicator_part(part: Part, operands: tuple[Resolved, ...], extra: tuple[str, ...] = ()) -> Part:
    """A project's 满意度/人数 (or a named indicator): its 绩效指标 row."""
    kinds = {t.kind for r in operands for t in r.mention.targets} | set(extra)
    if "indicator" in kinds or ("project" in kinds and any(w in part.text for w in INDICATOR_WORDS)):
        if part.op in ("lookup", "each", "count", "goal", "list"):
            return replace(part, op="indicator")
    return part


def _unknown_container(doc: Disclosure, part: Part) -> Part:
    """编报绩效目标的项目资金: a phrase no table row or project resolves is no container; it narrows the
    figure like a qualifier (the 说明 may state the narrower figure, or the part says it cannot)."""
    within = part.scope.within
    if within is None or within.kind not in ("name", "document") or mention_of(doc, within) is not None:
        return part
    refs = tuple(r for r in part.refs if not (r.role == "whole" and r.text == within.text))
    return replace(part, refs=(replace(within, role="qualifier"), *refs), scope=replace(part.scope, within=None))


def _qualified_container(part: Part) -> Part:
    """机关运行经费…其中机关本级是多少: a qualifier with nothing else named narrows the container's own
    figure — never the container's figure unnarrowed."""
    within = part.scope.within
    if within is None or part.role("qualifier") is None or part.operands() or part.op not in ("lookup",):
        return part
    return replace(part, refs=(*part.refs, replace(within, role="operand")), scope=replace(part.scope, within=None))


_OWN_PHRASE = re.compile(r"^.{0,8}?(?:机关)?(?:本级|本部)(?:机关)?的?(.{2,})$")
_OWN_BODY = re.compile(r"(?:机关)?本级(?:机关)?|本部|机关本部")
# 那6200万中小企业的钱 / 那笔958万多的: an amount the asker quotes to point at an item (万/亿 said)
POINTED = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万|亿)(多)?元?")  # 29,381万元 whole
_CHANGED_BY = re.compile(r"(?:多|少|增加|减少|增长|下降|涨|降|高|低)(?:出|了)*(?:将近|近|约|大约)?$")
_ROW_TABLES = ("expense", "gpb_expense", "gov_fund", "soe_capital", "gpb_basic")


def _pointed_by_amount(doc: Disclosure, part: Part, operands: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """那6200万中小企业的钱是干嘛用的: what it is for is the item the amount points at — the one row whose
    total is that amount (as said: 6200万 ± 0.5万; 958万多 from 958万 up to 959万) and whose name shares
    words with the question — when the question's own words name no item the document has."""
    found = POINTED.search(part.text)
    if part.op not in ("purpose", "reason", "definition") or found is None or \
            _CHANGED_BY.search(part.text, 0, found.start()):
        return operands  # 为啥比23年多了25万: the amount it changed by, which points at no row
    from assistant.textfacts import longest_run
    from corpus.normalize import convert

    number = Decimal(found.group(1).replace(",", ""))
    said = number * (10000 if found.group(2) == "万" else 100000000)
    step = Decimal(1).scaleb(-len(found.group(1).partition(".")[2])) * (said / number)
    low, high = (said, said + step) if found.group(3) else (said - step / 2, said + step / 2)
    words = part.text[:found.start()] + part.text[found.end():]
    rows = {plain_name(r.name): r.code or "" for key in _ROW_TABLES if (t := doc.table(key)) for r in t.rows
            if (total := _row_total_yuan(t, r)) is not None and low <= total <= high
            and longest_run(words, plain_name(r.name)) >= 2}
    deepest = max(rows, key=lambda n: len(rows[n]), default=None)  # a 款 and its one 项: the 项
    nested = deepest is not None and all(rows[deepest].startswith(c) and c for c in rows.values())
    named = [convert(c.value, c.unit, "元") for r in operands for c in r.candidates if c.unit in ("元", "万元", "亿元")]
    if any(low <= v <= high for v in named):  # what it names is that amount itself
        return operands
    if not rows and (stated := _stated_of_amount(doc, words, low, high)) is not None:
        return (stated,)  # 本级那40.51万元机关运行经费: the item the 说明 states with that amount
    if not rows:  # 那1234万中小企业的钱: nothing of that amount — never another item's words
        return (Resolved(Mention(found.group(), -1, ()), (), f"{where(doc)}没有金额为{found.group()}、"
                         f"与所问相符的项目或科目。"),)
    if not (len(rows) == 1 or nested):
        return operands
    ref = Ref(deepest, "name", None, found.start(), "operand")
    return (resolve_ref(doc, ref, part, None),)


def _stated_of_amount(doc: Disclosure, words: str, low: Decimal, high: Decimal) -> Resolved | None:
    """The one figure the 说明 states in that range whose label shares words with the question."""
    from assistant.textfacts import cited, longest_run
    from corpus.normalize import convert
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    fits = {s.name: s for s in stated_facts(doc, stated_patterns()) if not s.change and s.unit in ("元", "万元", "亿元")
            and low <= convert(s.value, s.unit, "元") <= high and longest_run(words, s.name) >= 2}
    if len(fits) != 1:
        return None
    stmt = next(iter(fits.values()))
    figure = Operand(stmt.name, stmt.value, stmt.unit, cited(doc, stmt, stmt.short_quote()))
    return Resolved(Mention(stmt.name, -1, (Target("stated", stmt.name),)), (figure,))


def _row_total_yuan(table, row: Row) -> Decimal | None:
    from corpus.normalize import convert

    column = total_column(row)
    return convert(row.cell(column).value, table.unit, "元") if column is not None else None


def _names_a_duty(doc: Disclosure, part: Part) -> bool:
    """Whether a name no table or project holds is one of the department's listed duties (组织公共服务)."""
    from assistant.duties import duty_section
    from assistant.textfacts import longest_run

    section = duty_section(doc)
    heads = [p.text[:24] for p in section.paragraphs] if section is not None else []
    names = [r.text for r in part.refs if r.role in ("operand", "part") and r.kind == "name"]
    return any(longest_run(n, h) >= 4 for n in names for h in heads)


_WHO = re.compile(r"由谁|谁来|谁负责|谁管|职责|职能")  # 工会经费由谁管理 / 职责里…哪条: duties, not a purpose


def plan(part: Part, doc: Disclosure, raw: str) -> Planned:
    part = _qualified_container(_unknown_container(doc, _in_time(part, doc)))
    carried = "".join(r.text for r in part.refs if r.start < 0 and r.role != "container")  # its owner too
    container_ref = part.scope.within
    outer_ref = part.role("outer")  # 商贸事务款下面 行政运行: the container found inside this one
    outer = mention_of(doc, outer_ref) if outer_ref is not None else None
    container = _under(doc, mention_of(doc, container_ref), outer) if container_ref is not None else None
    within = None
    if container_ref is not None:
        within = resolve_ref(doc, container_ref, part, outer) if container is not None else \
            _missing(doc, container_ref)
    named = tuple(resolve_ref(doc, r, part, container) for r in part.refs if r.role in ("operand", "part"))
    operands = _merge(named)
    if part.op in ("sum", "each") and len(named) > 1 and len(operands) == 1 and \
            all(t.kind == "stated" for r in named for t in r.mention.targets):
        part = replace(part, op="lookup")  # 用于标准化菜场及副食品行业管理的钱: one item, its uses listed
    part, operands, narrowing = _qualify(doc, part, operands, container)
    operands = _elided_measure(doc, part, operands)
    operands = _other_measure(doc, part, operands)
    operands = _pointed_by_amount(doc, part, operands)
    part = _indicator_part(part, operands, tuple(t.kind for m in narrowing for t in m.targets))
    if part.op == "duties" and not _WHO.search(part.text) and \
            any(t.kind in ("project", "subject", "text_project") for r in operands for t in r.mention.targets):
        part = replace(part, op="purpose")  # 劳模体检费这个项目是做什么的: the project's purpose
    elif part.op == "purpose" and operands and not any(r.mention.targets for r in operands) and \
            _names_a_duty(doc, part):
        part = replace(part, op="duties")  # 街道说要组织公共服务，具体是做啥: one of its duties
    whole_ref = part.role("whole")
    if part.op == "lookup" and len(operands) == 1 and WHOLE_ASKED.search(part.text):
        asked = total_of_project(doc, operands)  # 兰溪路下立交项目资金总额是多少
        operands = (asked,) if asked is not None else operands
    operands = project_pair(doc, part, operands)
    whole = project_whole(doc, part, operands)
    if whole is None and whole_ref is not None:
        whole = within if whole_ref == container_ref and within is not None else \
            resolve_ref(doc, whole_ref, part, None)
    if part.op == "share" and whole is None and operands and len(operands[0].candidates) == 1:
        whole = _implied_whole(doc, part, operands, within, raw)
    mentions = narrowing + tuple(r.mention for r in operands if r.mention.targets)
    if not operands and within is not None and within.mention.targets:
        mentions += (within.mention,)  # 行政单位医疗这项，决算跟年初预算差了多少: the item is the container
    ask = Ask(raw, carried + part.text, doc, mentions)  # 完成了多少 after 三公经费…: the item named before
    return Planned(part, ask, operands, whole, within, _problem(doc, part))


