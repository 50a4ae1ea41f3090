"""The Audit screen: actions done through the services appear with who, what and when; the filters
narrow the list; pages follow each other; the CSV export parses back to the rows on screen."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.changes import POSTS
from app.context import AppContext
from app.models.audit_model import DETAILS, WHAT, WHEN, WHICH, WHO
from app.qt import Qt
from app.viewmodels import audit as vm
from app.views.audit import AuditPage
from core import timeutil
from core.domain import Account, Post
from core.services import approval, posts

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def made(press_accounts: dict[str, Account], ctx: AppContext) -> dict[str, Post]:
    """A post written by amira, approved by bao, another cancelled by bao; the accounts by the tester."""
    store = ctx.store
    summit = posts.create_post(
        store, text="Hội nghị thượng đỉnh ASEAN tại Hà Nội", accounts=["Hanoi (X)"], actor="amira"
    )
    approval.approve(store, [summit.variants[0].id], actor="bao")
    visit = posts.create_post(store, text="State visit to Tokyo", accounts=["Tokyo (X)"], actor="amira")
    posts.cancel_post(store, visit.id, actor="bao")
    return {"summit": summit, "visit": visit}


def _page(qtbot: QtBot, ctx: AppContext) -> AuditPage:
    page = AuditPage(ctx, zone=ZONE)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.activate()
    return page


def _cells(page: AuditPage, column: int) -> list[str]:
    return [page.model.display(row, column) for row in page.model.rows]


def _reload(qtbot: QtBot, page: AuditPage, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        change()


def test_the_services_actions_appear_with_who_what_which_and_when(
    qtbot: QtBot, ctx: AppContext, made: dict[str, Post]
) -> None:
    page = _page(qtbot, ctx)
    lines = list(zip(_cells(page, WHO), _cells(page, WHAT), _cells(page, WHICH), strict=True))
    summit, visit = made["summit"], made["visit"]
    assert ("bao", "cancelled", f"Post {visit.id}: State visit to Tokyo") in lines
    assert ("amira", "created", f"Post {summit.id}: Hội nghị thượng đỉnh ASEAN tại Hà Nội") in lines
    assert ("bao", "approved", f"Variant {summit.variants[0].id}: Hanoi (X) (vi)") in lines
    assert ("tester", "created", "Account 1: Hanoi (X)") in lines[-3:]  # the oldest, at the bottom
    newest = page.model.rows[0].event
    assert newest.action == "cancel"
    today = timeutil.now_utc().astimezone(ZONE).strftime("%Y-%m-%d")
    assert _cells(page, WHEN)[0].startswith(today) and _cells(page, WHEN)[0].endswith("+07")
    detail = page.model.index(0, DETAILS)
    assert page.model.data(detail, Qt.ItemDataRole.ToolTipRole).startswith("{")
    assert page.count_label.text() == f"Showing {len(lines)} of {len(lines)} events, newest first"


def test_the_filters_narrow_the_list(qtbot: QtBot, ctx: AppContext, made: dict[str, Post]) -> None:
    page = _page(qtbot, ctx)
    every = page.model.rowCount()
    assert {page.actor.itemData(row) for row in range(page.actor.count())} == {"", "amira", "bao", "tester"}

    _reload(qtbot, page, lambda: page.choose(page.actor, "bao"))
    assert set(_cells(page, WHO)) == {"bao"} and 0 < page.model.rowCount() < every
    _reload(qtbot, page, lambda: page.choose(page.action, "approve"))
    assert _cells(page, WHAT) == ["approved"]
    _reload(qtbot, page, lambda: page.choose(page.action, ""))
    _reload(qtbot, page, lambda: page.choose(page.actor, ""))
    assert page.model.rowCount() == every

    _reload(qtbot, page, lambda: page.choose(page.entity, "account"))
    assert set(_cells(page, WHAT)) == {"created"} and page.model.rowCount() == 3
    _reload(qtbot, page, lambda: page.entity_id.setText("2"))
    assert _cells(page, WHICH) == ["Account 2: London (FB)"]
    _reload(qtbot, page, lambda: page.choose(page.entity, ""))
    _reload(qtbot, page, lambda: page.entity_id.setText(""))

    _reload(qtbot, page, lambda: page.search.setText("europe/london"))
    assert _cells(page, WHICH) == ["Account 2: London (FB)"]
    _reload(qtbot, page, lambda: page.search.setText(""))

    _reload(qtbot, page, lambda: page.set_preset(vm.Preset.CUSTOM))
    _reload(qtbot, page, lambda: page.first.setDate(page.first.date().addYears(-10)))
    _reload(qtbot, page, lambda: page.last.setDate(page.first.date().addDays(1)))
    assert page.model.rowCount() == 0 and page.count_label.text() == "No events for these filters."


def test_a_change_elsewhere_reloads_the_list_and_pages_follow_each_other(
    qtbot: QtBot, ctx: AppContext, made: dict[str, Post]
) -> None:
    page = _page(qtbot, ctx)
    every = [row.event.id for row in page.model.rows]
    post = made["summit"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ctx.op(lambda _p: posts.cancel_post(ctx.store, post.id, actor="chloe"), changes=POSTS).run()
    assert (page.model.rows[0].event.actor, _cells(page, WHAT)[0]) == ("chloe", "cancelled")

    page.page_size = 2
    _reload(qtbot, page, page.refresh)
    assert page.model.rowCount() == 2 and page.more_button.isEnabled()
    while page.more_button.isEnabled():
        _reload(qtbot, page, page.more_button.click)
    assert [row.event.id for row in page.model.rows][1:] == every
    assert page.count_label.text() == f"Showing {len(every) + 1} of {len(every) + 1} events, newest first"


def test_the_csv_export_parses_back_to_the_rows_on_screen(
    qtbot: QtBot, ctx: AppContext, made: dict[str, Post], tmp_path: Path
) -> None:
    page = _page(qtbot, ctx)
    _reload(qtbot, page, lambda: page.choose(page.actor, "amira"))
    asked: list[str] = []
    page.ask_path = lambda suggested: asked.append(suggested) or str(tmp_path / "trail")
    with qtbot.waitSignal(page.exported, timeout=10_000) as blocker:
        page.export_button.click()
    written = Path(blocker.args[0])
    assert written == tmp_path / "trail.csv" and asked[0].startswith("audit-")
    assert page.message.text() == f"Saved {page.model.rowCount()} events to {written}"
    with written.open(encoding="utf-8-sig", newline="") as file:
        header, *lines = list(csv.reader(file))
    assert header[:3] == ["When (Asia/Ho_Chi_Minh)", "Who", "Action"]
    on_screen = page.model.rows
    assert [int(line[-1]) for line in lines] == [row.event.id for row in on_screen]
    assert [(line[1], line[2], line[5]) for line in lines] == [
        (row.event.actor, str(row.event.action), row.label) for row in on_screen
    ]
    first = on_screen[0].event
    assert datetime.fromisoformat(lines[0][0]) == first.at.astimezone(ZONE).replace(tzinfo=None, microsecond=0)
    assert "Hội nghị" in lines[-1][5]  # accents kept


def test_a_failed_export_says_why(qtbot: QtBot, ctx: AppContext, made: dict[str, Post], tmp_path: Path) -> None:
    page = _page(qtbot, ctx)
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    page.ask_path = lambda _suggested: str(blocker_file / "trail.csv")
    with qtbot.waitSignal(page.exported, timeout=10_000) as blocker:
        page.export()
    assert blocker.args == [""]
    assert page.message.text().startswith("Export failed: ")
