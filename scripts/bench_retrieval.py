"""Retrieval quality and speed per mode (bm25 / dense / fusion) on every narrative question.

Questions: the narrative questions of evals/sets/*.jsonl, the seed's why/what cases, and the blind
paraphrases (evals/paraphrase/narrative.jsonl: each narrative question asked three other ways, written
before retrieval was tuned; its dev and test splits are reported apart). The evidence passage is the one
holding the question's evidence string (else all its must_include phrases). recall@1 / recall@3: the
evidence passage is among the top 1 / 3; MRR over the top 10. Prints figures only.
Usage: .venv/bin/python scripts/bench_retrieval.py [--modes bm25,dense,fusion]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("BUDGET_QA_HOME", tempfile.mkdtemp(prefix="bench-retrieval-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.qtext import normalize_question  # noqa: E402
from assistant.retrieval import search  # noqa: E402
from assistant.scoping import strip_department  # noqa: E402
from corpus.parse import parse_file  # noqa: E402
from evals.questions import split_of  # noqa: E402
from index.settings import load_settings  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"
SEED_ID = "shijiazhuang_federation_of_trade_unions_2024_budget"


def doc_files() -> dict[str, Path]:
    files = {p.stem: p for p in (ROOT / "corpus" / "documents").glob("*.txt")}
    files |= {p.stem: p for p in (SAMPLES / "text").glob("*.txt")}
    for folder in ("pdf", "unit-budgets"):
        files |= {f"{p.stem}-pdf": p for p in (SAMPLES / folder).glob("*.pdf")}
    return files


def compact(text: str) -> str:
    return "".join(text.split())


def questions() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(group, doc id, question, evidence strings: all must be in the evidence passage)."""
    found = []
    for path in sorted((ROOT / "evals" / "sets").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            q = json.loads(line) if line.strip() else None
            if q and q.get("type") == "narrative" and q.get("must_include") and q.get("doc"):
                found.append(("sets", q["doc"], q["question"], tuple(q["must_include"])))
    from tests.assistant.narrative_cases import CASES

    found += [("seed cases", SEED_ID, question, (phrase,)) for question, _route, _sec, phrase in CASES]
    para = ROOT / "evals" / "paraphrase" / "narrative.jsonl"
    if para.exists():
        for line in para.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                evidence = (q["evidence"],) if q.get("evidence") else tuple(q["must_include"])
                found.append((f"paraphrase {split_of(q['id'])}", q["doc"], q["question"], evidence))
    return found


def rank_of(hits, evidence: tuple[str, ...]) -> int | None:
    for rank, (passage, _score) in enumerate(hits, 1):
        text = compact(passage.text)
        if all(compact(e) in text for e in evidence):
            return rank
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--modes", default="bm25,dense,fusion")
    args = parser.parse_args()
    files, settings, docs, indexes = doc_files(), load_settings(), {}, {}
    cases = [c for c in questions() if c[1] in files]
    for _g, doc_id, _q, _e in cases:
        if doc_id not in docs:
            docs[doc_id] = parse_file(files[doc_id])
    start = time.perf_counter()
    for doc in docs.values():  # warm: model load and every passage embedded, as ingest does
        search(indexes, settings, doc, "说明", 1, "dense")
    print(f"{len(cases)} questions on {len(docs)} documents; dense warm-up {time.perf_counter() - start:.1f} s")
    groups = sorted({c[0] for c in cases})
    print(f"{'mode':7} {'group':16} {'n':>4} {'recall@1':>9} {'recall@3':>9} {'MRR':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for how in args.modes.split(","):
        for group in groups:
            ranks, times = [], []
            for _g, doc_id, question, evidence in (c for c in cases if c[0] == group):
                doc = docs[doc_id]
                q = strip_department(normalize_question(question), doc.department)
                t = time.perf_counter()
                hits = search(indexes, settings, doc, q, 10, how)
                times.append((time.perf_counter() - t) * 1000)
                ranks.append(rank_of(hits, evidence))
            n = len(ranks)
            r1 = sum(r == 1 for r in ranks) / n
            r3 = sum(r is not None and r <= 3 for r in ranks) / n
            mrr = sum(1 / r for r in ranks if r) / n
            p95 = sorted(times)[int(0.95 * (n - 1))]
            print(f"{how:7} {group:16} {n:4} {r1:9.3f} {r3:9.3f} {mrr:6.3f} "
                  f"{statistics.median(times):7.1f} {p95:7.1f}")


if __name__ == "__main__":
    main()
