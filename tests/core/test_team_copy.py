"""Moving to the team server: an embedded database copied into a real PostgreSQL one, verified."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from core import queries
from core.errors import ConfigurationError, ConflictError
from core.services import accounts, drafts, posts
from core.services.drafts import DraftContent
from core.services.team_copy import CopyMismatchError, copy_to_team
from core.store import Store
from core.store.opening import open_store
from core.store.tables import comment_activity, engagement_snapshots, metadata, variants
from scheduler import slots

pytestmark = pytest.mark.postgres


def _desk(store: Store) -> None:
    """A small desk's history: accounts, posts in every state, engagement, a draft, slots, the audit trail."""
    hanoi = accounts.add_account(store, name="MOFA Việt Nam", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh")
    accounts.add_account(store, name="Embassy Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    slots.add_slot(store, "Embassy Tokyo", "09:30", 1)
    now = datetime(2030, 5, 1, 8, 0, tzinfo=UTC)
    published = posts.create_post(store, text="Thông cáo báo chí 🇻🇳", accounts=["MOFA Việt Nam", "Embassy Tokyo"])
    scheduled = posts.create_post(store, text="Lịch họp tuần tới", accounts=["Embassy Tokyo"])
    posts.schedule_post(store, scheduled.id, datetime(2030, 6, 1, 9, 0), now=now)
    cancelled = posts.create_post(store, text="Bản nháp huỷ", accounts=["MOFA Việt Nam"])
    posts.cancel_post(store, cancelled.id)
    with store.write() as conn:  # as the publisher and the poller leave them
        conn.execute(
            variants.update()
            .where(variants.c.post_id == published.id)
            .values(status="published", remote_id="1790001", published_at=now)
        )
        first = published.variants[0].id
        for hours, reactions in ((1, 3), (5, 40), (30, 121)):
            conn.execute(
                engagement_snapshots.insert().values(
                    variant_id=first,
                    captured_at=now + timedelta(hours=hours),
                    reactions=reactions,
                    impressions=None,  # a figure not given stays unknown, never zero
                    metrics={"likes": reactions},
                )
            )
    drafts.save_draft(store, None, DraftContent("Bản nháp chưa gửi", "vi", (hanoi.id,), ()))


def _everything(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, in key order, times as aware UTC (a naive reading of the database).

    Not the comments' change counter: each database has its own (``comment_activity``).
    """
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = {}
            for table in metadata.sorted_tables:
                if table is comment_activity:
                    continue
                rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings().all()
                found[table.name] = [
                    {
                        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
                        for k, v in dict(r).items()
                    }
                    for r in rows
                ]
            return found
    finally:
        engine.dispose()


def test_the_copy_keeps_every_row_and_id_and_the_team_store_goes_on_from_there(store: Store, postgres_url: str) -> None:
    _desk(store)
    seen: list[tuple[str, int, int]] = []
    report = copy_to_team(store, postgres_url, progress=lambda *step: seen.append(step))
    assert not report.already_there and "***" not in report.target
    original, copied = _everything(str(store.engine.url)), _everything(postgres_url)
    assert copied == original
    assert report.rows == {name: len(rows) for name, rows in original.items()}
    assert report.rows["audit_events"] >= 6 and report.rows["engagement_snapshots"] == 3
    assert ("posts", 3, 3) in seen
    team = open_store(postgres_url)
    try:  # the next post made on the team server takes the next ids, after the copied ones
        made = posts.create_post(team, text="Bài đầu tiên trên máy chủ", accounts=["Embassy Tokyo"])
        assert made.id == max(p["id"] for p in original["posts"]) + 1
        assert made.variants[0].id == max(v["id"] for v in original["variants"]) + 1
        assert queries.list_events(team, entity="post", limit=1)[0].entity_id == made.id
    finally:
        team.dispose()


def test_running_it_again_writes_nothing_twice(store: Store, postgres_url: str) -> None:
    _desk(store)
    copy_to_team(store, postgres_url)
    again = copy_to_team(store, postgres_url)
    assert again.already_there and again.rows["posts"] == 3
    assert _everything(postgres_url) == _everything(str(store.engine.url))


def test_a_team_database_with_other_content_is_refused_and_left_alone(store: Store, postgres_url: str) -> None:
    _desk(store)
    team = open_store(postgres_url)
    try:
        accounts.add_account(team, name="Embassy Berlin", platform="x", language="de", timezone="Europe/Berlin")
    finally:
        team.dispose()
    before = _everything(postgres_url)
    with pytest.raises(ConflictError, match="already holds other posts or accounts"):
        copy_to_team(store, postgres_url)
    assert _everything(postgres_url) == before


def test_a_copy_that_does_not_read_back_is_rolled_back_whole(store: Store, postgres_url: str) -> None:
    _desk(store)
    team = open_store(postgres_url)
    try:  # a server that alters what it is given (a stray trigger): the copy must notice
        with team.write() as conn:
            conn.exec_driver_sql(
                "CREATE FUNCTION tamper() RETURNS trigger AS $$ BEGIN NEW.text := NEW.text || '!'; RETURN NEW; "
                "END $$ LANGUAGE plpgsql; "
                "CREATE TRIGGER tamper BEFORE INSERT ON variants FOR EACH ROW EXECUTE FUNCTION tamper()"
            )
    finally:
        team.dispose()
    with pytest.raises(CopyMismatchError, match=r"variants: row \[\d+\] differs in 'text'"):
        copy_to_team(store, postgres_url)
    copied = _everything(postgres_url)
    assert all(rows == [] for rows in copied.values()), {k: len(v) for k, v in copied.items() if v}


def test_an_unreachable_team_server_is_a_sentence_without_its_password(store: Store) -> None:
    _desk(store)
    with pytest.raises(ConfigurationError) as refused:
        copy_to_team(store, "postgresql+psycopg://press:s3cr3t-pw@127.0.0.1:1/team")
    assert "Cannot open the database" in str(refused.value) and "s3cr3t-pw" not in str(refused.value)
    with store.read() as conn:  # the original is untouched
        assert conn.execute(select(func.count()).select_from(variants)).scalar_one() == 4
