"""How long a retryable error says to wait: what the platform's headers say, else ``None`` (backoff)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from connectors.base import OutgoingPost, RateLimitedError, RetryableError
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.x import XConnector

POST = OutgoingPost(variant_id=1, text="Wait as told")


def _near(value: datetime | None, expected: datetime, slack: float = 2.0) -> bool:
    return value is not None and abs((value - expected).total_seconds()) <= slack


@pytest.mark.parametrize("connector", ["x", "fb"])
@pytest.mark.parametrize(("spec", "wait"), [("503:1:42", 42.0), ("503:1", 10.0), ("500:1", None)])
def test_a_server_error_waits_for_its_retry_after_or_leaves_it_to_the_backoff(
    request: pytest.FixtureRequest, sandbox: Sandbox, connector: str, spec: str, wait: float | None
) -> None:
    client: XConnector | FacebookConnector = request.getfixturevalue(connector)
    sandbox.set_faults(spec, times=1)
    with pytest.raises(RetryableError) as caught:
        client.publish(POST)
    assert type(caught.value) is RetryableError
    assert caught.value.retry_after == wait


def test_x_rate_limit_waits_until_the_reset_header(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create", 100, window=600)
    sandbox.set_faults("429:1", times=1, path="/2/tweets")
    started = time.time()
    with pytest.raises(RateLimitedError) as caught:
        x.publish(POST)
    reset = datetime.fromtimestamp(int(started + 600), tz=UTC)  # x-rate-limit-reset: the window's end
    assert caught.value.reset_at == reset
    assert caught.value.retry_after is not None and abs(caught.value.retry_after - (reset.timestamp() - started)) <= 2


def test_x_exhausted_window_waits_until_its_reset(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create", 1, window=300)
    started = time.time()
    x.publish(POST)
    with pytest.raises(RateLimitedError) as caught:
        x.publish(OutgoingPost(variant_id=2, text="Second"))
    # The emulator opens the window when the first post arrives, a moment after ``started``: the
    # whole second of its reset may be the next one.
    expected = datetime.fromtimestamp(int(started + 300), tz=UTC)
    assert caught.value.reset_at in (expected, expected + timedelta(seconds=1))
    assert caught.value.retry_after is not None and 295 <= caught.value.retry_after <= 301


def test_facebook_rate_limit_waits_for_the_regain_time_of_the_usage_headers(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    sandbox.set_faults("429:1", times=1, path="/feed")  # Graph code 4, usage at 100 % for the hour's window
    with pytest.raises(RateLimitedError) as caught:
        fb.publish(POST)
    assert caught.value.code == 4
    assert caught.value.retry_after == 60 * 60.0  # estimated_time_to_regain_access: 60 minutes
    assert _near(caught.value.reset_at, datetime.now(UTC) + timedelta(minutes=60))


def test_facebook_page_limit_waits_for_the_regain_time_too(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("facebook", "calls", 1, window=600)
    fb.publish(POST)
    with pytest.raises(RateLimitedError) as caught:
        fb.publish(OutgoingPost(variant_id=2, text="Second"))
    assert caught.value.code == 32
    assert caught.value.retry_after == 10 * 60.0
    assert _near(caught.value.reset_at, datetime.now(UTC) + timedelta(minutes=10))
