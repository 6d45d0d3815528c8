"""A chat's follow-ups (那去年呢？ / 那公用经费呢？ / 为什么？): read together with the turn before, as one
compound question the query plan already understands (项目支出是多少？那去年呢？), on the previous turn's
document; only the new question's parts are answered. A question that names its own thing stands alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Answer
from assistant.compose import joined
from assistant.service import Assistant

# said as a continuation: 那…/还有… at the start, …呢 at the end
_CONTINUES = re.compile(r"^(?:那么?|那它|它|还有|另外|再问一下)|呢[？?。！!]*$")


@dataclass(frozen=True)
class Turn:
    """What a follow-up is read against: the question asked, the document answered from, its parts."""

    question: str
    doc_id: str | None
    parts: int


def follows(question: str) -> bool:
    """Whether a question leans on the turn before: said as a continuation, or naming nothing itself."""
    from assistant.parse import parse

    if _CONTINUES.search(question.strip()):
        return True
    return not any(r.role != "container" for p in parse(question).parts for r in p.refs)


def turn_of(question: str, answer: Answer) -> Turn:
    doc = next((c.doc_id for c in answer.citations), None)
    return Turn(question, doc, max(1, len(answer.parts)))


def ask_after(assistant: Assistant, question: str, doc: str | None, previous: Turn | None) -> tuple[Answer, Turn]:
    """The answer to `question` in a conversation, and the turn it leaves for the next follow-up."""
    question = question.strip()
    if previous is not None and follows(question):
        said = previous.question.rstrip("？?。!！ ")
        together = assistant.ask(f"{said}？{question}", doc=previous.doc_id or doc)
        if len(together.parts) > previous.parts:
            answer = joined(question, together.parts[previous.parts:], together.plan)
            return answer, Turn(f"{said}？{question}", previous.doc_id or doc, len(together.parts))
    doc = doc or _stays_in(assistant, question, previous)
    answer = assistant.ask(question, doc=doc)
    return answer, turn_of(question, answer)


def _stays_in(assistant: Assistant, question: str, previous: Turn | None) -> str | None:
    """A new question naming no body of its own (什么是三公经费) stays with the document talked about."""
    if previous is None or previous.doc_id is None:
        return None
    _, scope = assistant.scope_of(question, assistant.documents())
    return previous.doc_id if len(scope.docs) > 1 and not scope.problem else None
