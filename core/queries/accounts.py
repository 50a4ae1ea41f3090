"""Reading accounts: the destinations a post can go to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, select

from core.domain import Account
from core.errors import NotFoundError
from core.store import Store
from core.store.tables import accounts
from core.words import Msg, in_app


def to_account(row: Row[Any]) -> Account:
    """An :class:`Account` from a row of the accounts table."""
    m = row._mapping
    return Account(
        id=m["id"],
        name=m["name"],
        platform=m["platform"],
        language=m["language"],
        timezone=m["timezone"],
        handle=m["handle"],
        api_base=m["api_base"],
        external_id=m["external_id"],
        credential_ref=m["credential_ref"],
        grace_minutes=m["grace_minutes"],
        active=bool(m["active"]),
        created_at=m["created_at"],
        requires_approval=bool(m["requires_approval"]),
    )


def list_accounts(store: Store, *, include_removed: bool = False) -> list[Account]:
    """Accounts sorted by name."""
    query = select(accounts).order_by(accounts.c.name)
    if not include_removed:
        query = query.where(accounts.c.active.is_(True))
    with store.read() as conn:
        return [to_account(row) for row in conn.execute(query)]


def fetch_account(conn: Connection, name: str) -> Account:
    """The active account called ``name`` (inside a caller's transaction)."""
    row = conn.execute(select(accounts).where(accounts.c.name == name.strip(), accounts.c.active.is_(True))).first()
    if row is None:
        raise NotFoundError(
            Msg(
                "No account named {name!r}; see 'communique account list'.",
                name=name,
                app=in_app("No account named {name!r}; see the Accounts screen."),
            )
        )
    return to_account(row)


def get_account(store: Store, name: str) -> Account:
    """The active account called ``name``."""
    with store.read() as conn:
        return fetch_account(conn, name)
