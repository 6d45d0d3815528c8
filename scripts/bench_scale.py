"""Scale benchmark: N synthetic disclosures made from the seed (each its own department name and year,
its figures and identities as printed), ingested into a fresh store, then `ask` timed on them.

Prints figures; asserts nothing. Usage:
  .venv/bin/python scripts/bench_scale.py --n 10 100 1000 [--retrieval bm25|fusion]
Records in SQLite (or BUDGET_QA_DATABASE_URL's PostgreSQL), vectors embedded (or BUDGET_QA_CHROMA_URL's).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "documents" / "shijiazhuang_federation_of_trade_unions_2024_budget.txt"
BODY = "石家庄市总工会"
PLACES = ["东城", "西城", "南岗", "北林", "中山", "长宁", "静安", "黄浦", "浦东", "普陀"]
KINDS = ["总工会", "财政局", "教育局", "卫生健康委员会", "交通运输局", "住房和城乡建设局", "民政局", "文化和旅游局"]


def name(i: int) -> str:
    return f"{PLACES[i % len(PLACES)]}区第{i}{KINDS[i % len(KINDS)]}"


def make(folder: Path, n: int) -> list[Path]:
    """N copies of the seed, each under another department name and one of three years."""
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        year = 2022 + i % 3
        shift = {"2024": str(year), "2023": str(year - 1)}  # both at once: 2024→2023 must not become 2022
        body = re.sub(r"202[34]", lambda m, s=shift: s[m.group()], text.replace(BODY, name(i)))
        path = folder / f"bench_{i:04d}_{year}_budget.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def timed(assistant, questions: list[tuple[str, str | None]]) -> tuple[float, float]:
    took = []
    for question, doc in questions:
        start = time.perf_counter()
        assistant.ask(question, doc=doc)
        took.append((time.perf_counter() - start) * 1000)
    return statistics.median(took), pct(took, 0.95)


def run(n: int, work: Path) -> dict[str, float]:
    from assistant.service import open_assistant
    from index.ingest import ingest_paths

    os.environ["BUDGET_QA_HOME"] = str(work / f"home-{n}")
    (work / f"docs-{n}").mkdir(parents=True)
    paths = make(work / f"docs-{n}", n)
    assistant = open_assistant()
    start = time.perf_counter()
    results = ingest_paths(paths, assistant.store)
    ids = [d.doc_id for d in assistant.documents()]
    if os.environ.get("BUDGET_QA_RETRIEVAL") != "bm25":  # with embeddings, as `ingest` embeds them
        from index.vectors import embed_at_ingest

        embed_at_ingest([assistant.disclosure(i) for i in ids], assistant.settings)
    ingest = (time.perf_counter() - start) / n
    failed = sum(1 for r in results if r.error)
    pick = ids[:: max(1, len(ids) // 20)][:20]
    asked = ("一般公共服务支出是多少", "基本支出占支出总计的比例是多少")
    table = timed(assistant, [(q, d) for d in pick for q in asked])
    narrative = timed(assistant, [("项目支出为什么减少", d) for d in pick[:10]])
    across = timed(assistant, [(f"哪个部门{y}年的三公经费最多", None) for y in (2022, 2023)])
    db = Path(os.environ["BUDGET_QA_HOME"]) / "store.sqlite3"
    return {"n": n, "failed": failed, "ingest_s_per_doc": ingest,
            "store_mb": db.stat().st_size / 1e6 if db.exists() else 0,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "table_p50": table[0], "table_p95": table[1], "narrative_p50": narrative[0],
            "narrative_p95": narrative[1], "across_p50": across[0], "across_p95": across[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--retrieval", default=os.environ.get("BUDGET_QA_RETRIEVAL", "bm25"))
    args = parser.parse_args()
    os.environ.update(BUDGET_QA_RETRIEVAL=args.retrieval, HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    print(f"retrieval={args.retrieval}; ms per question (p50/p95); across = 哪个部门…最多 over every stored "
          "disclosure of a year, read from the concepts stored at ingest")
    print("| N | ingest s/doc | store MB | peak RSS MB | table p50/p95 | narrative p50/p95 | across p50/p95 |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bq-scale-") as tmp:
        for n in args.n:
            r = run(n, Path(tmp))
            print(f"| {n} | {r['ingest_s_per_doc']:.2f} | {r['store_mb']:.1f} | {r['peak_rss_mb']:.0f} | "
                  f"{r['table_p50']:.1f}/{r['table_p95']:.1f} | "
                  f"{r['narrative_p50']:.1f}/{r['narrative_p95']:.1f} | "
                  f"{r['across_p50']:.0f}/{r['across_p95']:.0f} |"
                  + (f" ({r['failed']} failed)" if r["failed"] else ""),
                  flush=True)


if __name__ == "__main__":
    main()
