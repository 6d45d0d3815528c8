"""What the throwaway test servers share: run one for a block, and a start/stop command line."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def throwaway(start: Callable[[Path], str], stop: Callable[[Path], None], folder: Path) -> Iterator[str]:
    url = start(folder)
    try:
        yield url
    finally:
        stop(folder)


def main(start: Callable[[Path], str], stop: Callable[[Path], None]) -> None:
    """`python -m MODULE start DIR` prints the URL; `python -m MODULE stop DIR` stops it."""
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "start":
        print(start(where))
    else:
        stop(where)
        print("stopped")
