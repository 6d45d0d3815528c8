"""The narrow interface between the assistant and the dense vectors of the passages (chromadb is the
default and only backend), and the ingest step that fills it. chromadb and the model load lazily."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from corpus.records import Disclosure
from index.passages import Passage, disclosure_passages
from index.settings import Settings

MODES = ("bm25", "dense", "fusion")


class VectorIndex(Protocol):
    def update(self, doc_id: str, passages: list[Passage]) -> int:
        """Embed what is new for the document, drop what is gone; returns how many were embedded."""
        ...

    def search(self, question: str, doc_id: str, k: int = 5) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        ...

    def count(self, doc_id: str) -> int:
        """How many passages of the document are stored."""
        ...


def retrieval_mode() -> str:
    """BUDGET_QA_RETRIEVAL: bm25 | dense | fusion (the default: scripts/bench_retrieval.py)."""
    how = os.environ.get("BUDGET_QA_RETRIEVAL") or "fusion"
    return how if how in MODES else "fusion"


def embedder_name(settings: Settings) -> str:
    """The model's name without loading it: it names the collection."""
    from index.e5_convert import MODEL_NAME

    return Path(settings.embed_model).name or settings.embed_model if settings.embed_model else MODEL_NAME


def open_vector_index(settings: Settings, with_model: bool = True) -> VectorIndex:
    """The chromadb index under BUDGET_QA_HOME; without the model it can only count."""
    from index.chroma_index import ChromaIndex

    embedder = None
    if with_model:
        from index.embedder import load_embedder

        embedder = load_embedder(settings)
    return ChromaIndex(settings, embedder_name(settings), embedder)


def embed_at_ingest(docs: list[Disclosure], settings: Settings) -> dict[str, int]:
    """Every passage of each landed document in the vector index (none when retrieval is bm25 only);
    returns the passages now stored per document."""
    if retrieval_mode() == "bm25" or not docs:
        return {}
    index = open_vector_index(settings)
    for doc in docs:
        index.update(doc.doc_id, disclosure_passages(doc))
    return {doc.doc_id: index.count(doc.doc_id) for doc in docs}


def embedded_counts(settings: Settings, doc_ids: list[str]) -> dict[str, int]:
    """Passages stored per document; 0 for all when nothing was ever embedded (chromadb not opened)."""
    if not settings.chroma_dir.exists():
        return dict.fromkeys(doc_ids, 0)
    index = open_vector_index(settings, with_model=False)
    return {doc_id: index.count(doc_id) for doc_id in doc_ids}


def forget(settings: Settings, doc_id: str) -> None:
    """A removed document's passages leave the vector index too (nothing to do when none was built)."""
    if settings.chroma_dir.exists():
        open_vector_index(settings, with_model=False).update(doc_id, [])
