"""The years a question names, and whether it asks about the year before its document's."""

from __future__ import annotations

import re

PRIOR = re.compile(r"(上年|去年|上一年|前一年)(?!结转|结余|末)")


def mentioned_years(question: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})\s*年", question)]


def asks_prior_year(question: str, doc_year: int) -> bool:
    return bool(PRIOR.search(question)) or (doc_year - 1) in mentioned_years(question)
