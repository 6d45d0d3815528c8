"""The public server answers only what the page and its JSON API need: gradio's upload, file-serving,
monitoring, login and editing routes are refused before they reach it (an ASGI wrapper around the whole
app), so the page cannot be used to store, host or read files; and each client's questions pass a token
bucket (assistant/web_limits.py), so one flooding client is slowed with 429 while others are served."""

from __future__ import annotations

import json
import math
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from assistant.web_limits import Buckets, Limits, client_of

# every route that could take or give a file, or change the app: refused with 404
REFUSED = re.compile(r"^/(?:gradio_api/)?(?:upload|file[=/]|stream|vibe|undo-vibe|mcp|monitoring|login|logout|"
                     r"dev|proxy=|pwa_icon|manifest\.json)")
# what asks a question (or runs any event): counted against the client's bucket
ASKING = re.compile(r"^/(?:api/ask|(?:gradio_api/)?(?:queue/join|run/|call/|api/))")


class Guard:
    """An ASGI app: refused paths get 404, a client over its rate 429, everything else goes to the app
    it wraps."""

    def __init__(self, app: Any, limits: Limits | None = None) -> None:
        self.app = app
        self.limits = limits or Limits()
        self.buckets = Buckets(self.limits)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] in ("http", "websocket") and REFUSED.match(path):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await _reply(send, 404, {"error": "not found"})
            return
        if scope["type"] == "http" and scope.get("method") == "POST" and ASKING.match(path):
            wait = self.buckets.take(client_of(scope, self.limits.trusted_proxies))
            if wait:
                seconds = max(1, math.ceil(wait))
                await _reply(send, 429, {"error": f"提问过于频繁，请{seconds}秒后再试。"},
                             [(b"retry-after", str(seconds).encode())])
                return
        await self.app(scope, receive, send)


async def _reply(send: Any, status: int, body: dict, headers: list | None = None) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"), *(headers or [])]})
    await send({"type": "http.response.body", "body": json.dumps(body, ensure_ascii=False).encode()})


@dataclass
class Running:
    """A server started in a thread (tests, embedding); `close()` stops it."""

    server: Any
    thread: threading.Thread

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def run(app: Any, host: str, port: int, block: bool, limits: Limits | None = None) -> Running | None:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(Guard(app, limits), host=host, port=port, log_level="warning"))
    if block:
        server.run()
        return None
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    return Running(server, thread)
