"""Why/what questions: quote whole sentences of the 情况说明; hybrid answers put the figure first."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer import Answer, Citation, Figure, abstain
from assistant.checks import numbers_in
from assistant.compute import fmt
from assistant.exact import Ask
from assistant.scoping import strip_department
from assistant.textfacts import stated_changes
from index.bounded import Bounded
from index.settings import Settings
from index.store import RecordStore

MAX_QUOTES = 3


def asks_figure(q: str) -> bool:
    return any(w in q for w in ("多少", "几", "金额", "数额", "人数", "数量", "面积")) and not any(
        w in q for w in ("为什么", "为何", "原因", "什么是", "用于"))


class NarrativeAnswerer:
    """Keeps a passage index per stored document, built on first use."""

    def __init__(self, store: RecordStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._indexes: Bounded[tuple[str, str], object] = Bounded()

    def search(self, ask: Ask, k: int = 5):
        from assistant.retriever import PassageRetriever, passages

        retriever = PassageRetriever(indexes=self._indexes, settings=self.settings, doc=ask.doc, k=k)
        return passages(retriever.invoke(ask.q))

    def answer(self, ask: Ask) -> Answer:
        from assistant.duties import answer_duties
        from assistant.quotes import best_sentences, is_relevant, key_terms, states_figure

        ask = replace(ask, q=strip_department(ask.q, ask.doc.department))
        listed = answer_duties(ask.doc, ask.raw, ask.q, key_terms(ask.q))
        if listed is not None:
            return listed
        hits = self.search(ask)
        if not is_relevant(ask.q, hits) and _canonical(ask):  # 项目经费 → try 项目支出 too
            ask = replace(ask, q=ask.q + _canonical(ask))
            hits = self.search(ask)
        if not is_relevant(ask.q, hits):
            return abstain(ask.raw, f"{ask.doc.department}{ask.doc.year}年{ask.doc.kind_name}的说明中没有找到"
                                    "与这个问题相关的内容。")
        from assistant.retrieval import named_section

        lead = named_section([p for p, _ in hits], ask.q)
        quotes = best_sentences(ask.q, hits, MAX_QUOTES, lead if lead is hits[0][0] else None)
        if not quotes:
            return abstain(ask.raw, "说明中没有找到可以直接回答的句子。")
        if asks_figure(ask.q) and not states_figure(ask.q, quotes):
            return abstain(ask.raw, f"{ask.doc.department}{ask.doc.year}年{ask.doc.kind_name}的表格和说明都没有"
                                    "列出这个数字。")
        citations = tuple(Citation(ask.doc.doc_id, "text", q.passage.page,
                                   section=" > ".join(q.passage.section_path), quote=q.sentence)
                          for q in quotes)
        text = "据说明：" + "".join(f"“{q.sentence}”" for q in quotes)
        from assistant.answers_kind import deferred

        return deferred(Answer(question=ask.raw, route="narrative", text=text, citations=citations,
                               values=_quoted_figures(quotes)), ask.doc)


def _canonical(ask: Ask) -> str:
    """项目经费 → also search 项目支出: the standard names linking found for the question's words."""
    names = [t.name for m in ask.mentions for t in m.targets[:1] if t.name not in ask.q]
    return " ".join(names)


def _quoted_figures(quotes) -> tuple[Figure, ...]:
    """Every amount a quote states, so `values` lists the figures the text carries."""
    figures = []
    for quote in quotes:
        for number in sorted(numbers_in(quote.sentence)):
            figures.append(Figure(quote.passage.title, number, ""))
    return tuple(figures)


def with_stated_change(ask: Ask, figure: Answer) -> Answer:
    """项目支出433.00万元 → add 比上年减少79.9万元 when the question asks why it changed."""
    changes = stated_changes(ask.doc)
    if any(c.kind == "text" for c in figure.citations):
        return figure  # the figure already is the stated change
    if not any(w in ask.q for w in ("减少", "增加", "下降", "增长", "变化")):
        return figure
    names = [t.name for m in ask.mentions for t in m.targets] or ["支出总计"]
    for name in names:
        change = changes.get(name)
        if change is None:
            continue
        word = "增加" if change.increased else "减少"
        amount = change.amount
        said = f"与{change.prior_year}年持平" if amount.value == 0 else \
            f"比{change.prior_year}年{word}{fmt(amount.value)}{amount.unit}"
        text = figure.text.rstrip("。") + f"，{said}。"
        return replace(figure, text=text, citations=(*figure.citations, amount.citation),
                       values=(*figure.values, Figure(amount.label, amount.value, amount.unit)))
    return figure
