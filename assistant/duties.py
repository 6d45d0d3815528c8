"""主要职能是什么: the department's duties are a numbered list in the 职能/职责 section; a question that
asks for them all is answered with the list's items (each item's first clause, quoted), not with the
three sentences that happen to score best."""

from __future__ import annotations

import re

from assistant.answer import Answer, Citation
from corpus.records import Disclosure, Paragraph, Section

ASKS_DUTIES = re.compile(r"职能|职责|主要任务")
GENERIC = {"职能", "职责", "任务", "主要任务", "包括", "哪些", "哪些方面", "方面", "内容", "主要内容"}
ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))")
MAX_ITEMS = 15
_DESCRIBES = re.compile(r"是[^。]{0,40}(部门|机关|机构|单位|组织)")  # 万里街道办事处是普陀区政府的派出机关


def duty_section(doc: Disclosure) -> Section | None:
    """The section whose title names 职能 or 职责 and that holds a numbered list."""
    for section in doc.sections:
        if ASKS_DUTIES.search(section.title) and len(_items(section)) >= 2:
            return section
    return None


def _items(section: Section) -> list[Paragraph]:
    return [p for p in section.paragraphs if ITEM.match(p.text)]


def _clause(text: str) -> str:
    """An item's first sentence (to 。), or its first clause (to ；) when that sentence runs long."""
    sentence = re.match(r"[^。]*。?", text).group()
    if len(sentence) > 60 and "；" in sentence:
        sentence = sentence[: sentence.index("；") + 1]
    return sentence.strip()


def answer_duties(doc: Disclosure, raw: str, q: str, terms: list[str]) -> Answer | None:
    terms = [t for t in terms if t not in doc.department]  # 街道办事处的职能: the body itself, no topic
    section = duty_section(doc) if ASKS_DUTIES.search(q) else None
    if section is None:
        return None
    if not set(terms) <= GENERIC:  # 在国有资产、政府采购方面的职责: the items that name those topics
        return _on_topics(doc, raw, section, [t for t in terms if t not in GENERIC])
    path = " > ".join(section.path)
    first = _items(section)[0].span.line
    lead = next((p for p in section.paragraphs if p.span.line < first and _DESCRIBES.search(p.text)), None)
    quoted = ([lead] if lead is not None else []) + _items(section)[:MAX_ITEMS]
    clauses = [(_clause(p.text), p) for p in quoted]
    citations = tuple(Citation(doc.doc_id, "text", p.span.page, section=path, quote=c) for c, p in clauses)
    text = f"据“{section.title}”：" + "".join(f"“{c}”" for c, _ in clauses)
    if len(_items(section)) > MAX_ITEMS:
        text += "……（其余各项见原文）"
    return Answer(question=raw, route="narrative", text=text, citations=citations)


def _on_topics(doc: Disclosure, raw: str, section: Section, terms: list[str]) -> Answer | None:
    """The duty items naming most of the topics asked (at least half of them), each quoted whole — a duty
    is one item, however many clauses it runs to; none: the sentence search answers."""
    scored = [(sum(t in p.text for t in terms), p) for p in _items(section)]
    best = max((n for n, _ in scored), default=0)
    if best == 0 or best * 2 < len(terms):
        return None
    items = [p for n, p in scored if n == best][:MAX_TOPICAL]
    path = " > ".join(section.path)
    citations = tuple(Citation(doc.doc_id, "text", p.span.page, section=path, quote=p.text.strip()) for p in items)
    text = f"据“{section.title}”：" + "".join(f"“{p.text.strip()}”" for p in items)
    return Answer(question=raw, route="narrative", text=text, citations=citations)


MAX_TOPICAL = 3
