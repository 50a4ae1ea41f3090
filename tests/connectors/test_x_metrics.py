"""X metrics as X answers them: private fields refused without sinking the public ones."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import tweepy

from connectors._http import mount
from connectors.base import OutgoingPost
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord, user_id_for
from connectors.x import NO_PUBLIC_METRICS, REAL_HOST, XConnector, private_metrics_possible, snowflake_time
from tests.support.connector_accounts import X_KEYS, x_account

PRIVATE = {"non_public_metrics", "organic_metrics"}


def _lookups(sandbox: Sandbox) -> int:
    return sum(1 for call in sandbox.calls() if call == ("GET", "/2/tweets"))


def _old_post(sandbox: Sandbox, days: int, text: str = "An old statement") -> str:
    """An own post created ``days`` ago on the emulator's clock (its id says so, as X's snowflakes do)."""
    now = sandbox.state.now()
    sandbox.set_time(now - days * 86400)
    record = PostRecord("x", sandbox.state.new_id(), user_id_for(X_KEYS["access_token"]), text, sandbox.state.now())
    sandbox.state.add_post(record)
    sandbox.set_time(now)
    return record.id


def test_x_refuses_private_fields_per_sub_field_and_sends_no_data_for_the_post(x: XConnector, sandbox: Sandbox) -> None:
    other = XConnector(x_account(sandbox, access_token="xtoken-OTHER-fake"))
    theirs = other.publish(OutgoingPost(variant_id=1, text="Not ours")).remote_id
    answer = x.client.get_tweets([theirs], tweet_fields=["public_metrics", "non_public_metrics"], user_auth=True)
    assert answer.data is None
    fields = {e["field"] for e in answer.errors}
    assert fields == {
        "non_public_metrics.impression_count",
        "non_public_metrics.url_link_clicks",
        "non_public_metrics.user_profile_clicks",
    }
    assert {e["parameter"] for e in answer.errors} == {"ids"}
    assert all(e["type"].endswith("/not-authorized-for-field") and e["resource_id"] == theirs for e in answer.errors)


def test_refused_private_fields_are_asked_again_with_public_metrics_alone(x: XConnector, sandbox: Sandbox) -> None:
    other = XConnector(x_account(sandbox, access_token="xtoken-OTHER-fake"))
    theirs = other.publish(OutgoingPost(variant_id=1, text="Not ours")).remote_id
    ours = x.publish(OutgoingPost(variant_id=2, text="Ours")).remote_id
    sandbox.advance(3600)
    before = _lookups(sandbox)
    their_metrics, our_metrics = x.fetch_metrics([theirs, ours])
    assert _lookups(sandbox) - before == 2  # all with private fields, then the refused one with public alone
    assert their_metrics.reactions is not None and their_metrics.impressions
    assert their_metrics.clicks is None and set(their_metrics.missing) == PRIVATE
    assert our_metrics.clicks is not None and our_metrics.missing == ()

    before = _lookups(sandbox)
    again, _ = x.fetch_metrics([theirs, ours])
    assert _lookups(sandbox) - before == 2  # the refused post goes straight to the public request now
    assert again.reactions is not None and set(again.missing) == PRIVATE


def test_posts_past_29_days_are_not_asked_for_private_fields(x: XConnector, sandbox: Sandbox) -> None:
    old = _old_post(sandbox, days=40)
    created = snowflake_time(old)
    assert created is not None and abs((datetime.now(UTC) - created) - timedelta(days=40)) < timedelta(minutes=1)
    assert not private_metrics_possible(old, datetime.now(UTC))
    before = _lookups(sandbox)
    [found] = x.fetch_metrics([old])
    assert _lookups(sandbox) - before == 1  # one request, public only: nothing refused, nothing lost
    assert found.reactions is not None and found.impressions
    assert set(found.missing) == PRIVATE and found.clicks is None


def test_the_emulator_refuses_an_app_only_token_private_metrics_as_x_does(sandbox: Sandbox, x: XConnector) -> None:
    ours = x.publish(OutgoingPost(variant_id=1, text="Read by the app")).remote_id
    sandbox.advance(600)
    app = tweepy.Client(bearer_token="app-only-fake")  # the connector refuses bearer tokens: tweepy itself
    mount(app.session, REAL_HOST, sandbox.base_url, 5)
    refused = app.get_tweets([ours], tweet_fields=["public_metrics", "non_public_metrics"], user_auth=False)
    assert refused.data is None and {e["type"].rsplit("/", 1)[-1] for e in refused.errors} == {
        "not-authorized-for-field"
    }
    public = app.get_tweets([ours], tweet_fields=["public_metrics"], user_auth=False)
    assert public.data[0].public_metrics["like_count"] is not None


def test_public_metrics_that_do_not_arrive_are_said_to_be_missing(x: XConnector, sandbox: Sandbox) -> None:
    ours = x.publish(OutgoingPost(variant_id=1, text="Fields renamed")).remote_id
    sandbox.state.x_field_params = ("post.fields",)  # X stops reading the legacy parameter tweepy sends
    [found] = x.fetch_metrics([ours])
    assert "public_metrics" in found.missing and found.reactions is None and found.impressions is None
    assert found.notes == (NO_PUBLIC_METRICS,)


def test_snowflake_time_ignores_ids_that_are_not_snowflakes() -> None:
    assert snowflake_time("12345") is None
    assert snowflake_time("not-an-id") is None
    assert private_metrics_possible("12345", datetime.now(UTC))
    assert snowflake_time(str((int(time.time() * 1000) - 1288834974657) << 22)) is not None
