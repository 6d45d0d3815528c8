"""The page's limits: the token bucket per client, who the client is behind a proxy, the settings."""

from __future__ import annotations

import pytest

from assistant.web_limits import Buckets, Limits, client_of, load_limits
from corpus.errors import ConfigError


def test_a_flooding_client_is_slowed_and_others_are_not():
    buckets = Buckets(Limits(per_minute=60, burst=3))
    assert [buckets.take("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", now=0.0) == pytest.approx(1.0)  # a token a second at 60 a minute
    assert buckets.take("b", now=0.0) == 0.0  # another client is served
    assert buckets.take("a", now=1.0) == 0.0  # refilled at the rate


def test_the_bucket_never_holds_more_than_its_burst():
    buckets = Buckets(Limits(per_minute=60, burst=2))
    buckets.take("a", now=0.0)
    assert [buckets.take("a", now=1000.0) for _ in range(3)][-1] > 0


def test_clients_remembered_are_bounded():
    buckets = Buckets(Limits(), keep=5)
    for i in range(50):
        buckets.take(f"10.0.0.{i}", now=0.0)
    assert len(buckets._held) == 5


@pytest.mark.parametrize(("peer", "forwarded", "trusted", "client"), [
    ("1.2.3.4", None, frozenset(), "1.2.3.4"),
    ("1.2.3.4", b"9.9.9.9", frozenset(), "1.2.3.4"),  # an untrusted peer cannot claim another address
    ("10.0.0.1", b"6.6.6.6, 5.5.5.5", frozenset({"10.0.0.1"}), "5.5.5.5"),  # the hop the proxy added
    ("10.0.0.1", None, frozenset({"10.0.0.1"}), "10.0.0.1"),
])
def test_who_the_client_is(peer, forwarded, trusted, client):
    headers = [(b"x-forwarded-for", forwarded)] if forwarded else []
    assert client_of({"client": (peer, 5000), "headers": headers}, trusted) == client


@pytest.mark.parametrize(("variable", "value", "ok"), [
    ("BUDGET_QA_RATE_PER_MINUTE", "120", True), ("BUDGET_QA_MAX_SESSIONS", "0", False),
    ("BUDGET_QA_RATE_BURST", "ten", False), ("BUDGET_QA_MAX_TURNS", "-3", False),
])
def test_limits_come_from_the_environment(monkeypatch, variable, value, ok):
    monkeypatch.setenv(variable, value)
    if ok:
        assert load_limits().per_minute == 120
    else:
        with pytest.raises(ConfigError, match=variable):
            load_limits()
