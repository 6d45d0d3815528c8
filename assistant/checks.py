"""The guarantee: every number in an answer's text is a cited figure or a shown computation."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from assistant.answer import Answer

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> set[Decimal]:
    found = set()
    for raw in _NUMBER.findall(text or ""):
        try:
            found.add(Decimal(raw.replace(",", "")))
        except InvalidOperation:
            continue
    return found


def allowed_numbers(answer: Answer) -> set[Decimal]:
    allowed = numbers_in(answer.question) | numbers_in(answer.formula or "")
    for citation in answer.citations:
        allowed |= numbers_in(citation.value or "") | numbers_in(citation.quote or "")
        allowed |= numbers_in(citation.row or "") | numbers_in(citation.table or "")
        allowed |= numbers_in(citation.section or "")
        if citation.page is not None:
            allowed.add(Decimal(citation.page))
    for figure in answer.values:
        allowed.add(abs(figure.value))
    if answer.value is not None:
        allowed.add(abs(answer.value))
    return allowed


def uncited_numbers(answer: Answer, extra: set[Decimal] = frozenset()) -> set[Decimal]:
    """Numbers in the text that no citation, figure or formula accounts for (must be empty)."""
    allowed = allowed_numbers(answer) | set(extra)
    text_numbers = numbers_in(answer.text)
    return {n for n in text_numbers if n not in allowed and n.normalize() not in
            {a.normalize() for a in allowed}}
