"""Moving to the team server with images: their contents go along, verified with the rest."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from core.services import accounts, media_store, posts
from core.services.team_copy import copy_to_team
from core.store import Store
from core.store.opening import open_store
from core.store.tables import media, media_blobs

pytestmark = pytest.mark.postgres


def _png(folder: Path, name: str) -> bytes:
    content = b"\x89PNG\r\n\x1a\n" + os.urandom(300 * 1024)
    (folder / name).write_bytes(content)
    return content


def test_the_copy_takes_the_images_contents_even_those_attached_before_they_were_stored(
    store: Store, postgres_url: str, tmp_path: Path
) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    contents = [_png(tmp_path, f"{name}.png") for name in ("new", "old", "gone")]
    files = [(str(tmp_path / f"{name}.png"), "") for name in ("new", "old", "gone")]
    posts.create_post(store, text="Three images", accounts=["Tokyo"], media_files=files)
    old, gone = (hashlib.sha256(c).hexdigest() for c in contents[1:])
    with store.write() as conn:  # as rows written before migration 0010 left them: no contents
        conn.execute(media_blobs.delete().where(media_blobs.c.sha256.in_([old, gone])))
        gone_path = conn.execute(select(media.c.path).where(media.c.sha256 == gone)).scalar_one()
    Path(gone_path).unlink()  # and one of them no longer on this computer

    report = copy_to_team(store, postgres_url)
    assert not report.already_there and report.rows["media_blobs"] == 2
    team = open_store(postgres_url)
    try:
        with team.read() as conn:
            stored = conn.execute(select(media_blobs.c.sha256)).scalars().all()
            copied = {sha256: media_store.read(conn, sha256) for sha256 in stored}
        assert copied == {hashlib.sha256(c).hexdigest(): c for c in contents[:2]}
        assert media_store.upload_missing(store) == media_store.UploadReport(stored=0, missing=1)
        again = copy_to_team(store, postgres_url)
        assert again.already_there
    finally:
        team.dispose()
