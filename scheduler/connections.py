"""Connectors per account, and the per-account limiter that follows rate-limit headers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from connectors.base import Connector
from core.domain import Account
from core.errors import NotFoundError
from core.queries.accounts import to_account
from core.store import Store
from core.store.tables import accounts
from core.words import Msg

#: Builds the connector bound to one account (credentials from the keyring or environment).
ConnectorFactory = Callable[[Account], Connector]


def load_account(store: Store, account_id: int) -> Account:
    """The account with ``account_id``, active or not (its posts may still need finishing)."""
    with store.read() as conn:
        row = conn.execute(select(accounts).where(accounts.c.id == account_id)).first()
    if row is None:
        raise NotFoundError(Msg("No account with id {account_id}.", account_id=account_id))
    return to_account(row)


def default_factory(account: Account) -> Connector:
    """The installed connector for the account's platform (entry point ``communique.connectors``)."""
    from connectors import registry

    return registry.connector_for(registry.account_context(account))


class ConnectorPool:
    """One connector per account, built on first use and kept (it remembers rate-limit headers)."""

    def __init__(self, store: Store, factory: ConnectorFactory) -> None:
        self._store = store
        self._factory = factory
        self._lock = threading.Lock()
        self._cache: dict[int, Connector] = {}

    def get(self, account_id: int) -> Connector:
        """The connector of ``account_id``."""
        with self._lock:
            found = self._cache.get(account_id)
        if found is not None:
            return found
        built = self._factory(load_account(self._store, account_id))
        with self._lock:
            return self._cache.setdefault(account_id, built)

    def forget(self, account_id: int) -> None:
        """Drop the account's connector (its credentials were refused: re-read them next time)."""
        with self._lock:
            self._cache.pop(account_id, None)


class AccountLimiter:
    """Holds an account back while its platform says the rate-limit window is spent."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._blocked_until: dict[int, datetime] = {}

    def block(self, account_id: int, until: datetime) -> None:
        """Send nothing for ``account_id`` before ``until``."""
        with self._lock:
            current = self._blocked_until.get(account_id)
            if current is None or until > current:
                self._blocked_until[account_id] = until

    def observe(self, account_id: int, connector: Connector, now: datetime) -> None:
        """Read the connector's last rate-limit headers; block the account when none are left."""
        state = connector.rate_limit()
        if state is None or state.remaining is None or state.resets_at is None:
            return
        if state.remaining <= 0 and state.resets_at > now:
            self.block(account_id, state.resets_at)

    def blocked_until(self, account_id: int, now: datetime) -> datetime | None:
        """When the account may send again, or ``None`` when it may send now."""
        with self._lock:
            until = self._blocked_until.get(account_id)
            if until is not None and until <= now:
                del self._blocked_until[account_id]
                return None
            return until

    def holds(self, now: datetime) -> dict[int, datetime]:
        """The accounts held back at ``now``, each with the time it may send again."""
        with self._lock:
            # Forget the holds that have ended: a stale one must not look like a wake-up time.
            for account in [a for a, until in self._blocked_until.items() if until <= now]:
                del self._blocked_until[account]
            return dict(self._blocked_until)

    def blocked_accounts(self, now: datetime) -> list[int]:
        """The accounts held back at ``now``."""
        return list(self.holds(now))

    def next_release(self, now: datetime) -> datetime | None:
        """The earliest time after ``now`` that a blocked account opens again."""
        return min(self.holds(now).values(), default=None)
