"""The one reader of figures the 情况说明 states in words, shared by the answer path and the audit: every
"<label>…<amount>万元" becomes a `Stmt` record (a stated amount, or a stated change against last year),
with its printed label, value, unit, role (amount / 年初预算 / 决算 / an earlier year) and its sentence and
page — labelled with a standard concept from the one ontology, a 功能分类 subject path, or, naming
neither, kept as a named item (a project, a reason's amount). The audit labels with the concepts a
table can check; the answer path with every concept the 说明 may state (`stated_facts`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus.normalize import to_halfwidth
from corpus.records import Disclosure
from index.audit_concepts import find_concept, patterns
from index.audit_model import Cite
from index.bounded import Bounded

AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)")
_DELIM = re.compile(r"[，,；;。：:！？!?、]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_VERB = re.compile(r"(增加|减少|增长|下降|上升|降低|节约|节省|新增|超支)了?\s*$")
_NEW = re.compile(r"^(新增|增加|减少)(项目)?(?=\w{2})")
_GLOSS = re.compile(r"[(（][^()（）]*[)）]")  # 政府采购金额（以合同签订为准）为…: a gloss is no distance
MAX_TAIL = 8  # chars allowed between a label and its figure (共计安排、预算数为 …)
_UP = ("增加", "增长", "上升", "新增", "超支")
_OPENS = re.compile(r"^\s*(?:[，,]\s*)?(?:其中|包括|主要为|主要包括|主要是|分别为|具体为|主要用于以下方面)|^\s*[：:]")
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])")
_COMPARE = re.compile(r"(?:与|同|较|比|相比|对比)?(?:上年|上一年|去年|\d{4}年)度?(?:预算|决算)?数?(?:相比|比较|同期)?"
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

    def sentence(self, start: int, end: int) -> str:
        left = max((m.end() for m in _SENTENCE_END.finditer(self.text, 0, start)), default=0)
        right = next((m.end() for m in _SENTENCE_END.finditer(self.text, end)), len(self.text))
        return self.raw[left:right].strip()


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

    def cite(self) -> Cite:
        page, line = self.passage.where(self.start)
        return Cite("text", page, line, section=self.passage.section, text=self.printed + self.unit,
                    quote=self.passage.sentence(self.start, self.end), unit=self.unit)

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
    found: list[Stmt] = []
    prev_end = 0
    matches = list(AMOUNT.finditer(text))
    for i, m in enumerate(matches):
        cut = max((d.end() for d in _DELIM.finditer(text, prev_end, m.start())), default=prev_end)
        context = text[cut:m.start()].strip()
        following = text[m.end(): matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        stmt = _statement(doc, passage, context, m, following, found, labels or patterns())
        if stmt is not None:
            found.append(stmt)
        prev_end = m.end()
    return found


def _statement(doc: Disclosure, passage: Passage, context: str, m: re.Match, following: str,
               before: list[Stmt], labels: Labels) -> Stmt | None:
    printed, unit = m.group(1), m.group(2)
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
    if concept is None and change and not name:
        concept, name = _inherit(before, passage, m.start())
        inherited = True
    if concept is None and not name:
        return None
    role = "amount" if change else _role(doc, context, found[2] if found and concept != "subject" else 0)
    return Stmt(concept, name, value, unit, printed, change, role, m.start(), m.end(),
                bool(_OPENS.match(following)), passage, path, inherited)


def tidy(context: str) -> str:
    text = _COMPARE.sub("", context)
    text = re.sub(r"[\s“”\"'《》]", "", text)
    for _ in range(2):
        text = _FILLER.sub("", text)
    return text if re.search(r"[\u4e00-\u9fff]{2}", text) else ""


def _inherit(before: list[Stmt], passage: Passage, at: int) -> tuple[str | None, str]:
    """A bare '比上年减少X万元' is about the figure stated just before it in the same sentence."""
    start = max((e.end() for e in _SENTENCE_END.finditer(passage.text, 0, at)), default=0)
    for stmt in reversed(before):
        if stmt.start < start:
            break
        if not stmt.change:
            return stmt.concept, stmt.name
    return None, ""


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
