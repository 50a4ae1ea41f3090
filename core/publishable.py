"""Whether a post can be published to an account at all, asked when it is scheduled.

A post that is sure to fail (10,000 emoji for X, a 60 MB image) must be refused while the person
is still there, with the message publishing would give, not hours later by the worker. Core
never names a connector module: it asks the class registered for the platform
(:func:`core.platforms.connector_class`) through its ``check``, with a post of the same shape as
``connectors.base.OutgoingPost``. A plugin whose ``check`` needs an instance is checked for its
stated length limit only.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core import platforms
from core.domain import Account
from core.errors import UserError
from core.words import Msg


@dataclass(frozen=True)
class MediaShape:
    """One image or video to attach, with its alt text (``connectors.base.MediaItem`` is this class)."""

    path: str
    mime_type: str
    size_bytes: int
    alt_text: str = ""


@dataclass(frozen=True)
class PostShape:
    """What a connector publishes or checks: one variant's text and media for one account
    (``connectors.base.OutgoingPost`` is this class)."""

    variant_id: int
    text: str
    media: Sequence[MediaShape] = ()
    link: str | None = None
    as_thread: bool = False


def problems(platform: str, text: str, media: Sequence[MediaShape] = (), *, as_thread: bool = False) -> list[str]:
    """What stops ``text`` and ``media`` from being published on ``platform`` (empty: nothing known)."""
    cls = platforms.connector_class(platform)
    if isinstance(inspect.getattr_static(cls, "check", None), staticmethod | classmethod):
        check: Any = cls.check  # type: ignore[attr-defined]  # checked just above
        result = check(PostShape(variant_id=0, text=text, media=tuple(media), as_thread=as_thread))
        return [] if result.ok else list(result.problems)  # each a Msg where the connector wrote one
    rule = platforms.spec(platform)
    if rule.length_limit is not None and rule.length(text) > rule.length_limit:
        return [
            Msg(
                "The text is {length} {unit}; {platform} allows {limit}.",
                length=rule.length(text),
                unit=rule.length_unit,
                platform=rule.name,
                limit=rule.length_limit,
            )
        ]
    return []


def ensure_publishable(
    account: Account,
    text: str,
    media: Sequence[MediaShape] = (),
    *,
    as_thread: bool = False,
    links_dropped: bool = False,
) -> None:
    """A :class:`UserError` with the platform's own reasons when the post cannot go to ``account``.

    ``text`` is the text as the account sends it; ``links_dropped`` says that its links were taken
    out for this account (``core.services.account_options.text_as_sent``), which the message then
    names: a post that is only a link is empty on such an account. ``media`` should name the files
    the person chose (not the copies in the media folder), so that the message names a file they know.
    """
    found = problems(account.platform, text, media, as_thread=as_thread)
    if found and links_dropped:
        raise UserError(
            Msg(
                "This post cannot be published to {account!r}, which posts without links "
                '("Post links on X" is off): {problems}',
                account=account.name,
                problems=Msg.joined(found),
            )
        )
    if found:
        raise UserError(
            Msg(
                "This post cannot be published to {account!r}: {problems}",
                account=account.name,
                problems=Msg.joined(found),
            )
        )
