"""The narrow interface every embedding backend implements (one adapter file per backend)."""

from __future__ import annotations

from typing import Protocol


class Embedder(Protocol):
    name: str  # identifies the model; part of the vector index's identity
    dimension: int

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Vectors for passages (normalized)."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """Vector for one question (normalized)."""
        ...


def load_embedder(settings) -> Embedder:
    """The one place a backend is picked (sentence-transformers is the default and only one today)."""
    from index.st_embedder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(settings)
