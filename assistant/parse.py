"""question → Query: split into the parts it asks, read each part's operation, operands and scope from
the grammar and the ontology. Needs no document; `plan` resolves the names against one.

Parts are separated by the question's own punctuation; a piece that asks nothing (在城乡社区管理事务这一款里，)
is context for the next. A part that names no operand (跟上年比呢？为什么？) takes the previous part's;
后者/前者/两者/其中 point back at it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache

from assistant.followups import (
    INVOLVED,
    averaged_over,
    columns_again,
    kind_named_before,
    list_head,
    pointed_again,
    project_money,
    sum_named,
)
from assistant.frames import ASKING_WORDS, unframe
from assistant.grammar import RECIPIENTS, Entry, grammar, is_cjk, scan
from assistant.qtext import normalize_question
from assistant.query import Part, Query, Ref, Scope
from assistant.rewrites import described, distributed, elided
from corpus.normalize import chinese_numeral
from corpus.ontology import ontology

_CODE = re.compile(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?![\d年%.万元])")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)?\d{2})\s*年(?!度?[底末初])")
_DIRECTION = (("up", re.compile(r"增加|增长|上升|涨|多了|提高|新增|变多|超支|超出")),
              ("down", re.compile(r"减少|下降|降低|降|少了|压减|缩减|变少|节约|没花[满完]|没用完|未完成|没完成|结余")))
# 那27.9个亿 / 那二十多个亿: a figure the asker quotes
_STATED_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*个?(?:亿|万|千)?元?|[一二两三四五六七八九十百千几]+多?个?[亿万]元?")
_NEUTRAL = re.compile(r"变化|变动|增减|浮动|差异|不变|没变|没有变化|没有变")
_LEVEL_MARK = re.compile(r"[（(][类款项][)）]")  # 购房补贴（项）: says the row's level, names nothing
_ORDINAL = re.compile(r"第\s*([二三四五六七八九十2-9])|排(?:名)?(?:在)?第\s*([二三四五六七八九十2-9])")


def parse(question: str, names: frozenset[str] = frozenset()) -> Query:
    """`names`: a document's own names (rows, projects, indicators) to read as names first; without
    them the parse needs no document."""
    q = unframe(normalize_question(question), names)  # 来电人问：… / 我在写报告，…想问下…
    q = described(elided(distributed(q, names), names), names)
    parts: list[Part] = []
    for text in _clauses(q, names):
        text = _LEADING_THEN.sub("", text)  # 那社会保障和就业这一类里面…呢: a follow-up's 那 names nothing
        part = _part(text, parts[-1] if parts else None, names, tuple(parts))
        part = _asked_piece(part, names)
        part = _over_periods(part, parts[-1] if parts else None)
        part = _at_other_moment(part, parts[-1] if parts else None)
        part = _remainder(part, parts)
        part = _ranked_change(part, text)
        part = _said_twice(part)
        if part.op == "reason" and part.direction is None and parts and parts[-1].direction and \
                (part.inherited or not part.refs):
            part = replace(part, direction=parts[-1].direction)  # 较上年减少多少，主要原因呢: why it fell
        if parts and part.inherited and part.op != "text" and (part.op, part.scope, _measure(part)) == \
                (parts[-1].op, parts[-1].scope, _measure(parts[-1])):
            continue  # 三公经费由哪几块组成，各是多少: one list asked twice (几批、多少人次: two counts)
        if parts and parts[-1].op == "list" and ((part.op in ("list", "each") and not part.refs) or
                                                 re.match(r"^(?:那)?(?:分别|各)(?:是|为|有)?多少", part.text)):
            continue  # 花在哪几个大类上？各多少 / 怎么分的？分别多少: the list already says how much each is
        if parts and parts[-1].op in ("rank", "nth") and part.op == "lookup" and \
                not any(r.start >= 0 for r in part.refs):
            continue  # 第二多的是哪一类？多少钱: the one found, with its amount
        if parts and _SAID_AGAIN.match(text) and part.refs and not part.inherited:
            # 就是人头费加日常开支那块: what it is made of; 就是保运转、发人头费那块 after a standard name: a gloss
            # — no second ask either way; 几个事业单位的医保，也就是事业单位医疗: the name said again, exactly
            if len(part.operands()) <= 1 and (ASKING_WORDS.search(text) or not _exact(parts[-1])):
                parts[-1] = part
            continue
        if parts and part.inherited and parts[-1].op == "lookup" and _EXISTS.search(parts[-1].text) and \
                part.op in ("count", "lookup"):
            parts[-1] = part  # 有外宾吗，几批: the count answers whether there are any
            continue
        if parts and part.inherited and part.op in ("text", "lookup") and _EXISTS.search(part.text) and \
                not any(r.start >= 0 for r in part.refs if r.role == "operand"):
            continue  # 实际花了多少，有决算数吗: whether there is one, the figure's own answer says
        parts.append(part)
    return Query(question, tuple(p for part in parts for p in _each(part)) or (Part("lookup", q),))


def _over_periods(part: Part, previous: Part | None) -> Part:
    """每季度用款多少，一年合计多少: a total asked of what was just asked period by period is the total over
    those periods (the same item's year), not the item asked again."""
    from assistant.stated_items import EVERY_PERIOD

    said = EVERY_PERIOD.search(previous.text) if previous is not None else None
    totalled = part.op == "sum" or (part.op == "lookup" and re.search("合计|一共|总共|加起来|共计", part.text))
    if said is None or not totalled or not part.inherited or EVERY_PERIOD.search(part.text):
        return part
    return replace(part, op="sum", text=said.group() + part.text)


def _asked_piece(part: Part, names: frozenset[str]) -> Part:
    """我在院里实习看到物业外包挺多的，物业管理费一年预算多少钱 / 人民会堂承担啥功能，会员老问我: a piece that asks
    nothing is context — when the one piece that asks names its own figures, the names said around it
    are no figures asked."""
    if part.op not in ("lookup", "each") or "，" not in part.text:
        return part
    bounds = [0, *(m.end() for m in re.finditer("，", part.text)), len(part.text) + 1]
    asking = [(a, b) for a, b in itertools.pairwise(bounds) if _asks(part.text[a:b - 1], names)[0]]
    if asking and re.search("分别|各", part.text[asking[0][0]:asking[0][1]]):
        return part  # 出国，公车，接待分别花了多少: a list, each asked
    operands = [r for r in part.refs if r.role == "operand" and r.start >= 0]
    inside = [r for r in operands if asking and asking[0][0] <= r.start < asking[0][1]]
    if len(asking) != 1 or not inside or len(inside) == len(operands):
        return part
    start, end = asking[0]
    refs = tuple(r for r in part.refs if r.role not in ("operand", "qualifier") or r.start < 0 or r in inside or
                 start <= r.start < end)  # 有不少工会系统的退休老同志，…退休费: no 工会系统's 退休费
    return replace(part, refs=refs)


def _said_twice(part: Part) -> Part:
    """…提到政府采购，政府采购预算总共多少: one figure named twice is no sum of two."""
    operands = [r for r in part.refs if r.role == "operand"]
    keys = [(r.kind, r.key or r.text) for r in operands]
    if part.op != "sum" or len(operands) < 2 or len(set(keys)) > 1:
        return part
    return replace(part, op="lookup", refs=tuple(r for r in part.refs if r.role != "operand" or r is operands[0]))


_NOT_THEN = "个些笔块一二两三四五六七八九十几台项类款辆家种部分边时"  # 那个/那笔…: a pointer, kept
_ENDS_INSIDE = re.compile(r"(?:里面|里头|当中|之中|里)$")
_LEADING_THEN = re.compile(rf"^(?:那么|那(?![{_NOT_THEN}\d]))(?=[\u4e00-\u9fff])")
_EXISTS = re.compile(r"有没有|是否有|有无|有[^，。？?]{1,12}吗")
COUNTED = re.compile(r"(?:几|多少)\s*(人次|批次|[个项类款家笔辆台套所处名位人批次])")


def _measure(part: Part) -> str | None:
    found = COUNTED.search(part.text) if part.op == "count" else None
    return found.group(1) if found else None


def _each(part: Part) -> list[Part]:
    """A和B各是多少: one part per figure, so each is answered (and scored) on its own; 机关运行经费A和B各
    安排了多少: the one figure, for each unit named."""
    if part.op == "lookup" and part.scope.basis == "both":  # 年初预算和决算各是多少: each figure its own part
        return [replace(part, scope=replace(part.scope, basis=b)) for b in ("budget", "final")]
    if part.op == "completion" and _PAIR_THEN_RATE.search(part.text):  # 年初预算、决算和完成率: three asked
        return [*(replace(part, op="lookup", scope=replace(part.scope, basis=b)) for b in ("budget", "final")), part]
    if part.op != "each":
        return [part]
    operands = [r for r in part.refs if r.role in ("operand", "qualifier")]
    figures = [r for r in operands if r.kind == "concept"]
    units = [r for r in operands if r.kind == "name"]
    if len(figures) == 1 and len(units) >= 2 and len(figures) + len(units) == len(operands):
        rest = tuple(r for r in part.refs if r not in operands)
        figure = replace(figures[0], role="operand")
        return [replace(part, op="lookup", refs=(*rest, replace(u, role="qualifier"), figure)) for u in units]
    operands = [r for r in part.refs if r.role == "operand"]
    rest = tuple(r for r in part.refs if r.role != "operand")
    from assistant.roles import rows_then_column

    if rows_then_column(part, operands):  # 行政运行和信息化建设的项目支出各多少: the column, in each row
        column = next(r for r in operands if r.kind == "concept")
        outer = tuple(replace(r, role="outer") for r in rest if r.role == "container")
        return [_settle_part(replace(part, op="lookup", refs=(*outer, replace(r, role="container"), column)))
                for r in operands if r is not column]
    if len(operands) >= 3 and _row_of_columns(part.text, operands):  # 社保就业支出的人员经费和公用经费各多少
        rest, operands = (*rest, replace(operands[0], role="container")), operands[1:]
    own = {id(q): o for q in rest if q.role == "qualifier" for o in operands if _touches(q, o)}
    return [_settle_part(replace(part, op="lookup", refs=(*(q for q in rest if own.get(id(q), r) is r), r)))
            for r in operands]  # 基本养老保险缴费、职业年金缴费: a qualifier beside one operand is only its own


def _touches(a: Ref, b: Ref) -> bool:
    return a.start >= 0 and b.start >= 0 and (a.start + len(a.text) == b.start or b.start + len(b.text) == a.start)


def _row_of_columns(text: str, operands: list[Ref]) -> bool:
    """A subject, 的, then only columns (人员经费, 公用经费, 基本支出…): the columns read in that row."""
    from assistant.roles import is_column

    first, others = operands[0], operands[1:]
    said = first.start >= 0 and re.match(r"(?:支出|经费)?的", text[first.start + len(first.text):]) is not None
    return said and first.kind == "subject" and all(is_column(r) for r in others)


# ---- clauses ---------------------------------------------------------------------------------------

def _asks(text: str, names: frozenset[str] = frozenset()) -> tuple[bool, bool]:
    """Whether a piece asks something — a question word outside its names (比去年涨了不少 asks nothing:
    it is context for the 为啥 after it) — and whether it asks for the 说明's words (市总工会的职责里)."""
    _, taken = _refs_of(text, None, names)
    asked = [m.group() for m in grammar().asks.finditer(text)
             if m.end() > m.start() and not all(taken[m.start():m.end()]) and not _IN_THOSE.match(text, m.start())
             and not (m.group() == "几" and text[m.start() - 1:m.start()] in ("那", "这"))]  # 那几个项目: those
    if _SAID_AMOUNT.search(text) and set(asked) <= _TOTAL_WORDS:
        asked = []  # 群众团体事务一共1537万多，…: says a figure (context for what follows), asks none
    asking = bool(asked)
    words = any(op in _QUESTION_OPS for _, _, op, _ in _cue_matches(text, taken))
    return asking or words, words


_TOTAL_WORDS = {"一共", "总共", "合计"}
_SAID_AGAIN = re.compile(r"^(?:也就是|就是|即|指的是|也即)")
_PAIR_THEN_RATE = re.compile(r"预算数?(?:是?多少)?[、，,和及与]\s*决算数?(?:是?多少)?[、，,和及与]\s*(?:和)?"
                             r"(?:完成|执行)")  # 年初预算、决算和完成率: the pair, then its rate


_STANDARD = ("concept", "subject", "code")  # what the ontology or the tables name exactly


def _exact(part: Part) -> bool:
    """Every operand a standard concept, row or code: nothing a gloss after it could make more exact."""
    operands = part.operands()
    return bool(operands) and all(r.kind in _STANDARD for r in operands)


_IN_THOSE = re.compile(  # 那几项里面， / 几个专项里哪个 / 按几个大类看: where, not how many
    r"几[个项类款块笔]?[^，,？?]{0,12}?(?:里面|里头|当中|之中|里|中)(?=[，,]|$|哪|谁|最|排|的)"
    r"|几[个项类款块笔]?[^，,？?]{0,6}?(?:来?看|而言|来说)(?=[，,]|$)")
_SAID_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:万|亿|元)|[一二两三四五六七八九十百千几]+多?[亿万]")
_OP_WORDS = 95  # cues this strong (why-words) are never part of a name

# 拿来干嘛 asks by itself
_QUESTION_OPS = ("reason", "purpose", "duties", "definition", "text", "goal", "basis", "name")


_GOES_ON = ("、", "，", ",")  # marks inside a sentence


def _clauses(q: str, names: frozenset[str]) -> list[str]:
    """Pieces between punctuation; one that asks nothing joins the next (context) or, last, the previous."""
    split = re.split(r"([？?。；;！!，、]|,(?!(?<=\d,)\d{3}))", q)  # 29,381万元 is one number
    pieces = [(p, mark) for p, mark in zip(split[::2], [*split[1::2], ""], strict=True) if p.strip()]
    joined: list[str] = []
    pending = gloss = ""
    for piece, mark in pieces:
        if gloss or (joined and not pending and _SAID_AGAIN.match(piece)):
            # 基本支出是多少？也就是保运转那部分。今年…: a gloss on the ask before, to the end of its sentence —
            # never context for the next (parse reads it against the part it follows)
            gloss += piece
            if mark in _GOES_ON:
                gloss += mark
                continue
            if mark and not ASKING_WORDS.search(gloss):
                joined.append(gloss)
                gloss = ""
                continue
            piece, gloss = gloss, ""  # it asks (就是Y花了多少), or ends the question: read as before
        text = pending + piece
        asks, words = _asks(text, names)
        if mark == "、" and asks and not ASKING_WORDS.search(piece):
            asks = False  # 分别按行政运行、一般行政管理事务…各是多少: a list goes on; X多少、Y多少 asks twice
        if asks and not (_ENDS_INSIDE.search(text) and not words):  # 三公经费各项里面，…: context
            joined.append(text)
            pending = ""
        else:
            pending = text + "，"
    if gloss:  # a gloss the question ends on, mid-sentence
        pending = gloss.rstrip("、，,") + "，"
    if pending:
        tail = pending.rstrip("，")
        _, taken = _refs_of(tail, None, names)
        said_again = all(tail[m.start:m.end] in joined[-1] for m in scan(tail, names)) if joined else False
        if joined and said_again and not _cue_matches(tail, taken):  # 谢谢 / 只要基本支出那一列: nothing new
            joined[-1] += "，" + tail
        else:
            joined.append(tail)
    return joined


# ---- one part --------------------------------------------------------------------------------------

def _cue_matches(text: str, taken: list[bool]) -> list[tuple[int, int, str, int]]:
    """(start, end, op, priority) of every operation cue outside the names found."""
    found = []
    for cue in grammar().cues:
        for m in cue.pattern.finditer(text):
            if m.end() > m.start() and not all(taken[m.start():m.end()]):
                found.append((m.start(), m.end(), cue.op, cue.priority))
    return found


def _before_colon_said(text: str, cues: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """人头费里的大头：基本工资加上津贴补贴一共多少: words before a colon that ask nothing only lead in; the
    operation is what the words after it ask (大头 there names no ranking)."""
    colon = max(text.find("："), text.find(":"))
    if colon < 0 or ASKING_WORDS.search(text[:colon]) or not any(c[0] > colon for c in cues):
        return cues
    return [c for c in cues if c[0] > colon]


def _operation(cues: list[tuple[int, int, str, int]]) -> str | None:
    if not cues:
        return None
    return max(cues, key=lambda c: (c[3], c[1] - c[0]))[2]


def _refs_of(text: str, previous: Part | None,
             names: frozenset[str] = frozenset()) -> tuple[list[Ref], list[bool]]:
    """Names found in the text (concepts, subjects, codes, everyday words, the document's own), in order."""
    taken = [False] * len(text)
    refs: list[Ref] = []
    context = {r.key for r in (previous.refs if previous else ()) if r.kind == "concept"}
    matches = scan(text, names)
    context |= {e.key for m in matches for e in m.entries if e.kind == "concept" and not e.context}
    context |= {p for key in list(context) if key for p in ontology().ancestors(key)}  # 货物和服务 after 政府采购货物
    for m in matches:
        entry = _settle(m.entries, context)
        if entry is None:
            continue
        taken[m.start:m.end] = [True] * (m.end - m.start)
        refs.append(_ref_of(text[m.start:m.end], m.start, entry))
    for code in _CODE.finditer(text):
        if any(taken[code.start():code.end()]):
            continue
        taken[code.start():code.end()] = [True] * (code.end() - code.start())
        known = ontology().subject(code.group(1))
        refs.append(Ref(code.group(1), "code", code.group(1), code.start(), names=(known.name,) if known else ()))
    refs += _contracted(text, refs, taken)
    return sorted(refs, key=lambda r: r.start), taken


def _contracted(text: str, refs: list[Ref], taken: list[bool]) -> list[Ref]:
    """水电费: two items said with one shared 费 (水费 and 电费) — the char before a two-character X费 that
    makes another item's name with the same 费."""
    found = []
    for ref in refs:
        start = ref.start
        if ref.kind != "subject" or len(ref.text) != 2 or not ref.text.endswith("费") or start < 1 or taken[start - 1]:
            continue
        other = text[start - 1] + "费"
        entry = next((e for m in scan(other) if m.end - m.start == 2 for e in m.entries if e.kind == "subject"), None)
        if entry is not None:
            taken[start - 1] = True
            found.append(Ref(other, "subject", entry.key, start - 1))
    return found


def _settle(entries: tuple[Entry, ...], context: set[str]) -> Entry | None:
    """One meaning: a contextual short name only inside its context; else the first."""
    plain = [e for e in entries if e.context is None]
    inside = [e for e in entries if e.context in context]
    return (inside or plain or [None])[0]


def _ref_of(text: str, start: int, entry: Entry) -> Ref:
    if entry.kind == "word":
        return Ref(text, "word", None, start, names=entry.names)
    if entry.kind == "name":
        return Ref(text, "document", None, start)
    return Ref(text, entry.kind, entry.key, start)


def _names(text: str, taken: list[bool], cues: list[tuple[int, int, str, int]]) -> list[Ref]:
    """What is left once names, cues, slot words and fillers are gone: phrases the document's own
    names may resolve (a project, a row, a unit)."""
    mask = list(taken)
    for start, end, _, _ in cues:
        mask[start:end] = [True] * (end - start)
    for pattern in (*_slot_patterns(), _long_fillers()):
        for m in pattern.finditer(text):
            if not any(taken[m.start():m.end()]):
                mask[m.start():m.end()] = [True] * (m.end() - m.start())
    rest = "".join(" " if t else ch for ch, t in zip(text, mask, strict=True))
    found = []
    for m in _PHRASE.finditer(rest):
        for piece in re.finditer(rf"[^{_JOINS}]+?(?={_APPOSED}|那个|这个|那笔|这笔|{_INSIDE}|[{_JOINS}]|$)", m.group()):
            phrase = _strip_fillers(piece.group())
            if _is_name(phrase) and not re.match(_APPOSED, piece.group()):
                found.append(Ref(phrase, "name", None, m.start() + piece.start() + piece.group().find(phrase)))
    return found


_PHRASE = re.compile(r"[\u4e00-\u9fffA-Za-z（）()“”](?:[\u4e00-\u9fffA-Za-z（）()“”]|[-—－·](?=[\u4e00-\u9fff]))*")
_INSIDE = r"(?<=[项费金款类出])(?:里面|里头|里)(?=[\u4e00-\u9fff]{2})"  # 科技创新专项里各级企业技术中心
_JOINS = "的和与及比较占跟加是"  # characters between two names, never inside a name asked about
# A、B、C这三个专项: what follows the list only says what its items are
_APPOSED = r"[这那][两三四五六七八九十几]+[个项笔类家].*$|[这那]些.*$"
_COUNTED = re.compile(r"^[这那]?[一二两三四五六七八九十几\d]+\s*(?:块|项|类|个|笔|部分|样|种|方面|款|大块|大项|大类)$")
# 给在职人员交(的): who a payment is made for, said around the item's own name
_WHOM = r"(?:机关|单位|在职|在编|退休|离休|离退休)*(?:工作)?(?:人员|职工|员工|干部|大家)"
_PAID = r"(?:交|缴|缴纳|发|发放|买|付|支付)"
_COUNT_OF = r"[这那]?[两二三四五六七八九十几]\s*(?:块|项|类|个|笔|部分|样|种|方面)"
_COUNTED_TAIL = re.compile(rf"{_COUNT_OF}$|[这那]?[两二三四五六七八九十几]\s*(?:大块|大项)$")
_COUNTED_MID = re.compile(rf"{_COUNT_OF}(?=[\u4e00-\u9fff]{{1,4}}$)")
_FOR_WHOM = re.compile(rf"^(?:单位)?(?:(?:给|为|替){_WHOM}{_PAID}?|{_WHOM}{_PAID})的?$")
_STAFF = re.compile(r"^(?:机关|单位|在职|在编|职|编|离休|退休|离退休)?(?:工作)?(?:人员|职工|员工|干部)$")  # who
_VERBISH = re.compile(r"[花用给批出投多少大小高低比较到从按把被对于向以将由自之该第总共值各我你您咱]")


def _is_name(phrase: str) -> bool:
    """A phrase names something when more than budget nouns and verbs are left of it (方面花 is not);
    Latin letters name something too (GDP), never silently dropped."""
    # 三块加起来 counts the names; 给在职人员交 says for whom; 职工 who: none of them names a figure
    if _COUNTED.match(phrase) or _FOR_WHOM.match(phrase) or _STAFF.match(phrase):
        return False
    core = _VERBISH.sub("", grammar().generic.sub("", phrase))
    return len(core) >= 2 and (is_cjk(core) or core.isascii())


def _strip_fillers(phrase: str) -> str:
    g = grammar()
    phrase = re.sub(f"(?:{g.containers.pattern.removeprefix('^')})$", "", phrase)  # 这一款里
    # 卫生健康支出中行政单位医疗 — but 中小企业, 中心 keep their 中 (as the containers' own exceptions)
    phrase = re.sub(r"^(?:里面|里头|当中|之中|中(?![心小国央期华容涵部门])|里|内)", "", phrase)
    while True:
        head = next((f for f in _filler_words() if phrase.startswith(f)), None)
        if head:
            phrase = phrase[len(head):]
            continue
        tail = next((f for f in _filler_words() if f and phrase.endswith(f)), None)
        if tail:
            phrase = phrase[: -len(tail)]
            continue
        bare = _COUNTED_TAIL.sub("", _COUNTED_MID.sub("", phrase))  # 组织两块 / 统战这三块事务: a count of names
        if bare != phrase and len(bare) >= 2:
            phrase = bare
            continue
        return phrase.strip("（）()“”")


@cache
def _long_fillers() -> re.Pattern[str]:
    """Fillers of two or more characters, masked wherever they stand (部门预算连本部在内)."""
    return re.compile("|".join(map(re.escape, (w for w in _filler_words() if len(w) > 1))))


_SAFE_CHARS = set("的了吗呢吧啊呀哦嘛是有在为和与及跟同或都也还又就才那这其它搞")


def _filler_words() -> list[str]:
    """Fillers stripped from a name's edges: words, and single characters that never end a name
    (出 may: 支出; 费 may: 培训费)."""
    words = grammar().fillers.pattern.replace("\\", "").split("|")
    return sorted((w for w in words if len(w) > 1 or w in _SAFE_CHARS), key=len, reverse=True)


def _slot_patterns() -> list[re.Pattern[str]]:
    g = grammar()
    found: list[re.Pattern[str]] = [_YEAR, _STATED_AMOUNT, g.unknown, g.excluded, _NEUTRAL, RECIPIENTS, _LEVEL_MARK,
                                    *(p for _, p in _DIRECTION)]
    for body in g.slots.values():
        found += list(body.values()) if isinstance(body, dict) else [body]
    found += [p for _, p in g.anaphora]
    return found


def _slot(name: str, text: str) -> str | None:
    body = grammar().slots[name]
    hits = [(m.start(), key) for key, p in body.items() for m in p.finditer(text)]
    if name == "basis" and len({k for _, k in hits}) > 1:
        return "both"  # 决算数和年初预算差多少: the pair
    return min(hits)[1] if hits else None


# 2024年文件里提到 / 2024年那份公开材料: the year of the disclosure read, not the period asked
_DOCUMENT_YEAR = re.compile(r"度?的?(?:部门|单位)?(?:预算|决算)?(?:公开)?(?:文件|材料|报告|版本|那份|这份|公开)")


_FROM_YEAR = re.compile(r"(?:按|按照|根据|用|拿|从)(?:着)?$")


def _years(text: str) -> tuple[int, ...]:
    years = []
    for m in _YEAR.finditer(text):
        if _DOCUMENT_YEAR.match(text, m.end()) or _FROM_YEAR.search(text, 0, m.start()):
            continue  # 按18年的数倒推: the year it is worked out from, not the one asked
        raw = m.group(1)
        years.append(int(raw) if len(raw) == 4 else 2000 + int(raw))
    return tuple(years)


def _nth(text: str) -> int | None:
    m = _ORDINAL.search(text)
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    return int(raw) if raw.isdigit() else chinese_numeral(raw)


def _scope(text: str, op: str, refs: list[Ref] | tuple[Ref, ...] = ()) -> Scope:
    g = grammar()
    unit = g.slots["unit"].search(text)
    asc = g.slots["order"]["asc"].search(text)
    named = text  # 上年结转 names a concept: its 上年 is no period
    for r in refs:
        if r.kind == "concept" and r.start >= 0 and text[r.start:r.start + len(r.text)] == r.text:
            named = named[:r.start] + "□" * len(r.text) + named[r.start + len(r.text):]
    return Scope(basis=_slot("basis", text), period=_slot("period", named), years=_years(text),
                 level=_slot("level", text), scheme=_slot("scheme", text),
                 unit=unit.group(1) if unit and op == "lookup" else None,
                 order="asc" if asc else "desc", n=_nth(text) if op == "nth" else None)


def _direction(text: str) -> str | None:
    return next((d for d, p in _DIRECTION if p.search(text)), None)


def _anaphora(text: str, previous: Part | None, earlier: tuple[Part, ...] = (), op: str = "",
              own: tuple[Ref, ...] = ()) -> list[Ref]:
    """后者/前者/两者/其中/它 → the previous part's operands (多少钱？救助多少人？它占…: a sum of money points
    past a count, at the money asked before it)."""
    if previous is None:
        return []
    if previous.op == "count" and op not in ("count", ""):
        previous = next((p for p in reversed(earlier) if p.op != "count" and p.operands()), previous)
    before = list(previous.operands()) or ([previous.scope.within] if previous.scope.within else [])
    if not before:
        return []
    found = [(m, kind) for kind, pattern in grammar().anaphora for m in pattern.finditer(text)]
    pair = sorted((f for f in found if f[1] in ("last", "first")), key=lambda f: f[0].start())
    both = any(kind == "all" and re.match(r"[两二]", m.group()) for m, kind in found)
    if (len(pair) == 2 or both) and len(before) < 2:  # 工程多少、服务多少？后者比前者/两者: one figure a part
        before = [p.operands()[-1] for p in earlier[-2:] if p.operands()]
    if len(pair) == 2 and pair[0][1] != pair[1][1] and len(before) >= 2:  # 后者比前者多多少: both, as said
        return [replace((before[-1] if kind == "last" else before[0]), start=m.start(), role="operand")
                for m, kind in pair]
    for m, kind in sorted(found, key=lambda f: (f[0].start() - f[0].end(), f[0].start()))[:1]:
        if kind == "container":  # 占这一类: the container the part before was read in
            chosen = [previous.scope.within] if previous.scope.within is not None else before[:1]
        else:
            chosen = {"last": before[-1:], "first": before[:1], "all": before, "one": before[:1],
                      "within": _holding(before[:1], earlier, own)}[kind]
        # 在这个款里，项目支出占多少: the 款 the part is read in; 占这一类: the whole itself
        inside = kind == "container" and re.match(r"(?:里面|里头|里|中|内|当中)", text[m.end():]) is not None
        role = "container" if kind == "within" or inside else "operand"
        found = [replace(r, start=m.start(), role=role) for r in chosen]
        within = previous.scope.within
        if role == "operand" and within is not None and within not in chosen:
            found.append(replace(within, start=-1, role="container"))  # 这笔: the figure, read where it was
        return found
    return []


def _holding(chosen: list[Ref], earlier: tuple[Part, ...], own: tuple[Ref, ...]) -> list[Ref]:
    """总共多少？服务类多少？服务在里面占几成: 里面 is never the thing itself — the earlier figure that holds it."""
    keys = {r.key for r in own if r.key}
    if not chosen or chosen[0].key not in keys:
        return chosen
    holders = set(ontology().ancestors(chosen[0].key or ""))
    found = next((o for p in reversed(earlier) for o in p.operands() if o.key in holders), None)
    return [found] if found is not None else chosen


def _owns(text: str, ref: Ref, following: Ref) -> bool:
    """自然资源事务的事业运行: a subject, 的, then a name right after it — the name is read under it."""
    end = ref.start + len(ref.text)
    if ref.kind == "subject" and len(ref.key or "") == 5 and following.start == end and \
            following.kind in ("subject", "name", "document") and (following.key or "")[:5] in ("", ref.key):
        return True  # 组织事务一般行政管理事务: a 款 said right before a 项 of its own
    said = re.match(r"(?:[（(][类款][)）]|[类款])?(?:下面|下|里面|里)?的", text[end:])  # 城乡社区管理事务款的行政运行
    return ref.kind == "subject" and said is not None and following.start == end + said.end() and \
        following.kind in ("subject", "name", "word", "document")


_AMOUNT_SAID = re.compile(r"^(?:的)?[这那]?(?:\d[\d.,]*\s*(?:万|亿)?元?|"
                          r"[一二两三四五六七八九十百千]+\s*(?:万|亿)元?)多?")
_ITS_MONEY = re.compile(r"^[这那][一个]?(?:块|部分)的?(?:钱|经费|资金|开支|花销)(?![里中内])")
_THAT_PIECE = re.compile(r"^[这那][一个]?(?:块|部分|类|款|项(?!目))")
# 城乡社区规划与管理(项)里面 / 商贸事务款下面 / 一般公共服务支出那个类: the level said after the name
_HEAD_NOUN = re.compile(r"^(?:\((?:类|款|项)\)|[类款项](?=里|下|中|内|当中)"
                        r"|[这那]个?[类款项](?=里|下|中|内|当中|[，,]|$)|[这那]一[类款项](?=里|下|中|内|当中))?"
                        r"的?(?:支出|经费|资金|预算)?的?(?:总额|总数|总量|合计)?")


_YEAR_GAP = re.compile(r"\d{4}\s*年度?的?")


def _containers(text: str, refs: list[Ref]) -> list[Ref]:
    """A name followed by 里/中/里面/当中 (or 在…里) with more named after it is what they are read in."""
    out = []
    g = grammar()
    for i, ref in enumerate(refs):
        end = ref.start + len(ref.text)
        if ref.start < 0 or text[ref.start:end] != ref.text:  # 后者 stands for 项目支出: not its words
            out.append(ref)
            continue
        rest = text[end + 1:] if text[end:end + 1] == ")" and "(" in text[:ref.start] else text[end:]  # 社保(…)里
        after = _HEAD_NOUN.sub("", _AMOUNT_SAID.sub("", rest))  # 社保就业(支出)里 / X那958万多里面
        found = g.containers.match(after)
        marked = found is not None and found.end() > 0
        later = i + 1 < len(refs)
        if marked and not later and re.fullmatch(r"[这那]一?[块类款项]", found.group()):
            marked = False  # 也就是日常开支那块，决算是多少: a pointer at what is asked, nothing inside it
        marked = marked or (later and _THAT_PIECE.match(after) is not None and  # 社保就业那块有多少公用经费 — but
                            not _ITS_MONEY.match(after))  # 支持中小企业那块的钱，是X的几倍: that money itself
        marked = marked or (later and _owns(text, ref, refs[i + 1]))
        marked = marked or (later and ref.kind == refs[i + 1].kind == "name" and  # X工程2024年第一季度用款计划
                            _YEAR_GAP.fullmatch(text[end:refs[i + 1].start]) is not None)
        if marked and (later or ref.kind not in ("name", "document")):
            out.append(replace(ref, role="container"))
        else:
            out.append(ref)
    return _outer_said(text, out)


def _outer_said(text: str, refs: list[Ref]) -> list[Ref]:
    """基本支出公用经费里…: a concept said right before the container it holds (基本支出 holds 公用经费) only
    places that container; it is no figure asked."""
    drop = set()
    for outer, inner in itertools.pairwise(refs):
        if inner.role == "container" and outer.kind == inner.kind == "concept" and outer.start >= 0 and \
                re.fullmatch(r"的?", text[outer.start + len(outer.text):inner.start]) is not None and \
                outer.key in ontology().ancestors(inner.key or ""):
            drop.add(id(outer))
    return [r for r in refs if id(r) not in drop]


_TABLE_END = re.compile(r"^(?:的)?(?:预算|决算)?总?表")


def _without_table_titles(text: str, refs: list[Ref]) -> list[Ref]:
    """财务收支预算总表里，收入总计是多少: words of a table's title (收支预算 … 总表) name the table, not a
    figure or a qualifier; what is asked is named after it."""
    ends = [r.start + len(r.text) for r in refs if r.start >= 0 and _TABLE_END.match(text[r.start + len(r.text):])
            and any(o.start > r.start + len(r.text) for o in refs)]
    if not ends:
        return refs
    title_end = max(ends)
    title = [r for r in refs if 0 <= r.start < title_end]
    if len(title) == 1 and title[0].kind == "concept":
        return refs  # 一般公共预算基本支出表里: a table one concept names is what the part is read in
    return [r for r in refs if r not in title]


def _part(text: str, previous: Part | None, names: frozenset[str] = frozenset(),
          earlier: tuple[Part, ...] = ()) -> Part:
    refs, taken = _refs_of(text, previous, names)
    cues = _before_colon_said(text, _cue_matches(text, taken))
    chosen = _operation(cues)
    # the words of the operation read, and question words, are no names; another rule's cue may be one
    # (编报绩效目标的项目资金占项目支出的比重: 绩效目标 names the projects, the question is a share)
    spent = [c for c in cues if c[2] in (chosen, "lookup", "each") or c[3] >= _OP_WORDS]  # 分别 is never a name
    refs = _shared_tail(text, _code_and_name(text, sorted(refs + _names(text, taken, spent), key=lambda r: r.start)))
    kept = _restated(text, _one_name(text, refs))
    said_again = _spans_said_again(text, refs, kept)
    if said_again:  # 每月房贴，也就是购房补贴: the words replaced ask nothing (每月 is no average here)
        chosen = _operation([c for c in cues if not any(a <= c[0] < b for a, b in said_again)])
    refs = sum_named(text, pointed_again(text, list_head(text, _counterpart(text, _without_excluded(text, kept)))))
    op = chosen or ("lookup" if refs else "text")
    if _part_of_project_named(text, previous, refs):
        refs, op = [], "text"  # 兰溪路工程的立项依据？哪家公司负责施工: that project's 实施主体, not a name
    if previous is not None and previous.op == "count" and INVOLVED.match(text):
        refs = []  # 编报绩效目标的项目有几个？涉及多少项目资金: the money of what was counted, said after it
    refs = kind_named_before(text, averaged_over(op, previous, refs) or refs, earlier)
    refs += _anaphora(text, previous, earlier, op, tuple(refs)) + columns_again(text, previous, refs) + \
        project_money(previous, refs)
    refs = _containers(text, _without_table_titles(text, sorted(refs, key=lambda r: r.start)))
    scope = _scope(text, op, refs)
    unread = tuple(m.group() for m in grammar().unknown.finditer(text))
    if chosen is None and previous is not None and _same_question(text):  # 项目支出占比多少，基本支出呢
        op, scope = previous.op, _carried(scope, previous, text)
        refs += [replace(r, start=-1) for r in previous.refs if r.role == "whole"]
    inherited = False  # set below
    if previous is not None and op in (*_ARITH, "change") and _LEADING_THAN.match(text) and \
            len(previous.operands()) == 1 and len([r for r in refs if r.role == "operand"]) == 1:
        refs = [replace(previous.operands()[0], start=-1), *refs]  # 基本支出是多少？比项目支出多多少: it, then
        inherited, op = True, "difference" if op == "change" else op  # the other — never the other's change
    elif previous is not None and op not in ("duties",) and _takes_previous(text, op, refs):
        refs = [*(replace(r, role="operand", start=-1) for r in previous.operands()), *refs,
                *(replace(r, start=-1) for r in previous.refs if r.role == "qualifier"  # 那个项目的…: its owner
                  and previous.operands() and not any(o.role == "qualifier" for o in refs))]
        inherited = bool(previous.operands())
        scope = _carried(scope, previous, text)  # 决算比预算少多少？原因呢？ / 哪一款最多？排第二的呢？
        if previous.scope.within is not None and not any(r.role == "container" for r in refs):
            refs.append(replace(previous.scope.within, start=-1))
    return _settle_part(Part(op, text, tuple(_each_owner(text, op, refs)), scope, _direction(text), inherited,
                             unread))


_LIST_JOIN = ("和", "与", "及", "、", "跟")


def _part_of_project_named(text: str, previous: Part | None, refs: list[Ref]) -> bool:
    """A clause asking one standard part of a project's 说明 (its 实施主体, 实施周期 …), naming nothing the
    dictionary knows, right after a part that named a project by its words: that project's part."""
    from assistant.project_text import PARTS

    if previous is None or not any(r.kind in ("name", "document") for r in previous.operands()):
        return False
    asked = any(re.search(words, text) for part, words in PARTS.items() if part != "年度预算安排")
    return asked and all(r.kind == "name" for r in refs)


def _shared_tail(text: str, refs: list[Ref]) -> list[Ref]:
    """区级和市级支持总部经济: two names said with one shared tail — the first ends like the second begins
    (区级 / 市级, the same last character), so it takes the second's tail (区级支持总部经济)."""
    out = list(refs)
    for i, (a, b) in enumerate(itertools.pairwise(refs)):
        if a.kind != "name" or a.start < 0 or b.start < 0 or text[a.start + len(a.text): b.start] not in _LIST_JOIN:
            continue
        m = next((m for m in (2, 3, 4) if m <= len(a.text) and len(b.text) - m >= 2 and
                  b.text[m - 1] == a.text[-1] and b.text[:m] != a.text[-m:]), None)
        if m is not None:
            out[i] = replace(a, text=a.text + b.text[m:])
    return out


_ARITH = ("difference", "sum", "compare", "multiple")
_LEADING_THAN = re.compile(r"^(?:那|它|那它)?(?:比|较|相比)")


def _each_owner(text: str, op: str, refs: list[Ref]) -> list[Ref]:
    """本级和人民会堂的机关运行经费差多少 / 机关的运行经费和会堂的运行经费差多少: two owners, one figure — the
    figure of each owner (本级的机关运行经费, 人民会堂的机关运行经费), as two names the document's words resolve."""
    named = [r for r in refs if r.start >= 0 and r.role in ("operand", "qualifier")]
    kinds = [r.kind for r in named]
    if op not in _ARITH or kinds not in (["name", "name", "concept"], ["name", "concept", "name", "concept"]):
        return refs
    a, b, figure = (named[0], named[1], named[2]) if len(named) == 3 else (named[0], named[2], named[3])
    if len(named) == 4:  # each owner said with the figure: the same figure twice
        joined = named[1].key == figure.key and _between(text, named[1], b) in _LIST_JOIN and \
            _between(text, a, named[1]) in ("", "的")
    else:
        joined = _between(text, a, b) in _LIST_JOIN
    if not (joined and _between(text, b, figure) in ("", "的")):
        return refs
    rest = [r for r in refs if r not in named]
    return [*rest, Ref(f"{_owner(a.text)}{figure.text}", "name", None, a.start),
            Ref(f"{_owner(b.text)}{figure.text}", "name", None, b.start)]


def _owner(said: str) -> str:
    """(市总工会)机关 as an owner, its department's name read off: the department's own organ, 本级."""
    return "本级" if said in ("机关", "机关本部", "本部", "机关本级") else said


def _between(text: str, a: Ref, b: Ref) -> str:
    return text[a.start + len(a.text): b.start]


_MOMENTS = "年初|年末|年底|期初|期末"
_AGAINST = re.compile(rf"比\s*({_MOMENTS})(?![\u4e00-\u9fff]*(?:结转|结余))")


def _counterpart(text: str, refs: list[Ref]) -> list[Ref]:
    """结转结余年末比年初少了多少: a bare moment after 比 names the same figure at that moment (年初结转结余),
    when the dictionary knows that name; the operand is the one at the moment said beside it."""
    against = _AGAINST.search(text)
    named = [r for r in refs if r.kind == "concept" and r.start < (against.start() if against else 0)]
    if against is None or len(named) != 1:
        return refs
    ref = named[-1]
    base = re.sub(rf"^({_MOMENTS})|({_MOMENTS})$", "", ref.text)
    moment = re.match(_MOMENTS, text[ref.start + len(ref.text):])
    out = list(refs)
    if moment:  # 结转结余年末: the operand read at its moment
        mine = _concept_named(moment.group() + base)
        out[out.index(ref)] = replace(ref, key=mine or ref.key, text=ref.text + moment.group()) if mine else ref
    other = _concept_named(against.group(1) + base)
    if other is None:
        return refs
    return [*out, Ref(against.group(1), "concept", other, against.start(1))]


_LEFT = re.compile(r"(?:不是|不算|除了|除去|扣除|去掉)[^，。？?]{0,12}?(?:还剩|剩下|剩余|其余|另外)")


def _remainder(part: Part, parts: list[Part]) -> Part:
    """中小企业预留多少？里面小微的多少？那不是小微的还剩多少: the whole asked before minus its part."""
    if not _LEFT.search(part.text) or len(parts) < 2:
        return part
    whole, piece = (p.operands()[-1] if p.operands() else None for p in parts[-2:])
    if whole is None or piece is None:
        return part
    refs = (replace(whole, start=-1, role="operand"), replace(piece, start=-1, role="operand"))
    return _settle_part(replace(part, op="difference", refs=refs, inherited=True))


def _ranked_change(part: Part, text: str) -> Part:
    """哪一项比去年压减得最多: a rank of the changes — not a thing this plan can read; said, never guessed."""
    ranks = any(op in ("rank", "nth") for _, _, op, _ in _cue_matches(text, [False] * len(text)))
    changed_most = part.op in ("rank", "nth") and _CHANGED_MOST.search(text) is not None  # 哪个科目降得最厉害
    if ((part.op in ("change", "growth", "difference") and ranks) or changed_most) and "哪" in text:
        return replace(part, unread=(*part.unread, "哪一项的增减最多（按增减排名）"))
    return part


_CHANGED_MOST = re.compile(r"(?:降|减|增|涨|升|下滑|压减|缩减)(?:得|了|的)?(?:幅度|比例)?最")


_MOMENT_ONLY = re.compile(rf"^({_MOMENTS})(?:的|数|呢|是多少|多少)*$")


def _at_other_moment(part: Part, previous: Part | None) -> Part:
    """年初结转结余是多少？那年末呢？: the figure before, read at the moment now named."""
    moment = _MOMENT_ONLY.match(part.text)
    said = [r for r in (previous.operands() if previous else ()) if r.kind == "concept" and r.start >= 0]
    if moment is None or len(said) != 1:
        return part
    base = re.sub(rf"^({_MOMENTS})|({_MOMENTS})$", "", said[0].text)
    key = _concept_named(moment.group(1) + base)
    if key is None:
        return part
    ref = Ref(moment.group(1) + base, "concept", key, -1)
    return _settle_part(replace(part, op="lookup", refs=(ref,), inherited=False))


def _concept_named(text: str) -> str | None:
    found = scan(text)
    concepts = [e.key for m in found if m.end - m.start == len(text) for e in m.entries if e.kind == "concept"]
    return concepts[0] if len(concepts) == 1 else None


def _same_question(text: str) -> bool:
    """基本支出呢 / 那公用经费呢: a piece that only names something asks the question before about it."""
    return bool(re.search(r"(呢|那|又)$|^(那|那么)", text)) and not grammar().asks.search(text.rstrip("呢"))


def _carried(scope: Scope, previous: Part, text: str = "") -> Scope:
    """What an elliptical part leaves unsaid is what the part before said: basis, fund, level, scheme —
    but 去年实际花了多少，今年预算多少: a part saying 预算 is no 决算."""
    carried = {k: getattr(previous.scope, k) for k in ("basis", "fund", "level", "scheme")
               if getattr(scope, k) is None and getattr(previous.scope, k) is not None}
    if carried.get("basis") == "final" and re.search(r"预算|今年|本年", text):
        del carried["basis"]
    return replace(scope, **carried) if carried else scope


_JOINED = ("和", "与", "及", "、", "以及")
_SAID_AGAIN_FILLER = re.compile(r"的?[这那]一?笔钱|的?钱|[这那]一?[块项笔类部分]+|人员|职工|的|[，,\s]")
_RESTATED = re.compile(r"(?:就是|也就是|即|也即|指的是)\s*$|^\s*[（(]\s*$")


def _one_name(text: str, refs: list[Ref]) -> list[Ref]:
    """社保和就业支出: two short names of one subject joined by 和 are that subject, once."""
    out: list[Ref] = []
    for ref in refs:
        last = out[-1] if out else None
        if last is not None and ref.key and (last.kind, last.key) == (ref.kind, ref.key) and last.start >= 0 and \
                text[last.start + len(last.text): ref.start] in ("", "和", "与", "及"):
            out[-1] = replace(last, text=text[last.start: ref.start + len(ref.text)])
            continue
        out.append(ref)
    return out


def _restated(text: str, refs: list[Ref]) -> list[Ref]:
    """看病那块，就是行政事业单位医疗 / 公用经费（商品和服务支出）: a name said again in other words is one
    operand, the later, more exact one."""
    out: list[Ref] = []
    for ref in refs:
        last = out[-1] if out else None
        gap = _SAID_AGAIN_FILLER.sub("", text[last.start + len(last.text): ref.start]) if last is not None else ""
        if last is not None and last.start >= 0 and _RESTATED.search(gap):
            if last.kind in _STANDARD and ref.kind == "name":
                continue  # 基本支出，也就是保障机构运转那部分: a gloss on a standard name, which stays
            out.pop()
            while out and out[-1].start >= 0 and text[out[-1].start + len(out[-1].text): last.start] in _JOINED:
                last = out.pop()  # 做审计和绩效评价的那笔钱（财政委托业务）: the whole phrase said again
            out.append(ref)
            continue
        out.append(ref)
    return out


def _spans_said_again(text: str, before: list[Ref], after: list[Ref]) -> list[tuple[int, int]]:
    """Where the words a restatement replaced stand: the whole phrase (机关人员每月房贴), from the clause's
    last stop or the name kept before it, to the restating name."""
    gone = [r for r in before if r.start >= 0 and r not in after]
    if not gone:
        return []
    first = min(g.start for g in gone)
    stops = [m.end() for m in re.finditer(r"[，,。；;？?！!\s]", text[:first])]
    kept = [r.start + len(r.text) for r in after if 0 <= r.start < first]
    ends = [r.start for r in after if r.start > first]
    return [(max([0, *stops, *kept]), min(ends) if ends else max(g.start + len(g.text) for g in gone))]


def _code_and_name(text: str, refs: list[Ref]) -> list[Ref]:
    """2012902一般行政管理事务 / 城乡社区规划与管理（2120201）: a code and the name printed beside it are
    one row, the one the code says."""
    out: list[Ref] = []
    for ref in refs:
        last = out[-1] if out else None
        if last is not None and last.kind == "code" and last.start + len(last.text) == ref.start and \
                ref.kind != "concept":
            out[-1] = replace(last, text=last.text + ref.text)
            continue
        gap = text[last.start + len(last.text): ref.start] if last is not None else ""
        if last is not None and ref.kind == "code" and last.kind != "concept" and gap in ("（", "(", " "):
            end = ref.start + len(ref.text)
            end += 1 if gap != " " and text[end:end + 1] in ("）", ")") else 0  # the bracket closed too
            out[-1] = replace(ref, start=last.start, text=text[last.start: end])
            continue
        if last is not None and last.kind == "name" and ref.kind in ("subject", "concept", "document", "word") and \
                gap in ("（", "("):
            out[-1] = ref
            continue  # 下属事业单位运行（事业运行）: the printed name in brackets says which row
        out.append(ref)
    return out


def _takes_previous(text: str, op: str, refs: list[Ref]) -> bool:
    """No operand of its own (跟上年比呢), or a share/multiple that names only its whole (占总支出几成)."""
    own = [r for r in refs if r.role != "container"]
    if not own:
        return True
    at = text.find("占")
    if op == "share" and at >= 0 and all(r.start > at for r in own):
        return True
    return op == "multiple" and len(own) == 1 and text.lstrip("是").startswith(("是", "为")) and own[0].start <= 2


def _without_excluded(text: str, refs: list[Ref]) -> list[Ref]:
    """除了财政拨款，…其他收入: what follows 除了 is left out."""
    g = grammar()
    return [replace(r, role="excluded") if g.excluded.search(text[max(0, r.start - 3): r.start]) else r
            for r in refs]


def _settle_part(part: Part) -> Part:
    """Fix the operation and the operands' roles now that both are known."""
    from assistant.roles import assign

    return assign(part)
