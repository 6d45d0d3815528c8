"""Narrative search for one document: BM25 and dense rankings fused (reciprocal rank fusion), plus the
section the question names. `BUDGET_QA_RETRIEVAL` picks bm25 | dense | fusion."""

from __future__ import annotations

from assistant.quotes import quoted_passage
from corpus.records import Disclosure
from index.passages import BM25Index, Passage, disclosure_passages
from index.settings import Settings
from index.vectors import retrieval_mode as mode

RRF_K = 2  # chosen on the paraphrase dev split (scripts/bench_retrieval.py)


class DocumentSearch:
    """BM25 over a document's passages, and its dense vectors when a mode needs them."""

    def __init__(self, doc: Disclosure, settings: Settings) -> None:
        self.doc, self.settings = doc, settings
        self.passages = disclosure_passages(doc)
        self.by_id = {p.passage_id: p for p in self.passages}
        self.bm25 = BM25Index(self.passages)
        self._dense = None

    def dense(self):
        if self._dense is None:
            from index.vectors import open_vector_index

            self._dense = open_vector_index(self.settings)
            self._dense.update(self.doc.doc_id, self.passages)
        return self._dense

    def search(self, question: str, k: int = 5, how: str | None = None) -> list[tuple[Passage, float]]:
        how = how or mode()
        lexical = self.bm25.search(question, k * 2)
        if how == "bm25":
            return lexical[:k]
        dense = [(self.by_id[pid], score) for pid, score in self.dense().search(question, self.doc.doc_id, k * 2)
                 if pid in self.by_id]
        if how == "dense":  # abstention is calibrated on BM25 scores: keep the best one as the score
            top = lexical[0][1] if lexical else 0.0
            return [(p, top) for p, _ in dense[:k]]
        fused = fuse(lexical, dense)[:k]
        kept = {p.passage_id for p, _ in fused}  # the lexical evidence abstention reads stays in view
        return fused + [(p, s) for p, s in lexical[:3] if p.passage_id not in kept]


def fuse(*rankings: list[tuple[Passage, float]]) -> list[tuple[Passage, float]]:
    """Reciprocal rank fusion; the best BM25 score is kept as the score (it drives abstention)."""
    scores: dict[str, float] = {}
    best: dict[str, tuple[Passage, float]] = {}
    for ranking in rankings:
        for rank, (passage, score) in enumerate(ranking):
            scores[passage.passage_id] = scores.get(passage.passage_id, 0.0) + 1 / (RRF_K + rank + 1)
            best.setdefault(passage.passage_id, (passage, score))
    top = rankings[0][0][1] if rankings and rankings[0] else 0.0
    ordered = sorted(scores, key=scores.get, reverse=True)
    return [(best[pid][0], top) for pid in ordered]


def search(indexes: dict, settings: Settings, doc: Disclosure, question: str,
           k: int = 5, how: str | None = None) -> list[tuple[Passage, float]]:
    key = (doc.doc_id, doc.sha256)
    if key not in indexes:
        indexes[key] = DocumentSearch(doc, settings)
    engine: DocumentSearch = indexes[key]
    hits = engine.search(question, k, how)
    named = named_section(engine.passages, question)
    if named is not None and hits and named not in [p for p, _ in hits]:
        hits = [(named, hits[0][1]), *hits[: k - 1]]  # long lead paragraphs score low in BM25
    quoted = quoted_passage(engine.passages, question)
    if quoted is not None and hits and quoted not in [p for p, _ in hits]:
        hits = [(quoted, hits[0][1]), *hits[: k - 1]]  # 为什么设计成东高西低: the words it quotes
    return hits


def named_section(passages: list[Passage], question: str) -> Passage | None:
    """The first passage of the deepest-titled section whose whole title the question contains."""
    best: tuple[int, Passage] | None = None
    for passage in passages:
        for depth, title in enumerate(passage.section_path):
            if len(title) >= 4 and title in question and (best is None or depth > best[0]):
                best = (depth, passage)
    return best[1] if best else None
