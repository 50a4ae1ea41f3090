"""Helpers of the scheduler tests: X accounts on the emulator, scheduled posts, what it received."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from connectors.base import MediaItem, OutgoingPost, Published
from connectors.sandbox import Sandbox
from core import secrets, timeutil
from core.domain import Account
from core.services import accounts, posts
from core.store import Store
from core.store.tables import variants
from scheduler.connections import default_factory
from scheduler.engine import Engine

#: What the ``make_engine`` fixture gives: engines on the test's store, clock and bus.
EngineMaker = Callable[..., Engine]


class Spy:
    """The real connector, with a look at the store from inside ``publish``."""

    def __init__(self, inner: Any, on_publish: Callable[[OutgoingPost], None]) -> None:
        self.inner, self.on_publish = inner, on_publish
        self.platform = inner.platform

    def publish(self, post: OutgoingPost) -> Published:
        self.on_publish(post)
        result: Published = self.inner.publish(post)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def add_account(
    store: Store, sandbox: Sandbox, name: str = "tokyo", zone: str = "Asia/Tokyo", grace: int = 60
) -> Account:
    """An X account on the emulator, with its own credentials in the (in-memory) keyring."""
    account = accounts.add_account(
        store,
        name=name,
        platform="x",
        language="ja" if "Tokyo" in zone else "de",
        timezone=zone,
        api_base=sandbox.base_url,
        grace_minutes=grace,
    )
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", name, field, f"{field}-{name}-0123456789")
    return account


def schedule(store: Store, account: str, local: datetime, now: datetime, text: str = "Hello", **kwargs: object) -> int:
    """Create a post to ``account`` at the naive ``local`` time; returns the variant id."""
    post = posts.create_post(store, text=text, accounts=[account], at=local, now=now, **kwargs)  # type: ignore[arg-type]
    return post.variants[0].id


def local_in(zone: str, instant: datetime) -> datetime:
    """The naive wall-clock time of ``instant`` in ``zone``."""
    return instant.astimezone(timeutil.zone(zone)).replace(tzinfo=None)


def texts(sandbox: Sandbox) -> list[str]:
    """The texts the emulator holds, oldest first."""
    return [p["text"] for p in sandbox.posts("x")]


#: The first bytes of a PNG file: enough for the emulator and for the media checks.
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def image_only(store: Store, account: str, folder: Path, **kwargs: object) -> int:
    """A post of one image and no text to ``account`` (a draft unless ``at`` is given); returns the variant id.

    The compose services ask for a text, so the image-only variant is made by clearing it in the
    row, as a variant that reaches the publisher without a text would be.
    """
    image = folder / "flag.png"
    image.write_bytes(PNG)
    media = [(str(image), "The flag")]
    post = posts.create_post(store, text="Placeholder", accounts=[account], media_files=media, **kwargs)  # type: ignore[arg-type]
    variant_id = post.variants[0].id
    with store.write() as conn:
        conn.execute(variants.update().where(variants.c.id == variant_id).values(text=""))
    return variant_id


def post_image_only(account: Account, folder: Path) -> str:
    """Someone else's post of an image without text on ``account`` (straight through the connector)."""
    image = folder / "other.png"
    image.write_bytes(PNG)
    post = OutgoingPost(variant_id=0, text="", media=[MediaItem(str(image), "image/png", len(PNG))])
    return default_factory(account).publish(post).remote_id
