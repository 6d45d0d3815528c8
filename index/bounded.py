"""A per-document cache with a bound: the least recently used entry goes when it is full, so a process
serving a thousand disclosures keeps only the ones in use (parsed documents, vocabularies, BM25 indexes)."""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def default_size() -> int:
    return int(os.environ.get("BUDGET_QA_CACHE_DOCS") or 64)


class Bounded(OrderedDict, Generic[K, V]):
    """A dict that remembers at most `size` entries, dropping the least recently used."""

    def __init__(self, size: int | None = None) -> None:
        super().__init__()
        self.size = size or default_size()

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
