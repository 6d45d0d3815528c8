"""The public page's limits, all from the environment: how fast one client may ask (a token bucket per
client address), how many conversations the server keeps and how long each may grow. A flooding client
is slowed with 429 while everyone else's questions go through; the server's memory stays bounded."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from corpus.errors import ConfigError
from index.bounded import Bounded


@dataclass(frozen=True)
class Limits:
    per_minute: int = 30  # questions one client may ask a minute, on average
    burst: int = 10  # questions one client may ask at once before it is slowed
    sessions: int = 500  # conversations kept in memory; the least recently used goes first
    turns: int = 20  # turns one conversation keeps (older ones are dropped from the page)
    session_seconds: int = 3600  # a conversation left alone this long is forgotten
    trusted_proxies: frozenset[str] = frozenset()  # peers whose X-Forwarded-For names the client


_VARIABLES = {"per_minute": "BUDGET_QA_RATE_PER_MINUTE", "burst": "BUDGET_QA_RATE_BURST",
              "sessions": "BUDGET_QA_MAX_SESSIONS", "turns": "BUDGET_QA_MAX_TURNS",
              "session_seconds": "BUDGET_QA_SESSION_SECONDS"}


def load_limits() -> Limits:
    """The limits the environment sets; a value that is not a positive whole number is an error."""
    found: dict = {}
    for field, variable in _VARIABLES.items():
        raw = os.environ.get(variable, "").strip()
        if not raw:
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise ConfigError(f"{variable}={raw!r}: 应为正整数 / must be a positive whole number")
        found[field] = int(raw)
    proxies = os.environ.get("BUDGET_QA_TRUSTED_PROXIES", "")
    found["trusted_proxies"] = frozenset(p.strip() for p in proxies.split(",") if p.strip())
    return Limits(**found)


class Buckets:
    """One token bucket per client, at most `keep` clients remembered (the least recent forgotten —
    a forgotten client starts again with a full bucket, which only ever errs towards serving)."""

    def __init__(self, limits: Limits, keep: int = 10000) -> None:
        self.rate = limits.per_minute / 60
        self.burst = limits.burst
        self._held: Bounded[str, tuple[float, float]] = Bounded(keep)  # client → (tokens, when)
        self._lock = threading.Lock()

    def take(self, client: str, now: float | None = None) -> float:
        """0 when the client may ask now (one token taken), else the seconds until it may."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, when = self._held.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            if tokens >= 1:
                self._held[client] = (tokens - 1, now)
                return 0.0
            self._held[client] = (tokens, now)
            return (1 - tokens) / self.rate


def client_of(scope: dict, trusted: frozenset[str]) -> str:
    """Who asks: the peer's address, or — when the peer is a trusted proxy — the address the proxy
    says it forwards for (the last hop it added, which a client cannot forge past the proxy)."""
    peer = (scope.get("client") or ("", 0))[0]
    if peer not in trusted:
        return peer
    for name, value in scope.get("headers") or ():
        if name == b"x-forwarded-for":
            hops = [h.strip() for h in value.decode("latin-1").split(",") if h.strip()]
            if hops:
                return hops[-1]
    return peer
