"""The JSON API beside the page (imported only when the page is served), for other sites to embed the
assistant: `POST /api/ask` takes {"question", "doc"?, "previous"?} and returns the `ask --json` answer
plus the `turn` a follow-up (那去年呢？) is read against; `GET /api/documents` lists the store."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from assistant.conversation import Turn, ask_after
from assistant.service import Assistant

MAX_BODY = 4096  # bytes: a question is at most 300 characters


def add_routes(app: Any, assistant: Assistant) -> None:
    """Register the API on the page's FastAPI app."""

    async def ask(request: Request) -> JSONResponse:
        data = await _body(request, MAX_BODY, _invalid)
        if isinstance(data, JSONResponse):
            return data
        # answered in a worker thread: the event loop keeps serving the page and other clients meanwhile
        answer, turn = await run_in_threadpool(ask_after, assistant, data["question"], data.get("doc"),
                                               _previous(data.get("previous")))
        found = answer.to_dict()
        found["turn"] = {"question": turn.question, "doc_id": turn.doc_id, "parts": turn.parts}
        return JSONResponse(found)

    def documents() -> JSONResponse:
        from assistant.scoping import disclosure_groups

        groups = disclosure_groups(assistant.documents())
        return JSONResponse([{"doc_id": g[0].doc_id, "title": g[0].title, "department": g[0].department,
                              "year": g[0].year, "kind": g[0].kind_name, "copies": [i.doc_id for i in g]}
                             for g in groups])

    async def feedback(request: Request) -> JSONResponse:
        from assistant.feedback import problem, record

        data = await _body(request, MAX_BODY * 4, problem)
        if isinstance(data, JSONResponse):
            return data
        record(assistant.settings.home, data)
        return JSONResponse({"ok": True})

    app.add_api_route("/api/ask", ask, methods=["POST"])
    app.add_api_route("/api/feedback", feedback, methods=["POST"])
    app.add_api_route("/api/documents", documents, methods=["GET"])


async def _body(request: Request, limit: int, invalid: Any) -> Any:
    """The request's JSON object, or the error response naming what is wrong (size, syntax, fields)."""
    body = await request.body()
    if len(body) > limit:
        return _error(413, f"请求过大（{len(body)}字节，上限{limit}）")
    try:
        data = json.loads(body or b"{}")
    except ValueError as err:
        return _error(400, f"请求不是合法的 JSON：{err}")
    problem = invalid(data)
    return _error(400, problem) if problem else data


def _invalid(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "请求体应为 JSON 对象，例如 {\"question\": \"项目支出是多少？\"}"
    if not isinstance(data.get("question"), str) or not data["question"].strip():
        return "缺少问题：question 应为非空字符串"
    if data.get("doc") is not None and not isinstance(data["doc"], str):
        return "doc 应为文档编号字符串"
    previous = data.get("previous")
    if previous is not None and (not isinstance(previous, dict) or not isinstance(previous.get("question"), str)):
        return "previous 应为上一轮返回的 turn 对象"
    return None


def _previous(raw: dict | None) -> Turn | None:
    if raw is None:
        return None
    parts = raw.get("parts")
    doc = raw.get("doc_id")
    return Turn(raw["question"], doc if isinstance(doc, str) else None, parts if isinstance(parts, int) else 1)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)
