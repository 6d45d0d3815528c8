"""Figures the 情况说明 states in words: amounts of standard items and changes against last year.

Each comes with the whole sentence it was read from, so an answer can quote and cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.answer import Citation
from assistant.compute import Operand
from corpus.records import Disclosure, Section

_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)"
_CHANGE = re.compile(r"(增加|减少|增长|下降|上升|降低)\s*" + _AMOUNT)
_YEAR = re.compile(r"(?:比|较|与)(\d{4})年")
# Standard labels a narrative uses for the concepts the tables state (longest first when matching).
LABELS: dict[str, tuple[str, ...]] = {
    "支出总计": ("收支安排", "收支预算", "支出预算", "部门预算", "预算收支", "支出总计"),
    "收入总计": ("收入预算", "预算收入", "收入总计"),
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出",),
    "人员经费": ("人员经费",),
    "公用经费": ("日常公用经费", "公用经费"),
    "机关运行经费": ("机关运行经费", "部门运行经费", "运行经费"),
    "三公经费": ("三公经费", "“三公”经费"),
    "政府采购": ("政府采购预算总额", "政府采购预算", "政府采购金额", "政府采购支出"),
    "一般公共预算拨款收入": ("一般公共预算财政拨款收入", "一般公共预算拨款"),
    "一般公共预算拨款支出": ("一般公共预算财政拨款支出", "一般公共预算拨款支出"),
    "政府性基金预算": ("政府性基金预算支出", "政府性基金预算收入"),
    "因公出国(境)费": ("因公出国(境)费用", "因公出国(境)费", "因公出国（境）费"),
    "公务接待费": ("公务接待费",),
}


@dataclass(frozen=True)
class StatedChange:
    concept: str
    amount: Operand  # the size of the change, cited to the sentence
    increased: bool
    prior_year: int


def sentences(section: Section) -> list[tuple[str, int | None]]:
    found = []
    for para in section.paragraphs:
        for match in _SENTENCE.finditer(para.text):
            text = match.group().strip()
            if text:
                found.append((text, para.span.page))
    return found


def _citation(doc: Disclosure, section: Section, quote: str, page: int | None) -> Citation:
    return Citation(doc.doc_id, "text", page, section=" > ".join(section.path), quote=quote)


def _concept_in(clause: str) -> str | None:
    best = None
    for concept, labels in LABELS.items():
        for label in labels:
            at = clause.rfind(label)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, concept)
    return best[1] if best else None


def stated_changes(doc: Disclosure) -> dict[str, StatedChange]:
    """The first stated change against last year for each standard concept."""
    found: dict[str, StatedChange] = {}
    for section in doc.sections:
        for sentence, page in sentences(section):
            clauses = re.split(r"[，：:]|,(?!\d)", sentence)  # 18,976.76 is one number
            for i, clause in enumerate(clauses):
                match = _CHANGE.search(clause)
                if not match:
                    continue
                before = clause[: match.start()]
                concept = _concept_in(before) or (_concept_in(clauses[i - 1]) if i else None)
                if concept is None or concept in found:
                    continue
                year = _YEAR.search(sentence)
                amount = Operand(f"比上年{match.group(1)}额", Decimal(match.group(2).replace(",", "")),
                                 match.group(3), _citation(doc, section, sentence, page))
                found[concept] = StatedChange(concept, amount, match.group(1) in ("增加", "增长", "上升"),
                                              int(year.group(1)) if year else doc.year - 1)
    return found


def stated_amount(doc: Disclosure, concept: str) -> Operand | None:
    """The amount the narrative states for a concept no table holds (e.g. 机关运行经费)."""
    labels = "|".join(re.escape(label) for label in LABELS.get(concept, (concept,)))
    pattern = re.compile(f"({labels})" + r"[^，。；：\d]{0,12}?" + _AMOUNT)
    for section in doc.sections:
        for sentence, page in sentences(section):
            for match in pattern.finditer(sentence):  # the earliest mention is the department's total
                if _other_concept(sentence, match.end(1), concept):
                    continue  # 政府性基金预算收入 is not the department's 预算收入
                return Operand(concept, Decimal(match.group(2).replace(",", "")),
                               match.group(3), _citation(doc, section, sentence, page))
    return None


def _other_concept(sentence: str, end: int, concept: str) -> bool:
    """A longer label of another concept ends where this label ends."""
    mine = LABELS.get(concept, (concept,))
    return any(len(label) > min(map(len, mine)) and sentence[:end].endswith(label)
               for other, labels in LABELS.items() if other != concept for label in labels)


def stated_count(doc: Disclosure, question: str, measure: str) -> Operand | None:
    """有多少辆车 → 共有车辆8辆: a count the 说明 states with the question's measure word, in the clause
    sharing most characters with what the question counts, a total (共有…) first (none shared: not
    stated)."""
    pattern = re.compile(r"(\d[\d,]*)\s*" + re.escape(measure))
    thing = re.sub(r"多少|几|一共|总共|共|有|是|的|[？?。]|" + re.escape(measure), "", question)
    wanted = {ch for ch in thing if "\u4e00" <= ch <= "\u9fff"}
    best: tuple[int, Operand] | None = None
    for section in doc.sections:
        for sentence, page in sentences(section):
            for match in pattern.finditer(sentence):
                clause = re.split(r"[，,：:；、]", sentence[: match.start()])[-1]
                shared = len(wanted & set(clause)) + (2 if re.search(r"共有|共计|合计|总计", clause) else 0)
                if wanted & set(clause) and (best is None or shared > best[0]):
                    value = Decimal(match.group(1).replace(",", ""))
                    best = (shared, Operand(clause, value, measure, _citation(doc, section, sentence, page)))
    return best[1] if best else None
