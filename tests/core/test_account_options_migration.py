"""Migration 0011: the X options kept in the trail become the accounts' columns, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from core.services import account_options
from core.store import Store
from core.store.engine import new_id
from core.store.migrate import downgrade, upgrade
from core.store.tables import accounts, audit_events
from tests.support.migrations import store_at

pytestmark = pytest.mark.usefixtures("isolated_home")

EARLY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATE = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def at_0010(request: pytest.FixtureRequest) -> Store:
    return store_at(request, "0010")


def _account(conn: object, name: str) -> int:
    # Only the columns that existed then: today's services would read the new ones.
    return new_id(
        conn.execute(  # type: ignore[attr-defined]
            accounts.insert().values(
                name=name, platform="x", language="ja", timezone="Asia/Tokyo", created_at=EARLY, updated_at=EARLY
            )
        )
    )


def _edit(conn: object, account_id: int, at: datetime, **changes: object) -> None:
    conn.execute(  # type: ignore[attr-defined]
        audit_events.insert().values(
            at=at,
            actor="admin",
            action="edit",
            entity="account",
            entity_id=account_id,
            details={key: {"from": None, "to": value} for key, value in changes.items()},
        )
    )


def test_the_latest_values_in_the_trail_become_columns_and_untouched_accounts_keep_the_defaults(
    at_0010: Store,
) -> None:
    with at_0010.write() as conn:
        tokyo, berlin, paris = (_account(conn, name) for name in ("Tokyo", "Berlin", "Paris"))
        _edit(conn, tokyo, EARLY, links_on_x=True, x_access="pay-per-use")
        _edit(conn, tokyo, LATE, links_on_x=False)
        _edit(conn, tokyo, LATE, x_access="pay-per-use, no credits left")
        _edit(conn, berlin, EARLY, links_on_x=False)
        _edit(conn, berlin, LATE, links_on_x=True, name="Berlin desk")
    upgrade(at_0010)
    with at_0010.read() as conn:
        rows = {r.id: r for r in conn.execute(select(accounts))}
        options = account_options.read_options(conn, [tokyo, berlin, paris])
    assert (rows[tokyo].links_on_x, rows[tokyo].x_access) == (False, "pay-per-use, no credits left")
    assert rows[tokyo].x_access_seen_at == LATE
    assert (rows[berlin].links_on_x, rows[berlin].x_access) == (True, None)
    assert (rows[paris].links_on_x, rows[paris].x_access, rows[paris].x_access_seen_at) == (True, None, None)
    assert options[tokyo] == account_options.AccountOptions(False, "pay-per-use, no credits left", LATE)
    downgrade(at_0010, "0010")
    upgrade(at_0010)  # down and up again: the same values, from the trail that stayed
    with at_0010.read() as conn:
        assert conn.execute(select(accounts.c.links_on_x).where(accounts.c.id == tokyo)).scalar_one() is False
