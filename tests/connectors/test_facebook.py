"""The Facebook Page connector, driving python-facebook-api over real HTTP against the emulator."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from connectors.base import (
    AccountContext,
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
from connectors.facebook import GRAPH_VERSION, INSIGHT_METRICS, FacebookConnector, exchange_page_token
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord
from core.practice import PRACTICE_TOKEN
from core.secrets import Secret
from tests.support.connector_accounts import PAGE_ID, PAGE_TOKEN, fb_account

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


def test_is_a_connector_pinned_to_one_graph_version(fb: FacebookConnector, sandbox: Sandbox) -> None:
    assert isinstance(fb, Connector)
    fb.verify()
    assert all(path.startswith(f"/{GRAPH_VERSION}/") for _, path in sandbox.calls())


def test_publish_text_and_link(fb: FacebookConnector, sandbox: Sandbox) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="Bonjour à tous", link="https://example.org/fr"))
    [record] = sandbox.posts("facebook")
    assert record["id"] == published.remote_id and published.remote_id.startswith(f"{PAGE_ID}_")
    assert (record["text"], record["link"]) == ("Bonjour à tous", "https://example.org/fr")


def test_publish_one_photo(fb: FacebookConnector, sandbox: Sandbox, png: MediaItem) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="The flag", media=[png]))
    post = sandbox.state.get(published.remote_id)
    assert post is not None and post.text == "The flag" and post.media_ids == list(published.extra_ids)
    assert sandbox.state.media[published.extra_ids[0]].alt_text == "The national flag"


def test_publish_several_photos_through_attached_media(
    fb: FacebookConnector, sandbox: Sandbox, png: MediaItem, jpeg: MediaItem
) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="The visit", media=[png, jpeg], link="https://e.org/v"))
    post = sandbox.state.get(published.remote_id)
    assert post is not None and len(post.media_ids) == 2
    assert post.text == "The visit\nhttps://e.org/v"  # photo posts have no link field
    photos = [sandbox.state.get(m) for m in post.media_ids]
    assert all(p is not None and p.kind == "photo" and not p.published for p in photos)
    assert [p["id"] for p in sandbox.posts("facebook", kind="post")] == [published.remote_id]


def test_delete(fb: FacebookConnector, sandbox: Sandbox) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="To withdraw"))
    fb.delete(published.remote_id)
    assert sandbox.posts("facebook") == []
    with pytest.raises(PermanentError):
        fb.delete(published.remote_id)  # Graph: the object no longer exists


def test_verify_returns_the_page(fb: FacebookConnector) -> None:
    identity = fb.verify()
    assert identity.remote_id == PAGE_ID and identity.name


def test_find_published(fb: FacebookConnector, sandbox: Sandbox) -> None:
    post = OutgoingPost(variant_id=3, text="Lost answer, post made")
    sandbox.set_faults("drop-after:1", times=1, path="/feed", method="POST")
    with pytest.raises(RetryableError):
        fb.publish(post)
    found = fb.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == sandbox.posts("facebook")[0]["id"]
    assert fb.find_published(OutgoingPost(variant_id=4, text="Not there"), AN_HOUR_AGO) is None


def test_metrics_in_batches_of_50_with_insights(fb: FacebookConnector, sandbox: Sandbox) -> None:
    now = sandbox.state.now()
    ids = [
        sandbox.state.add_post(PostRecord("facebook", f"{PAGE_ID}_{i}", PAGE_ID, f"p{i}", now)).id for i in range(70)
    ]
    sandbox.advance(7200)
    metrics = fb.fetch_metrics(ids)
    assert [m.remote_id for m in metrics] == ids
    assert sum(1 for method, path in sandbox.calls() if (method, path) == ("GET", f"/{GRAPH_VERSION}")) == 2
    first = metrics[0]
    assert first.reactions and first.replies is not None and first.shares is not None
    assert first.impressions and first.clicks is not None and first.missing == ()
    assert set(first.raw) == set(INSIGHT_METRICS) - {"post_reactions_by_type_total"}  # that one is not a number
    sandbox.advance(3600)
    assert (fb.fetch_metrics(ids[:1])[0].impressions or 0) > first.impressions


def test_a_removed_metric_does_not_sink_the_others(fb: FacebookConnector, sandbox: Sandbox) -> None:
    published = fb.publish(OutgoingPost(variant_id=1, text="Measured"))
    sandbox.advance(3600)
    sandbox.remove_metric("post_clicks")
    [metrics] = fb.fetch_metrics([published.remote_id])
    assert metrics.missing == ("post_clicks",)
    assert metrics.clicks is None
    assert metrics.impressions and metrics.reactions is not None
    assert "post_total_media_view_unique" in metrics.raw


def test_usage_headers_become_the_rate_limit(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_rate_limit("facebook", "calls", 4, 3600)
    assert fb.rate_limit() is None
    fb.publish(OutgoingPost(variant_id=1, text="One call"))
    state = fb.rate_limit()
    assert state is not None and (state.limit, state.remaining) == (100, 75)  # one call of four: 25 % used
    fb.verify()  # the Page, then whose token it is: two calls
    assert fb.rate_limit() is not None and fb.rate_limit().remaining == 25  # type: ignore[union-attr]
    fb.delete(sandbox.posts("facebook")[0]["id"])
    with pytest.raises(RateLimitedError) as caught:
        fb.verify()
    assert fb.rate_limit() is not None and fb.rate_limit().remaining == 0  # type: ignore[union-attr]
    # X-Business-Use-Case-Usage says when access comes back (within the hour window).
    assert caught.value.reset_at is not None
    assert timedelta(0) < caught.value.reset_at - datetime.now(UTC) <= timedelta(minutes=61)
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 61 * 60


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("500", RetryableError),
        ("502", RetryableError),
        ("drop", RetryableError),
        ("429", RateLimitedError),
        ("auth", AuthenticationError),
        ("policy", PolicyBlockedError),
        ("permission", PolicyBlockedError),
    ],
)
def test_faults_become_the_right_error(
    fb: FacebookConnector, sandbox: Sandbox, fault: str, error: type[Exception]
) -> None:
    sandbox.set_faults(f"{fault}:1", times=1, path="/feed")
    with pytest.raises(error):
        fb.publish(OutgoingPost(variant_id=1, text="Hello"))
    assert sandbox.posts("facebook") == []
    fb.publish(OutgoingPost(variant_id=1, text="Hello"))
    assert len(sandbox.posts("facebook")) == 1


def test_a_timeout_is_retryable(sandbox: Sandbox) -> None:
    connector = FacebookConnector(fb_account(sandbox), timeout=1)
    sandbox.set_faults("timeout:1:4", times=1)
    with pytest.raises(RetryableError, match="in time"):
        connector.verify()


def test_duplicate_content(fb: FacebookConnector) -> None:
    fb.publish(OutgoingPost(variant_id=1, text="Twice"))
    with pytest.raises(DuplicateContentError):
        fb.publish(OutgoingPost(variant_id=2, text="Twice"))


def test_an_expired_token_needs_a_reconnect(sandbox: Sandbox) -> None:
    connector = FacebookConnector(fb_account(sandbox, token="expired-page-token-fake"))
    with pytest.raises(AuthenticationError, match="reconnect"):
        connector.publish(OutgoingPost(variant_id=1, text="Hello"))


def test_an_image_the_platform_refuses_is_invalid(fb: FacebookConnector, tmp_path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"%PDF-1.7 not an image")
    with pytest.raises(InvalidContentError):
        fb.publish(OutgoingPost(variant_id=1, text="hi", media=[MediaItem(str(path), "image/png", 21)] * 2))


def test_too_long_text_is_refused_before_the_network(fb: FacebookConnector, sandbox: Sandbox) -> None:
    with pytest.raises(InvalidContentError, match="63206"):
        fb.publish(OutgoingPost(variant_id=1, text="a" * 63_207))
    assert sandbox.calls() == []


def test_exchange_page_token(sandbox: Sandbox) -> None:
    token = exchange_page_token(
        Secret("short-user-token-fake"),
        app_id="1234",
        app_secret=Secret("app-secret-fake"),
        page_id=PAGE_ID,
        api_base=sandbox.base_url,
    )
    assert token.reveal() == f"sandbox-page-token-{PAGE_ID}"
    assert "sandbox-page-token" not in repr(token)
    with pytest.raises(AuthenticationError):
        exchange_page_token(
            Secret("expired-user-token"),
            app_id="1234",
            app_secret=Secret("app-secret-fake"),
            page_id=PAGE_ID,
            api_base=sandbox.base_url,
        )


def test_usage_header_shape(fb: FacebookConnector, sandbox: Sandbox) -> None:
    import requests

    answer = requests.get(
        f"{sandbox.base_url}/{GRAPH_VERSION}/{PAGE_ID}", params={"access_token": PAGE_TOKEN}, timeout=10
    )
    usage = json.loads(answer.headers["X-App-Usage"])
    assert set(usage) == {"call_count", "total_cputime", "total_time"}
    assert PAGE_ID in json.loads(answer.headers["X-Business-Use-Case-Usage"])


# --- finding a post after a crash -----------------------------------------------------------------


def test_find_published_knows_a_photo_post_by_the_message_with_its_link(
    fb: FacebookConnector, sandbox: Sandbox, png: MediaItem
) -> None:
    post = OutgoingPost(variant_id=5, text="The flag is raised", media=[png], link="https://example.org/flag")
    sandbox.set_faults("drop-after:1", times=1, path="/photos", method="POST")
    with pytest.raises(RetryableError):
        fb.publish(post)
    [record] = sandbox.posts("facebook", kind="post")
    assert record["text"] == "The flag is raised\nhttps://example.org/flag"  # a photo post has no link field
    found = fb.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == record["id"]
    other_link = OutgoingPost(variant_id=6, text="The flag is raised", media=[png], link="https://example.org/other")
    assert fb.find_published(other_link, AN_HOUR_AGO) is None  # Facebook keeps links as sent: compared literally


def test_find_published_pages_through_the_published_posts(fb: FacebookConnector, sandbox: Sandbox) -> None:
    now = sandbox.state.now()
    target = sandbox.state.add_post(PostRecord("facebook", f"{PAGE_ID}_1", PAGE_ID, "The old one", now - 60))
    for i in range(250):
        sandbox.state.add_post(PostRecord("facebook", f"{PAGE_ID}_{100 + i}", PAGE_ID, f"newer {i}", now))
    found = fb.find_published(OutgoingPost(variant_id=1, text="The old one"), AN_HOUR_AGO)
    assert found is not None and found.remote_id == target.id
    assert sum(1 for _, path in sandbox.calls() if path.endswith("/published_posts")) == 3


def test_find_published_reads_at_most_ten_pages(fb: FacebookConnector, sandbox: Sandbox) -> None:
    now = sandbox.state.now()
    sandbox.state.add_post(PostRecord("facebook", f"{PAGE_ID}_1", PAGE_ID, "Far back", now - 60))
    for i in range(1000):
        sandbox.state.add_post(PostRecord("facebook", f"{PAGE_ID}_{100 + i}", PAGE_ID, f"newer {i}", now))
    assert fb.find_published(OutgoingPost(variant_id=1, text="Far back"), AN_HOUR_AGO) is None
    assert sum(1 for _, path in sandbox.calls() if path.endswith("/published_posts")) == 10


def test_a_post_without_text_is_not_claimed_blindly(fb: FacebookConnector, sandbox: Sandbox, png: MediaItem) -> None:
    textless = OutgoingPost(variant_id=7, text="", media=[png])
    assert fb.find_published(textless, AN_HOUR_AGO) is None  # the Page has no post without text: safe to send
    fb.publish(OutgoingPost(variant_id=8, text="", media=[png]))  # someone's photo without a caption
    with pytest.raises(PermanentError, match="publish it again only if it is not there"):
        fb.find_published(textless, AN_HOUR_AGO)
    captioned = OutgoingPost(variant_id=9, text="A caption", media=[png])
    assert fb.find_published(captioned, AN_HOUR_AGO) is None  # a post with text still looks as usual


# --- whose token it is ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "owner"),
    [("user-EEEE5555-fake", "Sandbox user"), ("sandbox-page-token-100000000000777", "Sandbox Page 100000000000777")],
)
def test_verify_refuses_a_token_that_is_not_this_pages_own(sandbox: Sandbox, token: str, owner: str) -> None:
    connector = FacebookConnector(fb_account(sandbox, token=token), timeout=5)
    with pytest.raises(AuthenticationError) as caught:
        connector.verify()
    message = caught.value.message
    assert owner in message and PAGE_ID in message and "page_token" in message
    assert token not in message and token not in repr(caught.value)


def test_verify_accepts_the_page_token_the_exchange_gives_and_refuses_the_user_token(sandbox: Sandbox) -> None:
    user_token = "short-user-token-fake"
    page_token = exchange_page_token(
        Secret(user_token),
        app_id="1234",
        app_secret=Secret("app-secret-fake"),
        page_id=PAGE_ID,
        api_base=sandbox.base_url,
    )
    assert FacebookConnector(fb_account(sandbox, token=page_token.reveal())).verify().remote_id == PAGE_ID
    with pytest.raises(AuthenticationError, match="belongs to 'Sandbox user'"):
        FacebookConnector(fb_account(sandbox, token=user_token)).verify()


def test_one_practice_token_verifies_for_every_page(sandbox: Sandbox) -> None:
    # The real practice token: a connector remembers its token for redaction process-wide, and an
    # ordinary word as a token would then be redacted from every later message of the test run.
    token = Secret(PRACTICE_TOKEN)
    for page in ("100000000000002", "4242", "100000000000002"):
        context = AccountContext("Practice", "facebook", sandbox.base_url, page, {"page_token": token})
        assert FacebookConnector(context, timeout=5).verify().remote_id == page


def test_a_missing_permission_says_what_to_grant(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_faults("permission:1", times=1, path="/feed")
    with pytest.raises(PolicyBlockedError, match="pages_manage_posts") as caught:
        fb.publish(OutgoingPost(variant_id=1, text="Needs the permission"))
    assert caught.value.code == 200 and caught.value.status == 403
    assert sandbox.posts("facebook") == []
