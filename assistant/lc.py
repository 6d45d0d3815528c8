"""The langchain face of the assistant: the narrative search as a `BaseRetriever` of whole sentences
that carry citation metadata (built on the pipeline's own PassageRetriever), so users can compose it
with their own chains (the whole assistant is `Assistant.as_runnable()`)."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.quotes import best_sentences, is_relevant
from assistant.retriever import PassageRetriever, passages
from assistant.service import Assistant


class NarrativeRetriever(BaseRetriever):
    """Whole sentences from the 情况说明 of one stored document, best first."""

    assistant: Any
    doc_id: str
    k: int = 3

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        from assistant.qtext import normalize_question

        a: Assistant = self.assistant
        doc = a.disclosure(self.doc_id)
        q = normalize_question(query)
        found = PassageRetriever(indexes=a.narrative._indexes, settings=a.settings, doc=doc)
        hits = passages(found.invoke(q, config={"callbacks": run_manager.get_child()}))
        if not is_relevant(q, hits):
            return []
        return [Document(page_content=quote.sentence,
                         metadata={"doc_id": doc.doc_id, "section": " > ".join(quote.passage.section_path),
                                   "page": quote.passage.page, "quote": quote.sentence, "score": quote.score})
                for quote in best_sentences(q, hits, self.k)]
