"""A throwaway chroma server (`chroma run`, from the chromadb package) for the vector backend tests: a
temporary path, a free loopback port, stopped and removed at the end.

    python -m tests.chroma_server start DIR   # prints the URL (the server keeps running)
    python -m tests.chroma_server stop DIR
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests import servers

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = (folder / "log").open("w")
    server = subprocess.Popen([str(CHROMA), "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    (folder / "pid").write_text(str(server.pid))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url + "/api/v2/heartbeat", timeout=2) as r:
            json.load(r)
            return url
        if server.poll() is not None:
            break
        time.sleep(0.3)
    stop(folder)
    raise RuntimeError(f"chroma server did not start: {(folder / 'log').read_text()[-500:]}")


def stop(folder: Path) -> None:
    pid = folder / "pid"
    if pid.exists():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(int(pid.read_text()), signal.SIGTERM)
    shutil.rmtree(folder, ignore_errors=True)


def throwaway(folder: Path):
    return servers.throwaway(start, stop, folder)


if __name__ == "__main__":
    servers.main(start, stop)
