"""Suite-wide fixtures: every test gets its own data folder, database and keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

# Qt must know before it starts that there is no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from connectors.sandbox import Sandbox
from core import timeutil
from core.store import Store, open_store
from tests.support.fake_clock import FakeClock
from tests.support.memory_keyring import MemoryKeyring
from tests.support.team import Team, build_team


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``COMMUNIQUE_HOME`` (and XDG folders) per test; no shared state leaks in."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("COMMUNIQUE_HOME", str(home))
    # The developer's own settings must not leak into a test (the settings file lives in the home).
    for variable in ("COMMUNIQUE_DB", "COMMUNIQUE_PRACTICE", "COMMUNIQUE_LANGUAGE", "COMMUNIQUE_PUBLISH_IN_APP"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("COMMUNIQUE_USER", "tester")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    for variable in [v for v in os.environ if v.startswith(("COMMUNIQUE_X_", "COMMUNIQUE_FB_"))]:
        monkeypatch.delenv(variable)
    return home


@pytest.fixture(autouse=True)
def practice_audiences() -> Iterator[None]:
    """The emulator's process-wide audience zones, as empty after the test as before it."""
    from connectors.sandbox.state import SHARED_AUDIENCES

    SHARED_AUDIENCES.clear()
    yield
    SHARED_AUDIENCES.clear()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring in place of the OS one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(isolated_home: Path) -> Iterator[Store]:
    """A migrated SQLite store in the test's data folder."""
    opened = open_store()
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """One PostgreSQL server for the session; skipped (with the reason) when not installed."""
    from tests.support.postgres import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; run scripts/ci-deps.sh")
    server = PostgresServer.start(bin_dir)
    yield server
    server.stop()


_database_counter = iter(range(1, 1_000_000))


@pytest.fixture
def postgres_url(postgres_server: object) -> Iterator[str]:
    """A SQLAlchemy URL of a fresh, empty PostgreSQL database, dropped after the test."""
    import sqlalchemy

    from tests.support.postgres import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    name = f"test_{os.getpid()}_{next(_database_counter)}"
    admin = sqlalchemy.create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.url(name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def team(postgres_server: object, postgres_url: str) -> Iterator[Team]:
    """A team database on PostgreSQL with its logins (admin, approvers, officers); dropped after."""
    from tests.support.postgres import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    built = build_team(postgres_url, postgres_server.url())
    try:
        yield built
    finally:
        built.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, isolated_home: Path) -> Iterator[Store]:
    """A migrated store on SQLite, then on PostgreSQL: the same test runs on both backends."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    opened = open_store(url)
    yield opened
    opened.dispose()


@pytest.fixture
def sandbox_seed() -> int:
    """The seed of the emulator's fault dice (a folder's conftest may choose another)."""
    return 7


@pytest.fixture
def sandbox(sandbox_seed: int) -> Iterator[Sandbox]:
    """A running platform emulator on 127.0.0.1, stopped after the test."""
    from connectors.facebook import forget_refused_metrics

    with Sandbox(seed=sandbox_seed) as running:
        yield running
    # A later emulator may get the same port: it must not inherit the metrics this one retired.
    forget_refused_metrics()


@pytest.fixture
def clock() -> FakeClock:
    """Starts at the real time (the emulator's own clock, used by its timeline and rate limits)."""
    return FakeClock(timeutil.now_utc().replace(second=0, microsecond=0))
