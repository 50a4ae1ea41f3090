"""Length and media rules, against the official twitter-text conformance cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connectors import textrules
from connectors.base import MediaItem
from connectors.xlength import X_LIMIT, x_is_valid, x_weighted_length

CONFORMANCE = json.loads((Path(__file__).parent / "data" / "twitter_text_validate.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CONFORMANCE["cases"], ids=lambda c: c["description"][:60])
def test_x_weighted_length_agrees_with_twitter_text_conformance(case: dict[str, object]) -> None:
    if case["weightedLength"] is not None:
        assert x_weighted_length(str(case["text"])) == case["weightedLength"]
    assert x_is_valid(str(case["text"])) is case["valid"]


def test_check_x_reports_weighted_length_and_limit() -> None:
    fits = textrules.check_x("東京" * 70)  # CJK weighs 2: exactly 280
    assert (fits.ok, fits.length, fits.limit) == (True, 280, 280)
    too_long = textrules.check_x("東京" * 70 + "!")
    assert not too_long.ok
    assert "281 weighted characters" in too_long.problems[0]


def test_a_link_counts_23_and_is_appended_once() -> None:
    result = textrules.check_x("Read the statement", link="https://example.org/a/very/long/path/to/a/statement")
    assert result.length == len("Read the statement\n") + 23
    assert textrules.x_text("See https://example.org", "https://example.org") == "See https://example.org"


def _body(part: str) -> str:
    return part.split(" ", 1)[1]


def test_split_thread_numbers_parts_that_each_fit() -> None:
    text = "\n\n".join(" ".join(f"word{i}" for i in range(j, j + 20)) + " https://example.org/x" for j in range(10))
    parts = textrules.split_thread(text)
    assert len(parts) > 1
    assert all(x_weighted_length(p) <= X_LIMIT for p in parts)
    assert [p.split(" ", 1)[0] for p in parts] == [f"{i}/{len(parts)}" for i in range(1, len(parts) + 1)]
    assert " ".join(_body(p) for p in parts).split() == text.split()  # nothing lost, nothing added
    assert any("\n\n" in p for p in parts)  # paragraphs survive inside a part
    assert textrules.split_thread("short") == ["short"]


def test_split_thread_handles_text_without_spaces() -> None:
    sentence = "本日、大使館は領事業務の時間を変更します。"  # 21 characters, weight 42
    parts = textrules.split_thread(sentence * 20)
    assert all(x_weighted_length(p) <= X_LIMIT for p in parts)
    assert all(_body(p).endswith("。") for p in parts)  # breaks after a full stop, not mid-sentence
    assert "".join(_body(p) for p in parts) == sentence * 20
    unbroken = "あ" * 400
    pieces = textrules.split_thread(unbroken)
    assert "".join(_body(p) for p in pieces) == unbroken
    assert all(x_weighted_length(p) <= X_LIMIT for p in pieces)


def test_check_x_as_thread_fits_and_counts_parts() -> None:
    result = textrules.check_x("word " * 120, as_thread=True)
    assert result.ok
    assert result.parts == 3


def test_facebook_limit_is_63206_characters() -> None:
    assert textrules.check_facebook("a" * 63_206).ok
    result = textrules.check_facebook("a" * 63_207)
    assert not result.ok
    assert result.limit == 63_206


def test_media_type_size_and_count_are_checked() -> None:
    big = MediaItem("/tmp/big.png", "image/png", 6 * 1024 * 1024)
    video = MediaItem("/tmp/clip.mp4", "video/mp4", 1000)
    small = MediaItem("/tmp/a.jpg", "image/jpeg", 1000)
    x_result = textrules.check_x("hello", [big, video])
    assert not x_result.ok
    assert any("big.png" in p and "5 MB" in p for p in x_result.problems)
    assert any("mixes a video" in p for p in x_result.problems)  # X takes video, but alone
    assert not textrules.check_facebook("hello", [small] * 5).ok
    assert textrules.check_facebook("hello", [small] * 4).ok
    assert not textrules.check_facebook("hello", [MediaItem("/tmp/b.png", "image/png", 5 * 1024 * 1024)]).ok


def test_comparable_ignores_link_rewrites_and_spacing() -> None:
    assert textrules.comparable("Hello  world https://t.co/abc") == textrules.comparable(
        "Hello world\nhttps://example.org/x"
    )


def test_comparable_undoes_what_x_does_to_a_text() -> None:
    ours = textrules.comparable("Q&A <today> Tiếng Việt https://example.org/q")
    from_x = "Q&amp;A &lt;today&gt; Tie\u0302\u0301ng Vie\u0323\u0302t https://t.co/abc https://t.co/media123"
    assert textrules.comparable(from_x, escaped=True, media_link=True) == ours
    assert textrules.comparable(from_x, escaped=True) != ours  # without media, a trailing link is the text's own
    assert textrules.comparable(from_x, media_link=True) != ours  # Facebook texts are not escaped
    assert textrules.comparable("AT&amp;T") == textrules.comparable("AT&amp;amp;T", escaped=True)


def test_every_part_of_a_thread_must_be_valid_for_x() -> None:
    assert textrules.check_x("word " * 120, as_thread=True).ok
    refused = textrules.check_x("word " * 70 + "\ufffe " + "word " * 50, as_thread=True)  # U+FFFE: never valid
    assert not refused.ok and refused.parts == 3
    assert refused.problems == ("Part 2 of the thread contains characters X does not accept.",)
    short = textrules.check_x("short \ufffe", as_thread=True)  # fits in one part: checked all the same
    assert not short.ok and short.problems == ("The text contains characters X does not accept.",)


def test_x_takes_images_without_text() -> None:
    image = MediaItem("/tmp/a.jpg", "image/jpeg", 1000)
    assert textrules.check_x("", [image]).ok
    assert textrules.check_x("", [image], as_thread=True).ok
    empty = textrules.check_x("")
    assert not empty.ok and empty.problems == (textrules.EMPTY_POST,)


def test_the_facebook_length_counts_the_link_a_photo_post_carries() -> None:
    photo = MediaItem("/tmp/a.jpg", "image/jpeg", 1000)
    link = "https://example.org/statement"
    text = "a" * (63_206 - len(link))
    assert textrules.check_facebook(text, link=link).ok  # a text post sends the link in its own field
    with_photo = textrules.check_facebook(text, [photo], link=link)
    assert not with_photo.ok and with_photo.length == 63_206 + 1  # the line break and the link are in the message
    assert textrules.check_facebook(text[:-1], [photo], link=link).length == 63_206
    assert textrules.facebook_message("See", "https://e.org", photos=True) == "See\nhttps://e.org"
    assert textrules.facebook_message("See https://e.org", "https://e.org", photos=True) == "See https://e.org"
    assert textrules.facebook_message("See", "https://e.org", photos=False) == "See"


def _items(*kinds: str) -> list[MediaItem]:
    names = {"image/gif": "a.gif", "video/mp4": "a.mp4", "image/png": "a.png"}
    return [MediaItem(f"/tmp/{i}{names[k]}", k, 1000) for i, k in enumerate(kinds)]


def test_x_takes_four_photos_or_one_gif_or_one_video() -> None:
    for fine in (
        _items(*["image/png"] * 4),
        _items("image/gif"),
        _items("video/mp4"),
    ):
        assert textrules.check_x("hello", fine).ok
    for mixed, words in (
        (_items(*["image/png"] * 5), "at most 4 images"),
        (_items("image/gif", "image/png"), "mixes a GIF with 1 other file(s)"),
        (_items("image/gif", "image/gif"), "1 GIF"),
        (_items("video/mp4", "image/png", "image/png"), "mixes a video with 2 other file(s)"),
        (_items("video/mp4", "image/gif"), "or 1 video"),
    ):
        result = textrules.check_x("hello", mixed)
        assert not result.ok
        [problem] = result.problems
        assert words in problem and problem.endswith(".")


def test_x_media_sizes_follow_the_kind() -> None:
    big_gif = MediaItem("/tmp/big.gif", "image/gif", 16 * 1024 * 1024)
    big_video = MediaItem("/tmp/big.mp4", "video/mp4", 513 * 1024 * 1024)
    assert any("15 MB" in p for p in textrules.check_x("hi", [big_gif]).problems)
    assert any("512 MB" in p for p in textrules.check_x("hi", [big_video]).problems)
    assert textrules.check_x("hi", [MediaItem("/tmp/ok.mp4", "video/mp4", 100 * 1024 * 1024)]).ok
