"""Dense vectors of the passages in chromadb — embedded (PersistentClient, the default) or a chroma server
(`BUDGET_QA_CHROMA_URL`, HttpClient) — with our own embeddings.

chromadb's default embedding function downloads a model, so vectors are always passed in explicitly.
Updates are incremental by content hash: only new passages are embedded, gone ones are deleted.
"""

from __future__ import annotations

import re

from corpus.errors import EmbeddingError
from index.embedder import Embedder
from index.passages import Passage
from index.settings import Settings


class ChromaIndex:
    def __init__(self, settings: Settings, name: str, embedder: Embedder | None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        quiet = ChromaSettings(anonymized_telemetry=False)
        if settings.chroma_url:  # a chroma server (`chroma run`): the same collection, over HTTP
            self._client = _server(settings.chroma_url, quiet)
        else:
            settings.chroma_dir.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=quiet)
        self._collection = self._client.get_or_create_collection(
            "passages-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)[:40], embedding_function=None,
            metadata={"hnsw:space": "cosine"})
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            raise EmbeddingError("this vector index was opened to count, without a model")
        return self._embedder

    def _ids(self, doc_id: str) -> list[str]:
        return self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]

    def count(self, doc_id: str) -> int:
        return len(self._ids(doc_id))

    def update(self, doc_id: str, passages: list[Passage]) -> int:
        """Embed what is new for this document, drop what is gone; returns how many were embedded."""
        stored = set(self._ids(doc_id))
        wanted = {p.passage_id: p for p in passages}
        gone = sorted(stored - set(wanted))
        if gone:
            self._collection.delete(ids=gone)
        new = [p for pid, p in wanted.items() if pid not in stored]
        if new:
            vectors = self.embedder.embed_documents([p.indexed_text for p in new])
            self._collection.add(ids=[p.passage_id for p in new], embeddings=vectors,
                                 documents=[p.text for p in new],
                                 metadatas=[{"doc_id": p.doc_id, "section": " > ".join(p.section_path),
                                             "page": p.page or 0} for p in new])
        return len(new)

    def search(self, question: str, doc_id: str, k: int = 5) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        found = self._collection.query(query_embeddings=[self.embedder.embed_query(question)],
                                       n_results=k, where={"doc_id": doc_id}, include=["distances"])
        return [(pid, 1.0 - dist) for pid, dist in zip(found["ids"][0], found["distances"][0], strict=True)]


def _server(url: str, quiet):
    from urllib.parse import urlsplit

    import chromadb

    parts = urlsplit(url)
    try:
        client = chromadb.HttpClient(host=parts.hostname or "localhost", port=parts.port or 8000,
                                     ssl=parts.scheme == "https", settings=quiet)
        client.heartbeat()
    except (ValueError, OSError) as exc:  # chromadb says "Could not connect to a Chroma server" (ValueError)
        raise EmbeddingError(f"cannot reach the chroma server {url}: {exc}") from exc
    return client
