"""Put a row's amounts back under their columns when extraction lost the row's empty cells.

A row printed with fewer amounts than the table has columns (leading or trailing blanks dropped, or
cells joined by spaces) is matched to columns by checking sums: the column identities of the table
(合计 = 基本支出 + 项目支出 …) and, for a total row, the column totals of the rows above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations

from corpus.columns import Identity
from corpus.normalize import parse_amount

MAX_COMBINATIONS = 5000


def align(amounts: Sequence[str], columns: Sequence[str], rules: Sequence[Identity],
          expected: dict[str, Decimal] | None = None, prefer_left: bool = True) -> list[str]:
    """The row's cell texts, one per column ('' where the row printed nothing)."""
    n, k = len(columns), len(amounts)
    if k >= n:
        return list(amounts[:n])
    candidates = list(combinations(range(n), k))
    if len(candidates) > MAX_COMBINATIONS:
        candidates = [tuple(range(k))] if prefer_left else [tuple(range(n - k, n))]
    if not prefer_left:
        candidates.reverse()
    best, best_score = candidates[0], None
    for positions in candidates:
        texts = [""] * n
        for position, amount in zip(positions, amounts, strict=True):
            texts[position] = amount
        score = _score(dict(zip(columns, texts, strict=True)), rules, expected or {})
        if best_score is None or score > best_score:
            best, best_score = positions, score
    texts = [""] * n
    for position, amount in zip(best, amounts, strict=True):
        texts[position] = amount
    return texts


def _score(cells: dict[str, str], rules: Sequence[Identity], expected: dict[str, Decimal]) -> int:
    values = {c: parse_amount(t) for c, t in cells.items()}
    score = 0
    for total, parts in rules:
        if total not in values or any(p not in values for p in parts):
            continue
        if values[total] is None:
            score -= 1 if any(values[p] is not None for p in parts) else 0
            continue
        found = sum((values[p] or Decimal(0) for p in parts), Decimal(0))
        score += 2 if found == values[total] else -2
    for column, value in expected.items():
        if column in values and values[column] is not None:
            score += 1 if values[column] == value else -1
    return score
