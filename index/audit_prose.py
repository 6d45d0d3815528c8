"""The 情况说明 against itself: one item stated twice with different amounts (其它/其他 and spacing are
the same name). A stated rate against its two figures is audit_quality's check_percents."""

from __future__ import annotations

import re

from index.audit_model import Finding, Term, convert
from index.stated import Stmt


def check_prose(groups: list[list[Stmt]]) -> list[Finding]:
    return _twice([s for g in groups for s in g])


def _name(stmt: Stmt) -> str:
    return stmt.name or stmt.concept or ""


def _key(stmt: Stmt) -> str:
    return re.sub(r"\s", "", _name(stmt)).replace("其它", "其他")


def _sentence(stmt: Stmt) -> str:
    return stmt.passage.sentence(stmt.start, stmt.end)


def _twice(stmts: list[Stmt]) -> list[Finding]:
    """A named item (a project, a per-unit figure: not a standard concept, whose scope the sentence sets)
    stated with two different amounts."""
    first: dict[tuple, Stmt] = {}
    found: list[Finding] = []
    for stmt in stmts:
        if stmt.change or stmt.role != "amount" or stmt.concept is not None or len(_key(stmt)) < 4:
            continue
        key = (stmt.path, _key(stmt))
        seen = first.setdefault(key, stmt)
        if seen is stmt or (seen.passage is stmt.passage and _sentence(seen) == _sentence(stmt)):
            continue
        again = convert(stmt.value, stmt.unit, seen.unit)  # in the first statement's unit
        if again != seen.value:
            found.append(Finding("warning", "narrative.twice", f"说明中“{_name(stmt)}”两处所述数额不同",
                                 (Term(_name(seen), seen.value, seen.cite()),),
                                 (Term(_name(stmt), again, stmt.cite()),),
                                 seen.value - again, False, None, seen.unit))
    return found



