"""The Feedback screen's rules without Qt: its filters as a query, which rows are uncertain or need translating,
and the dashboard's scope as the comments it covers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.viewmodels import feedback as vm
from core.domain import Account
from core.errors import UserError
from core.queries.analytics import Scope
from core.queries.feedback import UNKNOWN_LANGUAGE, Comment, FeedbackFilter, Translation
from core.reports.comments import feedback_filter

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2027, 3, 10, 5, 0, tzinfo=UTC)


def _comment(**changes: object) -> Comment:
    base = Comment(
        id=1,
        variant_id=1,
        post_id=1,
        account_id=1,
        account_name="Tokyo (X)",
        platform="x",
        remote_id="c1",
        parent_remote_id=None,
        author_name="Sato",
        text="ありがとう",
        language="ja",
        language_confidence=0.9,
        language_source="detected",
        created_at=NOW,
        edited_at=None,
        deleted_at=None,
        like_count=None,
        reply_count=None,
        read_at=None,
        read_by=None,
        post_label="Summit",
        post_url=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_filters_read_days_on_the_officers_clock() -> None:
    today = date(2027, 3, 10)
    flt = vm.Filters(preset=vm.Preset.LAST_7_DAYS, account_id=3, language=UNKNOWN_LANGUAGE, unread=True, text=" hi ")
    query = flt.query(today, HANOI)
    assert query.since == datetime(2027, 3, 3, 17, 0, tzinfo=UTC)  # 4 March, midnight in Hà Nội
    assert query.until == datetime(2027, 3, 10, 17, 0, tzinfo=UTC)
    assert (query.account_ids, query.languages, query.unread, query.text) == ((3,), (UNKNOWN_LANGUAGE,), True, "hi")
    assert vm.Filters(preset=vm.Preset.ALL).query(today, HANOI) == FeedbackFilter()
    custom = vm.Filters(preset=vm.Preset.CUSTOM, first=date(2027, 3, 1), last=date(2027, 3, 1)).query(today, HANOI)
    assert custom.until is not None and custom.since is not None and custom.until - custom.since == timedelta(days=1)
    with pytest.raises(UserError, match="ends before it begins"):
        vm.Filters(preset=vm.Preset.CUSTOM, first=date(2027, 3, 2), last=date(2027, 3, 1)).query(today, HANOI)


def test_a_language_is_uncertain_when_weakly_detected_or_only_the_platforms_say() -> None:
    assert not vm.uncertain(_comment())
    assert vm.uncertain(_comment(language_confidence=0.59))
    assert vm.uncertain(_comment(language_source="platform", language_confidence=0.95))
    assert not vm.uncertain(_comment(language_source="person", language_confidence=0.2))
    assert not vm.uncertain(_comment(language=None, language_confidence=None, language_source=None))


def test_rows_need_translating_when_none_or_an_outdated_one_exists_in_the_readers_language() -> None:
    done = Translation("en", "Thank you", "ja", "ja->en", stale=False)
    assert vm.needs_translation(_comment(), "en")
    assert not vm.needs_translation(_comment(translation=done), "en")
    assert vm.needs_translation(_comment(translation=replace(done, stale=True)), "en")
    assert not vm.needs_translation(_comment(language="en", text="Thanks"), "en")
    assert vm.needs_translation(_comment(language=None), "en")  # detected first, then translated
    assert vm.shown_text(_comment(translation=done), "en") == "Thank you"
    assert vm.shown_text(_comment(translation=done), "en", original=True) == "ありがとう"


def test_marking_changes_the_row_in_place() -> None:
    read = vm.marked(_comment(), read=True, now=NOW)
    assert read.read_at == NOW and not read.unread
    assert vm.marked(read, read=False).unread and vm.marked(read, read=False).read_by is None


def _account(account_id: int, platform: str, language: str) -> Account:
    return Account(
        id=account_id,
        name=f"{platform}-{language}",
        platform=platform,
        language=language,
        timezone="UTC",
        handle=None,
        api_base=None,
        external_id=None,
        credential_ref=None,
        grace_minutes=0,
        active=True,
        created_at=NOW,
    )


def test_the_dashboards_scope_becomes_the_comments_of_its_accounts_in_its_period() -> None:
    accounts = [_account(1, "x", "vi"), _account(2, "facebook", "en"), _account(3, "x", "ja")]
    scope = Scope(NOW - timedelta(days=7), NOW)
    assert feedback_filter(scope, accounts) == FeedbackFilter(since=scope.since, until=scope.until)
    assert feedback_filter(replace(scope, platforms=("x",)), accounts).account_ids == (1, 3)  # type: ignore[union-attr]
    assert feedback_filter(replace(scope, languages=("ja", "en")), accounts).account_ids == (2, 3)  # type: ignore[union-attr]
    assert feedback_filter(replace(scope, account_ids=(3,), platforms=("x",)), accounts).account_ids == (3,)  # type: ignore[union-attr]
    assert feedback_filter(replace(scope, account_ids=(2,), platforms=("x",)), accounts) is None  # nothing left
