"""Faults on demand: latency, errors, rate limits, dropped connections and timeouts.

A SPEC is a comma-separated list of ``KIND:RATE[:SECONDS]``; RATE is the probability (0 to 1)
that one request meets the fault::

    500:0.2,latency:0.05:1.5,drop:0.05,429:0.05,timeout:0.01:30

Kinds:

- ``latency`` - wait SECONDS (default 1) before answering, then answer normally;
- ``timeout`` - wait SECONDS (default 60) before answering: the client's read timeout fires first;
- ``drop`` - close the connection without an answer, before doing anything;
- ``drop-after`` - do the work (e.g. create the post), then close without an answer;
- ``truncate`` - do the work, send the status line, the headers and half the body, then close
  (a connection broken mid-answer: the client sees a ``ChunkedEncodingError``);
- ``trickle`` - do the work, then send the whole answer one byte every SECONDS (default 1): each
  byte comes well within the client's timeout, yet the answer takes as long as the server likes;
- ``redirect`` - answer ``307 Temporary Redirect`` to the same path on another host name
  (``localhost`` instead of ``127.0.0.1``: the same emulator, so a client that follows it shows up
  as a second call), before doing anything;
- ``error-200`` - do the work (e.g. create the post), then answer ``200 OK`` with an error body in
  the platform's shape (X: ``errors[]`` without ``data``; Graph: ``{"error": {...}}`` code 100);
- ``500``, ``502``, ``503`` - a server error (500 in the platform's JSON shape, 502/503 as an HTML page);
  a 503 carries ``Retry-After: SECONDS`` (default 10), as load balancers send it;
- ``429`` - rate limited, in the platform's shape (X: HTTP 429; Graph: error code 4);
- ``auth`` - the token is refused as expired (X: 401; Graph: code 190);
- ``policy`` - blocked by the platform's rules (X: 403; Graph: code 368);
- ``permission`` - the token lacks a permission (X: 403 with the oauth1-permissions problem; Graph: code 200).

Rules added at run time may fire only a number of ``times``, only for paths containing ``path``
(and for one ``method``), and only after letting the first ``skip`` matching requests through
(e.g. ``skip=1``: the second part of a thread).
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass
from typing import Any

KINDS = (
    "latency",
    "timeout",
    "drop",
    "drop-after",
    "truncate",
    "trickle",
    "redirect",
    "error-200",
    "500",
    "502",
    "503",
    "429",
    "auth",
    "policy",
    "permission",
)
_DEFAULT_SECONDS = {"latency": 1.0, "timeout": 60.0, "503": 10.0, "trickle": 1.0}
#: Kinds that let the request do its work and spoil only the answer.
AFTER_THE_WORK = frozenset({"drop-after", "truncate", "trickle", "error-200"})


class FaultSpecError(ValueError):
    """A SPEC that cannot be read; the message says which part and why."""


@dataclass
class FaultRule:
    """One kind of fault, how often it fires, and where."""

    kind: str
    rate: float
    seconds: float = 0.0
    times: int | None = None  # fire at most this many more times (None: forever)
    path: str | None = None  # only requests whose path contains this
    method: str | None = None  # only this HTTP method
    skip: int = 0  # let this many more matching requests through before the rule may fire

    def matches(self, method: str, path: str) -> bool:
        """Whether this rule applies to a request (``/__sandbox`` control calls never fault)."""
        if path.startswith("/__sandbox"):
            return False
        if self.method and self.method.upper() != method.upper():
            return False
        return not self.path or self.path in path

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for ``GET /__sandbox/faults``."""
        return asdict(self)


def parse_spec(
    spec: str, *, times: int | None = None, path: str | None = None, method: str | None = None, skip: int = 0
) -> list[FaultRule]:
    """Rules from a SPEC string (see the module documentation)."""
    rules: list[FaultRule] = []
    for part in (p.strip() for p in (spec or "").split(",")):
        if not part:
            continue
        pieces = part.split(":")
        kind = pieces[0].strip().lower()
        if kind not in KINDS:
            raise FaultSpecError(f"Unknown fault {kind!r} in {part!r}: use one of {', '.join(KINDS)}.")
        if len(pieces) not in (2, 3):
            raise FaultSpecError(f"The fault {part!r} must read KIND:RATE or KIND:RATE:SECONDS.")
        try:
            rate = float(pieces[1])
            seconds = float(pieces[2]) if len(pieces) == 3 else _DEFAULT_SECONDS.get(kind, 0.0)
        except ValueError:
            raise FaultSpecError(f"The rate and seconds in {part!r} must be numbers.") from None
        if not 0.0 <= rate <= 1.0:
            raise FaultSpecError(f"The rate in {part!r} must be between 0 and 1.")
        if seconds < 0:
            raise FaultSpecError(f"The seconds in {part!r} cannot be negative.")
        if skip < 0:
            raise FaultSpecError("The number of requests to skip cannot be negative.")
        rules.append(FaultRule(kind=kind, rate=rate, seconds=seconds, times=times, path=path, method=method, skip=skip))
    return rules


@dataclass(frozen=True)
class Decision:
    """What to do to one request: wait ``delay`` seconds, then maybe answer with ``kind`` (whose rule
    gave ``seconds``: the ``Retry-After`` of a 503)."""

    delay: float = 0.0
    kind: str | None = None
    seconds: float = 0.0


class Faults:
    """The active rules and the dice. Thread-safe."""

    def __init__(self, rules: list[FaultRule] | None = None, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._rules = list(rules or [])
        self._random = random.Random(seed)

    def add(self, rules: list[FaultRule], *, replace: bool = False) -> None:
        """Add rules (or replace all of them)."""
        with self._lock:
            self._rules = list(rules) if replace else [*self._rules, *rules]

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        """A copy of the active rules."""
        with self._lock:
            return [FaultRule(**r.to_dict()) for r in self._rules]

    def decide(self, method: str, path: str) -> Decision:
        """Roll the dice for one request: latencies add up, the first other fault that fires wins."""
        delay = 0.0
        kind: str | None = None
        seconds = 0.0
        with self._lock:
            for rule in self._rules:
                if not rule.matches(method, path):
                    continue
                if rule.skip > 0:
                    rule.skip -= 1
                    continue
                if self._random.random() >= rule.rate:
                    continue
                if rule.kind in ("latency", "timeout"):
                    delay += rule.seconds
                elif kind is None:
                    kind, seconds = rule.kind, rule.seconds
                else:
                    continue
                if rule.times is not None:
                    rule.times -= 1
            self._rules = [r for r in self._rules if r.times is None or r.times > 0]
        return Decision(delay=delay, kind=kind, seconds=seconds)
