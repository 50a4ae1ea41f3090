"""One connector shared by several publisher threads: each failure is read from its own answer.

The scheduler's pool hands one connector per account to every publisher thread, so a failing
call's status and headers must not be taken from another thread's request meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from connectors.base import ConnectorError, OutgoingPost, RateLimitedError, RetryableError
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.x import XConnector

#: Rounds per test. With the status and headers shared between threads, about nine rounds in ten
#: read another answer's, so twelve rounds all passing by chance is out of reach.
ROUNDS = 12
OTHERS = 7  # the pool has 8 publisher threads: one meets the fault, the others keep calling


def _race(failing: Callable[[], object], succeeding: Callable[[], object]) -> ConnectorError:
    """Run ``failing`` while ``OTHERS`` threads call ``succeeding`` on the same connector; its error.

    Fails the test when ``failing`` does not fail or when any other call does.
    """
    start = threading.Barrier(OTHERS + 1)
    done = threading.Event()
    problems: list[BaseException] = []

    def other() -> None:
        start.wait()
        try:
            while not done.is_set():
                succeeding()
        except BaseException as exc:  # reported to the test thread below
            problems.append(exc)

    threads = [threading.Thread(target=other, daemon=True) for _ in range(OTHERS)]
    for thread in threads:
        thread.start()
    start.wait()
    try:
        failing()
    except ConnectorError as error:
        caught: ConnectorError | None = error
    else:
        caught = None
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=30)
    assert not problems, problems
    assert caught is not None, "the faulted call succeeded"
    return caught


def _rounds(
    sandbox: Sandbox, spec: str, path: str, failing: Callable[[int], object], ok: Callable[[], object]
) -> list[ConnectorError]:
    """``ROUNDS`` races, each with one fault (``spec``) for the next ``POST`` to ``path``."""
    errors = []
    for round_ in range(ROUNDS):
        sandbox.set_faults(spec, times=1, path=path, method="POST")
        errors.append(_race(lambda r=round_: failing(r), ok))  # type: ignore[misc]
    return errors


def _post(round_: int) -> OutgoingPost:
    return OutgoingPost(variant_id=round_, text=f"Round {round_}")


def test_facebook_rate_limit_keeps_its_own_regain_time(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("facebook", "calls", 1_000_000, window=3600)  # the others never run out
    errors = _rounds(sandbox, "429:1", "/feed", lambda r: fb.publish(_post(r)), fb.verify)
    for error in errors:
        assert isinstance(error, RateLimitedError)
        assert error.code == 4 and error.status == 403
        # Only the 429's own usage headers say 60 minutes; the others' answers say 0.
        assert error.retry_after == 60 * 60.0
        assert error.reset_at is not None
        assert abs((error.reset_at - datetime.now(UTC) - timedelta(hours=1)).total_seconds()) < 60


def test_facebook_server_error_keeps_its_own_status_and_retry_after(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("facebook", "calls", 1_000_000, window=3600)
    errors = _rounds(sandbox, "503:1:42", "/feed", lambda r: fb.publish(_post(r)), fb.verify)
    for error in errors:
        assert type(error) is RetryableError
        assert error.status == 503 and error.retry_after == 42.0
        assert "server error (503)" in error.message


@pytest.mark.parametrize("spec", ["429:1", "503:1:42"])
def test_x_failure_keeps_its_own_reset_and_retry_after(x: XConnector, sandbox: Sandbox, spec: str) -> None:
    sandbox.set_rate_limit("x", "me", 1_000_000, window=900)  # the others' answers: another window's reset
    sandbox.set_rate_limit("x", "create", 1_000, window=600)
    started = time.time()
    errors = _rounds(sandbox, spec, "/2/tweets", lambda r: x.publish(_post(r)), x.verify)
    for error in errors:
        if spec == "429:1":
            assert isinstance(error, RateLimitedError) and error.reset_at is not None
            # The create window's end (600 s), not the "me" window's (900 s) of the other threads.
            assert abs(error.reset_at.timestamp() - (started + 600)) <= 2
        else:
            assert type(error) is RetryableError and error.retry_after == 42.0 and error.status == 503
