"""Narrative search for one document: BM25 over its passages, plus the section the question names."""

from __future__ import annotations

from corpus.records import Disclosure
from index.passages import BM25Index, Passage, disclosure_passages
from index.settings import Settings


def search(indexes: dict, settings: Settings, doc: Disclosure, question: str,
           k: int = 5) -> list[tuple[Passage, float]]:
    key = (doc.doc_id, doc.sha256)
    if key not in indexes:
        indexes[key] = BM25Index(disclosure_passages(doc))
    index: BM25Index = indexes[key]
    hits = index.search(question, k)
    named = named_section(index.passages, question)
    if named is not None and hits and named not in [p for p, _ in hits]:
        hits = [(named, hits[0][1]), *hits[: k - 1]]  # long lead paragraphs score low in BM25
    return hits


def named_section(passages: list[Passage], question: str) -> Passage | None:
    """The first passage of the deepest-titled section whose whole title the question contains."""
    best: tuple[int, Passage] | None = None
    for passage in passages:
        for depth, title in enumerate(passage.section_path):
            if len(title) >= 4 and title in question and (best is None or depth > best[0]):
                best = (depth, passage)
    return best[1] if best else None
