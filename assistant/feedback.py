"""👍/👎 on an answer, with an optional comment: one JSON line per vote in `BUDGET_QA_HOME/feedback.jsonl`,
for staff to review (`budget-qa feedback` prints them). Only what the page sent is kept, size-limited."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

MAX_TEXT = 2000  # characters kept of the answer; a question is at most 300
MAX_COMMENT = 500
_LOCK = threading.Lock()


def problem(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "请求体应为 JSON 对象"
    if data.get("vote") not in ("up", "down"):
        return "vote 应为 up 或 down"
    if not isinstance(data.get("question"), str) or not data["question"].strip():
        return "缺少 question"
    for key in ("answer", "doc_id", "comment"):
        if data.get(key) is not None and not isinstance(data[key], str):
            return f"{key} 应为字符串"
    if len(data.get("comment") or "") > MAX_COMMENT:
        return f"评论过长（上限{MAX_COMMENT}字）"
    return None


def record(home: Path, data: dict) -> dict:
    """Append one vote; returns what was written."""
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "vote": data["vote"],
             "question": data["question"][:300], "answer": (data.get("answer") or "")[:MAX_TEXT],
             "doc_id": data.get("doc_id") or "", "comment": (data.get("comment") or "").strip()}
    home.mkdir(parents=True, exist_ok=True)
    with _LOCK, (home / "feedback.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return entry


def read(home: Path) -> list[dict]:
    path = home / "feedback.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
