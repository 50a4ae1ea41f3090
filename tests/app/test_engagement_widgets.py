"""The Engagement screen's small widgets (the multi-select list, the painted heatmap) and the best-time hint."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.qt import Qt
from app.viewmodels import schedule
from app.viewmodels.engagement import Heat
from app.widgets.check_combo import CheckCombo
from app.widgets.heatmap import Heatmap
from app.widgets.schedule_editor import ScheduleEditor
from core.services import accounts
from core.store import Store
from scheduler import slots


def test_a_click_ticks_an_item_and_keeps_the_list_open(qtbot: QtBot) -> None:
    combo = CheckCombo()
    qtbot.addWidget(combo)
    combo.set_captions("All accounts", "{0} accounts")
    combo.set_items([("Hanoi (X)", 1), ("Tokyo (X)", 2), ("London (FB)", 3)])
    combo.show()
    assert combo.caption() == "All accounts" and combo.checked() == []

    combo.showPopup()
    view = combo.view()
    with qtbot.waitSignal(combo.selection_changed, timeout=1000):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(combo.model().index(1, 0)).center()
        )
    assert combo.checked() == [2] and combo.caption() == "Tokyo (X)"
    assert view.isVisible()  # still open: a person ticks several
    view.setCurrentIndex(combo.model().index(2, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert combo.checked() == [2, 3] and combo.caption() == "2 accounts"
    combo.hidePopup()

    combo.set_items([("Tokyo (X)", 2), ("Berlin (X)", 4)])  # refilled: the tick still offered stays
    assert combo.checked() == [2]


def test_the_heatmap_finds_its_cells_and_says_what_they_rest_on(qtbot: QtBot) -> None:
    heatmap = Heatmap()
    qtbot.addWidget(heatmap)
    heatmap.resize(720, 220)
    heatmap.show()
    levels: dict[tuple[int, int], float | None] = {(w, h): None for w in range(7) for h in range(24)}
    levels[(2, 9)] = 1.0
    heatmap.show_heat(Heat(levels, {(2, 9): 4}, ((2, 9),)))
    rect = heatmap.cell_rect(2, 9)
    assert heatmap.cell_at(rect.center().x(), rect.center().y()) == (2, 9)
    assert heatmap.cell_at(1, 1) is None  # the weekday names' margin
    qtbot.mouseMove(heatmap, rect.center())
    qtbot.waitUntil(lambda: heatmap.toolTip() == "Wed 09:00: 4 posts", timeout=1000)
    image = heatmap.grab().toImage()
    assert image.pixelColor(rect.center()) != image.pixelColor(heatmap.cell_rect(0, 0).center())
    corner = heatmap.cell_rect(6, 23)
    assert heatmap.cell_at(corner.right(), corner.bottom()) == (6, 23)


def test_next_free_slot_shows_its_reason_until_the_time_is_changed_by_hand(qtbot: QtBot, store: Store) -> None:
    tokyo = accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    slots.add_slot(store, "Tokyo (X)", "09:30")
    editor = ScheduleEditor("Asia/Tokyo")
    qtbot.addWidget(editor)
    editor.show()
    assert editor.slot_hint.isHidden()

    hint = schedule.next_slot(store, tokyo.id, "Asia/Tokyo")
    editor.set_local(hint)
    assert editor.local() == hint.local and editor.local().strftime("%H:%M") == "09:30"
    assert editor.slot_hint.isVisible() and editor.slot_hint.text() == hint.reason
    assert "not enough history" in editor.slot_hint.text()

    editor.set_local(hint.local + timedelta(hours=1))  # the officer moves it: the reason no longer applies
    assert editor.slot_hint.isHidden() and editor.hint() is None
