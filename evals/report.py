"""The report: accuracy overall and by type, abstention precision/recall, latency, every failure."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from evals.run import Result

CAUSE_NAMES = {"crashed": "crashed", "wrong": "wrong answer", "abstained": "abstained (had an answer)",
               "answered": "answered (should abstain)", "uncited": "no citation",
               "part-missing": "a part not answered"}


def pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def summarize(results: list[Result], baseline: dict[str, bool] | None = None) -> dict[str, Any]:
    by_type: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        by_type[r.question.type].append(r.verdict.passed)
    abstained = [r for r in results if r.response.get("abstained")]
    should = [r for r in results if r.question.type == "unanswerable"]
    evidence = [r.verdict.evidence_ok for r in results if r.verdict.evidence_ok is not None]
    latency = [r.seconds * 1000 for r in results]
    summary: dict[str, Any] = {
        "questions": len(results),
        "passed": sum(r.verdict.passed for r in results),
        "accuracy": pct(sum(r.verdict.passed for r in results), len(results)),
        "by_type": {t: {"n": len(v), "passed": sum(v), "accuracy": pct(sum(v), len(v))}
                    for t, v in sorted(by_type.items())},
        "abstention_precision": pct(sum(r.question.type == "unanswerable" for r in abstained),
                                    len(abstained)),
        "abstention_recall": pct(sum(bool(r.response.get("abstained")) for r in should), len(should)),
        "evidence_accuracy": pct(sum(evidence), len(evidence)),
        "latency_ms": {"p50": round(_quantile(latency, 0.5), 1), "p95": round(_quantile(latency, 0.95), 1)},
        "steps_ms": _steps(results),
        "by_cause": dict(sorted(Counter(r.verdict.cause or "other" for r in results
                                        if not r.verdict.passed).items())),
        "failures": [_failure(r) for r in results if not r.verdict.passed],
    }
    if baseline is not None:
        now = {r.question.id: r.verdict.passed for r in results}
        summary["fixed"] = sorted(i for i, ok in now.items() if ok and baseline.get(i) is False)
        summary["broken"] = sorted(i for i, ok in now.items() if not ok and baseline.get(i) is True)
    return summary


def _steps(results: list[Result]) -> dict[str, dict[str, float]]:
    """p50/p95 per pipeline step, over the questions that ran it."""
    from assistant.pipeline import STEPS

    times = {step: [r.steps[step] for r in results if step in r.steps] for step in STEPS}
    return {step: {"p50": round(_quantile(v, 0.5), 2), "p95": round(_quantile(v, 0.95), 2), "n": len(v)}
            for step, v in times.items() if v}


def _failure(r: Result) -> dict[str, Any]:
    cites = r.response.get("citations") or []
    source = "; ".join(f"{c.get('table') or c.get('section')} · {c.get('row') or ''} · p.{c.get('page')}"
                       for c in cites[:2])
    expected = r.question.value if r.question.value is not None else r.question.must_include
    return {"id": r.question.id, "type": r.question.type, "question": r.question.question,
            "expected": str(expected) if r.question.type != "unanswerable" else "abstain",
            "got": (r.response.get("text") or "")[:160], "value": r.response.get("value"),
            "reason": r.verdict.reason, "cause": r.verdict.cause or "other", "source": source}


def markdown(summary: dict[str, Any], title: str) -> str:
    lines = [f"# Evaluation: {title}", "",
             f"**Accuracy {summary['accuracy']}%** ({summary['passed']}/{summary['questions']}) · "
             f"abstention precision {summary['abstention_precision']}%, recall "
             f"{summary['abstention_recall']}% · evidence cited {summary['evidence_accuracy']}% · "
             f"latency p50 {summary['latency_ms']['p50']} ms, p95 {summary['latency_ms']['p95']} ms", "",
             "Per step (ms): " + ", ".join(f"{step} p50 {t['p50']} / p95 {t['p95']}"
                                          for step, t in summary.get("steps_ms", {}).items()), "",
             "| type | n | passed | accuracy |", "|---|---|---|---|"]
    for kind, row in summary["by_type"].items():
        lines.append(f"| {kind} | {row['n']} | {row['passed']} | {row['accuracy']}% |")
    if "fixed" in summary:
        lines += ["", f"Against the baseline: {len(summary['fixed'])} fixed, "
                      f"{len(summary['broken'])} broken.",
                  *(f"- fixed: {i}" for i in summary["fixed"]),
                  *(f"- broken: {i}" for i in summary["broken"])]
    lines += ["", f"## Failures ({len(summary['failures'])})", ""]
    if summary["by_cause"]:
        lines += ["By cause: " + ", ".join(f"{CAUSE_NAMES.get(k, k)} {n}" for k, n in summary["by_cause"].items()),
                  ""]
    if summary["failures"]:
        lines += ["| id | type | cause | question | expected | got | why | source |",
                  "|---|---|---|---|---|---|---|---|"]
        for f in summary["failures"]:
            cells = [f["id"], f["type"], f["cause"], f["question"], f["expected"], f["got"], f["reason"],
                     f["source"]]
            lines.append("| " + " | ".join(str(c).replace("|", "/").replace("\n", " ") for c in cells) + " |")
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"
