"""Benchmark `budget-qa ask`: cold start per route (fresh processes) and warm latency p50/p95.

Prints figures; it asserts nothing (speed is measured here, not in timed tests).
Usage: .venv/bin/python scripts/bench_ask.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).with_name("budget-qa"))
ROUTE_QUESTIONS = {
    "lookup": ["一般公共服务支出是多少", "2101102是多少", "人员经费是多少", "三公经费是多少"],
    "arithmetic": ["基本支出占总支出的比例是多少", "人员经费和公用经费合计是多少",
                   "2023年预算是多少", "哪个功能分类支出最多"],
    "narrative": ["机关运行经费主要用于什么", "什么是三公经费", "人民会堂是什么单位"],
    "hybrid": ["项目支出为何减少", "三公经费为什么是零"],
    "unanswerable": ["北京市教育局2024年预算是多少", "2025年预算是多少"],
}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cold(question: str, runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([CLI, "ask", question], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="bench-ask-")
    env = {**os.environ, "BUDGET_QA_HOME": home, "HF_HUB_OFFLINE": "1"}
    subprocess.run([CLI, "ingest", str(ROOT / "corpus" / "documents")], env=env, check=True,
                   capture_output=True)
    table = cold(ROUTE_QUESTIONS["lookup"][0], args.runs, env)
    print(f"cold start, table question: median {statistics.median(table):.3f} s, "
          f"max {max(table):.3f} s over {args.runs} runs (target < 1.5 s)")
    narrative = cold(ROUTE_QUESTIONS["narrative"][0], 1, env) + cold(
        ROUTE_QUESTIONS["narrative"][0], max(1, args.runs - 1), env)
    print(f"cold start, narrative question: first {narrative[0]:.3f} s (builds the index), "
          f"then median {statistics.median(narrative[1:]):.3f} s")

    os.environ["BUDGET_QA_HOME"] = home
    from assistant.service import open_assistant

    assistant = open_assistant()
    for route, questions in ROUTE_QUESTIONS.items():
        assistant.ask(questions[0])  # warm the route once
        times = []
        for _ in range(args.runs):
            for question in questions:
                start = time.perf_counter()
                assistant.ask(question)
                times.append((time.perf_counter() - start) * 1000)
        print(f"warm {route:12} p50 {pct(times, 0.5):7.1f} ms  p95 {pct(times, 0.95):7.1f} ms "
              f"(n={len(times)})")


if __name__ == "__main__":
    main()
