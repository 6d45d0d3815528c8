"""One answer per part, in the order asked, combined into the answer every user path reads: the top-level
fields are the first part's (value, unit, formula), `parts` holds each, `plan` the query understood."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer import Answer
from assistant.query import Query

_MARKS = "①②③④⑤⑥⑦⑧⑨⑩"  # not digits: part numbers are no figures to trace


def _with_understanding(understood: str, answer: Answer) -> Answer:
    return replace(answer, text=f"{understood}。{answer.text}")


def combine(raw: str, query: Query, answers: list[tuple[str, Answer]]) -> Answer:
    parts = tuple(replace(_with_understanding(u, a), question=part.text)
                  for (u, a), part in zip(answers, query.parts, strict=True))
    once: dict[str, Answer] = {}
    for p in parts:  # 管菜场、副食品的那笔钱: one figure reached twice is said once
        once.setdefault(p.text, p)
    return joined(raw, tuple(once.values()), query.to_dict())


def joined(raw: str, parts: tuple[Answer, ...], plan: dict | None) -> Answer:
    """Parts answered (each with its understanding) as one answer: the first part's fields on top."""
    first = parts[0]
    if len(parts) == 1:
        return replace(first, question=raw, parts=parts, plan=plan)
    text = "\n".join(f"{_MARKS[i] if i < len(_MARKS) else '·'}{p.text}" for i, p in enumerate(parts))
    return replace(first, question=raw, text=text,
                   values=tuple(f for p in parts for f in p.values),
                   citations=tuple(dict.fromkeys(c for p in parts for c in p.citations)),
                   warnings=tuple(dict.fromkeys(w for p in parts for w in p.warnings)),
                   abstained=all(p.abstained for p in parts),
                   route=first.route if not first.abstained else next((p.route for p in parts if not p.abstained),
                                                                      first.route),
                   parts=parts, plan=plan)
