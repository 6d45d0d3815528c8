"""Load test of the chat page: N concurrent gradio_client clients × M questions, loopback only.

Prints errors (must be 0) and p50/p95 latency. Usage: .venv/bin/python scripts/load_web.py [--clients 50]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["一般公共服务支出是多少", "基本支出占总支出的比例是多少", "项目支出为何减少", "2023年预算是多少",
             "哪个功能分类支出最多", "什么是三公经费", "人员经费和公用经费合计", "2101102是多少",
             "北京市教育局的预算是多少", "机关运行经费主要用于什么"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client_run(url: str, count: int) -> tuple[list[float], int]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    times, errors = [], 0
    for i in range(count):
        start = time.perf_counter()
        try:
            html, _ = client.predict(QUESTIONS[i % len(QUESTIONS)], "", "", api_name="/ask")
            errors += "bq-msg" not in html
        except Exception:
            errors += 1
        times.append(time.perf_counter() - start)
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="load-web-")
    env = {**os.environ, "BUDGET_QA_HOME": home, "GRADIO_ANALYTICS_ENABLED": "False"}
    cli = str(Path(sys.executable).with_name("budget-qa"))
    subprocess.run([cli, "ingest", str(ROOT / "corpus" / "documents")], env=env, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([cli, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):  # wait for the server, bounded
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            runs = list(pool.map(lambda _: client_run(url, args.questions), range(args.clients)))
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    times = sorted(t for ts, _ in runs for t in ts)
    errors = sum(e for _, e in runs)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{args.clients} clients × {args.questions} questions = {len(times)} requests in {wall:.1f} s")
    print(f"errors: {errors}")
    print(f"latency p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
