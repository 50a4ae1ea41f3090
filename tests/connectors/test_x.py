"""The X connector, driving tweepy over real HTTP against the emulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from connectors.base import (
    AuthenticationError,
    Connector,
    DuplicateContentError,
    InvalidContentError,
    MediaItem,
    OutgoingPost,
    PermanentError,
    PolicyBlockedError,
    RateLimitedError,
    RetryableError,
)
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord, user_id_for
from connectors.x import XConnector
from core.secrets import Secret
from tests.support.connector_accounts import X_KEYS, x_account

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


def test_is_a_connector(x: XConnector) -> None:
    assert isinstance(x, Connector)
    assert XConnector.platform == "x"


def test_publish_text_creates_one_post(x: XConnector, sandbox: Sandbox) -> None:
    published = x.publish(OutgoingPost(variant_id=1, text="Consular hours change on Monday."))
    [record] = sandbox.posts("x")
    assert record["id"] == published.remote_id
    assert record["text"] == "Consular hours change on Monday."
    assert record["account"] == user_id_for(X_KEYS["access_token"])
    assert published.remote_id in published.url


def test_link_is_appended_to_the_text(x: XConnector, sandbox: Sandbox) -> None:
    x.publish(OutgoingPost(variant_id=1, text="Statement:", link="https://example.org/statement"))
    assert sandbox.posts("x")[0]["text"] == "Statement:\nhttps://example.org/statement"


def test_images_are_uploaded_with_alt_text_and_attached(
    x: XConnector, sandbox: Sandbox, png: MediaItem, jpeg: MediaItem
) -> None:
    published = x.publish(OutgoingPost(variant_id=1, text="Photos of the visit", media=[png, jpeg]))
    [record] = sandbox.posts("x")
    assert len(record["media_ids"]) == 2
    assert set(record["media_ids"]) <= set(published.extra_ids)
    uploaded = [sandbox.state.media[m] for m in record["media_ids"]]
    assert [m.mime_type for m in uploaded] == ["image/png", "image/jpeg"]
    assert uploaded[0].alt_text == "The national flag"
    assert ("POST", "/2/media/upload") in sandbox.calls()


def test_a_file_that_is_not_an_image_is_refused_by_the_platform(x: XConnector, tmp_path, sandbox: Sandbox) -> None:
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"%PDF-1.7 not an image")
    with pytest.raises(InvalidContentError):
        x.publish(OutgoingPost(variant_id=1, text="hi", media=[MediaItem(str(fake), "image/png", 20)]))
    assert sandbox.posts("x") == []


def test_long_text_becomes_a_numbered_thread_only_when_asked(x: XConnector, sandbox: Sandbox) -> None:
    text = " ".join(f"sentence{i}" for i in range(80))
    with pytest.raises(InvalidContentError, match="thread"):
        x.publish(OutgoingPost(variant_id=1, text=text))
    assert sandbox.posts("x") == []  # refused before any network call

    published = x.publish(OutgoingPost(variant_id=1, text=text, as_thread=True))
    posts = sandbox.posts("x")
    count = x.check(OutgoingPost(variant_id=1, text=text, as_thread=True)).parts
    assert len(posts) == count > 1
    assert [p["text"].split(" ", 1)[0] for p in posts] == [f"{i}/{count}" for i in range(1, count + 1)]
    assert [p["reply_to"] for p in posts] == [None, *[p["id"] for p in posts[:-1]]]
    assert published.remote_id == posts[0]["id"]
    assert published.extra_ids == tuple(p["id"] for p in posts[1:])


def test_a_thread_that_fails_midway_is_rolled_back(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create", 2)
    with pytest.raises(RateLimitedError):
        x.publish(OutgoingPost(variant_id=1, text="word " * 150, as_thread=True))
    assert sandbox.posts("x") == []  # the two parts that got through were deleted
    assert len(sandbox.posts("x", include_deleted=True)) == 2


def test_delete_removes_the_post_and_is_idempotent(x: XConnector, sandbox: Sandbox) -> None:
    published = x.publish(OutgoingPost(variant_id=1, text="To be withdrawn"))
    x.delete(published.remote_id)
    assert sandbox.posts("x") == []
    x.delete(published.remote_id)  # already gone: nothing to do


def test_deleting_another_accounts_post_is_permanent(x: XConnector, sandbox: Sandbox) -> None:
    other = XConnector(x_account(sandbox, access_token="xtoken-OTHER-fake"))
    published = other.publish(OutgoingPost(variant_id=1, text="Someone else's post"))
    with pytest.raises(PermanentError):
        x.delete(published.remote_id)


def test_verify_returns_the_identity(x: XConnector) -> None:
    identity = x.verify()
    assert identity.remote_id == user_id_for(X_KEYS["access_token"])
    assert identity.handle and identity.handle.startswith("sandbox_")


def test_an_oauth2_user_token_is_refused_for_the_oauth1_keys(sandbox: Sandbox) -> None:
    from connectors.base import AccountContext

    account = AccountContext("OAuth2", "x", sandbox.base_url, None, {"bearer_token": Secret("oauth2-user-token-fake")})
    with pytest.raises(AuthenticationError, match="expires two hours after it is issued"):
        XConnector(account)  # it would work for two hours, then every post would fail
    assert sandbox.posts("x") == []


def test_missing_credentials_are_an_authentication_error(sandbox: Sandbox) -> None:
    from connectors.base import AccountContext

    with pytest.raises(AuthenticationError, match="set-secret"):
        XConnector(AccountContext("Empty", "x", sandbox.base_url, None, {}))


def test_find_published_reconciles_after_a_lost_answer(x: XConnector, sandbox: Sandbox) -> None:
    post = OutgoingPost(variant_id=7, text="Published, but the answer was lost https://example.org/x")
    sandbox.set_faults("drop-after:1", times=1, path="/2/tweets", method="POST")
    with pytest.raises(RetryableError):
        x.publish(post)
    [record] = sandbox.posts("x")  # the platform did create it
    found = x.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == record["id"]
    assert x.find_published(OutgoingPost(variant_id=8, text="Never published"), AN_HOUR_AGO) is None
    assert x.find_published(post, datetime.now(UTC) + timedelta(hours=1)) is None  # posted before `since`


def test_find_published_pages_through_the_timeline(x: XConnector, sandbox: Sandbox) -> None:
    user = user_id_for(X_KEYS["access_token"])
    now = sandbox.state.now()
    target = sandbox.state.add_post(PostRecord("x", sandbox.state.new_id(), user, "The old one", now - 60))
    for i in range(150):
        sandbox.state.add_post(PostRecord("x", sandbox.state.new_id(), user, f"newer {i}", now))
    found = x.find_published(OutgoingPost(variant_id=1, text="The old one"), AN_HOUR_AGO)
    assert found is not None and found.remote_id == target.id


def test_metrics_come_in_batches_of_100_and_grow(x: XConnector, sandbox: Sandbox) -> None:
    user = user_id_for(X_KEYS["access_token"])
    ids = [
        sandbox.state.add_post(PostRecord("x", sandbox.state.new_id(), user, f"p{i}", sandbox.state.now())).id
        for i in range(150)
    ]
    sandbox.advance(3600)
    first = x.fetch_metrics(ids)
    assert [m.remote_id for m in first] == ids
    assert sum(1 for call in sandbox.calls() if call == ("GET", "/2/tweets")) == 2
    assert all(m.impressions and m.impressions > 0 for m in first)
    assert all(m.clicks is not None and m.missing == () for m in first)  # own recent posts: non-public too
    sandbox.advance(3600)
    later = x.fetch_metrics(ids[:1])
    assert later[0].impressions is not None and later[0].impressions > (first[0].impressions or 0)


def test_non_public_metrics_are_missing_for_posts_of_others(x: XConnector, sandbox: Sandbox) -> None:
    other = XConnector(x_account(sandbox, access_token="xtoken-OTHER-fake"))
    theirs = other.publish(OutgoingPost(variant_id=1, text="Not ours"))
    deleted = x.publish(OutgoingPost(variant_id=2, text="Gone"))
    x.delete(deleted.remote_id)
    sandbox.advance(600)
    [their_metrics, gone] = x.fetch_metrics([theirs.remote_id, deleted.remote_id])
    assert their_metrics.reactions is not None and their_metrics.clicks is None
    assert set(their_metrics.missing) == {"non_public_metrics", "organic_metrics"}
    assert gone.missing == ("post",)


def test_rate_limit_is_read_from_the_headers(x: XConnector, sandbox: Sandbox) -> None:
    assert x.rate_limit() is None
    x.publish(OutgoingPost(variant_id=1, text="one"))
    state = x.rate_limit()
    assert state is not None and (state.limit, state.remaining) == (100, 99)
    assert state.resets_at is not None and state.resets_at > datetime.now(UTC)


def test_rate_limited_error_carries_the_reset_time(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("x", "create", 1)
    x.publish(OutgoingPost(variant_id=1, text="one"))
    with pytest.raises(RateLimitedError) as caught:
        x.publish(OutgoingPost(variant_id=2, text="two"))
    assert caught.value.reset_at is not None and caught.value.reset_at > datetime.now(UTC)
    assert caught.value.retryable
    assert x.rate_limit() is not None and x.rate_limit().remaining == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("500", RetryableError),
        ("503", RetryableError),
        ("drop", RetryableError),
        ("429", RateLimitedError),
        ("auth", AuthenticationError),
        ("policy", PolicyBlockedError),
        ("permission", PolicyBlockedError),
    ],
)
def test_faults_become_the_right_error(x: XConnector, sandbox: Sandbox, fault: str, error: type[Exception]) -> None:
    sandbox.set_faults(f"{fault}:1", times=1, path="/2/tweets")
    with pytest.raises(error):
        x.publish(OutgoingPost(variant_id=1, text="Hello"))
    assert sandbox.posts("x") == []
    x.publish(OutgoingPost(variant_id=1, text="Hello"))  # the fault fired once; the retry succeeds
    assert len(sandbox.posts("x")) == 1


def test_a_timeout_is_retryable(sandbox: Sandbox) -> None:
    connector = XConnector(x_account(sandbox), timeout=1)
    sandbox.set_faults("timeout:1:4", times=1, path="/2/users/me")
    with pytest.raises(RetryableError, match="in time"):
        connector.verify()


def test_duplicate_content(x: XConnector) -> None:
    x.publish(OutgoingPost(variant_id=1, text="Same words"))
    with pytest.raises(DuplicateContentError):
        x.publish(OutgoingPost(variant_id=2, text="Same words"))


def test_revoked_credentials_need_a_reconnect(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.revoke(X_KEYS["access_token"])
    with pytest.raises(AuthenticationError, match="reconnect"):
        x.verify()


def test_images_without_text_are_published_and_not_claimed_blindly_after_a_crash(
    x: XConnector, sandbox: Sandbox, png: MediaItem
) -> None:
    post = OutgoingPost(variant_id=1, text="", media=[png])
    assert x.check(post).ok
    assert x.find_published(post, AN_HOUR_AGO) is None  # no post of images alone yet: safe to send
    published = x.publish(post)
    [record] = sandbox.posts("x")
    assert (record["id"], record["text"], len(record["media_ids"])) == (published.remote_id, "", 1)
    with pytest.raises(PermanentError, match="publish it again only if it is not there"):
        x.find_published(OutgoingPost(variant_id=2, text="", media=[png]), AN_HOUR_AGO)


def test_a_missing_permission_says_what_to_grant(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_faults("permission:1", times=1, path="/2/tweets")
    with pytest.raises(PolicyBlockedError, match="read and write access"):
        x.publish(OutgoingPost(variant_id=1, text="Needs write access"))
