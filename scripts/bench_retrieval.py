"""Retrieval quality and speed per mode (bm25 / dense / fusion) on the seed's why/what questions.

hit@1 / hit@3: the expected section is among the top 1 / 3 passages. Prints figures only.
Usage: .venv/bin/python scripts/bench_retrieval.py
"""

from __future__ import annotations

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
from assistant.retrieval import DocumentSearch  # noqa: E402
from corpus.parse import parse_file  # noqa: E402
from index.settings import load_settings  # noqa: E402
from tests.assistant.narrative_cases import CASES  # noqa: E402


def main() -> None:
    doc = parse_file(ROOT / "corpus" / "documents" / "shijiazhuang_federation_of_trade_unions_2024_budget.txt")
    engine = DocumentSearch(doc, load_settings())
    start = time.perf_counter()
    engine.dense()
    print(f"dense index build (model load + {len(engine.passages)} passages): "
          f"{time.perf_counter() - start:.1f} s")
    for how in ("bm25", "dense", "fusion"):
        hit1 = hit3 = 0
        times = []
        for question, _route, section, _phrase in CASES:
            q = normalize_question(question)
            t = time.perf_counter()
            hits = engine.search(q, 5, how)
            times.append((time.perf_counter() - t) * 1000)
            paths = [" > ".join(p.section_path) for p, _ in hits]
            hit1 += bool(paths) and section in paths[0]
            hit3 += any(section in p for p in paths[:3])
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        print(f"{how:7} hit@1 {hit1}/{len(CASES)}  hit@3 {hit3}/{len(CASES)}  "
              f"p50 {statistics.median(times):.1f} ms  p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
