"""X GIFs and videos: the chunked upload, processing_info polling, and the media mix X takes."""

from __future__ import annotations

from pathlib import Path

import pytest
import tweepy

from connectors import xmedia
from connectors.base import InvalidContentError, MediaItem, OutgoingPost
from connectors.sandbox import Sandbox
from connectors.x import XConnector
from tests.support.connector_accounts import x_account

GIF_BYTES = b"GIF89a" + bytes(500)
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42" + bytes(900)


@pytest.fixture
def waits() -> list[float]:
    """The waits the connector asked for between two status checks."""
    return []


@pytest.fixture
def xw(sandbox: Sandbox, waits: list[float]) -> XConnector:
    """An X connector that records its waits instead of sleeping."""
    return XConnector(x_account(sandbox), timeout=5, sleep=waits.append)


def _file(tmp_path: Path, name: str, data: bytes, mime: str, alt: str = "") -> MediaItem:
    path = tmp_path / name
    path.write_bytes(data)
    return MediaItem(str(path), mime, len(data), alt_text=alt)


def _media_calls(sandbox: Sandbox) -> list[tuple[str, str]]:
    return [(m, p.rsplit("/", 1)[-1] if p != "/2/media/upload" else p) for m, p in sandbox.calls() if "/media/" in p]


def test_a_gif_goes_through_the_chunked_upload_and_waits_for_processing(
    xw: XConnector, sandbox: Sandbox, tmp_path: Path, waits: list[float]
) -> None:
    gif = _file(tmp_path, "wave.gif", GIF_BYTES, "image/gif", alt="A waving flag")
    published = xw.publish(OutgoingPost(variant_id=1, text="Happy national day", media=[gif]))
    assert _media_calls(sandbox) == [
        ("POST", "initialize"),
        ("POST", "append"),
        ("POST", "finalize"),
        ("GET", "/2/media/upload"),  # pending -> in_progress
        ("GET", "/2/media/upload"),  # in_progress -> succeeded
        ("POST", "metadata"),
    ]
    assert waits == [1.0, 1.0]  # check_after_secs, as processing_info asked
    [record] = sandbox.posts("x")
    [media_id] = record["media_ids"]
    assert record["id"] == published.remote_id
    stored = sandbox.state.media[media_id]
    assert (stored.mime_type, stored.state, stored.size, stored.alt_text) == (
        "image/gif",
        "succeeded",
        len(GIF_BYTES),
        "A waving flag",
    )


def test_a_video_is_sent_in_several_chunks(
    xw: XConnector, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xmedia, "CHUNK", 400)
    clip = _file(tmp_path, "speech.mp4", MP4_BYTES, "video/mp4")
    whole = Path.read_bytes

    def never_whole(path: Path) -> bytes:  # a 512 MB video is read a chunk at a time, never whole
        assert path.suffix != ".mp4", "the video was read whole"
        return whole(path)

    monkeypatch.setattr(Path, "read_bytes", never_whole)
    xw.publish(OutgoingPost(variant_id=1, text="The ambassador's speech", media=[clip]))
    appends = [c for c in _media_calls(sandbox) if c == ("POST", "append")]
    assert len(appends) == 3
    [record] = sandbox.posts("x")
    assert sandbox.state.media[record["media_ids"][0]].size == len(MP4_BYTES)


def test_a_video_gone_from_disk_is_refused_by_name_before_any_upload(
    xw: XConnector, sandbox: Sandbox, tmp_path: Path
) -> None:
    clip = _file(tmp_path, "speech.mp4", MP4_BYTES, "video/mp4")
    Path(clip.path).unlink()
    with pytest.raises(InvalidContentError, match=r"^Cannot read the file speech\.mp4: "):
        xw.publish(OutgoingPost(variant_id=1, text="The ambassador's speech", media=[clip]))
    assert _media_calls(sandbox) == [] and sandbox.posts("x") == []


def test_failed_processing_is_one_clear_sentence_and_nothing_is_posted(
    xw: XConnector, sandbox: Sandbox, tmp_path: Path
) -> None:
    sandbox.state.fail_media_processing = True
    gif = _file(tmp_path, "broken.gif", GIF_BYTES, "image/gif")
    with pytest.raises(InvalidContentError) as caught:
        xw.publish(OutgoingPost(variant_id=1, text="Broken", media=[gif]))
    message = caught.value.message
    assert message.startswith("X could not process the GIF broken.gif") and message.endswith("retry.")
    assert message.count(".") <= 3 and sandbox.posts("x") == []


def test_the_connector_refuses_a_mix_before_any_upload(xw: XConnector, sandbox: Sandbox, tmp_path: Path) -> None:
    gif = _file(tmp_path, "a.gif", GIF_BYTES, "image/gif")
    png = _file(tmp_path, "b.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
    with pytest.raises(InvalidContentError, match="1 GIF"):
        xw.publish(OutgoingPost(variant_id=1, text="Mixed", media=[gif, png]))
    assert _media_calls(sandbox) == []


def _chunked_id(x: XConnector, data: bytes, mime: str, category: str, *, finish: bool) -> str:
    """A media id uploaded in one chunk straight through the session; ``finish``: wait until processed."""
    session = x._media_session()
    auth = session.auth()
    answer = session.session.post(
        f"{session.endpoint}/initialize",
        json={"media_type": mime, "total_bytes": len(data), "media_category": category},
        **auth,
    ).json()
    media_id = answer["data"]["id"]
    session.session.post(
        f"{session.endpoint}/{media_id}/append", data={"segment_index": "0"}, files={"media": ("f", data)}, **auth
    )
    final = session.session.post(f"{session.endpoint}/{media_id}/finalize", **auth).json()
    assert final["data"]["processing_info"]["state"] == "pending"
    assert final["data"]["processing_info"]["check_after_secs"] >= 1
    while finish:
        status = session.session.get(session.endpoint, params={"command": "STATUS", "media_id": media_id}, **auth)
        finish = status.json()["data"]["processing_info"]["state"] != "succeeded"
    return str(media_id)


def test_the_emulator_refuses_media_not_processed_yet_and_mixes(x: XConnector, sandbox: Sandbox) -> None:
    waiting = _chunked_id(x, GIF_BYTES, "image/gif", "tweet_gif", finish=False)
    with pytest.raises(tweepy.BadRequest, match="not ready"):
        x.client.create_tweet(text="Too soon", media_ids=[waiting], user_auth=True)
    ready = _chunked_id(x, GIF_BYTES, "image/gif", "tweet_gif", finish=True)
    video = _chunked_id(x, MP4_BYTES, "video/mp4", "tweet_video", finish=True)
    with pytest.raises(tweepy.BadRequest, match="1 GIF, or 1 video"):
        x.client.create_tweet(text="Mixed", media_ids=[ready, video], user_auth=True)
    x.client.create_tweet(text="Just the GIF", media_ids=[ready], user_auth=True)
    assert len(sandbox.posts("x")) == 1


def test_the_one_shot_upload_takes_images_only(x: XConnector, sandbox: Sandbox) -> None:
    response = x._session.post(
        "https://api.twitter.com/2/media/upload",
        files={"media": ("a.gif", GIF_BYTES, "image/gif")},
        data={"media_category": "tweet_gif"},
        **x._auth_kwargs(),
    )
    assert response.status_code == 400 and "chunked upload" in response.text


def test_a_post_of_media_alone_sends_an_empty_text(x: XConnector, sandbox: Sandbox, png: MediaItem) -> None:
    media_id = x._upload(png)
    with pytest.raises(tweepy.BadRequest, match="text"):
        x.client.create_tweet(media_ids=[media_id], user_auth=True)  # no text field at all: refused, as by X
    x.publish(OutgoingPost(variant_id=1, text="", media=[png]))
    assert [p["text"] for p in sandbox.posts("x")] == [""]
