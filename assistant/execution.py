"""决算 documents: each item's 年初预算 beside its 决算, as the 情况说明 states them
("年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%") or as a 三公 table prints them
(a 预算数 row and a 决算数 row). Questions: 年初预算是多少, 完成了预算的百分之几, 决算比预算少多少.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.answer import Citation
from assistant.compute import Operand, cell_operand
from assistant.qtext import plain_name
from corpus.layout import squash
from corpus.records import Disclosure, Section

_NUM = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)"
PAIR = re.compile(r"年初预算(?:数)?为?\s*" + _NUM + r"[，,；;]?\s*(?:支出)?决算(?:数)?为?\s*" + _NUM
                  + r"(?:[^。；]{0,4}?完成(?:年初)?预算的\s*(\d+(?:\.\d+)?)\s*%)?")
ITEM = re.compile(r"(?:^|[。；：:\s])\s*\d+[、.．]\s*([^（）。；]+?)（类）([^（）。；]+?)（款）([^（）。；]+?)（项）")
_CLAUSE_START = re.compile(r"[。；！？：:]")
_BUDGET_COLUMN = re.compile(r"^(年初|全年|调整后?)?预算(数)?$")
_FINAL_COLUMN = re.compile(r"^(全年)?决算(数)?$")
_LABEL_NOISE = re.compile(r"[“”\"'‘’]|其中")


@dataclass(frozen=True)
class Execution:
    name: str  # the item: 行政运行, 一般公共预算财政拨款支出, 三公经费 …
    path: tuple[str, ...]  # 类/款/项 names when the text names a subject
    budget: Operand | None
    final: Operand | None
    stated_pct: Decimal | None = None  # 完成年初预算的 …% as printed
    reason: Citation | None = None  # the sentence giving why 决算 differs from 预算 (or that it does not)


def _section_text(section: Section) -> tuple[str, list[tuple[int, int | None]]]:
    """The section's paragraphs as one string (a sentence may run over two of them) and where each
    paragraph starts, for the page of a match."""
    text, starts = "", []
    for para in section.paragraphs:
        starts.append((len(text), para.span.page))
        text += para.text
    return text, starts


def _page_at(starts: list[tuple[int, int | None]], offset: int) -> int | None:
    page = None
    for start, at in starts:
        if start > offset:
            break
        page = at
    return page


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in "。；！？") + 1
    right = min((i for i in (text.find(mark, end) for mark in "。；") if i >= 0), default=len(text))
    return text[left:right + 1].strip()


_REASON = re.compile(r"[^。；]*(?:原因|持平)[^。]*。?")


def _reason(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """The first sentence after a pair (and before the next item) that gives a reason or says 持平."""
    begin = text.find("。", start, stop)  # the pair's own sentence ends first
    match = _REASON.search(text, begin + 1 if begin >= 0 else start, stop)
    return (match.start(), match.group().strip()) if match else None


def _label(text: str, start: int) -> str:
    """The words before 年初预算 in its clause: 一般公共预算财政拨款支出, “三公”经费财政拨款支出."""
    head = text[:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    return _LABEL_NOISE.sub("", head[cut:]).strip("，, ")


def text_executions(doc: Disclosure) -> list[Execution]:
    found: list[Execution] = []
    for section in doc.sections:
        text, starts = _section_text(section)
        previous_end = 0
        matches = list(PAIR.finditer(text))
        for index, match in enumerate(matches):
            items = [m for m in ITEM.finditer(text, previous_end, match.start())]
            path = tuple(n.strip() for n in items[-1].groups()) if items else ()
            name = path[-1] if path else _label(text, match.start())
            previous_end = match.end()
            if not name:
                continue
            quote = _sentence(text, match.start(), match.end())
            cite = Citation(doc.doc_id, "text", _page_at(starts, match.start()),
                            section=" > ".join(section.path), quote=quote)
            budget = Operand(f"{name}年初预算", _amount(match.group(1)), match.group(2), cite)
            final = Operand(f"{name}决算数", _amount(match.group(3)), match.group(4), cite)
            pct = Decimal(match.group(5)) if match.group(5) else None
            stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            following = ITEM.search(text, match.end(), stop)
            reason = _reason(text, match.end(), following.start() if following else stop)
            why = cite if reason is None else Citation(
                doc.doc_id, "text", _page_at(starts, reason[0]), section=cite.section, quote=reason[1])
            found.append(Execution(name, path, budget, final, pct, why if reason else None))
    return found


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def table_executions(doc: Disclosure) -> list[Execution]:
    """Pairs a table prints: a 预算数 row and a 决算数 row (the 三公 table of a 决算), one pair a column;
    or 年初预算 and 决算数 columns, one pair a row."""
    return _row_pairs(doc) + _column_pairs(doc)


def _column_pairs(doc: Disclosure) -> list[Execution]:
    found: list[Execution] = []
    for table in doc.tables:
        budget = next((c for c in table.columns if _BUDGET_COLUMN.match(c)), None)
        final = next((c for c in table.columns if _FINAL_COLUMN.match(c)), None)
        if budget is None or final is None:
            continue
        for row in table.rows:
            if row.cell(budget) is None or row.cell(final) is None:
                continue  # the other side of a two-sided table
            name = plain_name(row.name)
            ops = [cell_operand(doc, table, row, column, f"{name}{what}")
                   if (cell := row.cell(column)) is not None and cell.value is not None else None
                   for column, what in ((budget, "年初预算"), (final, "决算数"))]
            if any(ops):
                found.append(Execution(name, (row.code,) if row.code else (), ops[0], ops[1]))
    return found


def _row_pairs(doc: Disclosure) -> list[Execution]:
    found: list[Execution] = []
    for table in doc.tables:
        rows = {plain_name(r.name): r for r in table.rows}
        budget_row, final_row = rows.get("预算数"), rows.get("决算数")
        if budget_row is None or final_row is None:
            continue
        for column in table.columns:
            b, f = budget_row.cell(column), final_row.cell(column)
            name = _column_item(table.key, column)
            ops = [cell_operand(doc, table, row, column, f"{name}{what}")
                   if cell is not None and cell.value is not None else None
                   for row, cell, what in ((budget_row, b, "预算数"), (final_row, f, "决算数"))]
            if any(ops):
                found.append(Execution(name, (), ops[0], ops[1]))
    return found


def _column_item(key: str, column: str) -> str:
    if key == "three_public" and column in ("合计", "小计"):
        return "三公经费" if column == "合计" else "公务用车购置及运行费"
    return column


def executions(doc: Disclosure) -> list[Execution]:
    """Table pairs first (cited to cells), then what the text states."""
    return table_executions(doc) + text_executions(doc)


def _keys(item: Execution) -> list[str]:
    name = squash(item.name.replace("（", "(").replace("）", ")"))
    keys = [name, re.sub(r"(财政拨款)?支出$", "", name), re.sub(r"财政拨款", "", name)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def find_execution(doc: Disclosure, question: str) -> list[Execution]:
    """The items the question names, most specific first; a 项 named with its 款 beats the 项 alone."""
    q = squash(question.replace("“", "").replace("”", "").replace("（", "(").replace("）", ")"))
    scored: list[tuple[int, int, Execution]] = []
    for order, item in enumerate(executions(doc)):
        hits = [k for k in _keys(item) if k in q]
        if not hits:
            continue
        extra = sum(len(squash(p)) for p in item.path[:-1] if squash(p) in q)
        scored.append((max(map(len, hits)) + extra, -order, item))
    if not scored:
        return []
    best = max(s for s, _, _ in scored)
    return [item for s, _, item in sorted(scored, key=lambda t: (t[0], t[1]), reverse=True) if s == best]
