"""X posts found again after a lost answer or a crash: threads all or nothing, texts as X returns them."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from connectors.base import MediaItem, OutgoingPost, RetryableError
from connectors.sandbox import Sandbox
from connectors.sandbox.state import PostRecord, user_id_for
from connectors.x import XConnector
from tests.support.connector_accounts import X_KEYS

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)
THREAD = OutgoingPost(variant_id=1, text="word " * 120, as_thread=True)  # three parts
BEARER = {"Authorization": "Bearer some-user-token"}


def _live(sandbox: Sandbox) -> list[str]:
    return [p["text"] for p in sandbox.posts("x")]


def test_the_thread_used_here_has_three_parts(x: XConnector) -> None:
    assert x.check(THREAD).parts == 3


def test_a_thread_part_whose_answer_was_lost_is_rolled_back_too(x: XConnector, sandbox: Sandbox) -> None:
    # The second create reaches X, which posts "2/3 ...", but the answer never comes back.
    sandbox.set_faults("drop-after:1", times=1, skip=1, path="/2/tweets", method="POST")
    with pytest.raises(RetryableError):
        x.publish(THREAD)
    assert _live(sandbox) == []  # part 1 and the orphan part 2 are both gone
    assert len(sandbox.posts("x", include_deleted=True)) == 2

    published = x.publish(THREAD)  # the retry is not refused as a duplicate of an orphan
    assert [t.split(" ", 1)[0] for t in _live(sandbox)] == ["1/3", "2/3", "3/3"]
    assert len(published.extra_ids) == 2


def _post_parts(sandbox: Sandbox, texts: list[str]) -> list[str]:
    """Parts of a thread as a crashed process left them: each replying to the one before."""
    user = user_id_for(X_KEYS["access_token"])
    ids: list[str] = []
    for text in texts:
        record = PostRecord(
            "x", sandbox.state.new_id(), user, text, sandbox.state.now(), reply_to=ids[-1] if ids else None
        )
        ids.append(sandbox.state.add_post(record).id)
    return ids


def test_find_published_does_not_take_an_incomplete_thread_for_the_post(x: XConnector, sandbox: Sandbox) -> None:
    parts = x._parts(THREAD)
    _post_parts(sandbox, parts[:2])  # killed after parts 1 and 2 went out
    assert x.find_published(THREAD, AN_HOUR_AGO) is None
    assert _live(sandbox) == []  # the incomplete thread was deleted, so that publish starts over

    published = x.publish(THREAD)
    assert len(_live(sandbox)) == 3
    found = x.find_published(THREAD, AN_HOUR_AGO)
    assert found is not None
    assert (found.remote_id, found.extra_ids) == (published.remote_id, published.extra_ids)


def test_find_published_follows_the_reply_chain(x: XConnector, sandbox: Sandbox) -> None:
    parts = x._parts(THREAD)
    first, second = _post_parts(sandbox, parts[:2])
    _post_parts(sandbox, parts[2:])  # the right text, but not a reply to part 2
    assert x.find_published(THREAD, AN_HOUR_AGO) is None
    assert _live(sandbox) == []

    ids = _post_parts(sandbox, parts)
    found = x.find_published(THREAD, AN_HOUR_AGO)
    assert found is not None and (found.remote_id, *found.extra_ids) == tuple(ids)
    assert first not in ids and second not in ids


def test_the_emulator_returns_texts_as_x_does(sandbox: Sandbox, png: MediaItem) -> None:
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt")
    created = requests.post(
        f"{sandbox.base_url}/2/tweets", json={"text": f"Q&A <today> {decomposed}"}, headers=BEARER, timeout=10
    ).json()["data"]
    assert created["text"] == "Q&amp;A &lt;today&gt; Tiếng Việt"
    assert created["text"] == unicodedata.normalize("NFC", created["text"])
    assert sandbox.posts("x")[0]["text"] == "Q&A <today> Tiếng Việt"  # the record keeps the plain text

    upload = requests.post(
        f"{sandbox.base_url}/2/media/upload",
        files={"media": ("a.png", Path(png.path).read_bytes(), "image/png")},
        headers=BEARER,
        timeout=10,
    ).json()["data"]["id"]
    with_media = requests.post(
        f"{sandbox.base_url}/2/tweets",
        json={"text": "With a photo", "media": {"media_ids": [upload]}},
        headers=BEARER,
        timeout=10,
    ).json()["data"]
    looked_up = requests.get(f"{sandbox.base_url}/2/tweets/{with_media['id']}", headers=BEARER, timeout=10).json()
    assert looked_up["data"]["text"].startswith("With a photo https://t.co/")
    assert looked_up["data"]["text"] == with_media["text"]


@pytest.mark.parametrize(
    "text",
    [
        "Visa office: Mon & Tue <9:00-12:00> https://example.org/visa",
        unicodedata.normalize("NFD", "Đại sứ quán thông báo lịch làm việc mới."),
    ],
)
def test_find_published_matches_texts_as_x_rewrites_them(
    x: XConnector, sandbox: Sandbox, png: MediaItem, text: str
) -> None:
    for number, media in enumerate(([], [png])):
        post = OutgoingPost(variant_id=number, text=f"{text} ({number})", media=media)
        sandbox.set_faults("drop-after:1", times=1, path="/2/tweets", method="POST")
        with pytest.raises(RetryableError):
            x.publish(post)
        record = sandbox.posts("x")[-1]
        found = x.find_published(post, AN_HOUR_AGO)
        assert found is not None and found.remote_id == record["id"], f"missed with media={bool(media)}"


def test_a_thread_with_media_and_special_characters_is_found_whole(
    x: XConnector, sandbox: Sandbox, png: MediaItem
) -> None:
    post = OutgoingPost(variant_id=1, text="Q&A <live> " + "mot " * 120, media=[png], as_thread=True)
    published = x.publish(post)
    found = x.find_published(post, AN_HOUR_AGO)
    assert found is not None and found.remote_id == published.remote_id
    assert len(found.extra_ids) == x.check(post).parts - 1
