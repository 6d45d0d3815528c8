"""The public server answers only what the page and its JSON API need: gradio's upload, file-serving,
monitoring, login and editing routes are refused before they reach it (an ASGI wrapper around the whole
app), so the page cannot be used to store, host or read files."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Any

# every route that could take or give a file, or change the app: refused with 404
REFUSED = re.compile(r"^/(?:gradio_api/)?(?:upload|file[=/]|stream|vibe|undo-vibe|mcp|monitoring|login|logout|"
                     r"dev|proxy=|pwa_icon|manifest\.json)")


class Guard:
    """An ASGI app: refused paths get 404, everything else goes to the app it wraps."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket") and REFUSED.match(scope.get("path", "")):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": b'{"error": "not found"}'})
            return
        await self.app(scope, receive, send)


@dataclass
class Running:
    """A server started in a thread (tests, embedding); `close()` stops it."""

    server: Any
    thread: threading.Thread

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def run(app: Any, host: str, port: int, block: bool) -> Running | None:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(Guard(app), host=host, port=port, log_level="warning"))
    if block:
        server.run()
        return None
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    return Running(server, thread)
