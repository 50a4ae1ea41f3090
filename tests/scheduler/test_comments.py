"""Comment collection by the worker over HTTP: no duplicates across polls and restarts, edits with
their history, deletions marked, the X access-level refusal recorded once and shown, rate limits
kept, and Facebook's comments paged; on SQLite and on PostgreSQL."""

from __future__ import annotations

import urllib.request
from datetime import timedelta

import pytest
from sqlalchemy import select

from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from core import queries, secrets
from core.queries import feedback
from core.services import accounts
from core.store import Store, open_store
from core.store.tables import comment_polls, comments, engagement_snapshots
from scheduler.comments import ACCESS_LEVEL, ACCESS_LEVEL_RETRY, CommentCollector
from scheduler.connections import ConnectorPool, default_factory
from scheduler.engine import Engine
from tests.support.connector_accounts import PAGE_ID
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule

SEARCH = ("GET", "/2/tweets/search/recent")


def _searches(sandbox: Sandbox) -> int:
    return sum(1 for call in sandbox.calls() if call == SEARCH)


def _later(sandbox: Sandbox, clock: FakeClock, minutes: float) -> None:
    """Both clocks on: the emulator's (comments arrive) and the engine's (polls fall due)."""
    sandbox.advance(minutes * 60)
    clock.advance(minutes=minutes)


def _publish(
    store: Store, make_engine: EngineMaker, clock: FakeClock, account: str, zone: str, count: int = 1
) -> tuple[Engine, list[int]]:
    """``count`` posts to ``account``, published by one sweep a minute from now; the engine and the variants."""
    due = clock.now + timedelta(minutes=1)
    at = local_in(zone, due)
    ids = [schedule(store, account, at, clock.now, text=f"Notice {i} of {due:%H:%M}") for i in range(count)]
    engine = make_engine(store=store)
    clock.set(due)
    engine.sweep()
    return engine, ids


def _remote(store: Store, variant_id: int) -> str:
    remote = queries.get_variant(store, variant_id).remote_id
    assert remote is not None
    return remote


def _rows(store: Store) -> list[dict[str, object]]:
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(select(comments).order_by(comments.c.id))]


def _live(store: Store) -> set[str]:
    return {str(r["remote_id"]) for r in _rows(store) if r["deleted_at"] is None}


@pytest.fixture
def tokyo_user() -> str:
    """The emulator's X user of the ``tokyo`` account (its access token decides it)."""
    return user_id_for("access_token-tokyo-0123456789")


def test_comments_are_collected_once_across_polls_and_worker_restarts(
    any_store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(any_store, sandbox, "tokyo", "Asia/Tokyo")
    engine, [variant] = _publish(any_store, make_engine, clock, "tokyo", "Asia/Tokyo")
    remote = _remote(any_store, variant)
    for i in range(3):
        sandbox.add_comment(remote, f"Early question {i}", language="ja")
    seen: list[int] = []
    for _ in range(4):  # the first hour: every ten minutes, only what is new (since_id)
        _later(sandbox, clock, 10)
        engine.sweep()
        rows = _rows(any_store)
        assert len(rows) == len({r["remote_id"] for r in rows})  # never twice
        assert {c["id"] for c in sandbox.comments(remote)} <= {str(r["remote_id"]) for r in rows}
        seen.append(len(rows))
    assert seen[0] >= 3 and seen == sorted(seen)
    engine.stop()
    # A new worker on the same database (a new connection, a new engine): it continues, it does not start over.
    reopened = open_store(any_store.url if "postgresql" in any_store.url else None)
    try:
        later_engine = make_engine(store=reopened)
        for _ in range(3):
            _later(sandbox, clock, 60)
            later_engine.sweep()
        rows = _rows(reopened)
        assert len(rows) == len({r["remote_id"] for r in rows}) >= seen[-1]
        # Past the first two hours each read takes the whole conversation: what is live is exactly what X shows.
        assert _live(reopened) == {c["id"] for c in sandbox.comments(remote)}
        assert feedback.count_comments(reopened)[0] == len(rows)
    finally:
        reopened.dispose()


def test_edits_keep_their_history_and_deletions_are_marked(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_comment_crowd(False)
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    engine, [variant] = _publish(store, make_engine, clock, "tokyo", "Asia/Tokyo")
    remote = _remote(store, variant)
    edited = sandbox.add_comment(remote, "Wann öffnet die Botschaft?", language="de")
    deleted = sandbox.add_comment(remote, "Spam", language="en")
    kept = sandbox.add_comment(remote, "Danke!", language="de")
    _later(sandbox, clock, 10)
    engine.sweep()
    assert {str(r["remote_id"]): r["language"] for r in _rows(store)} == {edited: "de", deleted: "en", kept: "de"}
    sandbox.edit_comment(edited, "Wann öffnet die Botschaft? Montag?")
    sandbox.delete_comment(deleted)
    _later(sandbox, clock, 10)
    engine.sweep()
    by_remote = {str(r["remote_id"]): r for r in _rows(store)}
    assert len(by_remote) == 3  # the edit (a new post id on X) is the same comment
    assert by_remote[edited]["text"] == "Wann öffnet die Botschaft? Montag?" and by_remote[edited]["edited_at"]
    history = feedback.revisions(store, int(by_remote[edited]["id"]))  # type: ignore[call-overload]
    assert [r.text for r in history] == ["Wann öffnet die Botschaft?", "Wann öffnet die Botschaft? Montag?"]
    assert by_remote[edited]["language"] == "de"  # detected again from the new text
    assert by_remote[deleted]["deleted_at"] is None  # a read of what is new cannot tell a deletion
    _later(sandbox, clock, 120)
    engine.sweep()
    by_remote = {str(r["remote_id"]): r for r in _rows(store)}
    assert by_remote[deleted]["deleted_at"] == clock.now and by_remote[deleted]["text"] == "Spam"  # kept
    assert by_remote[kept]["deleted_at"] is None and by_remote[edited]["deleted_at"] is None


def test_the_x_access_level_refusal_is_recorded_once_shown_and_asked_again_a_day_later(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, tokyo_user: str
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    sandbox.set_search_access(tokyo_user, allowed=False)
    engine, variants = _publish(store, make_engine, clock, "tokyo", "Asia/Tokyo", count=2)
    assert _searches(sandbox) == 1  # the first refusal answers for the account's other posts too
    [problem] = feedback.collection_problems(store)
    assert problem.account_name == "tokyo" and problem.error_class == ACCESS_LEVEL and problem.variants == 2
    assert problem.error.startswith("Replies on X are not available on this X access level:")
    for _ in range(12):  # two hours of sweeps: not one more search
        _later(sandbox, clock, 10)
        engine.sweep()
    assert _searches(sandbox) == 1
    _, [newer] = _publish(store, lambda **kw: engine, clock, "tokyo", "Asia/Tokyo")
    assert _searches(sandbox) == 1  # a new post of the account gets the known answer without a call
    assert feedback.collection_problems(store)[0].variants == 3
    with store.read() as conn:
        assert conn.execute(select(engagement_snapshots.c.id)).first() is not None  # engagement still comes
    sandbox.set_search_access(tokyo_user, allowed=True)
    _later(sandbox, clock, ACCESS_LEVEL_RETRY.total_seconds() / 60 + 10)
    engine.sweep()
    assert _searches(sandbox) >= 2 and feedback.collection_problems(store) == []
    with store.read() as conn:
        errors = {r.variant_id: r.error_class for r in conn.execute(select(comment_polls))}
    assert set(errors) == {*variants, newer} and set(errors.values()) == {None}


def test_collection_keeps_within_the_search_rate_limit(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_comment_crowd(False)
    sandbox.set_rate_limit("x", "search", 5, 900)
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    engine, variants = _publish(store, make_engine, clock, "tokyo", "Asia/Tokyo", count=6)
    assert _searches(sandbox) == 4  # one call of the window left for whatever else needs it
    _later(sandbox, clock, 5)
    engine.sweep()
    assert _searches(sandbox) == 4  # held until the window resets
    _later(sandbox, clock, 11)
    engine.sweep()
    # The new window: the two never read first, then two of those due again; one call kept in reserve again.
    assert _searches(sandbox) == 8
    with store.read() as conn:
        assert {r.variant_id for r in conn.execute(select(comment_polls))} == set(variants)
    assert feedback.collection_problems(store) == []


def test_a_429_holds_the_account_until_the_reset_x_gave(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_comment_crowd(False)
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    sandbox.set_faults("429:1", times=1, path="/2/tweets/search/recent")
    engine, variants = _publish(store, make_engine, clock, "tokyo", "Asia/Tokyo", count=3)
    assert _searches(sandbox) == 1
    with store.read() as conn:
        waits = {r.variant_id: r.next_poll_at for r in conn.execute(select(comment_polls))}
    assert set(waits) == set(variants) and all(w is not None and w > clock.now for w in waits.values())
    _later(sandbox, clock, 1)
    engine.sweep()
    assert _searches(sandbox) == 1
    _later(sandbox, clock, 15)
    engine.sweep()
    assert _searches(sandbox) == 4 and feedback.collection_problems(store) == []


def test_facebook_comments_are_paged_and_an_edit_or_deletion_shows_at_the_next_poll(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_comment_crowd(False)
    accounts.add_account(
        store,
        name="page",
        platform="facebook",
        language="vi",
        timezone="Asia/Ho_Chi_Minh",
        api_base=sandbox.base_url,
        external_id=PAGE_ID,
    )
    secrets.store_secret("facebook", "page", "page_token", "fbpage-collector-0123456789")
    engine, [variant] = _publish(store, make_engine, clock, "page", "Asia/Ho_Chi_Minh")
    remote = _remote(store, variant)
    ids = [sandbox.add_comment(remote, f"Câu hỏi {i}", language="vi") for i in range(120)]
    reply = sandbox.add_comment(remote, "Cảm ơn!", language="vi", parent=ids[0])
    _later(sandbox, clock, 10)
    before = len(sandbox.calls())
    engine.sweep()
    pages = [c for c in sandbox.calls()[before:] if c[1].endswith(f"/{remote}/comments")]
    assert len(pages) == 2 and _live(store) == {*ids, reply}
    assert next(r for r in _rows(store) if r["remote_id"] == reply)["parent_remote_id"] == ids[0]
    sandbox.edit_comment(ids[1], "Câu hỏi 1 (đã sửa)")
    sandbox.delete_comment(ids[2])
    _later(sandbox, clock, 10)
    engine.sweep()
    rows = {str(r["remote_id"]): r for r in _rows(store)}
    assert len(rows) == 121 and rows[ids[2]]["deleted_at"] == clock.now
    assert rows[ids[1]]["text"] == "Câu hỏi 1 (đã sửa)" and rows[ids[1]]["edited_at"] == clock.now


def test_a_connector_without_comments_is_passed_over(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    _publish(store, make_engine, clock, "tokyo", "Asia/Tokyo")

    class NoComments:
        """The real connector without ``fetch_comments`` (a plugin's)."""

        def __init__(self, inner: object) -> None:
            self.inner = inner

        def __getattr__(self, name: str) -> object:
            if name == "fetch_comments":
                raise AttributeError(name)
            return getattr(self.inner, name)

    pool = ConnectorPool(store, lambda account: NoComments(default_factory(account)))  # type: ignore[arg-type,return-value]
    with store.write() as conn:
        conn.execute(comment_polls.delete())
    collector = CommentCollector(store, pool, clock=clock)
    before = _searches(sandbox)
    report = collector.collect_due()
    assert report.calls == 0 and _searches(sandbox) == before and feedback.collection_problems(store) == []
    with store.read() as conn:
        assert conn.execute(select(comment_polls.c.next_poll_at)).scalar() is not None  # looked at again later


def test_practice_mode_shows_the_emulated_audience_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    from connectors.practice import stop_sandboxes
    from core import practice, timeutil
    from core.services import posts
    from scheduler import services
    from tests.support.postgres import free_port

    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    monkeypatch.setenv(practice.PRACTICE_URL_ENV, url)
    store = open_store()
    try:
        accounts.add_account(store, name="Practice X (ja)", platform="x", language="ja", timezone="Asia/Tokyo")
        accounts.add_account(
            store,
            name="Practice Page",
            platform="facebook",
            language="vi",
            timezone="Asia/Ho_Chi_Minh",
            external_id=PAGE_ID,
        )
        post = posts.create_post(store, text="Lịch làm việc mới", accounts=["Practice X (ja)", "Practice Page"])
        for variant in post.variants:
            services.publish_now(store, variant.id)
        request = urllib.request.Request(
            f"{url}/__sandbox/clock", data=b'{"advance": 10800}', headers={"Content-Type": "application/json"}
        )
        urllib.request.urlopen(request, timeout=10).close()  # three hours of the emulator's audience
        clock = FakeClock(timeutil.now_utc() + timedelta(hours=3))
        report = CommentCollector(store, ConnectorPool(store, default_factory), clock=clock).collect_due()
        assert report.read == 2 and report.failed == 0
        found = feedback.list_comments(store)
        assert {c.account_name for c in found} == {"Practice X (ja)", "Practice Page"}
        assert all(c.language for c in found) and feedback.collection_problems(store) == []
    finally:
        store.dispose()
        stop_sandboxes()
