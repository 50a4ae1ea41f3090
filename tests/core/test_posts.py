"""Post services: create, edit, target, schedule in each account's zone, cancel, list, show."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core import paths, queries
from core.domain import TextOrigin, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.services import accounts, posts
from core.store import Store
from core.store.tables import posts as posts_table
from core.store.tables import variants

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def three_accounts(store: Store) -> Store:
    accounts.add_account(
        store, name="Hanoi", platform="facebook", language="vi", timezone="Asia/Ho_Chi_Minh", external_id="1"
    )
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    return store


def _post_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(posts_table)).scalar_one())


def test_at_is_read_in_each_accounts_own_zone(three_accounts: Store) -> None:
    post = posts.create_post(
        three_accounts,
        text="Hội nghị ASEAN khai mạc hôm nay.",
        accounts=["Hanoi", "Berlin", "Tokyo"],
        at=datetime(2027, 3, 29, 9, 0),
        now=NOW,
    )
    by_account = {v.account_name: v for v in post.variants}
    assert by_account["Hanoi"].scheduled_at == datetime(2027, 3, 29, 2, 0, tzinfo=UTC)
    assert by_account["Berlin"].scheduled_at == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)  # CEST since the 28th
    assert by_account["Tokyo"].scheduled_at == datetime(2027, 3, 29, 0, 0, tzinfo=UTC)
    assert {v.status for v in post.variants} == {VariantStatus.SCHEDULED}
    assert {v.schedule_local for v in post.variants} == {"2027-03-29T09:00"}
    assert post.source_language == "vi"  # the first account's language by default
    assert [v.language for v in post.variants] == ["vi", "de", "ja"]


def test_without_at_variants_are_drafts(three_accounts: Store) -> None:
    post = posts.create_post(three_accounts, text="Draft", accounts=["Tokyo"], source_language="en")
    assert post.variants[0].status is VariantStatus.DRAFT
    assert post.variants[0].scheduled_at is None
    assert post.variants[0].text_origin is TextOrigin.SOURCE


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "   \n "}, "text is empty"),
        ({"accounts": []}, "at least one account"),
        ({"accounts": ["Nowhere"]}, "No account named 'Nowhere'"),
        ({"accounts": ["Tokyo", "Tokyo"]}, "named twice"),
        ({"source_language": "xx"}, "Unknown language code"),
        ({"at": datetime(2027, 3, 28, 2, 30), "accounts": ["Tokyo", "Berlin"]}, "does not exist in Europe/Berlin"),
        ({"at": datetime(2027, 10, 31, 2, 30), "accounts": ["Berlin"]}, "happens twice"),
        ({"at": datetime(2027, 1, 15, 20, 0), "accounts": ["Tokyo"]}, "already past"),  # 20:00 JST = 11:00 UTC
        ({"media_files": [("/nonexistent.png", "")]}, "does not exist"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    three_accounts: Store, kwargs: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {"text": "Hello", "accounts": ["Tokyo"], "now": NOW}
    fields.update(kwargs)
    with pytest.raises(UserError, match=message):
        posts.create_post(three_accounts, **fields)  # type: ignore[arg-type]
    assert _post_count(three_accounts) == 0
    assert queries.list_events(three_accounts, entity="post") == []


def test_fold_choice_picks_the_instant(three_accounts: Store) -> None:
    from core.timeutil import FoldChoice

    post = posts.create_post(
        three_accounts, text="t", accounts=["Berlin"], at=datetime(2027, 10, 31, 2, 30), fold=FoldChoice.LATER, now=NOW
    )
    assert post.variants[0].scheduled_at == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


def test_media_is_checked_by_content_and_copied(three_accounts: Store, tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(PNG)
    post = posts.create_post(
        three_accounts, text="With a photo", accounts=["Tokyo"], media_files=[(str(image), "Flags")]
    )
    image.unlink()  # the draft keeps its copy
    (item,) = post.media
    assert (item.mime_type, item.alt_text, item.size_bytes) == ("image/png", "Flags", len(PNG))
    assert Path(item.path).read_bytes() == PNG
    assert Path(item.path).parent == paths.home() / "media"
    fake = tmp_path / "fake.jpg"
    fake.write_text("not an image")
    with pytest.raises(UserError, match="not a supported image"):
        posts.create_post(three_accounts, text="x", accounts=["Tokyo"], media_files=[(str(fake), "")])


def test_edit_draft_updates_source_variants_but_keeps_edited_ones(three_accounts: Store) -> None:
    post = posts.create_post(three_accounts, text="Version one", accounts=["Berlin", "Tokyo"], source_language="en")
    berlin, tokyo = post.variants
    posts.edit_variant(
        three_accounts,
        tokyo.id,
        text="バージョン1",
        expected_version=tokyo.version,
        origin=TextOrigin.HUMAN,
        reviewed=True,
    )
    edited = posts.edit_draft(three_accounts, post.id, text="Version two")
    by_account = {v.account_name: v for v in edited.variants}
    assert edited.text == "Version two"
    assert by_account["Berlin"].text == "Version two"
    assert by_account["Berlin"].version == berlin.version + 1
    assert by_account["Tokyo"].text == "バージョン1"
    assert by_account["Tokyo"].reviewed is False  # the person must look again at the new source
    with pytest.raises(UserError, match="text is empty"):
        posts.edit_draft(three_accounts, post.id, text="")
    assert queries.get_post(three_accounts, post.id).text == "Version two"


def test_editing_the_text_never_leaves_a_translation_of_the_old_text_scheduled(three_accounts: Store) -> None:
    post = posts.create_post(
        three_accounts,
        text="Meeting on Monday",
        accounts=["Hanoi", "Berlin", "Tokyo"],
        source_language="vi",
        at=datetime(2027, 6, 1, 9),
        now=NOW,
    )
    hanoi, berlin, tokyo = post.variants
    posts.edit_variant(
        three_accounts,
        berlin.id,
        text="Treffen am Montag",
        expected_version=berlin.version,
        origin=TextOrigin.MACHINE,
        reviewed=True,
    )
    posts.edit_variant(
        three_accounts,
        tokyo.id,
        text="月曜日に会議",
        expected_version=tokyo.version,
        origin=TextOrigin.HUMAN,
        reviewed=True,
    )
    edited = posts.edit_draft(three_accounts, post.id, text="Meeting CANCELLED")
    after = {v.account_name: v for v in edited.variants}
    # The source-language variant follows and stays scheduled.
    assert (after["Hanoi"].text, after["Hanoi"].status) == ("Meeting CANCELLED", VariantStatus.SCHEDULED)
    # The machine translation is dropped back to the new source text, to be translated again.
    assert after["Berlin"].text == "Meeting CANCELLED"
    assert after["Berlin"].text_origin is TextOrigin.SOURCE
    assert (after["Berlin"].status, after["Berlin"].reviewed) == (VariantStatus.DRAFT, False)
    # The person's translation is kept for them to revise, but no longer counts as reviewed or scheduled.
    assert (after["Tokyo"].text, after["Tokyo"].text_origin) == ("月曜日に会議", TextOrigin.HUMAN)
    assert (after["Tokyo"].status, after["Tokyo"].reviewed) == (VariantStatus.DRAFT, False)
    assert after["Tokyo"].scheduled_at == tokyo.scheduled_at  # kept for rescheduling
    (event,) = [e for e in queries.list_events(three_accounts, entity="post", entity_id=post.id) if e.action == "edit"]
    assert event.details["back_to_draft"] == [berlin.id, tokyo.id]
    assert hanoi.id not in event.details["back_to_draft"]


def test_published_variants_cannot_be_edited_or_cancelled(three_accounts: Store) -> None:
    post = posts.create_post(
        three_accounts, text="Out", accounts=["Berlin", "Tokyo"], at=datetime(2027, 6, 1, 9), now=NOW
    )
    berlin = post.variants[0]
    with three_accounts.write() as conn:
        conn.execute(variants.update().where(variants.c.id == berlin.id).values(status="published", remote_id="42"))
    with pytest.raises(ConflictError, match="no longer be edited"):
        posts.edit_variant(three_accounts, berlin.id, text="changed", expected_version=None)
    with pytest.raises(ConflictError, match="create a new post"):
        posts.edit_draft(three_accounts, post.id, text="changed")
    cancelled = posts.cancel_post(three_accounts, post.id)
    statuses = {v.account_name: v.status for v in cancelled.variants}
    assert statuses == {"Berlin": VariantStatus.PUBLISHED, "Tokyo": VariantStatus.CANCELLED}
    with pytest.raises(ConflictError, match="nothing left to cancel"):
        posts.cancel_post(three_accounts, post.id)
    tokyo = next(v for v in post.variants if v.account_name == "Tokyo")
    (event,) = [
        e for e in queries.list_events(three_accounts, entity="post", entity_id=post.id) if e.action == "cancel"
    ]
    assert event.details == {"variants": [tokyo.id]}  # only the variant that was still open


def test_cancel_refuses_while_publishing(three_accounts: Store) -> None:
    post = posts.create_post(three_accounts, text="Now", accounts=["Tokyo"], at=datetime(2027, 6, 1, 9), now=NOW)
    with three_accounts.write() as conn:
        conn.execute(variants.update().values(status="publishing"))
    with pytest.raises(ConflictError, match="being published"):
        posts.cancel_post(three_accounts, post.id)


def test_add_targets_and_reschedule(three_accounts: Store) -> None:
    post = posts.create_post(three_accounts, text="Hello", accounts=["Berlin"], source_language="en")
    post = posts.add_targets(three_accounts, post.id, ["Tokyo"])
    assert [v.account_name for v in post.variants] == ["Berlin", "Tokyo"]
    with pytest.raises(ConflictError, match="already goes to 'Tokyo'"):
        posts.add_targets(three_accounts, post.id, ["Tokyo"])
    post = posts.schedule_post(three_accounts, post.id, datetime(2027, 2, 1, 8, 30), accounts=["Tokyo"], now=NOW)
    by_account = {v.account_name: v for v in post.variants}
    assert by_account["Tokyo"].scheduled_at == datetime(2027, 1, 31, 23, 30, tzinfo=UTC)
    assert by_account["Berlin"].status is VariantStatus.DRAFT
    actions = [e.action for e in queries.list_events(three_accounts, entity="post", entity_id=post.id)]
    assert actions == ["schedule", "add_targets", "create"]


def test_list_filters_by_variant_status_and_show_finds_one(three_accounts: Store) -> None:
    draft = posts.create_post(three_accounts, text="draft", accounts=["Tokyo"])
    scheduled = posts.create_post(three_accounts, text="sched", accounts=["Tokyo"], at=datetime(2027, 6, 1, 9), now=NOW)
    assert [p.id for p in queries.list_posts(three_accounts)] == [scheduled.id, draft.id]
    assert [p.id for p in queries.list_posts(three_accounts, status="scheduled")] == [scheduled.id]
    assert [p.id for p in queries.list_posts(three_accounts, status="DRAFT")] == [draft.id]
    with pytest.raises(UserError, match="Unknown status"):
        queries.list_posts(three_accounts, status="sent")
    with pytest.raises(NotFoundError, match="No post with id 999"):
        queries.get_post(three_accounts, 999)
