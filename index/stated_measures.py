"""Figures the prose states besides sums of money and counts, as records of the one prose reader (read once
per document, shared by every reader of the 说明): a figure in another measure (平均得分99.33分, 全长985米,
建筑面积约为13459平方米), an amount stated for one period (第一季度用款计划15万元), and an amount stated
with its uses (3136.40万元，主要用于标准化菜场及副食品行业管理). The answer path scores these records
against a question's words; it no longer reads the sentences itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus.records import Disclosure, Section
from index.bounded import Bounded
from index.stated import sentences

MEASURE_UNITS = ("万平方米", "平方米", "公里", "千米", "米", "亩", "公顷", "分")
_MEASURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(" + "|".join(MEASURE_UNITS) + r")(?![\u4e00-\u9fff]*[元])")
_CLAUSE = re.compile(r"(?:[^，,；;。：:、]|(?<=\d),(?=\d{3}))+")  # 314,076.90 is one number
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|万(?![\u4e00-\u9fff]))")
PERIOD = re.compile(r"第?[一二三四1-4]季度|[一二三四五六七八九十]{1,2}月|上半年|下半年")
_USED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)[，,]?\s*(?:主要)?用于([^。；;]+)")


@dataclass(frozen=True)
class Measure:
    """A figure in a measure other than money: what it measures is read from the words before it."""

    value: Decimal
    unit: str
    start: int  # the number's offset in its sentence
    sentence: str
    before: str  # the section's title and its text up to the figure
    section: Section
    page: int | None

    @property
    def clause(self) -> str:
        """The words of its own clause before it (道路全长 of 道路全长985米)."""
        return re.split(r"[，,；;。（(]", self.sentence[: self.start])[-1]


@dataclass(frozen=True)
class PeriodAmount:
    """第一季度用款计划15万元: an amount one clause states for one period."""

    label: str  # the clause's words before the amount
    value: Decimal
    unit: str
    sentence: str
    section: Section
    page: int | None


@dataclass(frozen=True)
class StatedUse:
    """…3136.40万元，主要用于A及B: an amount, the words before it, and each use listed."""

    value: Decimal
    unit: str
    before: str  # the sentence's words before the amount
    uses: str  # what follows 用于, as printed
    sentence: str
    section: Section
    page: int | None


@dataclass(frozen=True)
class _Read:
    measures: tuple[Measure, ...]
    periods: tuple[PeriodAmount, ...]
    uses: tuple[StatedUse, ...]


_READ: Bounded[int, tuple[Disclosure, _Read]] = Bounded(16)


def _read(doc: Disclosure) -> _Read:
    hit = _READ[id(doc)] if id(doc) in _READ else None
    if hit is not None and hit[0] is doc:  # the cache holds the document, so its id stays its own
        return hit[1]
    measures: list[Measure] = []
    periods: list[PeriodAmount] = []
    uses: list[StatedUse] = []
    for section in doc.sections:
        text = "".join(p.text for p in section.paragraphs)
        for sentence, page in sentences(section):
            at = text.find(sentence)
            told = section.title + (text[:at] if at >= 0 else "")
            measures += [Measure(_number(m.group(1)), m.group(2), m.start(), sentence, told + sentence[: m.start()],
                                 section, page) for m in _MEASURE.finditer(sentence)]
            periods += _periods(sentence, section, page)
            uses += [StatedUse(_number(m.group(1)), m.group(2), sentence[: m.start()], m.group(3), sentence, section,
                               page) for m in _USED.finditer(sentence)]
    found = _Read(tuple(measures), tuple(periods), tuple(uses))
    _READ[id(doc)] = (doc, found)
    return found


def _periods(sentence: str, section: Section, page: int | None) -> list[PeriodAmount]:
    found = []
    for clause in (c.group() for c in _CLAUSE.finditer(sentence)):
        amount = _AMOUNT.search(clause)
        label = clause[: amount.start()] if amount else ""
        if amount and PERIOD.search(label):
            unit = "万元" if amount.group(2) == "万" else amount.group(2)
            found.append(PeriodAmount(label, _number(amount.group(1)), unit, sentence, section, page))
    return found


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def stated_measures(doc: Disclosure) -> tuple[Measure, ...]:
    return _read(doc).measures


def stated_periods(doc: Disclosure) -> tuple[PeriodAmount, ...]:
    return _read(doc).periods


def stated_uses(doc: Disclosure) -> tuple[StatedUse, ...]:
    return _read(doc).uses
