"""Optional: a chat model the user configures (BUDGET_QA_LLM) rewords a composed answer more naturally.

It is never the source of a figure: a rewording is kept only if every number in it is one the answer
already states, cites or computed; otherwise the composed text stands. Off unless BUDGET_QA_LLM is set:
  openai:MODEL@BASE_URL   an OpenAI-compatible endpoint (pip install langchain-openai)
  ollama:MODEL            a local Ollama model (pip install langchain-ollama)
  package.module:factory  any callable returning a langchain chat model
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import replace
from typing import Any

from assistant.answer import Answer
from assistant.checks import allowed_numbers, numbers_in
from corpus.errors import ConfigError

logger = logging.getLogger(__name__)
PROMPT = ("请把下面这段关于政府部门预算的回答改写得更通顺易懂。不得增加、删除或改动任何数字，"
          "不得加入原文没有的信息；只输出改写后的回答。\n\n{text}")


def configured_model() -> Any | None:
    """The chat model BUDGET_QA_LLM names, or None when it is not set."""
    spec = (os.environ.get("BUDGET_QA_LLM") or "").strip()
    if not spec:
        return None
    kind, _, rest = spec.partition(":")
    try:
        if kind == "openai":
            model, _, base = rest.partition("@")
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(model=model, base_url=base or None, temperature=0)
        if kind == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(model=rest, temperature=0)
        return getattr(importlib.import_module(kind), rest)()
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise ConfigError(f"BUDGET_QA_LLM={spec!r} cannot be used: {exc}") from exc


def rephrase(answer: Answer, model: Any) -> Answer:
    """The model's rewording when its numbers are all the answer's own; else the answer unchanged."""
    if answer.abstained or not answer.text or model is None:
        return answer
    reply = model.invoke(PROMPT.format(text=answer.text))
    text = str(getattr(reply, "content", reply)).strip()
    allowed = {n.normalize() for n in allowed_numbers(answer) | numbers_in(answer.text)}
    stray = {n for n in numbers_in(text) if n.normalize() not in allowed}
    if not text or stray:
        logger.info("rewording rejected: numbers not in the answer: %s", sorted(stray))
        return answer
    return replace(answer, text=text)
