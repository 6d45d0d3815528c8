"""Items only the 说明 names: 省级困难职工及劳模帮扶救助专项补助增加27.55万元, 支持促消费800.00万. A phrase
of the question finds the clause whose label holds it — its characters in order, starting as it starts
(省级 is never 市级) — and the amount or change stated right after that label."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.compute import Operand
from assistant.qtext import plain_name
from assistant.textfacts import StatedChange, _citation, change_of, cited
from corpus.records import Disclosure, Section
from index.stated_measures import PERIOD

if TYPE_CHECKING:
    from index.stated import Stmt

_LEAD = re.compile(r"^(?:\d{4}年度?|本单位|本部门|我单位|我部门)*"
                   r"(?:其中|主要为|主要是|主要包括|包括|以及|另外|同时|及|和)?")
NARROW_COVER = 0.3  # within one project's text a shorter piece names an item (促消费), never a bare 专项
HELD = 0.8  # the share of the phrase's characters the label must hold, in order


def holds(label: str, phrase: str, narrow: bool = False) -> bool:
    """Whether a printed label names what the phrase names: at least HELD of it, in order, anchored —
    and, unless the search is already narrowed to one project's text, half of the label too (专项资金 is
    not 省级困难职工及劳模帮扶救助专项资金)."""
    label, phrase = _LEAD.sub("", plain_name(label)), re.sub("[了过]", "", plain_name(phrase))  # 报了绩效目标
    phrase = _ASKED_TAIL.sub("", phrase) if len(_ASKED_TAIL.sub("", phrase)) >= 2 else phrase  # 进博会推进专项预算
    start = anchored(phrase, label)
    if start is None and len(phrase) > 3 and phrase[0] in _DONE:  # 做了绩效目标的项目: what was done
        phrase = phrase[1:]
        start = anchored(phrase, label)
    if len(phrase) < 2 or start is None:
        return False
    rest = iter(label[start:])
    held = sum(1 for ch in phrase if ch in rest)
    own = _LABEL_TAIL.sub("", label) or label  # 编报绩效目标(的项目): what the label names
    return held / len(phrase) >= HELD and held / len(own) >= (NARROW_COVER if narrow else 0.5)


def anchored(phrase: str, name: str) -> int | None:
    """Where the name starts to say what the phrase starts with: its first character, and its second
    soon after (劳模 in 劳动模范; 省级 never in 市级…), or None."""
    for i, ch in enumerate(name):
        if ch == phrase[0] and phrase[1:2] and phrase[1] in name[i + 1:i + 4]:
            return i
    return None


# what a clause that only carries the amount of the clause before says besides it: 涉及项目预算资金
_LABEL_TAIL = re.compile(r"(?:的?(?:项目|资金|经费))?(?:共计|合计|总计|共)?(?:安排|为|是|达)?$")
_DONE = set("做报编搞填设定写订有")
_ASKED_TAIL = re.compile(r"(?:的)?(?:预算|资金|经费|金额|安排|预算数)$")
_ITEM_MARK = re.compile(r"[（(]项[)）]")
_PATH = re.compile(r"[（(][类款][)）]")
_COUNT_TAIL = re.compile(r"(?:共|共计|合计|总计)?\d+\s*[个项家笔所]$")
ONLY_AMOUNT = re.compile(r"^(?:涉及|共|合计|总计|安排|计|金额|为|是|达|约|项目|预算|资金|经费|财政|拨款)*$")


def stated_item(doc: Disclosure, phrases: list[str], sections: list[Section] | None = None) -> Operand | None:
    """The amount the 说明 states right after a label holding one of the phrases — or in the clause after
    it, when that clause says nothing but the amount (编报绩效目标的项目50个，涉及项目预算资金5634.81万元) — as
    the shared prose reader (index/stated.py) reads the figures; `sections`: only those sections'."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    paths = {" > ".join(s.path) for s in sections} if sections is not None else None
    for stmt in stated_facts(doc, stated_patterns()):
        if stmt.change or stmt.role == "prior" or (paths is not None and stmt.passage.section not in paths):
            continue
        label = _printed_label(stmt)
        phrase = next((p for p in phrases if holds(label, p, narrow=sections is not None)), None)
        if phrase is not None:
            return Operand(_ITEM_MARK.sub("", _LEAD.sub("", plain_name(label))).strip("为是共计安排") or phrase,
                           stmt.value, stmt.unit, cited(doc, stmt, stmt.short_quote()))
    return None


def _printed_label(stmt: Stmt) -> str:
    """The words before a stated amount in its clause (a 项 of a subject path: the 项's name) — or, when they
    say nothing but the amount and the clause before gives a count, that clause's words."""
    text = stmt.passage.text
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, stmt.start)), default=0)
    label = text[cut:stmt.start]
    if ONLY_AMOUNT.match(label.strip()) and cut > 0:
        before = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, cut - 1)), default=0)
        counted = text[before:cut - 1]
        if _COUNT_TAIL.search(counted):
            return _COUNT_TAIL.sub("", counted)  # 编报绩效目标的项目(50个)
    return _PATH.split(label)[-1]  # “社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）”: the 项


_CLAUSE_BREAK = re.compile(r"[，,；;。：:、](?!\d{3})")


def stated_item_change(doc: Disclosure, phrases: list[str]) -> StatedChange | None:
    """The change against last year the 说明 states for an item whose label holds one of the phrases, as
    the shared prose reader (index/stated.py) reads it (持平 a change of 0)."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    stmt = next((s for s in stated_facts(doc, stated_patterns())
                 if s.change and s.name and any(holds(s.name, p) for p in phrases)), None)
    return change_of(doc, stmt, _LEAD.sub("", plain_name(stmt.name))) if stmt is not None else None


EVERY_PERIOD = re.compile(r"[四4]个季度|各季度|每个?季度|全年各?|各个?月|每个?月")  # all the periods, asked together


def stated_per_period(doc: Disclosure, phrase: str, sections: list[Section] | None = None) -> list[Operand]:
    """第一季度用款计划15万元，第二季度用款计划15万元…: every period's amount of one item, from the
    sentence that lists them (the first such sentence) — as the shared prose reader reads them."""
    from index.stated_measures import stated_periods

    by_sentence: dict[str, list[Operand]] = {}
    for said in stated_periods(doc):
        if sections is not None and said.section not in sections:
            continue
        if holds(PERIOD.sub("", said.label), phrase, narrow=True):
            by_sentence.setdefault(said.sentence, []).append(
                Operand(plain_name(said.label), said.value, said.unit,
                        _citation(doc, said.section, said.sentence, said.page)))
    return next((ops for ops in by_sentence.values() if len(ops) >= 2), [])


# what a question measures by its words → the units the 说明 states such a figure in
MEASURES = (
    (re.compile(r"得分|评分|打分|多少分|几分|平均分"), r"分"),
    (re.compile(r"面积|平方米|亩"), r"万平方米|平方米|亩|公顷"),
    (re.compile(r"多长|长度|里程|多远|全长|(?:多少|几)(?:公里|千米|米)(?!元)"), r"公里|千米|米"),
    (re.compile(r"多高|高度"), r"米"),
    (re.compile(r"多宽|宽度"), r"米"),
)
_MEASURE_NOUN = {"长": "长", "高": "高度", "宽": "宽度"}  # how the 说明 names it: 全长985米, 高度为29.8米
_ASKED = re.compile(r"(?:是)?(?:多少|几)分|(?:多少|几)(?:公里|千米|平方米|米)|"
                    r"多少|多大|多长|多高|[那这]几个|[那这]些|几|是|有|的|了|大概|约|搞|打|"
                    r"[，,、？?]")


def stated_measure(doc: Disclosure, phrase: str) -> Operand | None:
    """平均得分99.33分, 本工程规划建筑面积约为13459平方米: a figure in another measure than money, in the
    unit the phrase's measure word asks; its own clause holds the phrase's last words (what is measured),
    and the section up to it (title included) holds most of the phrase's characters — the clause holding
    most of the last words wins (道路全长, not 兰溪路规划红线宽度). The figures are the prose reader's records."""
    from index.stated_measures import stated_measures

    units = next((u for cue, u in MEASURES if cue.search(phrase)), None)
    if units is None:
        return None
    phrase = re.sub(r"多([长高宽])", lambda m: "" if m.group(1) in phrase.replace(m.group(), "") else
                    _MEASURE_NOUN[m.group(1)], phrase)  # 这条路多长 → 这条路长; 建筑高度多高 → 建筑高度
    phrase = _ASKED.sub("", phrase) or phrase
    allowed = units.split("|")
    best: tuple[tuple[int, float], Operand] | None = None
    for m in (m for m in stated_measures(doc) if m.unit in allowed):
        score = (_tail_held(phrase, m.clause), sum(ch in m.before for ch in phrase) / len(phrase))
        if score[0] >= 2 and score[1] >= HELD and (best is None or score > best[0]):
            label = _LEAD.sub("", plain_name(m.clause)).strip("为是约达共计") or phrase
            best = (score, Operand(label, m.value, m.unit, _citation(doc, m.section, m.sentence, m.page)))
    return best[1] if best else None


def _tail_held(phrase: str, clause: str) -> int:
    """How long an end of the phrase the clause holds, in order."""
    from assistant.scoping import subsequence

    return max((k for k in range(1, len(phrase) + 1) if subsequence(phrase[-k:], clause)), default=0)


_DOING = re.compile(r"^(?:管|搞|做|干|花在|用在|用于|给|为|支持)|(?:的)?(?:那笔|这笔|那块|这块)?(?:钱|经费|资金)?$")


_USES = re.compile(r"[、，,；;]|及|以及|和|与|等")
USE_COVER = 0.7  # the phrase is most of one listed use (办公用房 is no 办公用房取暖费)


def stated_use(doc: Disclosure, phrase: str) -> Operand | None:
    """管标准化菜场的那笔钱: the item whose stated use (…3136.40万元，主要用于标准化菜场及副食品行业管理)
    lists the phrase as one of its uses — one such item, else none (the prose reader's records)."""
    from index.stated_measures import stated_uses

    core = _DOING.sub("", phrase)
    if len(core) < 3:
        return None
    found = []
    for said in stated_uses(doc):
        if any(core in use and len(core) / len(use) >= USE_COVER for use in _USES.split(said.uses)):
            label = _PATH.split(said.before.strip("“”\"，, "))
            name = _ITEM_MARK.sub("", plain_name(label[-2] if len(label) > 1 and not label[-1].strip("“”\"")
                                                 else label[-1]))
            found.append(Operand(name.strip("“”\"") or core, said.value, said.unit,
                                 _citation(doc, said.section, said.sentence, said.page)))
    return found[0] if len({(o.value, o.unit) for o in found}) == 1 else None
