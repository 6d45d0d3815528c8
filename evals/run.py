"""Run question sets through one assistant (models loaded once) and score every answer."""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.service import Assistant, open_assistant
from evals.questions import EvalQuestion
from evals.score import Verdict, verdict
from index.settings import Settings, load_settings

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    question: EvalQuestion
    response: dict[str, Any]
    verdict: Verdict
    seconds: float
    steps: dict[str, float] = field(default_factory=dict)  # ms per pipeline step (parse, plan, …)

    def to_record(self) -> dict[str, Any]:
        record = {k: _plain(v) for k, v in self.question.raw.items()}
        record.setdefault("id", self.question.id)
        record["response"] = self.response
        record["passed"] = self.verdict.passed
        record["reason"] = self.verdict.reason
        record["cause"] = self.verdict.cause
        record["split"] = self.question.split
        record["evidence_ok"] = self.verdict.evidence_ok
        record["seconds"] = round(self.seconds, 4)
        return record


def _plain(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@contextmanager
def corpus_assistant(corpus: Path | list[Path] | None) -> Iterator[Assistant]:
    """The stored assistant, or a temporary store holding just `corpus` (a set and its documents)."""
    paths = [corpus] if isinstance(corpus, Path) else list(corpus or [])
    if not paths:
        yield open_assistant()
        return
    from index.ingest import ingest_paths

    with tempfile.TemporaryDirectory(prefix="budget-qa-eval-") as home:
        own = load_settings()  # the model is rebuilt once, in the user's home, not per temporary store
        settings = Settings(home=Path(home), embed_model=own.embed_model, models_home=own.models_dir)
        assistant = open_assistant(settings)
        failed = [r for r in ingest_paths(paths, assistant.store) if r.error]
        if failed:
            from corpus.errors import BudgetQAError

            raise BudgetQAError("; ".join(r.error or "" for r in failed))
        yield assistant


def run(assistant: Assistant, questions: list[EvalQuestion], progress: bool = True) -> list[Result]:
    from tqdm import tqdm

    from assistant.pipeline import StepTimer

    timer = StepTimer()
    assistant.callbacks.append(timer)
    results = []
    try:
        for q in tqdm(questions, desc="eval", unit="q", disable=not progress):
            start = time.perf_counter()
            try:
                response = json.loads(assistant.ask(q.question, doc=q.doc).to_json())
            except Exception as exc:  # one question's crash fails that question, not the run
                _log.exception("%s: %s", q.id, q.question)
                results.append(Result(q, {"error": f"{type(exc).__name__}: {exc}"},
                                      Verdict(False, f"crashed: {type(exc).__name__}: {exc}", cause="crashed"),
                                      time.perf_counter() - start, timer.take()))
                continue
            results.append(Result(q, response, verdict(q, response), time.perf_counter() - start, timer.take()))
    finally:
        assistant.callbacks.remove(timer)
    return results


def write_results(results: list[Result], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> dict[str, bool]:
    baseline = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            baseline[str(record.get("id"))] = bool(record.get("passed"))
    return baseline
