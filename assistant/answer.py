"""The answer object every user path consumes (CLI, web page, eval runner), and its JSON schema.

JSON schema (stable; evals and the web page read it):
{"question": str, "route": "lookup|arithmetic|narrative|hybrid|unanswerable",
 "text": str, "value": number|null, "unit": str|null,
 "values": [{"label": str, "value": number, "unit": str}],
 "formula": str|null, "abstained": bool,
 "citations": [{"doc_id", "kind": "cell", "table", "row", "column", "value", "page"}
              |{"doc_id", "kind": "text", "section", "quote", "page"}],
 "warnings": [str],
 "parts": [{the fields above, one object per part of the question, in the order asked}],
 "plan": {"question": str, "parts": [{"op", "text", "refs", "scope", ...}]}}

The top-level value/unit/formula are the first part's; a one-part question has one part.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpus.records import Indicator, Project

ROUTES = ("lookup", "arithmetic", "narrative", "hybrid", "unanswerable")


@dataclass(frozen=True)
class Citation:
    doc_id: str
    kind: str  # "cell" | "text"
    page: int | None
    table: str | None = None  # table title as printed
    row: str | None = None  # row label (序号 + name)
    column: str | None = None
    value: str | None = None  # the cell text exactly as printed
    section: str | None = None  # section path joined with " > "
    quote: str | None = None  # whole sentences quoted from the section

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "cell":
            keys = ("doc_id", "kind", "table", "row", "column", "value", "page")
        else:
            keys = ("doc_id", "kind", "section", "quote", "page")
        return {k: getattr(self, k) for k in keys}


def indicator_citation(doc_id: str, project: Project, ind: Indicator) -> Citation:
    """A 绩效目标表 indicator's value, cited as the cell it is printed in."""
    return Citation(doc_id, "cell", ind.span.page, table=project.title,
                    row=f"{ind.level1}/{ind.level2}/{ind.level3}", column="指标值", value=ind.value)


@dataclass(frozen=True)
class Figure:
    label: str
    value: Decimal
    unit: str


@dataclass(frozen=True)
class Choice:
    """A disclosure the asker may mean, offered when several fit (the page shows it as a button)."""

    doc_id: str
    title: str
    said: str = ""  # words naming it in a question, unambiguously (…2025年部门预算)


@dataclass(frozen=True)
class Answer:
    question: str
    route: str
    text: str
    value: Decimal | None = None
    unit: str | None = None
    values: tuple[Figure, ...] = ()
    formula: str | None = None
    abstained: bool = False
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    parts: tuple[Answer, ...] = field(default=(), compare=False)
    plan: dict[str, Any] | None = field(default=None, compare=False)
    choices: tuple[Choice, ...] = ()  # several disclosures fit: which one is meant

    def to_dict(self) -> dict[str, Any]:
        found = self._fields()
        found["parts"] = [p._fields() for p in self.parts] if self.parts else [self._fields()]
        found["plan"] = self.plan  # None when no document was reached (nothing was planned)
        found["choices"] = [{"doc_id": c.doc_id, "title": c.title} for c in self.choices]
        return found

    def _fields(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "route": self.route,
            "text": self.text,
            "value": _number(self.value),
            "unit": self.unit,
            "values": [{"label": f.label, "value": _number(f.value), "unit": f.unit}
                       for f in self.values],
            "formula": self.formula,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number. Integers stay ints; 2-decimal amounts print exactly as floats."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def abstain(question: str, reason: str, citations: tuple[Citation, ...] = ()) -> Answer:
    return Answer(question=question, route="unanswerable", text=reason, abstained=True,
                  citations=citations)
