"""X access as X answers it: no credits (402), 24-hour post caps, app-only and expiring bearer tokens
(refused here: X accounts hold OAuth 1.0a keys), an App below the endpoint's access level (403)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import tweepy

from connectors._http import mount
from connectors.base import AccountContext, AuthenticationError, BillingError, OutgoingPost, RateLimitedError
from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from connectors.x import REAL_HOST, XConnector
from connectors.x_errors import APP_ONLY, NO_CREDITS, OAUTH1_NEEDED, EnrollmentError, translate
from core import practice
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


def _raw_bearer(sandbox: Sandbox, token: str) -> tweepy.Client:
    """tweepy itself with a bearer token, sent to the emulator: what X answers such a token."""
    client = tweepy.Client(bearer_token=token)
    mount(client.session, REAL_HOST, sandbox.base_url, 5)
    return client


def test_a_bearer_only_account_is_refused_with_one_sentence_before_any_call(sandbox: Sandbox) -> None:
    for token in ("oauth2-user-token-fake", "app-only-fake"):
        with pytest.raises(AuthenticationError) as caught:
            _bearer(sandbox, token)
        assert caught.value.message == OAUTH1_NEEDED
    assert "api_key, api_secret, access_token and access_secret" in OAUTH1_NEEDED
    assert sandbox.calls() == []  # refused here, not by X two hours later


def test_the_emulator_refuses_an_app_only_token_a_post_as_x_does(sandbox: Sandbox) -> None:
    app = _raw_bearer(sandbox, "app-only-fake")
    with pytest.raises(tweepy.Forbidden) as caught:
        app.create_tweet(text="From the app", user_auth=False)
    body = caught.value.response.json()
    assert body["title"] == "Unsupported Authentication" and body["type"].endswith("/unsupported-authentication")
    assert translate(caught.value, "publish").message == APP_ONLY
    assert sandbox.posts("x") == []


def test_the_emulator_expires_an_oauth2_user_token_after_two_hours(sandbox: Sandbox) -> None:
    user = _raw_bearer(sandbox, "oauth2-user-token-fake")
    assert user.create_tweet(text="Within two hours", user_auth=False).data["id"]
    sandbox.advance(7201)  # X's OAuth 2.0 user tokens live two hours without offline.access
    with pytest.raises(tweepy.Unauthorized):
        user.create_tweet(text="Too late", user_auth=False)
    assert len(sandbox.posts("x")) == 1


def test_a_practice_account_that_stored_a_bearer_token_posts_with_oauth1_past_two_hours(sandbox: Sandbox) -> None:
    # Practice accounts outside practice mode stored the practice token as a bearer token: they keep working.
    practice_x = _bearer(sandbox, practice.PRACTICE_TOKEN)
    practice_x.publish(OutgoingPost(variant_id=1, text="Practice, hour one"))
    sandbox.advance(3 * 3600)
    practice_x.publish(OutgoingPost(variant_id=2, text="Practice, hour four"))
    assert [p["text"] for p in sandbox.posts("x")] == ["Practice, hour one", "Practice, hour four"]
    # The same token on the real host is no practice account: refused like any bearer token.
    with pytest.raises(AuthenticationError, match=r"OAuth 1\.0a user keys"):
        XConnector(AccountContext("Real", "x", None, None, {"bearer_token": Secret(practice.PRACTICE_TOKEN)}))


def test_an_app_without_the_access_level_says_which_and_what_to_do(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.state.set_enrollment(user_id_for(X_KEYS["access_token"]), "Appropriate Level of API Access")
    with pytest.raises(EnrollmentError) as caught:
        x.publish(OutgoingPost(variant_id=1, text="Needs access"))
    error = caught.value
    assert "'Appropriate Level of API Access'" in error.message and "developer console" in error.message
    assert error.access_level == "below 'Appropriate Level of API Access' (client-not-enrolled)"
    assert not error.retryable and sandbox.posts("x") == []
