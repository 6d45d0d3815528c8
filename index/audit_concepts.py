"""The audit's view of the ontology: the labels a 情况说明 names each standard concept with, its
breakdown, and the cells that state it (the same cells the answer path reads: index/locate.py)."""

from __future__ import annotations

import re
from functools import cache

from corpus.ontology import Concept, ontology
from corpus.records import Disclosure, Row, Table
from index.audit_model import TOTAL_COLUMNS, Term, cell_term, empty_term, first_column, plain
from index.locate import has_tables as concept_tables
from index.locate import locate

_SUFFIX = r"(?:预算|决算)?(?:数)?"
ITEM_PARENTS = ("项目支出",)  # a figure whose parts may be named items (projects) besides concepts


def _audited() -> list[Concept]:
    """The concepts a table can state (where rules or a breakdown); a figure only the text states
    (政府采购货物) has nothing to be checked against."""
    return [c for c in ontology().concepts.values() if c.where or c.children]


@cache
def patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """concept → its 说明 labels, each followed by an optional 预算/决算/数."""
    return _labels(_audited())


@cache
def stated_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The same for every concept the 说明 may state, checked by a table or not (政府采购货物)."""
    return _labels([c for c in ontology().concepts.values() if c.text_patterns])


def _labels(concepts: list[Concept]) -> dict[str, tuple[re.Pattern[str], ...]]:
    return {c.id: tuple(re.compile(f"(?:{p.pattern}){_SUFFIX}") for p in c.text_patterns) for c in concepts}


def children(concept: str) -> tuple[str, ...]:
    found = ontology().concept(concept)
    return found.children if found else ()


def descendants(concept: str) -> set[str]:
    found: set[str] = set()
    for child in children(concept):
        found |= {child} | descendants(child)
    return found


def find_concept(context: str, vocabulary: dict[str, tuple[re.Pattern[str], ...]] | None = None
                 ) -> tuple[str, int, int] | None:
    """(concept, start, end) of the label nearest the end of a context, longest on ties; `vocabulary`:
    concept → labels (default: the concepts a table can check)."""
    spans = [(m.end(), -m.start(), concept) for concept, labels in (vocabulary or patterns()).items()
             for pattern in labels for m in pattern.finditer(context)]
    if not spans:
        return None
    best = max(spans, key=lambda s: s[:2])
    # 面向小微企业预留政府采购项目预算金额: a concept's own kind said after its label names that concept
    part = next((s for s in spans if s[0] in (-best[1], -best[1] + 1) and best[2] in ontology().ancestors(s[2])),
                None)
    return (part[2], -part[1], best[0]) if part else (best[2], -best[1], best[0])  # one label, to its end



def resolve(doc: Disclosure, concept: str, unit: str) -> list[Term]:
    """Every table cell that states the concept (alternatives, most standard first): the cells the
    answer path reads too (index/locate.py); a blank cell of a printed row counts as 0."""
    found: list[Term] = []
    for hit in locate(doc, concept):
        if hit.row is None:
            found.append(empty_term(hit.table, f"{hit.table.title}（空表）", unit))
        elif hit.column is not None:
            found.append(cell_term(hit.table, hit.row, hit.column, unit=unit))
    return found


def has_tables(doc: Disclosure, concept: str) -> bool:
    """Whether any table that could state the concept was read (present, with rows or 空表)."""
    if concept == "subject":
        return any((t := doc.table(k)) is not None and (t.rows or t.is_empty) for k in SUBJECT_TABLES)
    return concept_tables(doc, concept)


SUBJECT_TABLES = ("gpb_expense", "expense", "gov_fund", "soe_capital")


def resolve_subject(doc: Disclosure, path: tuple[str, ...], unit: str) -> list[Term]:
    """A 功能分类 subject named by its path (类, 款, 项) → its 合计 in the expense tables."""
    found: list[Term] = []
    for key in SUBJECT_TABLES:
        table = doc.table(key)
        if table is None or table.is_empty:
            continue
        row = _subject_row(table, path)
        column = first_column(table, TOTAL_COLUMNS)
        if row is not None and column is not None:
            found.append(cell_term(table, row, column, unit=unit))
    return found


def _subject_row(table: Table, path: tuple[str, ...]) -> Row | None:
    if not any(r.code for r in table.rows):  # codes not read: the last name, when unique, will do
        named = [r for r in table.rows if plain(r.name) == plain(path[-1])]
        return named[0] if len(named) == 1 else None
    parent: str | None = None
    row: Row | None = None
    for depth, name in enumerate(path):
        want = ontology().current_name(plain(name))  # a 类 the 说明 calls by its former name
        length = (3, 5, 7)[depth]
        row = next((r for r in table.rows if r.code and len(r.code) == length and plain(r.name) == want
                    and (parent is None or r.code.startswith(parent))), None)
        if row is None:
            return None
        parent = row.code
    return row
