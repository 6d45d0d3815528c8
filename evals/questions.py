"""Question sets: JSONL (one object a line), or YAML / CSV with the same field names."""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from corpus.errors import BudgetQAError

TYPES = ("lookup", "sum", "ratio", "multiple", "diff", "pct_change", "compare", "rank", "count", "list",
         "narrative", "unanswerable", "compound")
NUMERIC = ("lookup", "sum", "ratio", "multiple", "diff", "pct_change", "compare", "rank", "count", "list")
SPLITS = ("dev", "test")
TEST_SHARE = 30  # percent of a blind set held out: never looked at while fixing


class EvalSetError(BudgetQAError):
    """A question set that cannot be read; names the file and line."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        super().__init__(f"{source}:{line}: {reason}")


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    doc: str | None
    question: str
    answer: str
    value: Decimal | tuple[Decimal, ...] | None
    unit: str | None
    type: str
    must_include: tuple[str, ...] = ()
    evidence: str | None = None
    parts: tuple[EvalQuestion, ...] = ()  # a compound question: one expected answer per part, in order
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def split(self) -> str:
        """dev or test, fixed by the id alone, so a set can grow without reshuffling."""
        return split_of(self.id)


def split_of(question_id: str) -> str:
    digest = hashlib.sha256(question_id.encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % 100 < TEST_SHARE else "dev"


def on_pdf(q: EvalQuestion) -> EvalQuestion:
    """The same question asked of the document's published PDF (stored as id + -pdf)."""
    if not q.doc or q.doc.endswith("-pdf"):
        return q
    return replace(q, doc=f"{q.doc}-pdf")


def _value(raw: Any, where: tuple[str, int]) -> Decimal | tuple[Decimal, ...] | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, list):
        return tuple(Decimal(str(v)) for v in raw)
    try:
        return Decimal(str(raw))
    except ArithmeticError as exc:
        raise EvalSetError(*where, f"value {raw!r} is not a number") from exc


def to_question(obj: dict[str, Any], source: str, line: int, index: int) -> EvalQuestion:
    where = (source, line)
    for key in ("question", "type"):
        if not obj.get(key):
            raise EvalSetError(*where, f"missing '{key}'")
    if obj["type"] not in TYPES:
        raise EvalSetError(*where, f"type '{obj['type']}' is not one of {', '.join(TYPES)}")
    if obj["type"] in NUMERIC and obj.get("value") in (None, ""):
        raise EvalSetError(*where, f"a {obj['type']} question needs a 'value'")
    if obj["type"] == "narrative" and not obj.get("must_include"):
        raise EvalSetError(*where, "a narrative question needs 'must_include'")
    if obj["type"] == "compound" and len(obj.get("parts") or ()) < 2:
        raise EvalSetError(*where, "a compound question needs at least two 'parts'")
    must = obj.get("must_include") or ()
    if isinstance(must, str):
        must = [m for m in must.split("|") if m]
    qid = str(obj.get("id") or f"{Path(source).stem}-{index}")
    parts = tuple(to_question({"question": obj["question"], "id": f"{qid}.{i}", **part}, source, line, i)
                  for i, part in enumerate(obj.get("parts") or (), 1))
    return EvalQuestion(id=qid, doc=obj.get("doc") or None,
                        question=obj["question"], answer=str(obj.get("answer") or ""),
                        value=_value(obj.get("value"), where), unit=obj.get("unit") or None,
                        type=obj["type"], must_include=tuple(must), evidence=obj.get("evidence") or None,
                        parts=parts, raw=obj)


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text) or []
        return [(i + 1, item) for i, item in enumerate(data)]
    if path.suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        for row in rows:
            if row.get("value", "").startswith("["):
                row["value"] = json.loads(row["value"])
        return [(i + 2, row) for i, row in enumerate(rows)]
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line, parse_float=Decimal)))
        except json.JSONDecodeError as exc:
            raise EvalSetError(str(path), number, f"not valid JSON: {exc.msg}") from exc
    return rows


def load_questions(path: Path) -> list[EvalQuestion]:
    if not path.exists():
        raise EvalSetError(str(path), 1, "no such file")
    return [to_question(obj, str(path), number, i) for i, (number, obj) in enumerate(_rows(path), 1)]
