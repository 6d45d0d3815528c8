"""The standard totals of a disclosure (收入总计, 基本支出, 三公经费 …) → the cell that states them.

Rules follow the standard layout, tried in order; no document's own names or figures appear here.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compute import Operand, cell_operand, empty_operand
from assistant.qtext import plain_name
from corpus.records import Disclosure, Row, Table


@dataclass(frozen=True)
class Rule:
    table: str
    rows: tuple[str, ...] | None  # plain row names; None = any row holding the column
    columns: tuple[str, ...] | None = None  # None = the row's first amount
    side: str | None = None


TOTAL = ("合计", "总计")
CONCEPTS: dict[str, tuple[Rule, ...]] = {
    "收入总计": (Rule("summary", ("收入总计", "总计"), side="收入"),
             Rule("summary", ("本年收入合计",), side="收入"),
             Rule("income", TOTAL, ("合计", "本年收入合计", "总计"))),
    "本年收入合计": (Rule("summary", ("本年收入合计",), side="收入"),),
    "支出总计": (Rule("summary", ("支出总计", "总计"), side="支出"),
             Rule("summary", ("本年支出合计",), side="支出"),
             Rule("expense", TOTAL, ("合计", "本年支出合计", "总计"))),
    "本年支出合计": (Rule("summary", ("本年支出合计",), side="支出"),),
    "基本支出": (Rule("expense", TOTAL, ("基本支出",)), Rule("gpb_expense", TOTAL, ("基本支出",))),
    "项目支出": (Rule("expense", TOTAL, ("项目支出",)), Rule("gpb_expense", TOTAL, ("项目支出",))),
    "人员经费": (Rule("gpb_basic", TOTAL, ("人员经费",)),),
    "公用经费": (Rule("gpb_basic", TOTAL, ("公用经费",)),),
    "财政拨款收入": (Rule("income", TOTAL, ("财政拨款收入", "财政拨款")),
               Rule("fiscal_summary", ("收入总计", "本年收入合计"), side="收入")),
    "一般公共预算拨款收入": (
        Rule("summary", ("一般公共预算拨款收入", "一般公共预算财政拨款收入", "一般公共预算拨款"),
             side="收入"),
        Rule("fiscal_summary", ("一般公共预算拨款", "一般公共预算财政拨款"), side="收入"),
        Rule("gpb_expense", TOTAL, ("合计",))),
    "财政拨款支出": (Rule("fiscal_summary", ("支出总计", "本年支出合计", "总计"), side="支出"),),
    "财政拨款收支总计": (Rule("fiscal_summary", ("总计", "支出总计"), side="支出"),
                  Rule("fiscal_summary", ("总计", "收入总计"), side="收入")),
    "一般公共预算基本支出": (Rule("gpb_expense", TOTAL, ("基本支出",)),),
    "一般公共预算项目支出": (Rule("gpb_expense", TOTAL, ("项目支出",)),),
    "一般公共预算拨款支出": (
        Rule("gpb_expense", TOTAL, ("合计",)),
        Rule("fiscal_summary", ("本年支出合计",), ("一般公共预算财政拨款", "一般公共预算"), side="支出")),
    "政府性基金预算": (Rule("gov_fund", TOTAL, ("合计", "本年支出合计")),),
    "国有资本经营预算": (Rule("soe_capital", TOTAL, ("合计", "本年支出合计")),),
    "三公经费": (Rule("three_public", TOTAL, ("合计",)), Rule("three_public", None, ("合计",))),
    "因公出国(境)费": (Rule("three_public", ("因公出国(境)费",), ("合计",)),
                  Rule("three_public", None, ("因公出国(境)费",))),
    "公务用车购置及运行维护费": (
        Rule("three_public", ("公务用车购置及运行维护费", "公务用车购置及运行费"), ("合计",)),
        Rule("three_public", None, ("公务用车购置及运行维护费", "公务用车购置及运行费", "小计"))),
    "公务用车购置费": (Rule("three_public", ("公务用车购置费",), ("合计",)),
                Rule("three_public", None, ("公务用车购置费", "购置费"))),
    "公务用车运行费": (Rule("three_public", ("公务用车运行费", "公务用车运行维护费"), ("合计",)),
                Rule("three_public", None, ("公务用车运行费", "公务用车运行维护费", "运行费"))),
    "公务接待费": (Rule("three_public", ("公务接待费",), ("合计",)),
              Rule("three_public", None, ("公务接待费",))),
    "机关运行经费": (Rule("three_public", None, ("机关运行经费", "机关运行经费预算数")),),
    "上年结转": (Rule("income", TOTAL, ("上年结转",)),
             Rule("summary", ("上年结转结余", "上年结转", "年初结转和结余"), side="收入")),
    "政府采购": (Rule("procurement", TOTAL, ("合计",)),),
    "固定资产": (Rule("fixed_assets", TOTAL, None),),
    # stated only in the 说明 (政府采购预算情况): answered from the sentence, never from a table
    "政府采购货物": (), "政府采购工程": (), "政府采购服务": (), "面向中小企业预留": (),
}
# Concepts answered 0 when their whole table is explicitly empty (注：…空表列示).
EMPTY_MEANS_ZERO = {"政府性基金预算", "国有资本经营预算", "三公经费", "因公出国(境)费",
                    "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行费", "公务接待费", "政府采购",
                    "固定资产"}


def _find_row(table: Table, rule: Rule) -> list[Row]:
    rows = [r for r in table.rows if rule.side is None or r.side == rule.side]
    if rule.rows is None:
        return rows
    by_name = {}
    for row in rows:
        by_name.setdefault(plain_name(row.name), row)
    return [by_name[n] for n in rule.rows if n in by_name]


def apply_rule(doc: Disclosure, rule: Rule, label: str) -> Operand | None:
    """The first stated cell the rule points at, labelled `label`."""
    table = doc.table(rule.table)
    if table is None:
        return None
    if table.is_empty:
        return empty_operand(doc, table, label) if label in EMPTY_MEANS_ZERO else None
    rows = _find_row(table, rule)
    if doc.kind == "决算":  # a 预算数 row beside the 决算数 row is not the 决算's figure
        rows = [r for r in rows if plain_name(r.name) != "预算数"]
    for row in rows:
        columns = rule.columns or tuple(c.column for c in row.cells)
        for column in columns:
            cell = row.cell(column)
            if cell is not None and cell.value is not None:
                return cell_operand(doc, table, row, column, label)
    return None


def resolve_concept(doc: Disclosure, concept: str) -> Operand | None:
    """The cell that states a standard total, or None when no table states it."""
    for rule in CONCEPTS.get(concept, ()):
        found = apply_rule(doc, rule, concept)
        if found is not None:
            return found
    return None
