"""When narrative search should answer and when it should abstain, measured on fusion's signals.

Answerable: every narrative question of scripts/bench_retrieval.py (sets, seed cases, the blind
paraphrases); the gate should open when the evidence passage is among the passages it reads, and close
when it is not (quoting the wrong passage is worse than saying nothing). Unanswerable: every question the
sets and blind sets mark unanswerable that the parser sends to the 说明 (why/what/依据 …), and the blind
why/what questions the 说明 leaves open (evals/paraphrase/unanswerable.jsonl). Signals: the best
BM25 score, the best dense cosine, and the key-term coverage the gate already reads. Thresholds are chosen
on the dev split (by id) and reported on the test split. Prints figures only.
Usage: .venv/bin/python scripts/bench_abstention.py
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_retrieval import doc_files, questions, rank_of  # noqa: E402

from assistant.parse import parse  # noqa: E402
from assistant.qtext import normalize_question  # noqa: E402
from assistant.query import TEXT_OPS  # noqa: E402
from assistant.quotes import MIN_COVERAGE, MIN_SCORE, RELEVANCE_DEPTH, coverage, key_terms  # noqa: E402
from assistant.retrieval import search  # noqa: E402
from assistant.scoping import strip_department  # noqa: E402
from corpus.parse import parse_file  # noqa: E402
from evals.questions import split_of  # noqa: E402
from index.settings import load_settings  # noqa: E402


def unanswerable() -> list[tuple[str, str, str]]:
    """(split, doc id, question) of unanswerable questions the parser sends to the 说明."""
    found = []
    written = ROOT / "evals" / "paraphrase" / "unanswerable.jsonl"  # why/what questions the 说明 leaves open
    for path in sorted((ROOT / "evals").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            q = json.loads(line) if line.strip() else None
            if q and q.get("type") == "unanswerable" and q.get("doc") and \
                    (path == written or any(p.op in TEXT_OPS for p in parse(q["question"]).parts)):
                found.append((split_of(q.get("id") or q["question"]), q["doc"], q["question"]))
    return found


def signals(indexes, settings, doc, question: str) -> tuple[float, float, float, list]:
    q = strip_department(normalize_question(question), doc.department)
    hits = search(indexes, settings, doc, q, 5, "fusion")
    engine = indexes[(doc.doc_id, doc.sha256)]
    dense = engine.dense().search(q, doc.doc_id, 1)
    terms = key_terms(q)
    text = lambda p: re.sub(r"[“”\"']", "", p.indexed_text)  # noqa: E731
    cov = max((coverage(terms, text(p)) for p, _ in hits[:RELEVANCE_DEPTH]), default=0.0) if terms else 0.0
    return (hits[0][1] if hits else 0.0), (dense[0][1] if dense else 0.0), cov, hits


def main() -> None:
    files, settings, docs, indexes = doc_files(), load_settings(), {}, {}
    rows = []  # (split, should open, bm25, cosine, coverage)
    for group, doc_id, question, evidence in questions():
        if doc_id not in files:
            continue
        doc = docs.setdefault(doc_id, parse_file(files[doc_id]))
        bm25, cos, cov, hits = signals(indexes, settings, doc, question)
        found = rank_of(hits[:RELEVANCE_DEPTH], evidence) is not None
        rows.append(("test" if group.endswith("test") else "dev", found, bm25, cos, cov))
    negatives = 0
    for split, doc_id, question in unanswerable():
        if doc_id not in files:
            continue
        doc = docs.setdefault(doc_id, parse_file(files[doc_id]))
        bm25, cos, cov, _ = signals(indexes, settings, doc, question)
        rows.append((split, False, bm25, cos, cov))
        negatives += 1
    print(f"{len(rows) - negatives} answerable, {negatives} unanswerable questions")

    def score(split: str, gate) -> tuple[float, int, int]:
        picked = [r for r in rows if r[0] == split]
        right = sum(gate(*r[2:]) == r[1] for r in picked)
        wrong_open = sum(gate(*r[2:]) and not r[1] for r in picked)
        return right / len(picked), wrong_open, len(picked)

    def current(b, c, v):
        return b >= MIN_SCORE and v >= MIN_COVERAGE

    best = max(((b, d, c) for b, d, c in itertools.product((1.0, 1.5, 2.0, 3.0, 99.0), (0.80, 0.83, 0.85, 0.87,
                                                                                         0.89, 99.0),
                                                               (0.4, 0.5, 0.6, 0.7))),
               key=lambda t: score("dev", lambda b, c, v, t=t: (b >= t[0] or c >= t[1]) and v >= t[2])[0])
    fused = lambda b, c, v: (b >= best[0] or c >= best[1]) and v >= best[2]  # noqa: E731
    print(f"{'gate':44} {'split':5} {'n':>4} {'accuracy':>9} {'opened wrongly':>15}")
    for name, gate in ((f"BM25 >= {MIN_SCORE} and coverage >= {MIN_COVERAGE} (today)", current),
                       (f"(BM25 >= {best[0]} or cosine >= {best[1]}) and coverage >= {best[2]}", fused)):
        for split in ("dev", "test"):
            acc, wrong, n = score(split, gate)
            print(f"{name:44} {split:5} {n:4} {acc:9.3f} {wrong:15}")


if __name__ == "__main__":
    main()
