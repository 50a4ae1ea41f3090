"""Failures that leave the outcome unknown are retryable, on both platforms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from connectors import facebook_errors, x_errors
from connectors.base import OutgoingPost, PermanentError, RetryableError
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.x import XConnector

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)

#: Requests exceptions that derive from RequestException only, not from ConnectionError or Timeout.
BROKEN_EXCHANGES = [
    requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead(10 bytes read, 20 more expected)"),
    requests.exceptions.ContentDecodingError("Received response with content-encoding: gzip, but failed to decode"),
    requests.exceptions.RetryError("Max retries exceeded"),
    requests.exceptions.RequestException("something else went wrong on the wire"),
]


@pytest.mark.parametrize("exc", BROKEN_EXCHANGES, ids=lambda e: type(e).__name__)
def test_a_broken_exchange_is_retryable_on_both_platforms(exc: Exception) -> None:
    for translated in (x_errors.translate(exc, "publish"), facebook_errors.translate(exc, "publish")):
        assert isinstance(translated, RetryableError), translated
        assert "broke off" in translated.message


def test_a_malformed_api_address_stays_permanent() -> None:
    exc = requests.exceptions.MissingSchema("Invalid URL 'example.org/2/tweets': No scheme supplied.")
    assert type(x_errors.translate(exc, "publish")) is PermanentError
    assert type(facebook_errors.translate(exc, "publish")) is PermanentError


def test_x_answer_cut_mid_body_is_retryable_and_the_post_is_found(x: XConnector, sandbox: Sandbox) -> None:
    post = OutgoingPost(variant_id=1, text="The answer broke off halfway")
    sandbox.set_faults("truncate:1", times=1, path="/2/tweets", method="POST")
    with pytest.raises(RetryableError):
        x.publish(post)
    [record] = sandbox.posts("x")  # X did create it
    found = x.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == record["id"]


def test_facebook_answer_cut_mid_body_is_retryable_and_the_post_is_found(
    fb: FacebookConnector, sandbox: Sandbox
) -> None:
    post = OutgoingPost(variant_id=1, text="La réponse a été coupée")
    sandbox.set_faults("truncate:1", times=1, path="/feed", method="POST")
    with pytest.raises(RetryableError):
        fb.publish(post)
    [record] = sandbox.posts("facebook")
    found = fb.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == record["id"]
