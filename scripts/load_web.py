"""Load benchmark of the public page (printed figures, not a test), on loopback, behind the route guard.

1. 50 clients × 10 questions through the page (gradio_client, each its own conversation and its own
   client address — the bench stands as the trusted proxy that says whom it forwards for);
   every answer is compared with the one the same sequence gets from an unloaded server.
2. A flood: one client fires questions at the JSON API as fast as 8 connections allow while 10 others
   ask 5 each; the flooder should be slowed (429) and the others served.
Prints requests, errors, answers differing from unloaded, p50/p95/max latency, 429s, and the server's
RSS before and after. The temporary store is removed afterwards.

Usage: .venv/bin/python scripts/load_web.py [--clients 50] [--questions 10] [--flood 300]
"""

from __future__ import annotations

import argparse
import os
import shutil
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


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def page_client(url: str, address: str, count: int) -> tuple[list[float], list[str], int]:
    """One conversation on the page: (latencies, the chat after each turn, errors)."""
    from gradio_client import Client

    client = Client(url, verbose=False, headers={"X-Forwarded-For": address}, download_files=False,
                    analytics_enabled=False)
    times, chats, errors = [], [], 0
    for i in range(count):
        start = time.perf_counter()
        try:
            chat, _ = client.predict(QUESTIONS[i % len(QUESTIONS)], "", api_name="/ask")
            chats.append(chat)
        except Exception as err:  # any failure of a request is what is counted
            errors += 1
            chats.append(f"error: {err}")
        times.append(time.perf_counter() - start)
    return times, chats, errors


def api_ask(url: str, address: str, question: str) -> tuple[float, int]:
    import httpx

    start = time.perf_counter()
    try:
        reply = httpx.post(url + "api/ask", json={"question": question}, timeout=120,
                           headers={"X-Forwarded-For": address})
        status = reply.status_code
    except httpx.HTTPError:
        status = 0
    return time.perf_counter() - start, status


def percentiles(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return (f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {times[-1] * 1000:.0f} ms")


def start_server(home: str) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "BUDGET_QA_HOME": home, "GRADIO_ANALYTICS_ENABLED": "False",
           "BUDGET_QA_TRUSTED_PROXIES": "127.0.0.1"}
    cli = str(Path(sys.executable).with_name("budget-qa"))
    subprocess.run([cli, "ingest", str(ROOT / "corpus" / "documents")], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([cli, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(240):  # wait for the server, bounded
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    return server, f"http://127.0.0.1:{port}/"


def many_clients(url: str, clients: int, questions: int, expected: list[str]) -> None:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        runs = list(pool.map(lambda i: page_client(url, f"10.0.{i // 250}.{i % 250 + 1}", questions),
                             range(clients)))
    wall = time.perf_counter() - start
    times = [t for ts, _, _ in runs for t in ts]
    differing = sum(chat != want for _, chats, _ in runs for chat, want in zip(chats, expected, strict=False))
    print(f"page: {clients} clients × {questions} questions = {len(times)} requests in {wall:.1f} s")
    print(f"  errors {sum(e for _, _, e in runs)}, answers differing from unloaded {differing}")
    print(f"  latency {percentiles(times)}")


def flood(url: str, count: int) -> None:
    with ThreadPoolExecutor(max_workers=8) as flooder, ThreadPoolExecutor(max_workers=10) as others:
        flooded = [flooder.submit(api_ask, url, "10.9.9.9", QUESTIONS[i % len(QUESTIONS)]) for i in range(count)]
        served = [others.submit(lambda i: [api_ask(url, f"10.8.0.{i + 1}", q) for q in QUESTIONS[:5]], i)
                  for i in range(10)]
        flooded_runs = [f.result() for f in flooded]
        other_runs = [r for s in served for r in s.result()]
    codes = [s for _, s in flooded_runs]
    print(f"flood: one client sent {count} questions to /api/ask on 8 connections: "
          f"{codes.count(200)} answered, {codes.count(429)} slowed (429), "
          f"{len(codes) - codes.count(200) - codes.count(429)} other")
    bad = sum(s != 200 for _, s in other_runs)
    latency = percentiles([t for t, _ in other_runs])
    print(f"  meanwhile 10 other clients × 5 questions: errors {bad}, latency {latency}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--flood", type=int, default=300)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="load-web-")
    server = None
    try:
        server, url = start_server(home)
        _, expected, errors = page_client(url, "10.255.0.1", args.questions)  # unloaded, and warms up
        assert errors == 0, "the unloaded server did not answer"
        before = rss_mb(server.pid)
        many_clients(url, args.clients, args.questions, expected)
        flood(url, args.flood)
        print(f"server RSS: {before:.0f} MB after warm-up, {rss_mb(server.pid):.0f} MB after the load")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
