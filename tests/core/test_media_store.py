"""Media contents in the store: written with the post, once per hash, read back where the file is not."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core import paths, queries, timeutil
from core.errors import UserError
from core.services import accounts, drafts, media_store, posts
from core.services import media as attaching
from core.services.drafts import DraftContent, DraftMedia
from core.store import Store
from core.store.tables import media, media_blob_chunks, media_blobs

LATER = datetime(2099, 1, 5, 9, 0)


def _png(folder: Path, name: str, size: int = 64 * 1024) -> tuple[Path, bytes]:
    content = b"\x89PNG\r\n\x1a\n" + os.urandom(size - 8)
    path = folder / name
    path.write_bytes(content)
    return path, content


def _blobs(store: Store) -> dict[str, bytes]:
    with store.read() as conn:
        stored = conn.execute(select(media_blobs.c.sha256)).scalars().all()
        return {sha256: media_store.read(conn, sha256) or b"" for sha256 in stored}


@pytest.fixture
def tokyo(any_store: Store) -> Store:
    accounts.add_account(any_store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    return any_store


def test_attaching_stores_the_content_once_per_hash_with_the_post(tokyo: Store, tmp_path: Path) -> None:
    image, content = _png(tmp_path, "flag.png")
    first = posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(image), "The flag")])
    posts.create_post(tokyo, text="Two", accounts=["Tokyo"], media_files=[(str(image), ""), (str(image), "again")])
    digest = hashlib.sha256(content).hexdigest()
    assert _blobs(tokyo) == {digest: content}
    assert first.media[0].sha256 == digest
    with tokyo.read() as conn:
        row = conn.execute(select(media_blobs.c.size_bytes, media_blobs.c.mime_type)).one()
        assert tuple(row) == (len(content), "image/png")
        assert conn.execute(select(func.count()).select_from(media)).scalar_one() == 3


def test_a_refused_post_stores_no_content(tokyo: Store, tmp_path: Path) -> None:
    # Above X's 5 MB for a PNG: refused by the platform's own check before anything is written.
    image, _ = _png(tmp_path, "huge.png", 5 * 1024 * 1024 + 1)
    with pytest.raises(UserError, match="cannot be published to 'Tokyo'"):
        posts.create_post(tokyo, text="Too big", accounts=["Tokyo"], media_files=[(str(image), "")], at=LATER)
    assert _blobs(tokyo) == {}
    assert not list(paths.subdir("media").iterdir())


def test_the_local_file_is_used_when_it_holds_the_content(tokyo: Store, tmp_path: Path) -> None:
    image, content = _png(tmp_path, "flag.png")
    [item] = posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(image), "")]).media
    found = media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)
    assert found == Path(item.path) and found.read_bytes() == content
    assert not list(media_store.cache_folder().iterdir())  # the store was not read


def test_another_machine_reads_the_content_into_its_cache_verified(
    tokyo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image, content = _png(tmp_path, "flag.png")
    [item] = posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(image), "")]).media
    shutil.rmtree(paths.subdir("media"))  # "machine A"'s folder is not here
    other = tmp_path / "machine-b"
    monkeypatch.setenv("COMMUNIQUE_HOME", str(other))
    found = media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)
    assert found == other / "media-cache" / f"{item.sha256}.png"
    assert found.read_bytes() == content
    # A damaged cached copy is never sent: it is read again from the store.
    found.write_bytes(b"\x89PNG\r\n\x1a\n damaged")
    again = media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)
    assert again.read_bytes() == content
    # A file at the recorded path with other content is not used either.
    Path(item.path).parent.mkdir(parents=True, exist_ok=True)
    Path(item.path).write_bytes(b"\x89PNG\r\n\x1a\n someone else's")
    assert media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type="image/png") == found


def test_content_in_neither_place_is_one_clear_sentence(tokyo: Store, tmp_path: Path) -> None:
    image, _ = _png(tmp_path, "flag.png")
    [item] = posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(image), "")]).media
    Path(item.path).unlink()
    with tokyo.write() as conn:
        conn.execute(media_blobs.delete())
    with pytest.raises(media_store.MediaMissingError, match="not on this computer and not in the database"):
        media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)


def test_upload_missing_stores_what_this_machine_still_has(tokyo: Store, tmp_path: Path) -> None:
    kept, kept_content = _png(tmp_path, "kept.png")
    gone, _ = _png(tmp_path, "gone.png")
    posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(kept), ""), (str(gone), "")])
    with tokyo.write() as conn:
        conn.execute(media_blobs.delete())  # as media attached before migration 0010 on another machine
        gone_path = conn.execute(select(media.c.path).where(media.c.position == 1)).scalar_one()
    Path(gone_path).unlink()
    report = media_store.upload_missing(tokyo)
    assert (report.stored, report.missing) == (1, 1)
    assert list(_blobs(tokyo).values()) == [kept_content]
    assert media_store.upload_missing(tokyo) == media_store.UploadReport(stored=0, missing=1)


def test_put_refuses_content_that_does_not_match_its_hash(tokyo: Store) -> None:
    with pytest.raises(ValueError, match="does not hash"), tokyo.write() as conn:
        media_store.put(conn, "0" * 64, b"\x89PNG", "image/png")


def test_a_draft_saved_on_one_machine_opens_and_becomes_a_post_on_another(
    tokyo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image, content = _png(tmp_path, "flag.png")
    [prepared] = attaching.prepare_files([(str(image), "")])  # attached in the composer: machine A's folder
    account = queries.get_account(tokyo, "Tokyo")
    draft = DraftContent("Ohayo", None, (account.id,), (DraftMedia(str(prepared.path), "The flag"),))
    saved = drafts.save_draft(tokyo, None, draft)
    with tokyo.write() as conn:  # saving the draft stored the content already: nothing more to store
        assert media_store.put_paths(conn, [item.path for item in saved.draft.content.media]) == 0
    shutil.rmtree(paths.subdir("media"))
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "machine-b"))
    [item] = drafts.get_draft(tokyo, saved.draft.id).content.media
    shown = media_store.local_path(tokyo, item.path)  # what the composer shows on machine B
    assert Path(shown).read_bytes() == content
    post = drafts.post_for_draft(tokyo, saved.draft.id).post
    assert post is not None
    [attached] = post.media
    assert Path(attached.path).read_bytes() == content and attached.alt_text == "The flag"
    assert Path(attached.path).parent == tmp_path / "machine-b" / "media"  # copied into B's own folder


def test_a_name_that_is_no_hash_is_not_taken_for_stored_content(tokyo: Store, tmp_path: Path) -> None:
    assert media_store.content_name(str(tmp_path / "holiday.png")) is None
    assert media_store.content_name("/elsewhere/" + "a" * 64 + ".exe") is None
    with pytest.raises(media_store.MediaMissingError, match="not on this computer"):
        media_store.local_path(tokyo, str(tmp_path / "holiday.png"))


def _pieces(store: Store, sha256: str) -> list[int]:
    with store.read() as conn:
        rows = conn.execute(
            select(media_blob_chunks.c.number, func.length(media_blob_chunks.c.content))
            .where(media_blob_chunks.c.sha256 == sha256)
            .order_by(media_blob_chunks.c.number)
        ).all()
    assert [number for number, _size in rows] == list(range(len(rows)))
    return [size for _number, size in rows]


def test_a_large_file_goes_in_and_out_of_the_store_a_piece_at_a_time(
    tokyo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(media_store, "CHUNK_BYTES", 64 * 1024)  # a 512 MB video's 4 MiB pieces, scaled down
    image, content = _png(tmp_path, "video-sized.png", 200 * 1024)
    [item] = posts.create_post(tokyo, text="One", accounts=["Tokyo"], media_files=[(str(image), "")]).media
    assert _pieces(tokyo, item.sha256) == [65536, 65536, 65536, 8192]
    with tokyo.read() as conn:
        assert conn.execute(select(media_blobs.c.size_bytes)).scalar_one() == len(content)
    shutil.rmtree(paths.subdir("media"))
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "machine-b"))
    found = media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)
    assert found.read_bytes() == content

    # A damaged piece is never published, and leaves no partial file behind.
    with tokyo.write() as conn:
        conn.execute(
            media_blob_chunks.update()
            .where(media_blob_chunks.c.sha256 == item.sha256, media_blob_chunks.c.number == 2)
            .values(content=bytes(65536))
        )
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "machine-c"))
    with pytest.raises(media_store.MediaMissingError, match=r"stored copy of .* is damaged"):
        media_store.local_file(tokyo, path=item.path, sha256=item.sha256, mime_type=item.mime_type)
    assert list(media_store.cache_folder().iterdir()) == []


def test_contents_nobody_names_go_after_a_week_and_the_others_stay(tokyo: Store, tmp_path: Path) -> None:
    account = queries.get_account(tokyo, "Tokyo")
    first, second, posted = (attaching.prepare_files([(str(_png(tmp_path, f"{n}.png")[0]), "")])[0] for n in "abc")
    saved = drafts.save_draft(tokyo, None, DraftContent("Ohayo", None, (account.id,), (DraftMedia(str(first.path)),)))
    # The officer swaps the image: the first is named by nothing any more.
    drafts.save_draft(
        tokyo, saved.draft.id, DraftContent("Ohayo", None, (account.id,), (DraftMedia(str(second.path)),))
    )
    [on_post] = posts.create_post(tokyo, text="Two", accounts=["Tokyo"], media_files=[(str(posted.path), "")]).media
    hashes = {media_store.content_name(str(p.path))[0] for p in (first, second)}  # type: ignore[index]
    assert set(_blobs(tokyo)) == hashes | {on_post.sha256}

    now = timeutil.now_utc()
    assert media_store.prune_blobs(tokyo, now=now) == 0  # within the week: kept
    assert media_store.prune_blobs(tokyo, now=now + timedelta(days=8)) == 1
    first_hash = media_store.content_name(str(first.path))[0]  # type: ignore[index]
    assert first_hash not in _blobs(tokyo) and _pieces(tokyo, first_hash) == []
    assert set(_blobs(tokyo)) == hashes - {first_hash} | {on_post.sha256}  # the draft's and the post's stay


def test_the_cache_keeps_what_was_used_this_month(isolated_home: Path) -> None:
    folder = media_store.cache_folder()
    now = timeutil.now_utc()
    ages = {"used-yesterday.png": 1, "unused-for-40-days.png": 40, "crashed-copy.png.1.ab.part": 2}
    for name, days in ages.items():
        (folder / name).write_bytes(b"x")
        moment = (now - timedelta(days=days)).timestamp()
        os.utime(folder / name, (moment, moment))
    assert media_store.prune_cache(now=now) == 2
    assert [p.name for p in folder.iterdir()] == ["used-yesterday.png"]


def test_attaching_a_stored_content_again_marks_it_named_now(tokyo: Store, tmp_path: Path) -> None:
    # Housekeeping deletes only contents last named over a week ago: one attached again today is
    # safe even from a pass that chose it before this attachment committed.
    image, content = _png(tmp_path, "flag.png")
    digest = hashlib.sha256(content).hexdigest()
    long_ago = timeutil.now_utc() - timedelta(days=30)
    with tokyo.write() as conn:
        media_store.put(conn, digest, content, "image/png", now=long_ago)
    posts.create_post(tokyo, text="Again", accounts=["Tokyo"], media_files=[(str(image), "")])
    with tokyo.read() as conn:
        named = conn.execute(select(media_blobs.c.named_at)).scalar_one()
    assert named > timeutil.now_utc() - timedelta(minutes=1)
    assert _pieces(tokyo, digest) == [len(content)]  # marked, not stored twice
