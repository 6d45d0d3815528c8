"""A throwaway PostgreSQL cluster for the backend tests (Debian's postgresql): initdb in a temporary
folder, started on a free loopback port, stopped (and the folder removed) at the end — also when a test
fails. As root it runs as the `postgres` user, which PostgreSQL requires.

    python -m tests.pg_cluster start DIR   # prints the URL
    python -m tests.pg_cluster stop DIR
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

from tests import servers

BIN = next((Path(p) for p in ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/local/bin")
            if (Path(p) / "initdb").exists()), Path("/usr/local/bin"))


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path) -> str:
    data = folder / "data"
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(_as_owner([str(BIN / "initdb"), "-D", str(data), "-U", "budgetqa", "--auth=trust",
                              "-E", "UTF8", "--locale=C.UTF-8"]), **run)
    subprocess.run(_as_owner([str(BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                              f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]), **run)
    return f"postgresql://budgetqa@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    subprocess.run(_as_owner([str(BIN / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"]),
                   capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def throwaway(folder: Path):
    return servers.throwaway(start, stop, folder)


def fresh_database(url: str, name: str) -> str:
    """An empty database on the server, for one test."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    servers.main(start, stop)
