"""The engine's daily housekeeping: stored media contents nobody names, and the media cache."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import select

from core.services import media_store
from core.store import Store
from core.store.tables import media_blobs
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker


def _stored(store: Store) -> set[str]:
    with store.read() as conn:
        return set(conn.execute(select(media_blobs.c.sha256)).scalars())


def _orphan(store: Store, content: bytes, stored_at: datetime) -> str:
    """A content stored for an attachment that was then removed: no post or draft names it."""
    sha256 = hashlib.sha256(content).hexdigest()
    with store.write() as conn:
        media_store.put(conn, sha256, content, "image/png", now=stored_at)
    return sha256


def test_the_leading_engine_prunes_once_a_day(store: Store, make_engine: EngineMaker, clock: FakeClock) -> None:
    week_and_a_day = timedelta(days=8)
    old = _orphan(store, b"\x89PNG old", clock.now - week_and_a_day)
    recent = _orphan(store, b"\x89PNG recent", clock.now)
    engine = make_engine()

    first = engine.sweep()
    assert first.leader and first.pruned == 1 and "housekeeping" not in first.failed
    assert _stored(store) == {recent}  # a week's grace for the other

    later = _orphan(store, b"\x89PNG later", clock.now - week_and_a_day)  # old enough, left by then
    clock.advance(hours=23)
    assert engine.sweep().pruned == 0  # not again within the day
    assert _stored(store) == {recent, later}
    clock.advance(hours=2)
    assert engine.sweep().pruned == 1
    assert _stored(store) == {recent} and old not in _stored(store)
