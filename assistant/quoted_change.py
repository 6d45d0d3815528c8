"""三公经费为啥比2023年多出25万: the asker quotes the change. The 说明 states it for the item that changed —
the named concept itself or one of its parts (公务用车购置及运行费…增加25万元，主要原因是购置公务用车) — and
its sentence gives the reason; it is quoted, as the shared prose reader reads the stated change."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Answer
from assistant.exact import where
from assistant.textfacts import cited
from corpus.normalize import convert
from corpus.ontology import ontology
from corpus.records import Disclosure

_QUOTED = re.compile(r"(?:多|少|增加|减少|增长|下降|涨|降|高|低)(?:出|了)*(?:将近|近|约|大约)?\s*"
                     r"(\d+(?:\.\d+)?)\s*(万|亿)?元?")
_WHY = re.compile(r"原因|由于|因为|主要是|用于")


def quoted_change_reason(doc: Disclosure, raw: str, question: str, concepts: tuple[str, ...]) -> Answer | None:
    """The stated change of the amount quoted, of one of the concepts or their parts, whose sentence says why."""
    found = _QUOTED.search(question)
    if found is None or not concepts:
        return None
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    said = Decimal(found.group(1)) * (10000 if found.group(2) == "万" else 100000000 if found.group(2) else 1)
    family = [c for k in concepts for c in (k, *_parts(k))]  # the nearest first
    fits = [s for s in stated_facts(doc, stated_patterns()) if s.change and s.concept in family and
            abs(abs(convert(s.value, s.unit, "元")) - said) <= said / 200 and _WHY.search(s.short_quote())]
    if not fits:
        return None
    stmt = min(fits, key=lambda s: family.index(s.concept or ""))  # 公务用车购置及运行费 before its 购置费
    quote = stmt.short_quote()
    name = re.sub(r"^[（(][一二三四五六七八九十\d]+[)）]", "", stmt.name)
    text = f"{where(doc)}的说明中，变化{found.group(1)}{found.group(2) or ''}元的是{name}：“{quote}”"
    return Answer(question=raw, route="narrative", text=text, citations=(cited(doc, stmt, quote),))


def _parts(concept: str) -> tuple[str, ...]:
    """Every concept below it in the ontology (三公经费 → 公务用车购置及运行费 → 公务用车购置费 …)."""
    found, todo = [], [concept]
    while todo:
        c = ontology().concept(todo.pop())
        kids = tuple(c.children) if c is not None else ()
        found += kids
        todo += kids
    return tuple(found)
