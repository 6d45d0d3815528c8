"""Narrative search for one document: BM25 over its passages (dense fusion when enabled)."""

from __future__ import annotations

from corpus.records import Disclosure
from index.passages import BM25Index, Passage, disclosure_passages
from index.settings import Settings


def search(indexes: dict, settings: Settings, doc: Disclosure, question: str,
           k: int = 5) -> list[tuple[Passage, float]]:
    key = (doc.doc_id, doc.sha256)
    if key not in indexes:
        indexes[key] = BM25Index(disclosure_passages(doc))
    return indexes[key].search(question, k)
