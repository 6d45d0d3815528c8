"""Per-document caches keep at most their bound, the least recently used going first."""

from __future__ import annotations

import pytest

from index.bounded import Bounded


@pytest.mark.parametrize(("size", "steps", "kept"), [
    (2, "+a +b +c", "bc"),  # the oldest goes
    (2, "+a +b ?a +c", "ac"),  # a read keeps a: b, now the least recent, goes
    (3, "+a +b +c ?a ?b +d", "abd"),
    (2, "+a +a +b", "ab"),  # the same key twice is one entry
])
def test_least_recently_used_goes(size, steps, kept):
    cache: Bounded[str, str] = Bounded(size)
    for step in steps.split():
        if step[0] == "+":
            cache[step[1]] = step[1]
        else:
            assert cache[step[1]] == step[1]
    assert "".join(sorted(cache)) == kept


def test_the_bound_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("BUDGET_QA_CACHE_DOCS", "5")
    assert Bounded().size == 5
