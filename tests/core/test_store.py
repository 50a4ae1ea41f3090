"""The store on a real SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from core import paths, queries
from core.errors import ConfigurationError
from core.services import accounts, posts
from core.store import Store, open_store
from core.store.tables import audit_events, variants


def test_sqlite_file_lives_in_communique_home_with_wal_foreign_keys_and_busy_timeout(store: Store) -> None:
    assert store.is_sqlite
    assert paths.default_db_path().exists()
    assert str(paths.default_db_path().parent) == str(paths.home())
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_communique_db_selects_another_database(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "elsewhere" / "team.sqlite3"
    monkeypatch.setenv("COMMUNIQUE_DB", f"sqlite:///{other}")
    opened = open_store()
    try:
        accounts.add_account(opened, name="A", platform="x", language="en", timezone="UTC")
    finally:
        opened.dispose()
    assert other.exists()
    assert not paths.default_db_path().exists()


def test_unreadable_database_url_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="database URL"):
        open_store("not a url at all")
    with pytest.raises(ConfigurationError, match="No driver"):
        open_store("nosuchdb://host/db")


def test_times_come_back_aware_utc_on_both_backends(any_store: Store) -> None:
    accounts.add_account(any_store, name="Kyiv", platform="x", language="uk", timezone="Europe/Kyiv")
    created = posts.create_post(
        any_store,
        text="Слава науці",
        accounts=["Kyiv"],
        at=datetime(2099, 7, 1, 9, 0),
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    loaded = queries.get_post(any_store, created.id)
    scheduled = loaded.variants[0].scheduled_at
    assert scheduled is not None
    assert scheduled.utcoffset() == timedelta(0)
    assert scheduled == datetime(2099, 7, 1, 6, 0, tzinfo=UTC)  # Kyiv is +03:00 in summer
    assert loaded.text == "Слава науці"


def test_naive_datetimes_are_refused_by_the_store(any_store: Store) -> None:
    with pytest.raises(StatementError, match="naive datetime"), any_store.write() as conn:
        conn.execute(
            audit_events.insert().values(
                at=datetime(2027, 1, 1), actor="a", action="x", entity="y", entity_id=None, details={}
            )
        )


def test_non_utc_datetimes_are_stored_as_the_same_instant(any_store: Store) -> None:
    hanoi = timezone(timedelta(hours=7))
    with any_store.write() as conn:
        conn.execute(
            audit_events.insert().values(
                at=datetime(2027, 1, 1, 7, 0, tzinfo=hanoi), actor="a", action="x", entity="y", details={}
            )
        )
    with any_store.read() as conn:
        stored = conn.execute(select(audit_events.c.at)).scalar_one()
    assert stored == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)


def test_foreign_keys_are_enforced(any_store: Store) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(IntegrityError), any_store.write() as conn:
        conn.execute(
            variants.insert().values(
                post_id=999, account_id=999, language="en", text="t", created_at=now, updated_at=now
            )
        )


def test_failed_write_rolls_back_everything(any_store: Store) -> None:
    with pytest.raises(RuntimeError), any_store.write() as conn:
        conn.execute(
            audit_events.insert().values(
                at=datetime(2027, 1, 1, tzinfo=UTC), actor="a", action="x", entity="y", details={}
            )
        )
        raise RuntimeError("boom")
    with any_store.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM audit_events")).scalar_one() == 0


def test_concurrent_writers_from_threads_and_a_second_process_connection_all_land(store: Store) -> None:
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    second = open_store()  # another engine on the same file, as another process would have
    errors: list[BaseException] = []

    def write_many(target: Store, prefix: str) -> None:
        try:
            for i in range(15):
                posts.create_post(target, text=f"{prefix} {i}", accounts=["Berlin"])
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=write_many, args=(s, p)) for s, p in ((store, "a"), (second, "b"), (store, "c"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    second.dispose()
    assert errors == []
    assert len(queries.list_posts(store)) == 45


@pytest.mark.parametrize(
    ("make_url", "fragment"),
    [
        (lambda tmp: "postgres ql://user:s3cretpw@host/db", "Cannot read the database URL"),
        (lambda tmp: "postgresql+psycopg://user:s3cretpw@host:port/db", "Cannot read the database URL"),
        (lambda tmp: "postgresql+psycopg://user:s3cretpw@127.0.0.1:1/db", "Cannot open the database"),
        (lambda tmp: f"sqlite:///{tmp / 'notes.txt'}", "file is not a database"),
        (lambda tmp: f"sqlite:///{tmp}", "unable to open database file"),
        (lambda tmp: f"sqlite:///{tmp / 'notes.txt' / 'sub' / 'x.db'}", "Cannot create the folder"),
    ],
)
def test_unusable_databases_are_one_clear_sentence_without_the_password(
    tmp_path: Path, make_url: Callable[[Path], str], fragment: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(ConfigurationError) as caught:
        open_store(make_url(tmp_path))
    assert fragment in str(caught.value)
    assert "s3cretpw" not in str(caught.value)
