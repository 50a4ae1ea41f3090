"""What a connector fetched of a post's comments: the shapes the collector records.

Defined in core (core cannot import connectors; :mod:`connectors.base` re-exports them for
plugins) so that :mod:`core.services.comments` can record a fetch without knowing the platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FetchedComment:
    """One comment (Facebook) or reply (X) as the platform shows it now.

    ``remote_id`` is the comment's lasting id: on X an edit makes a new post id, so it is the
    first id of the post's edit history and ``version_id`` the id of the text shown. ``edited``:
    the platform itself says the text was changed (X: more than one id in its edit history).
    """

    remote_id: str
    text: str
    created_at: datetime
    author_name: str = ""
    author_id: str | None = None
    parent_remote_id: str | None = None  # the comment it answers; ``None``: it answers the post
    like_count: int | None = None
    reply_count: int | None = None
    platform_language: str | None = None  # the platform's guess (X's ``lang``), a hint only
    edited: bool = False
    version_id: str | None = None


@dataclass(frozen=True)
class CommentBatch:
    """Every comment one fetch found on one post.

    ``complete``: the fetch read everything the platform shows on the post now (every page, no
    ``since_id``, nothing older than the platform's search window), so a known comment missing
    from it was deleted. An incremental or cut-short fetch is not complete and deletes nothing.
    ``newest_id``: where the next incremental fetch starts (X's ``since_id``); ``None`` keeps the
    previous one.
    """

    remote_id: str
    comments: tuple[FetchedComment, ...] = field(default_factory=tuple)
    complete: bool = False
    newest_id: str | None = None
