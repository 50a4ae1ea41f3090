"""The Audit screen's Qt-free shaping: periods on the officer's calendar, details in short, the CSV table."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.viewmodels import audit as vm
from core.domain import AuditAction, AuditEvent
from core.errors import UserError
from core.queries.audit import AuditRow

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2027, 3, 10)


def test_a_preset_is_whole_days_on_the_officers_clock() -> None:
    flt = vm.Filters(preset=vm.Preset.LAST_7_DAYS, actor="bao", action="approve", text="  summit ").query(TODAY, HANOI)
    assert flt.since == datetime(2027, 3, 3, 17, 0, tzinfo=UTC)  # 4 March 00:00 in Hà Nội
    assert flt.until == datetime(2027, 3, 10, 17, 0, tzinfo=UTC)
    assert (flt.actors, flt.actions, flt.text) == (("bao",), ("approve",), "summit")
    today = vm.Filters(preset=vm.Preset.TODAY).query(TODAY, HANOI)
    assert today.since is not None and today.until is not None
    assert (today.until - today.since).days == 1
    everything = vm.Filters(preset=vm.Preset.ALL, entity="post", entity_id=4).query(TODAY, HANOI)
    assert (everything.since, everything.until, everything.entity, everything.entity_id) == (None, None, "post", 4)
    assert vm.Filters(preset=vm.Preset.ALL, entity_id=4).query(TODAY, HANOI).entity_id is None  # an id needs a kind


def test_a_custom_period_needs_two_dates_in_order() -> None:
    custom = vm.Filters(preset=vm.Preset.CUSTOM, first=date(2027, 1, 1), last=date(2027, 1, 1)).query(TODAY, HANOI)
    assert custom.since == datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
    with pytest.raises(UserError, match="both dates"):
        vm.Filters(preset=vm.Preset.CUSTOM).query(TODAY, HANOI)
    with pytest.raises(UserError, match="ends before it begins"):
        vm.Filters(preset=vm.Preset.CUSTOM, first=date(2027, 1, 2), last=date(2027, 1, 1)).query(TODAY, HANOI)


def test_details_read_on_one_line_and_in_full() -> None:
    details = {"comment": "Sai  tên\nđại sứ", "variants": [3, 4], "at": None, "old_status": "scheduled", "ok": True}
    assert (
        vm.details_summary(details) == "comment: Sai tên đại sứ; variants: 3, 4; at: -; old status: scheduled; ok: true"
    )
    assert vm.details_summary({}) == ""
    long = vm.details_summary({"text": "x" * 500})
    assert len(long) == vm.SUMMARY_CHARS and long.endswith("…")
    assert '"comment": "Sai  tên\\nđại sứ"' in vm.details_json(details)


def test_the_export_table_has_local_times_and_the_whole_details() -> None:
    event = AuditEvent(
        id=9,
        at=datetime(2027, 3, 10, 2, 30, 15, tzinfo=UTC),
        actor="bao",
        action=AuditAction.APPROVE,
        entity="variant",
        entity_id=5,
        details={"lưu ý": "đúng"},
    )
    table = vm.table([AuditRow(event, "Hanoi (X) (vi)")], "Asia/Ho_Chi_Minh")
    assert table.columns[0] == "When (Asia/Ho_Chi_Minh)"
    assert table.rows == (
        (datetime(2027, 3, 10, 9, 30, 15), "bao", "approve", "variant", 5, "Hanoi (X) (vi)", '{"lưu ý": "đúng"}', 9),
    )
    assert vm.export_path("trail").name == "trail.csv" and vm.export_path("a.CSV").name == "a.CSV"
    assert vm.zone_name(HANOI) == "Asia/Ho_Chi_Minh" and vm.zone_name(None) == "UTC"
