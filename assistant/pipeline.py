"""The answer pipeline as a langchain-core runnable sequence: parse → plan → retrieve/compute → compose.

Each step is a named `RunnableLambda`, so any langchain callback sees it; `StepTimer` records how long
each step took (the eval report prints its p50/p95 per step).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answer import Answer
from corpus.records import Disclosure

STEPS = ("parse", "plan", "retrieve_compute", "compose", "rephrase")


@dataclass(frozen=True)
class Work:
    """What flows from step to step: the question, its document, and what each step made of it."""
    raw: str
    q: str
    doc: Disclosure
    earlier: Disclosure | None = None  # the same body's disclosure of the year before, when stored
    query: Any = None  # parse.Query
    planned: tuple = ()  # plan.Planned per part
    answers: tuple = ()  # (what was understood, Answer) per part


def _parse(work: Work) -> Work:
    from assistant.link import doc_names
    from assistant.parse import parse

    return replace(work, query=parse(work.q, doc_names(work.doc)))


def _plan(work: Work) -> Work:
    planned = _planned(work)
    return _respelled(planned) if _unread(planned) else planned


def _planned(work: Work) -> Work:
    from assistant.plan import plan

    return replace(work, planned=tuple(plan(part, work.doc, work.raw) for part in work.query.parts))


def _unread(work: Work) -> bool:
    """Some operand named nothing the document holds."""
    return any(not r.candidates for p in work.planned for r in p.operands)


def _respelled(work: Work) -> Work:
    """办工费 typed for 办公费: when a name is not found, the question read with its homophone slips
    corrected (the understanding then shows the document's name); unchanged when none is found."""
    from assistant.homophones import correct
    from assistant.link import vocabulary

    q, fixed = correct(work.q, vocabulary(work.doc).names)
    if fixed:
        return _planned(_parse(replace(work, q=q)))
    return _in_its_words(work)


def _in_its_words(work: Work) -> Work:
    """扶持中小企业 for 支持中小企业, 小区 for 社区: a name not found, read again in the words the documents
    use for the everyday ones (the ontology's said_as) — kept only when every name is then found."""
    from corpus.ontology import ontology

    q = ontology().in_document_words(work.q)
    if q == work.q:
        return work
    again = _planned(_parse(replace(work, q=q)))
    same_ops = [p.part.op for p in again.planned] == [p.part.op for p in work.planned]
    return again if same_ops and not _unread(again) else work  # the same question, its names now found


def _compose(work: Work) -> Answer:
    from assistant.compose import combine

    parts = tuple(p.part for p in work.planned)  # as planned: 2023年…是多少 is last year's figure
    return combine(work.raw, replace(work.query, parts=parts), list(work.answers))


def build(narrative: Any, llm: Any = None) -> Runnable:
    """The sequence for one assistant; `narrative` (a callable) gives its narrative answerer lazily;
    `llm`, a chat model, adds a guarded rewording step (assistant/rephrase.py)."""
    from assistant.across_years import from_earlier
    from assistant.execute import Context, execute
    from assistant.explain import understood

    def run(work: Work) -> Work:
        context = Context(narrative())
        return replace(work, answers=tuple(from_earlier(work, p, context) or (understood(p), execute(p, context))
                                           for p in work.planned))

    sequence = (RunnableLambda(_parse, name="parse") | RunnableLambda(_plan, name="plan")
                | RunnableLambda(run, name="retrieve_compute") | RunnableLambda(_compose, name="compose"))
    if llm is None:
        return sequence
    from assistant.rephrase import rephrase

    return sequence | RunnableLambda(lambda answer: rephrase(answer, llm), name="rephrase")


@dataclass
class StepTimer(BaseCallbackHandler):
    """Milliseconds per pipeline step, one list per step name."""
    times: dict[str, list[float]] = field(default_factory=dict)
    _started: dict[UUID, tuple[str, float]] = field(default_factory=dict)

    def on_chain_start(self, serialized: Any, inputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        name = kwargs.get("name") or ""
        if name in STEPS:
            self._started[run_id] = (name, time.perf_counter())

    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        started = self._started.pop(run_id, None)
        if started is not None:
            self.times.setdefault(started[0], []).append((time.perf_counter() - started[1]) * 1000)

    def on_chain_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self._started.pop(run_id, None)

    def take(self) -> dict[str, float]:
        """The last question's step times (ms), and forget them."""
        last = {name: values[-1] for name, values in self.times.items() if values}
        self.times.clear()
        return last
