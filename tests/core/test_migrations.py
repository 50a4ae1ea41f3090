"""Migrations: empty to head, the schema they build matches the tables, down and up keep data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from core import queries
from core.services import accounts, posts
from core.store import Store, open_store
from core.store.migrate import current_revision, downgrade, head_revision, is_at_head, shipped_head, upgrade
from core.store.tables import metadata
from core.store.tables import posts as posts_table

pytestmark = pytest.mark.usefixtures("isolated_home")


def _bare_store(url: str | None) -> Store:
    return open_store(url, migrate=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_store(request: pytest.FixtureRequest) -> Store:
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    store = _bare_store(url)
    request.addfinalizer(store.dispose)
    return store


def test_empty_database_migrates_to_head_with_every_table(empty_store: Store) -> None:
    assert current_revision(empty_store) is None
    upgrade(empty_store)
    assert current_revision(empty_store) == head_revision()
    tables = set(inspect(empty_store.engine).get_table_names())
    assert set(metadata.tables) <= tables


def test_the_head_is_read_from_the_files_as_alembic_reads_it(empty_store: Store) -> None:
    """A start at head skips importing Alembic: its quick check must agree with Alembic's."""
    assert shipped_head() == head_revision()
    assert not is_at_head(empty_store)
    upgrade(empty_store, "0001")
    assert not is_at_head(empty_store)
    upgrade(empty_store)
    assert is_at_head(empty_store)


def test_migrated_schema_matches_the_table_definitions(empty_store: Store) -> None:
    upgrade(empty_store)
    with empty_store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": False})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_upgrade_is_idempotent(empty_store: Store) -> None:
    upgrade(empty_store)
    upgrade(empty_store)
    assert current_revision(empty_store) == head_revision()


def test_downgrade_then_upgrade_keeps_the_data(empty_store: Store) -> None:
    upgrade(empty_store)
    accounts.add_account(empty_store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    created = posts.create_post(
        empty_store,
        text="Xin chào 👋 #ASEAN",
        accounts=["Tokyo"],
        source_language="vi",
        at=datetime(2099, 1, 1, 9, 0),
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    downgrade(empty_store, "0001")
    assert current_revision(empty_store) == "0001"
    assert "glossary_terms" not in inspect(empty_store.engine).get_table_names()
    upgrade(empty_store)
    assert current_revision(empty_store) == head_revision()
    after = queries.get_post(empty_store, created.id)
    assert after == created
    assert after.variants[0].scheduled_at == datetime(2099, 1, 1, 0, 0, tzinfo=UTC)


def test_downgrade_to_base_removes_everything(empty_store: Store) -> None:
    upgrade(empty_store)
    downgrade(empty_store, "base")
    remaining = set(inspect(empty_store.engine).get_table_names()) - {"alembic_version"}
    assert remaining == set()
    with pytest.raises(Exception, match="posts"), empty_store.read() as conn:
        conn.execute(select(posts_table))
