"""Length and media rules of each platform, checked without the network.

X's weighted counting lives in :mod:`connectors.xlength`; Facebook counts plain characters up
to 63,206. Here are the whole-post checks, the media rules and the thread splitting.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from connectors.base import CheckResult, MediaItem
from connectors.xlength import X_LIMIT, x_is_valid, x_weighted_length
from core.words import Msg

FACEBOOK_LIMIT = 63_206
MAX_IMAGES = 4
EMPTY_POST = Msg("The post is empty: give a text, a link or an image.")
X_ALT_TEXT_LIMIT = 1000

#: Media accepted per platform: MIME type -> largest size in bytes.
X_MEDIA = {
    "image/jpeg": 5 * 1024 * 1024,
    "image/png": 5 * 1024 * 1024,
    "image/webp": 5 * 1024 * 1024,
    "image/gif": 15 * 1024 * 1024,
    "video/mp4": 512 * 1024 * 1024,
}
#: X's kinds of media that go through the chunked upload and processing, and take a post alone.
X_GIF = "image/gif"
X_VIDEOS = frozenset({"video/mp4"})
#: X's ``media_category`` for each kind.
X_CATEGORY_GIF, X_CATEGORY_VIDEO, X_CATEGORY_IMAGE = "tweet_gif", "tweet_video", "tweet_image"


def x_media_category(mime_type: str) -> str:
    """X's ``media_category`` for a file of ``mime_type``."""
    if mime_type == X_GIF:
        return X_CATEGORY_GIF
    return X_CATEGORY_VIDEO if mime_type in X_VIDEOS else X_CATEGORY_IMAGE


def x_media_mix_problem(mime_types: Sequence[str]) -> str | None:
    """Why X refuses this set of media, ``None`` when it takes it: up to 4 photos, or 1 GIF, or 1 video."""
    gifs = sum(1 for m in mime_types if m == X_GIF)
    videos = sum(1 for m in mime_types if m in X_VIDEOS)
    if gifs + videos == 0:
        if len(mime_types) > MAX_IMAGES:
            return Msg("X takes at most {most} images; this post has {count}.", most=MAX_IMAGES, count=len(mime_types))
        return None
    if len(mime_types) == 1:
        return None
    kind = "GIF" if gifs else Msg("video")
    return Msg(
        "X takes up to {most} photos, or 1 GIF, or 1 video in a post; this post mixes a {kind} with "
        "{others} other file(s): keep the {kind} alone, or post the rest separately.",
        most=MAX_IMAGES,
        kind=kind,
        others=len(mime_types) - 1,
    )


FACEBOOK_MEDIA = {
    "image/jpeg": 4 * 1024 * 1024,
    "image/png": 4 * 1024 * 1024,
    "image/gif": 4 * 1024 * 1024,
    "image/bmp": 4 * 1024 * 1024,
    "image/tiff": 4 * 1024 * 1024,
}


def x_text(text: str, link: str | None) -> str:
    """The text X receives: X has no link field, so a link goes at the end unless already there."""
    body = text.strip()
    if link and link not in body:
        body = f"{body}\n{link}" if body else link
    return body


def facebook_message(text: str, link: str | None, *, photos: bool) -> str:
    """The ``message`` Facebook receives. A text post sends its link in the ``link`` field, so the
    message is the text as written; a photo post has no link field, so the link goes at its end.

    Publishing, the length check and the look-up after a crash all use this one function, so a
    photo post with a link is measured and recognised by the message that was really sent.
    """
    if photos and link and link not in text:
        return f"{text}\n{link}".strip()
    return text


#: A word with the whitespace after it; CJK text, written without spaces, breaks after 。！？ too.
_TOKEN = re.compile(r"[^\s。！？]*[。！？]+\s*|\S+\s*")


def split_thread(text: str, limit: int = X_LIMIT) -> list[str]:
    """Split ``text`` into numbered parts ("1/3 ...") that each fit X.

    Parts break between words (or after a CJK full stop), keep the text's own line breaks, and
    cut a word only when it alone is too long. Returns ``[text]`` when it already fits.
    """
    text = text.strip()
    if x_weighted_length(text) <= limit:
        return [text]
    tokens = _TOKEN.findall(text)
    weights = [x_weighted_length(token) for token in tokens]
    guess = 2  # the numbering's length depends on the number of parts: grow until stable
    while True:
        room = limit - len(f"{guess}/{guess} ")
        parts = _pack(tokens, weights, room)
        if any(x_weighted_length(part) > room for part in parts):
            parts = _pack(tokens, None, room)  # weights did not add up (a rule across words): measure exactly
        if len(parts) <= guess:
            return [f"{i}/{len(parts)} {part}" for i, part in enumerate(parts, start=1)]
        guess = len(parts)


def _pack(tokens: Sequence[str], weights: Sequence[int] | None, room: int) -> list[str]:
    """Greedy packing of tokens into parts of at most ``room``; with ``weights`` a part's length is
    the sum of its tokens' (fast), without them every candidate is measured whole (exact)."""
    parts: list[str] = []
    current, used = "", 0
    for index, token in enumerate(tokens):
        candidate = current + token
        length = x_weighted_length(candidate.rstrip()) if weights is None else used + weights[index]
        if length <= room:
            current, used = candidate, length
            continue
        if current.strip():
            parts.append(current.rstrip())
        pieces = _cut(token.rstrip(), room)
        parts.extend(pieces[:-1])
        current = pieces[-1] + token[len(token.rstrip()) :]
        used = x_weighted_length(current)
    if current.strip():
        parts.append(current.rstrip())
    return parts


def _cut(word: str, room: int) -> list[str]:
    """``word`` in pieces of at most ``room`` (binary search for each longest prefix that fits)."""
    pieces: list[str] = []
    while x_weighted_length(word) > room:
        low, high = 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if x_weighted_length(word[:middle]) <= room:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[:low])
        word = word[low:]
    pieces.append(word)
    return pieces


def _check_media(media: Sequence[MediaItem], accepted: dict[str, int], platform: str) -> list[str]:
    problems: list[str] = []
    if platform == "X":
        mix = x_media_mix_problem([item.mime_type for item in media])
        if mix is not None:
            problems.append(mix)
    elif len(media) > MAX_IMAGES:
        problems.append(
            Msg(
                "{platform} takes at most {most} images; this post has {count}.",
                platform=platform,
                most=MAX_IMAGES,
                count=len(media),
            )
        )
    for item in media:
        name = Path(item.path).name
        largest = accepted.get(item.mime_type)
        if largest is None:
            kinds = ", ".join(sorted(accepted))
            problems.append(
                Msg(
                    "{platform} does not take {type} files ({name}); use {kinds}.",
                    platform=platform,
                    type=item.mime_type,
                    name=name,
                    kinds=kinds,
                )
            )
        elif item.size_bytes > largest:
            problems.append(
                Msg(
                    "{name} is {size:.1f} MB; {platform} takes at most {largest:.0f} MB for {type}.",
                    name=name,
                    size=item.size_bytes / 1_048_576,
                    platform=platform,
                    largest=largest / 1_048_576,
                    type=item.mime_type,
                )
            )
        if platform == "X" and len(item.alt_text) > X_ALT_TEXT_LIMIT:
            problems.append(
                Msg("The alt text of {name} is longer than {most} characters.", name=name, most=X_ALT_TEXT_LIMIT)
            )
    return problems


def check_x(
    text: str, media: Sequence[MediaItem] = (), *, link: str | None = None, as_thread: bool = False
) -> CheckResult:
    """Whether a post fits X: weighted length (or a thread when asked), media types and sizes.

    A post with images may have no text (X accepts it). Every part of a thread must pass
    twitter-text's validity check, as a single post must.
    """
    body = x_text(text, link)
    length = x_weighted_length(body)
    problems = _check_media(media, X_MEDIA, "X")
    parts = split_thread(body) if as_thread and body else [body]
    if not body:
        if not media:
            problems.append(EMPTY_POST)
    elif not as_thread and length > X_LIMIT:
        problems.append(
            Msg(
                "The text is {length} weighted characters; X allows {limit} (shorten it, or publish it as a thread).",
                length=length,
                limit=X_LIMIT,
            )
        )
    else:
        refused = [number for number, part in enumerate(parts, start=1) if not x_is_valid(part)]
        if refused and len(parts) == 1:
            problems.append(Msg("The text contains characters X does not accept."))
        elif refused:
            listed = ", ".join(str(number) for number in refused)
            problems.append(Msg("Part {listed} of the thread contains characters X does not accept.", listed=listed))
    return CheckResult(ok=not problems, length=length, limit=X_LIMIT, problems=tuple(problems), parts=len(parts))


def check_facebook(text: str, media: Sequence[MediaItem] = (), *, link: str | None = None) -> CheckResult:
    """Whether a post fits a Facebook Page: 63,206 characters (of the message as sent, so with the
    link a photo post carries at its end), media types and sizes."""
    length = len(facebook_message(text, link, photos=bool(media)))
    problems = _check_media(media, FACEBOOK_MEDIA, "Facebook")
    if not text.strip() and not media and not link:
        problems.append(EMPTY_POST)
    if length > FACEBOOK_LIMIT:
        problems.append(
            Msg("The text is {length} characters; Facebook allows {limit}.", length=length, limit=FACEBOOK_LIMIT)
        )
    return CheckResult(ok=not problems, length=length, limit=FACEBOOK_LIMIT, problems=tuple(problems))


_URL = re.compile(r"https?://\S+")
_TRAILING_URL = re.compile(r"\s*https?://\S+\s*$")


def comparable(text: str, *, escaped: bool = False, media_link: bool = False, keep_links: bool = False) -> str:
    """``text`` reduced for "is this the same post" comparisons.

    Always: Unicode NFC (X stores text normalised, so a decomposed "ế" typed on some keyboards
    comes back composed), links (which platforms rewrite, e.g. to t.co) become a placeholder, and
    whitespace is collapsed. For a text read back from X: ``escaped`` undoes X's HTML escaping of
    ``&``, ``<`` and ``>`` (only there: a text of ours that literally contains "&amp;" must stay
    as it is), and ``media_link`` drops the ``https://t.co/...`` link X adds at the end of a post
    with media. ``keep_links`` compares links literally, for a platform that does not rewrite them
    (Facebook keeps a message as it was sent: two posts that differ only by their link differ).
    """
    if escaped:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if media_link:
        text = _TRAILING_URL.sub("", text)
    return " ".join((text if keep_links else _URL.sub("<url>", text)).split())
