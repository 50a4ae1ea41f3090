"""Migration 0010: media contents filled in from the files this machine has; up and down on both backends."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from core.services import media_store
from core.store import Store
from core.store.engine import new_id
from core.store.migrate import current_revision, downgrade, head_revision, upgrade
from core.store.tables import media, media_blobs
from core.store.tables import posts as posts_table
from tests.support.migrations import store_at

pytestmark = pytest.mark.usefixtures("isolated_home")

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def at_0009(request: pytest.FixtureRequest) -> Store:
    return store_at(request, "0009")


def _attach_before_0010(store: Store, files: list[Path]) -> None:
    """A post with media rows as code before 0010 wrote them: rows only, no content."""
    now = datetime(2026, 12, 1, tzinfo=UTC)
    with store.write() as conn:
        # Plain inserts of the columns that existed then: the services read today's tables.
        post_id = new_id(
            conn.execute(
                posts_table.insert().values(
                    author="officer", source_language="ja", text="Before", created_at=now, updated_at=now
                )
            )
        )
        for position, path in enumerate(files):
            content = path.read_bytes() if path.exists() else b"gone"
            conn.execute(
                media.insert().values(
                    post_id=post_id,
                    position=position,
                    path=str(path),
                    mime_type="image/png",
                    size_bytes=len(content),
                    sha256=hashlib.sha256(content).hexdigest(),
                    alt_text="",
                    created_at=now,
                )
            )


def _guards(store: Store) -> set[str]:
    """The PostgreSQL objects 0010 adds to a secured database, by name."""
    if store.engine.dialect.name != "postgresql":
        return set()
    with store.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgname = 'communique_guard_approval' "
                "UNION SELECT policyname FROM pg_policies "
                "WHERE tablename IN ('audit_events', 'media_blobs', 'media_blob_chunks')"
            )
        ).scalars()
        return set(found)


def test_upgrade_fills_in_readable_files_and_skips_missing_ones(
    at_0009: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    present = tmp_path / "present.png"
    present.write_bytes(PNG)
    changed = tmp_path / "changed.png"
    changed.write_bytes(PNG + b"1")
    missing = tmp_path / "missing.png"
    _attach_before_0010(at_0009, [present, changed, missing])
    changed.write_bytes(PNG + b"2")  # edited since it was attached: its bytes are not what the post named
    with caplog.at_level(logging.INFO):
        upgrade(at_0009)
    assert current_revision(at_0009) == head_revision()
    with at_0009.read() as conn:
        hashes = conn.execute(select(media_blobs.c.sha256)).scalars().all()
        stored = {sha256: media_store.read(conn, sha256) for sha256 in hashes}
    assert stored == {hashlib.sha256(PNG).hexdigest(): PNG}
    said = caplog.text
    assert "missing.png is not readable here" in said and "changed.png has changed" in said
    assert "1 of 3 distinct files stored" in said


def test_down_and_up_again(at_0009: Store, tmp_path: Path) -> None:
    present = tmp_path / "present.png"
    present.write_bytes(PNG)
    _attach_before_0010(at_0009, [present])
    upgrade(at_0009)
    secured = at_0009.engine.dialect.name == "postgresql"
    expected = {
        "communique_guard_approval",
        "audit_events_read",
        "audit_events_append",
        "media_blobs_groups",
        "media_blob_chunks_groups",
    }
    assert _guards(at_0009) == (expected if secured else set())
    downgrade(at_0009, "0009")
    assert not {"media_blobs", "media_blob_chunks"} & set(inspect(at_0009.engine).get_table_names())
    assert "ix_media_sha256" not in {i["name"] for i in inspect(at_0009.engine).get_indexes("media")}
    assert _guards(at_0009) == set()
    if secured:
        with at_0009.engine.connect() as conn:
            assert not conn.execute(text("SELECT relrowsecurity FROM pg_class WHERE relname = 'audit_events'")).scalar()
            assert conn.execute(text("SELECT to_regproc('communique_may_approve')")).scalar() is None
    upgrade(at_0009)
    assert _guards(at_0009) == (expected if secured else set())
    with at_0009.read() as conn:
        assert conn.execute(select(media_blobs.c.sha256)).scalars().all() == [hashlib.sha256(PNG).hexdigest()]
