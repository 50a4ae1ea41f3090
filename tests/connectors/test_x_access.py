"""X access as X answers it: no credits (402), 24-hour post caps, app-only and expiring bearer tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from connectors.base import AccountContext, AuthenticationError, BillingError, OutgoingPost, RateLimitedError
from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from connectors.x import XConnector
from connectors.x_errors import NO_CREDITS
from core.secrets import Secret
from tests.support.connector_accounts import X_KEYS


def _bearer(sandbox: Sandbox, token: str) -> XConnector:
    return XConnector(AccountContext("OAuth2", "x", sandbox.base_url, None, {"bearer_token": Secret(token)}))


def test_no_credits_says_to_add_credits_and_is_not_retryable(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_credits(user_id_for(X_KEYS["access_token"]))
    for attempt in (
        lambda: x.publish(OutgoingPost(variant_id=1, text="Costs credits")),
        lambda: x.fetch_metrics(["1"]),
        x.verify,
    ):
        with pytest.raises(BillingError) as caught:
            attempt()
        assert caught.value.message == NO_CREDITS and not caught.value.retryable and caught.value.status == 402
    assert "developer console" in NO_CREDITS and "402" not in NO_CREDITS
    assert sandbox.posts("x") == []


def test_a_spent_24_hour_cap_holds_the_account_until_the_daily_reset(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create-day-user", 2, 86400)
    x.publish(OutgoingPost(variant_id=1, text="one"))
    x.publish(OutgoingPost(variant_id=2, text="two"))
    # The second post spent the daily cap: the account is held a day, though the 15-minute window has room.
    held = x.rate_limit()
    assert held is not None and held.remaining == 0 and held.resets_at is not None
    assert held.resets_at > datetime.now(UTC) + timedelta(hours=23)
    with pytest.raises(RateLimitedError, match="24-hour cap") as caught:
        x.publish(OutgoingPost(variant_id=3, text="three"))
    reset = caught.value.reset_at
    assert reset is not None and reset > datetime.now(UTC) + timedelta(hours=23)  # not the 15-minute reset
    assert len(sandbox.posts("x")) == 2


def test_the_app_wide_24_hour_cap_counts_every_user(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create-day-app", 1, 86400)
    x.publish(OutgoingPost(variant_id=1, text="one"))
    other = XConnector(
        AccountContext(
            "Other",
            "x",
            sandbox.base_url,
            None,
            {**{k: Secret(v) for k, v in X_KEYS.items()}, "access_token": Secret("xtoken-OTHER-fake")},
        )
    )
    with pytest.raises(RateLimitedError, match="for this app") as caught:
        other.publish(OutgoingPost(variant_id=2, text="two"))
    assert caught.value.reset_at is not None and caught.value.reset_at > datetime.now(UTC) + timedelta(hours=23)


def test_an_app_only_token_cannot_post_and_says_what_to_store(sandbox: Sandbox) -> None:
    app = _bearer(sandbox, "app-only-fake")
    with pytest.raises(AuthenticationError, match="app-only bearer token") as caught:
        app.publish(OutgoingPost(variant_id=1, text="From the app"))
    assert "OAuth 1.0a keys" in caught.value.message
    assert sandbox.posts("x") == []
    with pytest.raises(AuthenticationError, match="app-only bearer token"):
        app.verify()  # refused when the account is added or verified, not only at its first post


def test_an_oauth2_token_expires_after_two_hours_with_a_sentence_saying_why(sandbox: Sandbox) -> None:
    sandbox.set_bearer_lifetime(7200)
    user = _bearer(sandbox, "oauth2-user-token-fake")
    user.publish(OutgoingPost(variant_id=1, text="Within two hours"))
    sandbox.advance(7201)
    with pytest.raises(AuthenticationError, match="expires two hours after it is issued"):
        user.publish(OutgoingPost(variant_id=2, text="Too late"))
    assert len(sandbox.posts("x")) == 1
