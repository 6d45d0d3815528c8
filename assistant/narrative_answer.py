"""Why/what questions: quote whole sentences of the 情况说明 (hybrid: with the figure first)."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer import Answer, Citation, abstain
from assistant.exact import Ask, answer_table
from index.settings import Settings
from index.store import RecordStore


class NarrativeAnswerer:
    def __init__(self, store: RecordStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._index = None

    def answer(self, ask: Ask) -> Answer:
        return abstain(ask.raw, "（说明文字检索尚未接入）")

    def hybrid(self, ask: Ask) -> Answer:
        figure = answer_table(ask)
        text = self.answer(ask)
        if figure is None or figure.abstained:
            return text
        if text.abstained:
            return replace(figure, route="hybrid")
        cites: tuple[Citation, ...] = tuple(dict.fromkeys(figure.citations + text.citations))
        return replace(figure, route="hybrid", text=f"{figure.text}{text.text}", citations=cites)
