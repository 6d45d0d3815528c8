"""The query plan of a question: plain, frozen, JSON-serialisable data (like a parsed SQL tree).

`Query` is what `parse(question)` returns and `ask --json` shows as `plan`: one `Part` per thing the
question asks, in order; each part has an operation, its operands (`Ref`s) and the scope every operand
inherits. Nothing here reads a document: resolving names to records is the planner's job.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

OPERATIONS = ("lookup", "each", "sum", "difference", "compare", "share", "multiple", "growth", "change",
              "prior", "rank", "nth", "position", "count", "list", "average", "completion", "reason",
              "purpose", "duties", "definition", "goal", "text", "basis", "indicator", "name")
# answered by quoting the 说明
TEXT_OPS = ("reason", "purpose", "duties", "definition", "goal", "text", "basis", "name")


@dataclass(frozen=True)
class Ref:
    """An operand as the question names it."""

    text: str  # the words asked
    kind: str  # concept | subject | code | word (an everyday word) | document (one of the document's own
    # names) | name (any other phrase: the document's names must resolve it, or the part says so)
    key: str | None = None  # concept id, subject code, or None for a name
    start: int = 0  # where it starts in the part's text
    role: str = "operand"  # operand | part | whole | container | qualifier | outer (the container's own)
    names: tuple[str, ...] = ()  # standard names an everyday word may mean, tried in order


@dataclass(frozen=True)
class Scope:
    """What every operand of a part is read within."""

    within: Ref | None = None  # a container: a subject row, a fund, a concept with parts
    fund: str | None = None  # the fund's table key (gpb_expense, gov_fund, soe_capital)
    basis: str | None = None  # budget (年初预算) | final (决算数)
    period: str | None = None  # this | last | before_last | next
    years: tuple[int, ...] = ()  # years the part names
    level: str | None = None  # 类 | 款 | 项
    scheme: str | None = None  # 功能分类 | 经济分类
    unit: str | None = None  # the unit the question asks in
    order: str = "desc"  # desc | asc (for rank / nth)
    n: int | None = None  # the place asked (第二大 → 2)


@dataclass(frozen=True)
class Part:
    op: str
    text: str  # the words of this part (with the context it inherited)
    refs: tuple[Ref, ...] = ()
    scope: Scope = field(default_factory=Scope)
    direction: str | None = None  # up | down: the change a why-question names (为什么增加)
    inherited: bool = False  # the operands came from the part before
    unread: tuple[str, ...] = ()  # words the grammar could not read: the part abstains naming them

    def operands(self) -> tuple[Ref, ...]:
        return tuple(r for r in self.refs if r.role in ("operand", "part", "whole"))

    def role(self, role: str) -> Ref | None:
        return next((r for r in self.refs if r.role == role), None)


@dataclass(frozen=True)
class Query:
    question: str
    parts: tuple[Part, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _ref(data: dict[str, Any] | None) -> Ref | None:
    return None if data is None else Ref(**{**data, "names": tuple(data.get("names") or ())})


def query_from_dict(data: dict[str, Any]) -> Query:
    parts = []
    for raw in data["parts"]:
        scope = dict(raw.get("scope") or {})
        scope["within"] = _ref(scope.get("within"))
        scope["years"] = tuple(scope.get("years") or ())
        known = {f.name for f in fields(Part)}
        body = {k: v for k, v in raw.items() if k in known}
        body["refs"] = tuple(_ref(r) for r in raw.get("refs") or ())
        body["scope"] = Scope(**scope)
        body["unread"] = tuple(raw.get("unread") or ())
        parts.append(Part(**body))
    return Query(data["question"], tuple(parts))
