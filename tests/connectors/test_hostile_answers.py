"""Answers a platform should not send, over real HTTP against the emulator (issue 15, items 1-5).

A redirect, an answer trickled for ever, an error inside a 200, a success body without an id:
each is an *unknown outcome* (a RetryableError, so the publisher looks the post up before
sending again), said in one sentence, and never carries a token anywhere.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from pyfacebook import FacebookError

from connectors.base import OutgoingPost, RetryableError
from connectors.facebook import FacebookConnector
from connectors.facebook_errors import translate as translate_graph
from connectors.sandbox import Sandbox
from connectors.x import XConnector, _created_id
from core.secrets import redact, remember
from tests.support.connector_accounts import PAGE_TOKEN, X_KEYS, fb_account, x_account

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


# --- 1. redirects are never followed ------------------------------------------------------------


def test_x_does_not_follow_a_redirect_and_calls_it_an_unknown_outcome(x: XConnector, sandbox: Sandbox) -> None:
    sandbox.set_faults("redirect:1", times=1, path="/2/tweets", method="POST")
    with pytest.raises(RetryableError, match=r"redirect \(307\) to localhost.*not followed") as caught:
        x.publish(OutgoingPost(variant_id=1, text="Not to another host"))
    assert "expired" not in caught.value.message  # not mistaken for a credentials problem
    assert sandbox.calls().count(("POST", "/2/tweets")) == 1  # the redirect target never got the text
    assert sandbox.posts("x") == []


def test_facebook_does_not_send_the_page_token_to_a_redirect_target(fb: FacebookConnector, sandbox: Sandbox) -> None:
    path = f"/v25.0/{fb.page_id}/feed"
    sandbox.set_faults("redirect:1", times=1, path="/feed", method="POST")
    with pytest.raises(RetryableError, match="redirect") as caught:
        fb.publish(OutgoingPost(variant_id=1, text="The token stays home"))
    assert sandbox.calls().count(("POST", path)) == 1
    assert sandbox.posts("facebook") == []
    assert PAGE_TOKEN not in caught.value.message
    assert fb.find_published(OutgoingPost(variant_id=1, text="The token stays home"), AN_HOUR_AGO) is None


def test_a_redirect_on_a_read_is_refused_too(fb: FacebookConnector, sandbox: Sandbox) -> None:
    sandbox.set_faults("redirect:1", times=1, method="GET")
    with pytest.raises(RetryableError, match="redirect"):
        fb.verify()
    assert len(sandbox.calls()) == 1  # the GET, whose query carried the token, was not repeated elsewhere


# --- 2. a total deadline per call -------------------------------------------------------------


@pytest.mark.parametrize("platform", ["x", "facebook"])
def test_a_trickled_answer_ends_at_the_deadline_as_an_unknown_outcome(sandbox: Sandbox, platform: str) -> None:
    # One byte every 0.3 s is well within the 5 s timeout between bytes: only a total deadline ends it.
    connector: XConnector | FacebookConnector
    if platform == "x":
        connector = XConnector(x_account(sandbox), timeout=5, deadline=1.5)
        sandbox.set_faults("trickle:1:0.3", times=1, path="/2/tweets", method="POST")
    else:
        connector = FacebookConnector(fb_account(sandbox), timeout=5, deadline=1.5)
        sandbox.set_faults("trickle:1:0.3", times=1, path="/feed", method="POST")
    post = OutgoingPost(variant_id=1, text="Slowly answered")
    started = time.monotonic()
    with pytest.raises(RetryableError, match=r"did not finish answering within 1\.5 seconds"):
        connector.publish(post)
    assert time.monotonic() - started < 4
    found = connector.find_published(post, AN_HOUR_AGO)  # the platform did create it: the look-up says so
    assert found is not None and [p["id"] for p in sandbox.posts(platform)] == [found.remote_id]


def test_the_deadline_does_not_cut_calls_that_finish(sandbox: Sandbox) -> None:
    connector = XConnector(x_account(sandbox), timeout=5, deadline=1.0)
    for number in range(3):  # kept-alive connections are reused under later deadlines
        connector.publish(OutgoingPost(variant_id=number, text=f"Quick {number}"))
    time.sleep(1.2)  # the deadlines of the calls above have passed: they must not cut a later call
    connector.publish(OutgoingPost(variant_id=9, text="Later"))
    assert len(sandbox.posts("x")) == 4


# --- 3. an error inside a 200 ---------------------------------------------------------------


def test_a_graph_error_in_a_200_is_an_unknown_outcome_not_a_reason_to_change_the_text(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    post = OutgoingPost(variant_id=1, text="Created, then an error")
    sandbox.set_faults("error-200:1", times=1, path="/feed", method="POST")
    with pytest.raises(RetryableError, match=r"answered 200 with an error \(\(#100\) Invalid parameter\)") as caught:
        fb.publish(post)
    assert "change the text" not in caught.value.message
    [record] = sandbox.posts("facebook")  # it was created
    found = fb.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == record["id"]


def test_an_x_200_with_errors_and_no_data_is_an_unknown_outcome(x: XConnector, sandbox: Sandbox) -> None:
    post = OutgoingPost(variant_id=1, text="Created, then errors")
    sandbox.set_faults("error-200:1", times=1, path="/2/tweets", method="POST")
    with pytest.raises(RetryableError, match=r"without an id .*Invalid Request"):
        x.publish(post)
    assert x.find_published(post, AN_HOUR_AGO) is not None


# --- 4. unexpected success bodies: one sentence, no exception name -----------------------------


@pytest.mark.parametrize(
    "body",
    [{"data": {"text": "ok"}}, {"error": {"message": "Graph-shaped", "code": 1}}, {"data": None}, {"data": {"id": ""}}],
)
def test_a_create_answer_without_an_id_says_what_came_back(body: dict[str, object]) -> None:
    from tweepy import Response

    response = Response(body.get("data"), {}, [body["error"]] if "error" in body else [], {})
    with pytest.raises(RetryableError) as caught:
        _created_id(response, "publish")
    message = caught.value.message
    assert message.startswith("X answered the request to publish without an id (it sent ")
    assert "Error" not in message.replace("errors", "")  # no exception class names
    assert message.count(".") <= 2  # one sentence


def test_a_facebook_create_answer_without_an_id_is_an_unknown_outcome(fb: FacebookConnector) -> None:
    fb.api.post_object = lambda *a, **k: {"data": {"text": "ok"}}  # type: ignore[method-assign]
    with pytest.raises(RetryableError, match=r'without an id \(it sent \{"data": \{"text": "ok"\}\}\)'):
        fb.publish(OutgoingPost(variant_id=1, text="No id"))


# --- 5. secrets in encoded forms ------------------------------------------------------------


def test_secrets_are_scrubbed_percent_and_hex_encoded() -> None:
    token = "EAAB/Zz+tok=en-77"
    remember(token)
    echoed = [
        token,
        "EAAB%2FZz%2Btok%3Den-77",
        "EAAB%2fZz%2btok%3den-77",  # escapes in lower case
        "EAAB/Zz%2Btok%3Den-77",  # "/" left as is, as quote() does by default
        "".join(f"%{b:02x}" for b in token.encode()),
        token.encode().hex(),
        token.encode().hex().upper(),
    ]
    for form in echoed:
        assert redact(f"Invalid token: {form}.") == "Invalid token: ***.", form


def test_a_platform_error_echoing_the_token_percent_encoded_is_scrubbed(sandbox: Sandbox) -> None:
    FacebookConnector(fb_account(sandbox))  # registers the Page token
    echoed = "".join(f"%{b:02X}" for b in PAGE_TOKEN.encode())
    error = FacebookError({"error": {"message": f"Cannot parse access token {echoed}", "code": 190}})
    assert echoed not in translate_graph(error, "publish", 400).message
    x_echo = X_KEYS["access_token"].encode().hex()
    XConnector(x_account(sandbox))
    assert redact(f"token {x_echo}") == "token ***"
