"""万里街道2024年和2025年的三公经费分别是多少: one department's documents of several years, each year
asked on its own document, the answers side by side (never added across documents)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import Answer
from assistant.intent import mentioned_years
from index.store import DocumentInfo


def per_year_docs(q: str, docs: list[DocumentInfo]) -> list[DocumentInfo] | None:
    """The documents when they are one department's, one kind, and the question names each one's year."""
    years = set(mentioned_years(q))
    if len(docs) < 2 or len({(i.department, i.kind) for i in docs}) != 1:
        return None
    if len({i.year for i in docs}) != len(docs) or not {i.year for i in docs} <= years:
        return None
    return sorted(docs, key=lambda i: i.year)


def question_for_year(q: str, year: int) -> str:
    """2024年和2025年的三公经费分别是多少 → (for 2025) 2025年的三公经费是多少."""
    others = [y for y in mentioned_years(q) if y != year]
    for other in others:
        q = re.sub(rf"[和与及、]?\s*{other}\s*年度?\s*[和与及、]?", "", q, count=1)
    return re.sub(r"分别|各自|各", "", q)


def side_by_side(raw: str, answers: list[tuple[int, Answer]]) -> Answer:
    text = "".join(a.text if not a.abstained else f"{year}年：{a.text}" for year, a in answers)
    values = tuple(replace(f, label=f"{year}年{f.label}") for year, a in answers for f in a.values)
    citations = tuple(c for _, a in answers for c in a.citations)
    abstained = all(a.abstained for _, a in answers)
    route = "unanswerable" if abstained else "lookup"
    return Answer(question=raw, route=route, text=text, values=values, citations=citations,
                  abstained=abstained, warnings=tuple(w for _, a in answers for w in a.warnings))
