"""Figures the 情况说明 states in words: amounts of standard items and changes against last year.

Each comes with the whole sentence it was read from, so an answer can quote and cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer import Citation
from assistant.compute import Operand
from corpus.ontology import ontology
from corpus.records import Disclosure, Section

if TYPE_CHECKING:
    from index.stated import Stmt

_YEAR = re.compile(r"(?:比|较|与)\s*(\d{4})\s*年")


@dataclass(frozen=True)
class StatedChange:
    concept: str
    amount: Operand  # the size of the change, cited to the sentence
    increased: bool
    prior_year: int


def _citation(doc: Disclosure, section: Section, quote: str, page: int | None) -> Citation:
    return Citation(doc.doc_id, "text", page, section=" > ".join(section.path), quote=quote)


def stated_changes(doc: Disclosure) -> dict[str, StatedChange]:
    """The first stated change against last year for each standard concept, as the shared prose reader
    (index/stated.py) reads it — 持平 a change of 0, a bare change about the figure (or the whole) before it."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    found: dict[str, StatedChange] = {}
    for stmt in stated_facts(doc, stated_patterns()):
        if stmt.change and stmt.concept not in (None, "subject") and stmt.concept not in found:
            found[stmt.concept] = change_of(doc, stmt, stmt.concept)
    return found


def change_of(doc: Disclosure, stmt: Stmt, subject: str) -> StatedChange:
    """A stated change (a Stmt of the shared reader) as answers use it: its size, cited to its own sentence."""
    word = "增加" if stmt.value > 0 else "减少" if stmt.value < 0 else "持平"
    year = _YEAR.search(stmt.cite().quote or "")
    amount = Operand(f"比上年{word}额", abs(stmt.value), stmt.unit, cited(doc, stmt, stmt.short_quote()))
    return StatedChange(subject, amount, stmt.value >= 0, int(year.group(1)) if year else doc.year - 1)


def cited(doc: Disclosure, stmt: Stmt, quote: str | None = None) -> Citation:
    """A figure the prose states, cited to its section and page with `quote` (its whole sentence when None)."""
    cite = stmt.cite()
    return Citation(doc.doc_id, "text", cite.page, section=cite.section, quote=quote or cite.quote)


def stated_amount(doc: Disclosure, concept: str) -> Operand | None:
    """The amount the narrative states for a concept no table holds (e.g. 机关运行经费): the first the
    shared prose reader (index/stated.py) labels so — this year's (a 决算's 决算数), else its 年初预算."""
    best = _stated(doc, concept)
    return Operand(concept, best.value, best.unit, cited(doc, best)) if best is not None else None


def printed_as(doc: Disclosure, concept: str) -> str | None:
    """How the 说明 prints a concept it states (货物采购金额 for 政府采购货物), when in other words."""
    best = _stated(doc, concept)
    return best.name if best is not None and best.name and best.name != concept else None


def _stated(doc: Disclosure, concept: str) -> Stmt | None:
    """The record stating a concept's figure: this year's (a 决算's 决算数), else its 年初预算."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    found = [s for s in stated_facts(doc, stated_patterns()) if s.concept == concept and not s.change]
    return next((s for s in found if s.role in ("amount", "final")), None) or \
        next((s for s in found if s.role == "budget"), None)


_LISTED_AFTER = re.compile(r"^[^。；：:]{0,10}[：:]([^。；]+?(?:、[^。；、]+?)+)(?:[。；]|$)")


def named_after(stated: Operand) -> str:
    """设5个内设机构：院长室、办公室、…: the names the sentence lists right after the count, when it does."""
    quote = stated.citation.quote if stated.citation is not None else None
    said = f"{stated.value.normalize():f}{stated.unit}"
    at = (quote or "").find(said)
    found = _LISTED_AFTER.match(quote[at + len(said):]) if quote and at >= 0 else None
    if found is None or len(found.group(1).split("、")) != stated.value:
        return ""
    return f"：{found.group(1)}"


_BOUGHT = re.compile(r"购置|购买|新增|添置|新购")  # a count of things bought, not of things held
_GENERIC_COUNTERS = frozenset({"人", "名", "位", "个", "家", "项", "次", "人次", "批", "批次"})
_PEOPLE = re.compile(r"劳模|劳动模范|职工|人员|干部|员工|老人|学生|志愿者")


def stated_count(doc: Disclosure, question: str, measure: str | tuple[str, ...],
                 min_run: int = 1) -> Operand | None:
    """有多少辆车 → 共有车辆8辆: a count the 说明 states with the question's measure word, beside the
    words sharing most characters with what the question counts (before the number, or the noun
    right after it: 下属5家预算单位), a total (共有…) first; none shared: not stated. min_run: those
    words must share a run of that many characters with the question."""
    found = stated_counts(doc, question, measure, min_run)
    return found[0] if found else None


def stated_counts(doc: Disclosure, question: str, measure: str | tuple[str, ...],
                  min_run: int = 1, exclude: tuple[str, ...] = ()) -> list[Operand]:
    """Every stated count that fits the question best (several when they fit equally well); `exclude`:
    what the question leaves out (不算参公单位: no 参公事业单位)."""
    from index.stated import stated_tallies

    measures = (measure,) if isinstance(measure, str) else tuple(measure)
    if "个" in measures and _PEOPLE.search(question):  # 多少个劳模: people are counted in 名/人
        measures += ("名", "人", "位")
    words = "|".join(map(re.escape, measures))
    question = ontology().in_document_words(question)  # 准备买几辆车: the 说明 says 购置
    thing = re.sub(r"多少|几|一共|总共|共|有|是|的|[？?。]|" + words, "", question)
    wanted = {ch for ch in thing if "\u4e00" <= ch <= "\u9fff"}
    noun = (_counted_noun(question, words) or _noun_before(question, words)) if re.search("个|家|项", words) \
        else None  # 辆/人次 say what
    buying = bool(_BOUGHT.search(question))
    # a generic counter (人, 个, 家) says nothing of what is counted: the words must then share two
    # characters with it (全市工会会员 is not 石家庄市劳动模范, though both hold 市)
    need = min(2, len(wanted)) if set(measures) <= _GENERIC_COUNTERS else 1
    best: list[tuple[tuple[bool, int, int, int], Operand]] = []
    for tally in stated_tallies(doc):
        counter = tally.counter(measures)
        if counter is None:
            continue
        before = _counted_words(tally.before)
        after = re.match(r"[\u4e00-\u9fff]{0,6}", tally.sentence[tally.at + len(counter):]).group()
        label, shared = _closer(wanted, before, after)
        if shared < max(1, need) or longest_run(thing, label) < min_run or any(x in label for x in exclude):
            continue
        if noun and longest_run(noun, before + after) < 2:  # 几个功能大类: never 25个项目
            continue
        total = 2 if re.search(r"共有|共计|合计|总计", before) else 0
        if bool(_BOUGHT.search(before + after)) != buying:
            total -= 2  # 截至8月底有几辆车: the cars held, not the one bought (新增1辆公务用车购置)
        # then the fewest other words, then the sentence naming most of the rest (港航管理局…三级预算单位)
        run = longest_run(question.replace(label, "") if label else question, tally.sentence)
        # first, the noun asked right after its counter (几个预算单位 → 2个预算单位, never 项目50个)
        direct = noun is not None and len(noun) >= 3 and (before.endswith(noun) or (after.startswith(noun[:2]) and
                                       longest_run(noun, after) >= min(4, len(noun))))
        score = (direct, shared + total, -len(set(label) - wanted), run if run >= 3 else 0)
        cite = Citation(doc.doc_id, "text", tally.page, section=tally.section, quote=tally.sentence)
        op = Operand(label, tally.value, counter, cite)
        if not best or score > best[0][0]:
            best = [(score, op)]
        elif score == best[0][0] and all(o.label != label for _, o in best):
            best.append((score, op))
    return [op for _, op in best]


def _counted_noun(question: str, words: str) -> str | None:
    """The noun right after the counter asked with (几个功能大类 → 功能大类, 多少在编人员 → 在编人员): what
    a stated count must count; None when the counter ends the question (几批)."""
    found = re.search(rf"(?:几|多少)\s*(?:(?:{words})([\u4e00-\u9fff]{{2,8}})|(?!{words})([\u4e00-\u9fff]{{2,8}}))",
                      question)
    raw = (found.group(1) or found.group(2)) if found else ""
    noun = raw[:1] + re.split(r"[吗呢啊吧的是有在和及、，,？?]|一共|总共|分别|各|占|花|用", raw[1:])[0]
    return noun if len(noun) >= 2 else None


def _noun_before(question: str, words: str) -> str | None:
    """预算的二级事业单位有几个 / 部门预算里事业单位有几家: the noun said right before the count asked — the
    words after the last 的/里/中 there (three to eight characters)."""
    found = re.search(rf"([\u4e00-\u9fff]+?)(?:一共|总共|共)?有?(?:几|多少)\s*(?:{words})", question)
    noun = re.split(r"[的里中是在和]", found.group(1))[-1] if found else ""
    return noun if 3 <= len(noun) <= 8 else None


def _counted_words(prefix: str) -> str:
    """The words a stated count follows; a second count in a run (公务接待2批次、26人次) counts what the
    first one did."""
    pieces = re.split(r"[，,：:；、]", prefix)
    if len(pieces) > 1 and not re.search(r"[\u4e00-\u9fff]{2,}", re.sub(r"累计|合计|共计|共", "", pieces[-1])):
        return re.sub(r"\d[\d,.]*\s*[\u4e00-\u9fff]{0,2}$", "", pieces[-2]) + pieces[-1]
    return pieces[-1]


def _closer(wanted: set[str], before: str, after: str) -> tuple[str, int]:
    """The words the count belongs to: the noun right after the number (8个二级事业单位 counts 二级事业单位)
    when it names what is asked, else the words before it (编报绩效目标的项目50个)."""
    last = max((i for i, ch in enumerate(after) if ch in wanted), default=-1)
    after = after[: last + 1]  # 预算单位开展了 → 预算单位
    ahead, behind = len(wanted & set(before)), len(wanted & set(after))
    return (after, behind) if behind >= 2 or (behind and behind >= ahead) else (before, ahead)


def shortened_from(word: str, text: str) -> str | None:
    """电商企业 → 电子商务企业: the text's own words a shortening stands for — its characters in order,
    from its first to its last, in at most twice its length; None when the text says no such words."""
    if len(word) < 3:
        return None
    for m in re.finditer(re.escape(word[0]), text):
        window = text[m.start(): m.start() + 2 * len(word)]
        rest = iter(window)
        if all(ch in rest for ch in word[1:]):
            return window[: window.rindex(word[-1]) + 1]
    return None


def longest_run(a: str, b: str) -> int:
    """Length of the longest substring of a that occurs in b."""
    best = 0
    for i in range(len(a)):
        while i + best < len(a) and a[i:i + best + 1] in b:
            best += 1
    return best
