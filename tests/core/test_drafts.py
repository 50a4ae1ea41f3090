"""Composer drafts: saved as typed even when incomplete, reopened, turned into a post and kept in step with it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core import queries, timeutil
from core.domain import Account, TextOrigin, VariantStatus
from core.errors import UserError
from core.services import accounts, drafts, media, posts
from core.services.drafts import DraftContent, DraftMedia
from core.store import Store
from core.store.tables import variants
from tests.support.scheduling import PNG


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every test here runs on SQLite, then on PostgreSQL (the JSON columns differ most)."""
    return any_store


@pytest.fixture
def targets(store: Store) -> dict[str, Account]:
    made = [
        accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo"),
        accounts.add_account(store, name="London (X)", platform="x", language="en", timezone="Europe/London"),
        accounts.add_account(store, name="Kyiv (X)", platform="x", language="uk", timezone="Europe/Kyiv"),
    ]
    return {a.name: a for a in made}


def _image(folder: Path, name: str = "flag.png") -> DraftMedia:
    path = folder / name
    path.write_bytes(PNG)
    prepared = media.prepare_files([(str(path), "")])[0]
    return DraftMedia(str(prepared.path), "The flag")


def test_an_incomplete_draft_is_saved_and_the_last_unsent_one_reopens(
    store: Store, targets: dict[str, Account]
) -> None:
    assert drafts.latest_draft(store) is None
    empty = drafts.save_draft(store, None, DraftContent()).draft
    assert empty.content == DraftContent() and empty.post_id is None
    first = drafts.save_draft(store, None, DraftContent(text="Xin chào")).draft
    later = timeutil.now_utc() + timedelta(seconds=5)
    content = DraftContent("Xin chào các bạn", "vi", (targets["Tokyo (X)"].id,), ())
    drafts.save_draft(store, empty.id, content, now=later)
    reopened = drafts.latest_draft(store)
    assert reopened is not None and reopened.id == empty.id and reopened.content == content
    assert [d.id for d in drafts.list_drafts(store)] == [empty.id, first.id]
    assert drafts.latest_draft(store, actor="someone else") is None  # each officer reopens their own


def test_a_draft_keeps_its_media_and_refuses_what_no_post_could_carry(
    store: Store, targets: dict[str, Account], tmp_path: Path
) -> None:
    image = _image(tmp_path)
    saved = drafts.save_draft(store, None, DraftContent(text="Ảnh", media=(image,))).draft
    assert drafts.get_draft(store, saved.id).content.media == (image,)
    with pytest.raises(UserError, match="at most 10 media files"):
        drafts.save_draft(store, saved.id, DraftContent(media=(image,) * 11))
    with pytest.raises(UserError, match="Unknown language code 'xx'"):
        drafts.save_draft(store, saved.id, DraftContent(source_language="xx"))


def test_a_post_needs_text_and_an_account(store: Store, targets: dict[str, Account]) -> None:
    draft = drafts.save_draft(store, None, DraftContent(text="  ")).draft
    with pytest.raises(UserError, match="The post text is empty"):
        drafts.post_for_draft(store, draft.id)
    drafts.save_draft(store, draft.id, DraftContent(text="Xin chào"))
    with pytest.raises(UserError, match="Choose at least one account"):
        drafts.post_for_draft(store, draft.id)
    assert drafts.get_draft(store, draft.id).post_id is None


def test_the_post_is_made_once_in_the_first_accounts_language_with_the_media(
    store: Store, targets: dict[str, Account], tmp_path: Path
) -> None:
    image = _image(tmp_path)
    ids = (targets["London (X)"].id, targets["Tokyo (X)"].id)
    draft = drafts.save_draft(store, None, DraftContent("Hello Tokyo", None, ids, (image,))).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    assert post.source_language == "en"
    assert [v.account_name for v in post.variants] == ["London (X)", "Tokyo (X)"]
    assert [(m.path, m.alt_text) for m in post.media] == [(image.path, "The flag")]
    again = drafts.post_for_draft(store, draft.id).post
    assert again is not None and again.id == post.id
    assert drafts.get_draft(store, draft.id).post_id == post.id


def test_editing_the_source_after_review_sends_the_variants_back_to_review(
    store: Store, targets: dict[str, Account]
) -> None:
    ids = (targets["Tokyo (X)"].id, targets["London (X)"].id)
    draft = drafts.save_draft(store, None, DraftContent("Xin chào", "vi", ids)).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    for variant in post.variants:
        posts.edit_variant(
            store, variant.id, text=f"Hello {variant.language}", expected_version=variant.version, reviewed=True
        )
    saved = drafts.save_draft(store, draft.id, DraftContent("Xin chào các bạn", "vi", ids))
    assert saved.requeued == ("Tokyo (X)", "London (X)") and saved.note is None
    assert saved.post is not None and saved.post.text == "Xin chào các bạn"
    assert not any(v.reviewed for v in saved.post.variants)
    unchanged = drafts.save_draft(store, draft.id, DraftContent("Xin chào các bạn ", "vi", ids))
    assert unchanged.requeued == ()  # blanks around the text are not an edit


def test_ticking_and_unticking_accounts_adds_and_removes_variants(store: Store, targets: dict[str, Account]) -> None:
    tokyo, london, kyiv = (targets[n].id for n in ("Tokyo (X)", "London (X)", "Kyiv (X)"))
    draft = drafts.save_draft(store, None, DraftContent("Xin chào", "vi", (tokyo, london))).draft
    drafts.post_for_draft(store, draft.id)
    saved = drafts.save_draft(store, draft.id, DraftContent("Xin chào", "vi", (tokyo, kyiv)))
    assert saved.post is not None
    assert sorted(v.account_name for v in saved.post.variants) == ["Kyiv (X)", "Tokyo (X)"]
    none_left = drafts.save_draft(store, draft.id, DraftContent("Xin chào", "vi", ()))
    assert none_left.note is not None and "at least one account" in none_left.note
    assert none_left.post is not None and len(none_left.post.variants) == 2


def test_a_post_already_published_keeps_its_text_and_the_draft_says_why(
    store: Store, targets: dict[str, Account]
) -> None:
    ids = (targets["Tokyo (X)"].id,)
    draft = drafts.save_draft(store, None, DraftContent("Xin chào", "vi", ids)).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    with store.write() as conn:
        conn.execute(variants.update().values(status=VariantStatus.PUBLISHED.value))
    saved = drafts.save_draft(store, draft.id, DraftContent("Tạm biệt", "vi", ids))
    assert saved.draft.content.text == "Tạm biệt"
    assert saved.note is not None and "already being published or published" in saved.note
    assert queries.get_post(store, post.id).text == "Xin chào"


def test_a_draft_is_sent_once_every_variant_is_scheduled_and_then_no_longer_reopens(
    store: Store, targets: dict[str, Account]
) -> None:
    ids = (targets["Tokyo (X)"].id, targets["London (X)"].id)
    draft = drafts.save_draft(store, None, DraftContent("Xin chào", "vi", ids)).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    assert drafts.settle_draft(store, draft.id) is False
    at = datetime.now() + timedelta(days=2)
    posts.schedule_post(store, post.id, at.replace(hour=9, minute=0, second=0, microsecond=0), accounts=["Tokyo (X)"])
    assert drafts.settle_draft(store, draft.id) is False  # London still waits
    posts.schedule_post(store, post.id, at.replace(hour=9, minute=0, second=0, microsecond=0), accounts=["London (X)"])
    assert drafts.settle_draft(store, draft.id) is True
    assert drafts.latest_draft(store) is None


def test_discarding_a_draft_cancels_its_unscheduled_post(store: Store, targets: dict[str, Account]) -> None:
    draft = drafts.save_draft(store, None, DraftContent("Xin chào", "vi", (targets["Tokyo (X)"].id,))).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    variant = post.variants[0]
    posts.edit_variant(store, variant.id, text="こんにちは", expected_version=variant.version, origin=TextOrigin.HUMAN)
    drafts.discard_draft(store, draft.id)
    assert drafts.latest_draft(store) is None
    assert queries.get_post(store, post.id).variants[0].status is VariantStatus.CANCELLED


def test_unless_chosen_the_source_language_follows_the_first_account(store: Store, targets: dict[str, Account]) -> None:
    london, tokyo = targets["London (X)"].id, targets["Tokyo (X)"].id
    draft = drafts.save_draft(store, None, DraftContent("Hello", None, (london, tokyo))).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None and post.source_language == "en"
    moved = drafts.save_draft(store, draft.id, DraftContent("Hello", None, (tokyo,))).post
    assert moved is not None and moved.source_language == "ja"
    chosen = drafts.save_draft(store, draft.id, DraftContent("Hello", "en", (tokyo,))).post
    assert chosen is not None and chosen.source_language == "en"
