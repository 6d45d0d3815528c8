"""The narrative search as a langchain `BaseRetriever`: the pipeline's own retrieve step goes through it,
so callbacks see each retrieval, and users can compose it with their own chains."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.retrieval import search


class PassageRetriever(BaseRetriever):
    """Passages of one document's 情况说明, best first (fused BM25 + dense by default)."""

    indexes: Any  # the answerer's per-document search engines, built on first use
    settings: Any
    doc: Any  # corpus.records.Disclosure
    k: int = 5

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [Document(page_content=passage.text,
                         metadata={"doc_id": passage.doc_id, "section": " > ".join(passage.section_path),
                                   "page": passage.page, "score": score, "passage": passage})
                for passage, score in search(self.indexes, self.settings, self.doc, query, self.k)]


def passages(found: list[Document]) -> list[tuple[Any, float]]:
    """Back to (Passage, score) pairs."""
    return [(d.metadata["passage"], d.metadata["score"]) for d in found]
