"""城乡社区支出中政府性基金预算多少 / 一般公共预算的基本支出: a fund named beside a subject or a column
scopes it to that fund's table; it is no second figure to add."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer import Answer, abstain
from assistant.compute import Operand
from assistant.concepts import total_cell
from assistant.exact import Ask, _compute, _where
from assistant.link import Mention
from assistant.resolve import row_operand
from corpus.records import Disclosure, Row

# the fund a question names → the table of its 支出 by 功能分类
FUND_TABLES = {"一般公共预算拨款收入": "gpb_expense", "一般公共预算拨款支出": "gpb_expense",
               "政府性基金预算": "gov_fund", "国有资本经营预算": "soe_capital"}
FUND_COLUMNS = ("基本支出", "项目支出")


# a row that names a fund itself (一、一般公共预算 of the 收支总表) means the fund too
FUND_ROWS = {name: key for key, names in (
    ("gpb_expense", ("一般公共预算", "一般公共预算资金", "一般公共预算拨款", "一般公共预算财政拨款",
                     "一般公共预算财政拨款收入", "一般公共预算财政拨款支出")),
    ("gov_fund", ("政府性基金", "政府性基金预算", "政府性基金预算财政拨款", "政府性基金预算资金")),
    ("soe_capital", ("国有资本经营预算", "国有资本经营预算财政拨款", "国有资本经营预算资金")),
) for name in names}
FUND_NAMES = {"gpb_expense": "一般公共预算", "gov_fund": "政府性基金预算", "soe_capital": "国有资本经营预算"}


def _fund(m: Mention) -> str | None:
    keys = {FUND_TABLES.get(t.name) if t.kind == "concept" else FUND_ROWS.get(t.name) for t in m.targets}
    return keys.pop() if len(keys) == 1 else None


def scope_to_fund(mentions: list[Mention]) -> tuple[list[Mention], str | None]:
    """(the mentions left, the fund's table) when one fund is named with subjects or a column."""
    funds = [m for m in mentions if _fund(m)]
    others = [m for m in mentions if not _fund(m)]
    if len(funds) != 1 or not others:
        return mentions, None
    subjects = all(m.targets[0].kind == "subject" for m in others)
    columns = all(m.targets[0].kind == "concept" and m.targets[0].name in FUND_COLUMNS for m in others)
    if not (subjects or (columns and len(others) == 1)):
        return mentions, None
    return others, _fund(funds[0])


def fund_column(doc: Disclosure, key: str, column: str) -> Operand | None:
    """The fund table's 合计 row in the column asked (政府性基金预算的项目支出)."""
    return total_cell(doc, key, column, f"{FUND_NAMES[key]}·{column}")


def answer_fund_scoped(ask: Ask, mentions: list[Mention], column: str | None) -> Answer | None:
    """A subject or column read in the table of the fund the question names (never added to it)."""
    rest, key = scope_to_fund(mentions)
    if key is None:
        return None
    if rest[0].targets[0].kind == "concept":
        op = fund_column(ask.doc, key, rest[0].targets[0].name)
        found = [op] if op else []
    else:
        found = [o for m in rest for t in m.targets for k, row in t.rows
                 if k == key and (o := _cell(ask.doc, key, row, column))]
    if not found:
        return abstain(ask.raw, f"{_where(ask.doc)}的{_table_name(ask.doc, key)}中没有列出所问的数额。")
    return _compute(ask, "lookup" if len(found) == 1 else "each", found)


def _cell(doc: Disclosure, key: str, row: Row, column: str | None) -> Operand | None:
    op = row_operand(doc, key, row, column)
    return replace(op, label=f"{FUND_NAMES[key]}支出中的{op.label}") if op else None


def _table_name(doc: Disclosure, key: str) -> str:
    table = doc.table(key)
    return f"“{table.title}”" if table else "相应表格"
