"""Stores at an older revision of the schema, for the tests of one migration on both backends."""

from __future__ import annotations

import pytest

from core.store import Store, open_store
from core.store.migrate import upgrade


def store_at(request: pytest.FixtureRequest, revision: str) -> Store:
    """A store migrated up to ``revision`` only, on the backend the fixture's param names
    (``"sqlite"`` or ``"postgresql"``); disposed after the test."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    store = open_store(url, migrate=False)
    request.addfinalizer(store.dispose)
    upgrade(store, revision)
    return store
