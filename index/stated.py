"""The one reader of figures the 情况说明 states in words, shared by the answer path and the audit: every
"<number><counter>" (共有车辆8辆, 下属5家预算单位) becomes a `Tally`, every
"<label>…<amount>万元" a `Stmt` record (a stated amount, or a stated change against last year),
with its printed label, value, unit, role (amount / 年初预算 / 决算 / an earlier year) and its sentence and
page — labelled with a standard concept from the one ontology, a 功能分类 subject path, or, naming
neither, kept as a named item (a project, a reason's amount). The audit labels with the concepts a
table can check; the answer path with every concept the 说明 may state (`stated_facts`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus.normalize import to_halfwidth
from corpus.ontology import ontology
from corpus.records import Disclosure, Section
from index.audit_concepts import find_concept, patterns
from index.audit_model import Cite
from index.bounded import Bounded

AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|万(?![\u4e00-\u9fff]))")
_DELIM = re.compile(r"[，,；;。：:！？!?、]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[。！？!?；;]")
_VERB = re.compile(r"(增加|减少|(?<!稳)增长|下降|上升|降低|节约|节省|新增|超支)了?\s*$")  # 支持商销稳增长: a name
_NEW = re.compile(r"^(新增|增加|减少)(项目)?(?=\w{2})")
_FLAT = re.compile(r"持平|保持不变|无增减变化|没有变化|无变化|一致")
_LAST_YEAR = re.compile(r"(?:比|较|与|同)\s*(?:\d{4}\s*年|上年|去年|上一年|上一度)度?")
_GLOSS = re.compile(r"[(（][^()（）]*[)）]")  # 政府采购金额（以合同签订为准）为…: a gloss is no distance
MAX_TAIL = 8  # chars allowed between a label and its figure (共计安排、预算数为 …)
_UP = ("增加", "增长", "上升", "新增", "超支")
_OPENS = re.compile(r"^\s*(?:[，,]\s*)?(?:其中|包括|主要为|主要包括|主要是|分别为|具体为|主要用于以下方面)|^\s*[：:]")
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])")
_COMPARE = re.compile(r"(?:与|同|较|比|相比|对比)?(?:上年|上一年|上一度|去年|\d{4}年)度?(?:预算|决算)?(?:执行)?数?"
                      r"(?:相比|比较|同期)?"
                      r"|同比|相比|比较")
_FILLER = re.compile(r"^(?:其中|主要为|主要是|主要包括|包括|以及|及|和|导致|另|是|为)+|"
                     r"(?:共计|合计|总计)?(?:安排|预算数?|金额|为|是|约|达|了)*$")
_SUBJECT = re.compile(r"([^()“”\"，。；、\d.]+?)\(类\)(?:([^()“”\"]+?)\(款\))?(?:([^()“”\"]+?)\(项\))?")


@dataclass(frozen=True)
class Passage:
    """Paragraphs of one section joined until a sentence ends (PDF text wraps mid-sentence)."""

    raw: str
    text: str  # half-width: same length as raw, so offsets agree
    section: str
    marks: tuple[tuple[int, int | None, int], ...]  # (offset, page, line) of each paragraph

    def where(self, offset: int) -> tuple[int | None, int]:
        page, line = self.marks[0][1], self.marks[0][2]
        for start, p, n in self.marks:
            if start <= offset:
                page, line = p, n
        return page, line

    def sentence(self, start: int, end: int, ends: re.Pattern[str] = _SENTENCE_END) -> str:
        left, right = self.bounds(start, end, ends)
        return self.raw[left:right].strip()

    def bounds(self, start: int, end: int, ends: re.Pattern[str] = _SENTENCE_END) -> tuple[int, int]:
        left = max((m.end() for m in ends.finditer(self.text, 0, start)), default=0)
        right = next((m.end() for m in ends.finditer(self.text, end)), len(self.text))
        return left, right


@dataclass(frozen=True)
class Stmt:
    concept: str | None  # a VOCAB concept, "subject", or None for a named item
    name: str  # the label as printed, tidied
    value: Decimal  # as stated; a decrease is negative
    unit: str
    printed: str
    change: bool
    role: str  # "amount" | "budget" (年初预算) | "final" (决算) | "prior" (an earlier year)
    start: int
    end: int
    opens: bool  # followed by 其中 / 包括 / 主要为 / ：— an enumeration of its parts
    passage: Passage
    path: tuple[str, ...] = ()
    inherited: bool = False  # a bare change about the figure stated just before it
    about: int = -1  # where what it is about is stated (its own start unless inherited)

    def cite(self) -> Cite:
        page, line = self.passage.where(self.start)
        return Cite("text", page, line, section=self.passage.section, text=self.printed + self.unit,
                    quote=self.passage.sentence(min(self.start, self.about if self.about >= 0 else self.start),
                                                self.end), unit=self.unit)

    def short_quote(self) -> str:
        """The sentence (to its ；) stating it — with the one just before, when that one states what a bare
        change is about (公务接待费1.35万元。比上年持平): what an answer quotes."""
        left, right = self.passage.bounds(self.start, self.end, _CLAUSE_END)
        if self.inherited and 0 <= self.about < self.start:
            before = self.passage.bounds(self.about, self.about, _CLAUSE_END)
            if before[1] == left or not self.passage.text[before[1]:left].strip():
                left = before[0]
        return self.passage.raw[left:right].strip()

    @property
    def label(self) -> str:
        kind = "比上年增减" if self.change else ""
        return f"说明·{self.name or self.concept or ''}{kind}"


def passages(doc: Disclosure) -> list[Passage]:
    found: list[Passage] = []
    for section in doc.sections:
        path = " > ".join(section.path)
        buf: list = []
        for para in section.paragraphs:
            if buf and (_SENTENCE_END.search(buf[-1].text.strip()[-1:]) or _ITEM_START.match(para.text)):
                found.append(_passage(buf, path))
                buf = []
            buf.append(para)
        if buf:
            found.append(_passage(buf, path))
    return found


def _passage(paras: list, section: str) -> Passage:
    raw, marks = "", []
    for para in paras:
        marks.append((len(raw), para.span.page, para.span.line))
        raw += para.text.strip()
    return Passage(raw, to_halfwidth(raw), section, tuple(marks))


Labels = dict[str, tuple[re.Pattern[str], ...]]


def statements(doc: Disclosure, passage: Passage, labels: Labels | None = None) -> list[Stmt]:
    text = passage.text
    labels = labels or patterns()
    found: list[Stmt] = []
    prev_end = 0
    matches = list(AMOUNT.finditer(text))
    for i, m in enumerate(matches):
        cut = max((d.end() for d in _DELIM.finditer(text, prev_end, m.start())), default=prev_end)
        context = text[cut:m.start()].strip()
        following = text[m.end(): matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        stmt = _statement(doc, passage, (cut, context), m, following, found, labels)
        if stmt is not None:
            found.append(stmt)
        prev_end = m.end()
    flats = [f for m in _FLAT.finditer(text) if (f := _flat(passage, m, found, labels)) is not None]
    return sorted(found + flats, key=lambda s: s.start)


def _flat(passage: Passage, m: re.Match, amounts: list[Stmt], labels: Labels) -> Stmt | None:
    """与上年持平 / 与2017年一致: a change of 0 against last year, stated without a figure — about the label
    its clause names, else the figure it follows; in that figure's unit."""
    text = passage.text
    cut = max((d.end() for d in _DELIM.finditer(text, 0, m.start())), default=0)
    compared = _LAST_YEAR.search(text, cut, m.start())
    if compared is None or AMOUNT.search(text, cut, m.start()):
        return None  # 决算数与预算数一致 is no change against last year; 增加0万元 is read as a figure
    context = text[cut:compared.start()].strip()
    found = find_concept(context, labels)  # the clause holds no figure: its label is its subject
    before = [s for s in amounts if s.start < m.start()]
    concept, name, about = (found[0], tidy(context), m.start()) if found else \
        _inherit(before, passage, cut, labels)
    if concept is None and not name:
        return None
    unit = before[-1].unit if before else "万元"  # 持平 in the unit the passage states figures in
    return Stmt(concept, name, Decimal(0), unit, "0", True, "amount", m.start(), m.end(), False, passage,
                inherited=not found, about=about)


def _statement(doc: Disclosure, passage: Passage, clause: tuple[int, str], m: re.Match, following: str,
               before: list[Stmt], labels: Labels) -> Stmt | None:
    cut, context = clause
    printed, unit = m.group(1), "万元" if m.group(2) == "万" else m.group(2)  # 支持促消费800.00万
    value = Decimal(printed.replace(",", ""))
    verb = _VERB.search(context)
    new = None if verb else _NEW.match(context)
    change = bool(verb or new)
    if change:
        word = (verb or new).group(1)  # type: ignore[union-attr]
        value = value if word in _UP else -value
        context = context[: verb.start()] if verb else context[new.end():]  # type: ignore[union-attr]
    found = find_concept(context, labels)
    if found and len(_GLOSS.sub("", context[found[2]:])) > MAX_TAIL:
        found = None  # the label belongs to an earlier phrase, not to this figure
    subject = _SUBJECT.search(context)
    concept, path = (found[0], ()) if found else (None, ())
    if subject and (not found or subject.end() >= found[2]):
        concept, path = "subject", tuple(g for g in subject.groups() if g)
    name = tidy(context)
    inherited = False
    about = m.start()
    if concept is None and change and not name:
        concept, name, about = _inherit(before, passage, cut, labels)
        inherited = True
    if concept is None and not name:
        return None
    role = "amount" if change else _role(doc, context, found[2] if found and concept != "subject" else 0)
    return Stmt(concept, name, value, unit, printed, change, role, m.start(), m.end(),
                bool(_OPENS.match(following)), passage, path, inherited, about)


def tidy(context: str) -> str:
    text = _COMPARE.sub("", context)
    text = re.sub(r"[\s“”\"'《》]", "", text)
    for _ in range(2):
        text = _FILLER.sub("", text)
    return text if re.search(r"[\u4e00-\u9fff]{2}", text) else ""


def _inherit(before: list[Stmt], passage: Passage, at: int, labels: Labels) -> tuple[str | None, str, int]:
    """(concept, name, where it is stated) of the figure a bare '比上年减少X万元' is about: the last figure
    before it in its sentence, else a label its sentence names before it (项目支出增加，较上年增加…), else —
    when it opens its sentence — the sentence before's: the whole that sentence opened with when it went
    on to list its parts (三公经费…，其中…公务接待费0万元。与上年持平。), else its last figure."""
    start = max((e.end() for e in _SENTENCE_END.finditer(passage.text, 0, at)), default=0)
    own = [s for s in before if s.start >= start and not s.change and s.role != "prior"]
    if own:
        return own[-1].concept, own[-1].name, own[-1].start
    said = find_concept(passage.text[start:at], labels)
    if said is not None:
        return said[0], tidy(passage.text[start:at][said[1]:said[2]]), start + said[1]
    if passage.text[start:at].strip(" ，,（）()一二三四五六七八九十、.") or not before:
        return None, "", at
    first = max((e.end() for e in _SENTENCE_END.finditer(passage.text, 0, max(start - 1, 0))), default=0)
    prior = [s for s in before if s.start >= first and not s.change and s.role != "prior"]
    if not prior:
        return None, "", at
    whole = prior[0]
    if whole.opens and whole.concept and whole.concept in ontology().ancestors(prior[-1].concept or ""):
        return whole.concept, whole.name, whole.start
    return prior[-1].concept, prior[-1].name, prior[-1].start


def _role(doc: Disclosure, context: str, concept_end: int) -> str:
    tail = context[concept_end:]
    years = [int(y) for y in re.findall(r"(\d{4})年", context)]
    if any(y < doc.year for y in years) or re.search(r"上年(?!末|结转)|去年", context):
        return "prior"
    if "决算" in tail:
        return "final"
    if "年初预算" in context or (doc.kind == "决算" and "预算" in tail):
        return "budget"
    return "amount"


def all_statements(doc: Disclosure, labels: Labels | None = None) -> list[tuple[Passage, list[Stmt]]]:
    """Every passage with its statements, in document order."""
    return [(p, statements(doc, p, labels)) for p in passages(doc)]


_READ: Bounded[tuple[int, int], tuple[Disclosure, tuple[Stmt, ...]]] = Bounded(16)  # (doc, vocabulary) → facts


def stated_facts(doc: Disclosure, labels: Labels | None = None) -> tuple[Stmt, ...]:
    """Every figure the document's prose states, read once per document and vocabulary."""
    key = (id(doc), id(labels))
    hit = _READ[key] if key in _READ else None
    if hit is not None and hit[0] is doc:  # the cache holds the document, so its id stays its own
        return hit[1]
    facts = tuple(s for _, found in all_statements(doc, labels) for s in found)
    _READ[key] = (doc, facts)
    return facts


def stated_parts(facts: tuple[Stmt, ...], concept: str) -> tuple[Stmt, ...]:
    """项目支出433.00万元，主要为A226.99万元，B135.54万元…；: the named items the 说明 lists right after a
    concept's amount (its sentence opens an enumeration), to the end of that clause — the first such list."""
    for i, head in enumerate(facts):
        if head.concept != concept or not head.opens or head.change or head.role == "prior":
            continue
        _, end = head.passage.bounds(head.start, head.end, _CLAUSE_END)
        parts = tuple(s for s in facts[i + 1:] if s.passage is head.passage and s.start < end and
                      s.concept is None and not s.change and s.name)
        if len(parts) >= 2:
            return parts
    return ()


_CLAUSE = re.compile(r"[^。；！？]*[。；！？]?")
# what a stated count may count in: the longest first (26人次 is no 26人)
COUNTERS = ("平方米", "人次", "批次", "个人", "平米", "台（套）", "辆", "台", "名", "套", "间", "位", "人", "批",
            "次", "个", "家", "项", "所", "处", "层")
_TALLY = re.compile(r"(\d[\d,]*)\s*(?=" + "|".join(map(re.escape, COUNTERS)) + ")")


def sentences(section: Section) -> list[tuple[str, int | None]]:
    """The section's sentences (to 。；！？ — a PDF line wrap splits one), each with its page."""
    found = []
    for para in section.paragraphs:
        for match in _CLAUSE.finditer(para.text):
            text = match.group().strip()
            if text:
                found.append((text, para.span.page))
    return found


@dataclass(frozen=True)
class Tally:
    """A count the prose states: its number and the sentence it stands in; what it counts is read from the
    words around it (`before`, `rest`) against a question's, so one record serves every counter word."""

    value: Decimal
    start: int  # the number's offset in the sentence
    at: int  # where its counter word starts
    sentence: str
    section: str  # the section's path, " > "-joined
    page: int | None

    @property
    def before(self) -> str:
        return self.sentence[: self.start]

    def counter(self, measures: tuple[str, ...]) -> str | None:
        """The first of `measures` it is counted in, as a regex alternation would read it."""
        return next((m for m in measures if self.sentence.startswith(m, self.at)), None)


_TALLIES: Bounded[int, tuple[Disclosure, tuple[Tally, ...]]] = Bounded(16)


def stated_tallies(doc: Disclosure) -> tuple[Tally, ...]:
    """Every count the document's prose states, in document order, read once per document."""
    hit = _TALLIES[id(doc)] if id(doc) in _TALLIES else None
    if hit is not None and hit[0] is doc:
        return hit[1]
    found = tuple(Tally(Decimal(m.group(1).replace(",", "")), m.start(), m.end(), sentence, " > ".join(s.path), page)
                  for s in doc.sections for sentence, page in sentences(s) for m in _TALLY.finditer(sentence))
    _TALLIES[id(doc)] = (doc, found)
    return found
