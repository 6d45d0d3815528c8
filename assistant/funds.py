"""A fund's own table: 一般公共预算的基本支出, 政府性基金预算的项目支出 — the 合计 row of the fund's 支出
table in the column asked."""

from __future__ import annotations

from assistant.compute import Operand
from assistant.concepts import total_cell
from corpus.ontology import ontology
from corpus.records import Disclosure


def fund_name(key: str) -> str:
    """gov_fund → 政府性基金预算: how a fund is named in an answer."""
    return ontology().funds.get(key, key)


def fund_column(doc: Disclosure, key: str, column: str) -> Operand | None:
    """The fund table's 合计 row in the column asked (政府性基金预算的项目支出)."""
    return total_cell(doc, key, column, f"{fund_name(key)}·{column}")
