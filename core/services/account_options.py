"""Per-account X options and facts: links on X, and the access level X last showed.

Whether an account's posts carry their links to X (``accounts.links_on_x``; X charges several
times more for a post with a URL), and the access level the platform last showed for the account
(``accounts.x_access``, e.g. "pay-per-use, no credits left" from X's 402). Both live in the
account's row (migration 0011), so every process sharing the store reads the same value; each
change is also written to the audit trail, as every account edit is.

An account held for want of credits needs no option: its posts wait in their rows
(``last_error_class`` :data:`BILLING`, ``next_attempt_at`` at the hold's end), and
:func:`credits_added` makes them due at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from core import queries, timeutil
from core.domain import VariantStatus
from core.errors import UserError
from core.services import audit
from core.services.permissions import Permission, require
from core.store import Store
from core.store.tables import accounts, media, variants
from core.words import Msg

LINKS_ON_X = "links_on_x"
X_ACCESS = "x_access"
#: ``variants.last_error_class`` of a post held because the platform wants its developer account paid for.
BILLING = "billing"
#: ``variants.last_error_class`` of a published post whose figures cannot be read (``scheduler.poller``).
METRICS = "metrics"
#: The access levels X shows through its answers (its 402 says the developer account is pay-per-use).
ACCESS_PAY_PER_USE = "pay-per-use"
ACCESS_NO_CREDITS = "pay-per-use, no credits left"
#: What a link looks like in a text (the scheme is what X and Facebook turn into a link).
_URL = re.compile(r"\s*\bhttps?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class AccountOptions:
    """An account's options, as the latest edits left them (the defaults when never edited)."""

    links_on_x: bool = True  # as before the option existed: the text goes to X as written
    x_access: str | None = None  # the access level X last showed; None: not known
    x_access_seen: datetime | None = None  # when it was seen

    def access_line(self) -> str | None:
        """One line for the account's screens, e.g. ``X access: pay-per-use (seen 2026-12-07 04:30 UTC)``."""
        if self.x_access is None:
            return None
        seen = f" (seen {self.x_access_seen:%Y-%m-%d %H:%M} UTC)" if self.x_access_seen else ""
        return f"X access: {self.x_access}{seen}"


def read_options(conn: Connection, account_ids: Iterable[int]) -> dict[int, AccountOptions]:
    """The options of each account in ``account_ids`` (inside a caller's transaction)."""
    ids = list(account_ids)
    if not ids:
        return {}
    rows = conn.execute(
        select(accounts.c.id, accounts.c.links_on_x, accounts.c.x_access, accounts.c.x_access_seen_at).where(
            accounts.c.id.in_(ids)
        )
    )
    found = {row.id: AccountOptions(bool(row.links_on_x), row.x_access, row.x_access_seen_at) for row in rows}
    return {account_id: found.get(account_id, AccountOptions()) for account_id in ids}


def options_of(store: Store, name: str) -> AccountOptions:
    """The options of the active account called ``name``."""
    with store.read() as conn:
        account = queries.fetch_account(conn, name)
        return read_options(conn, [account.id])[account.id]


def set_links_on_x(store: Store, name: str, on: bool, *, actor: str | None = None) -> bool:
    """Whether the account's posts carry their links to X; returns whether anything changed (an admin's choice)."""
    with store.write() as conn:
        who = require(conn, Permission.ADMIN, actor=actor).login
        account = queries.fetch_account(conn, name)
        if account.platform != "x":
            raise UserError(Msg("Only X accounts have this choice: X charges more for a post with a link."))
        before = read_options(conn, [account.id])[account.id].links_on_x
        if before == on:
            return False
        conn.execute(
            accounts.update().where(accounts.c.id == account.id).values(links_on_x=on, updated_at=timeutil.now_utc())
        )
        audit.account_edited(conn, actor=who, account_id=account.id, details={LINKS_ON_X: {"from": before, "to": on}})
    return True


def emptied_without_links(store: Store, name: str) -> list[int]:
    """The account's scheduled variants that are only links, without media: sent without their
    links they would be empty, and X refuses an empty post. Asked when links are turned off, so
    that the person can edit or cancel them now rather than meet the failure at publishing."""
    with store.read() as conn:
        account = queries.fetch_account(conn, name)
        has_media = select(media.c.id).where(media.c.post_id == variants.c.post_id).exists()
        rows = conn.execute(
            select(variants.c.id, variants.c.text)
            .where(
                variants.c.account_id == account.id,
                variants.c.status == VariantStatus.SCHEDULED.value,
                ~has_media,
            )
            .order_by(variants.c.id)
        ).all()
    return [int(row.id) for row in rows if not links_dropped(row.text)]


def note_access(conn: Connection, account_id: int, level: str, *, actor: str, at: datetime | None = None) -> None:
    """Keep the access level the platform showed for the account, when it differs from the last one known."""
    before = read_options(conn, [account_id])[account_id].x_access
    if before == level:
        return
    # On a team database only an admin's login (or the worker's) may change an account's row: a
    # level seen through anyone else's login is not kept (a later publish or poll by the worker is).
    conn.execute(
        accounts.update()
        .where(accounts.c.id == account_id)
        .values(x_access=level[:60], x_access_seen_at=at or timeutil.now_utc())
    )
    audit.account_edited(
        conn, actor=actor, account_id=account_id, details={X_ACCESS: {"from": before, "to": level}}, at=at
    )


def drops_links(conn: Connection, account_id: int) -> bool:
    """Whether ``account_id`` sends its posts without their links (an X account with "links on X" off)."""
    platform = conn.execute(select(accounts.c.platform).where(accounts.c.id == account_id)).scalar()
    return platform == "x" and not read_options(conn, [account_id])[account_id].links_on_x


def text_as_sent(conn: Connection, account_id: int, text: str) -> str:
    """``text`` as ``account_id`` publishes it: without its links where its posts go without them.

    The publisher sends this, and scheduling checks this, so that a post left empty by its links
    going (a link alone) is refused while the person is there, not at publishing time.
    """
    return sent_without_links(conn, account_id, text)[0]


def sent_without_links(conn: Connection, account_id: int, text: str) -> tuple[str, bool]:
    """:func:`text_as_sent`, and whether links were taken out of it (a refusal then says so)."""
    if not drops_links(conn, account_id) or _URL.search(text) is None:
        return text, False
    return links_dropped(text), True


def links_dropped(text: str) -> str:
    """``text`` without its links, for an account whose posts go to X without them (a line that held
    only a link goes with it; the other lines keep their breaks)."""
    lines = []
    for line in text.splitlines():
        kept = " ".join(_URL.sub(" ", line).split())
        if kept or not line.strip():
            lines.append(kept)
    return "\n".join(lines).strip()


@dataclass(frozen=True)
class Released:
    """What :func:`credits_added` made due at once."""

    posts: int  # scheduled posts that waited for credits
    polls: int  # published posts whose figures could not be read


def credits_added(store: Store, name: str, *, actor: str | None = None) -> Released:
    """A person says the account's developer account has credits again: what waited for them is due now.

    Scheduled posts held for want of credits are sent at the next sweep, and published posts whose
    figures could not be read are polled then. When the platform still refuses, they are held again.
    """
    now = timeutil.now_utc()
    with store.write() as conn:
        account = queries.fetch_account(conn, name)
        who = require(conn, Permission.SCHEDULE, [account.id], actor=actor).login
        posts = conn.execute(
            variants.update()
            .where(
                variants.c.account_id == account.id,
                variants.c.status == VariantStatus.SCHEDULED.value,
                variants.c.last_error_class == BILLING,
            )
            .values(next_attempt_at=now, updated_at=now, version=variants.c.version + 1)
        ).rowcount
        polls = conn.execute(
            variants.update()
            .where(
                variants.c.account_id == account.id,
                variants.c.status == VariantStatus.PUBLISHED.value,
                variants.c.last_error_class == METRICS,
                variants.c.next_poll_at.is_not(None),
            )
            .values(next_poll_at=now)
        ).rowcount
        audit.account_edited(
            conn,
            actor=who,
            account_id=account.id,
            details={"credits_added": {"posts": int(posts), "polls": int(polls)}},
        )
    return Released(posts=int(posts), polls=int(polls))
