"""Pure verdicts: one question and the assistant's JSON answer → pass or fail, with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from corpus.layout import squash
from evals.questions import EvalQuestion

CENT = Decimal("0.01")
SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
CHANGE_WORDS = ("增加", "减少", "增长", "下降", "上升", "降低", "持平", "多", "少")  # 多/少: two items


# Why a question failed, the way the report groups them: a confident wrong answer is the worst.
CAUSES = ("crashed", "wrong", "abstained", "answered", "uncited", "part-missing")


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reason: str
    evidence_ok: bool | None = None  # None when the question names no evidence
    cause: str | None = None  # one of CAUSES when failed


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


# Counter words name no unit: 3家单位 and 3个单位 are one count (人, 辆, 批, 次 count other things).
COUNTERS = {"个", "家", "项", "类", "款", "所", "处", "台", "套", "台（套）", "台(套)"}


def convert(value: Decimal, unit: str | None, target: str | None) -> Decimal | None:
    if unit and target and "/" in unit and "/" not in target:
        unit = unit.split("/")[0]  # 0.20万元/人 answers "平均每人多少（万元）": the per-what is a label
    if unit == target or not target or not unit or {unit, target} <= COUNTERS:
        return value
    if unit in SCALE and target in SCALE:
        return value * SCALE[unit] / SCALE[target]
    return None  # 万元 vs % cannot match


def same(expected: Decimal, got: Decimal, exact: bool) -> bool:
    if exact:
        return expected == got
    return expected.quantize(CENT, ROUND_HALF_UP) == got.quantize(CENT, ROUND_HALF_UP)


def _numeric(q: EvalQuestion, r: dict[str, Any]) -> tuple[bool, str]:
    exact = q.type == "count"
    magnitude = q.type in ("diff", "pct_change")
    if isinstance(q.value, tuple):
        got = [convert(_dec(v["value"]), v.get("unit"), q.unit) for v in r.get("values", [])]
        missing = [e for e in q.value if not any(g is not None and same(e, g, exact) for g in got)]
        return (not missing, f"missing {', '.join(map(str, missing))}" if missing else "ok")
    value = _dec(r.get("value"))
    if value is None:
        return False, "no value"
    got = convert(value, r.get("unit"), q.unit)
    if got is None:
        return False, f"unit {r.get('unit')} vs expected {q.unit}"
    expected = abs(q.value) if magnitude else q.value
    got = abs(got) if magnitude else got
    if not same(expected, got, exact):
        return False, f"value {got} ≠ {expected}"
    if magnitude and not any(w in r.get("text", "") for w in CHANGE_WORDS):
        return False, "text does not say 增加/减少"
    return True, "ok"


def evidence_matches(evidence: str, citations: list[dict[str, Any]]) -> bool:
    """Evidence is `table title words|row words` for a cell, or `section words` for text."""
    parts = [squash(p) for p in evidence.split("|")]
    for c in citations:
        hay = squash(" ".join(str(c.get(k) or "") for k in ("table", "row", "column", "section")))
        if all(p in hay for p in parts):
            return True
    return False


def _missing_text(q: EvalQuestion, response: dict[str, Any]) -> list[str]:
    text = squash(response.get("text", ""))
    return [m for m in q.must_include if squash(m) not in text]


def verdict(q: EvalQuestion, response: dict[str, Any]) -> Verdict:
    if q.type == "compound":
        return _compound(q, response)
    abstained = bool(response.get("abstained"))
    citations = response.get("citations") or []
    evidence_ok = evidence_matches(q.evidence, citations) if q.evidence and not abstained else None
    if q.type == "unanswerable":
        return Verdict(abstained, "abstained" if abstained else "answered instead of abstaining",
                       cause=None if abstained else "answered")
    if abstained:
        return Verdict(False, f"abstained: {response.get('text', '')[:60]}", evidence_ok, "abstained")
    if not citations:
        return Verdict(False, "no citation", evidence_ok, "uncited")
    missing = _missing_text(q, response)
    if q.type == "narrative":
        return Verdict(not missing, f"missing {missing}" if missing else "ok", evidence_ok,
                       "wrong" if missing else None)
    ok, reason = _numeric(q, response)
    if ok and missing:
        ok, reason = False, f"missing {missing}"
    return Verdict(ok, reason, evidence_ok, None if ok else "wrong")


def _compound(q: EvalQuestion, response: dict[str, Any]) -> Verdict:
    """Every part answered in order: the response's `parts`, or the answer itself as its only part."""
    answers = response.get("parts") or [response]
    for i, part in enumerate(q.parts):
        if i >= len(answers):
            return Verdict(False, f"part {i + 1} not answered ({len(answers)} of {len(q.parts)})",
                           cause="part-missing")
        found = verdict(part, answers[i])
        if not found.passed:
            return Verdict(False, f"part {i + 1}: {found.reason}", cause=found.cause)
    return Verdict(True, "ok")
