"""The interface language: Vietnamese besides English, switched at run time, built from the .ts."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.main_window import MainWindow
from app.qt import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QTranslator,
    QWidget,
)
from app.views import PAGES
from app.views.accounts import AccountsPage
from app.views.queue import QueuePage
from app.views.settings import SettingsPage
from core.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test's QApplication, back in English afterwards (it is shared by the whole session)."""
    yield qapp
    i18n.switch_language(qapp, "en")


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    return window


def _sidebar(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_english_and_vietnamese_are_offered_by_their_own_names() -> None:
    languages = i18n.available_languages()
    assert languages[0] == ("en", "English")
    assert ("vi", "Tiếng Việt") in languages


def test_switching_to_vietnamese_retranslates_the_open_window_and_back(
    qtbot: QtBot, store: Store, app: QApplication
) -> None:
    window = _window(qtbot, store)
    queue_row = list(window.pages).index("queue")
    assert _sidebar(window)[queue_row] == "Queue"

    assert i18n.switch_language(app, "vi")
    assert i18n.current_language(app) == "vi"
    assert _sidebar(window)[queue_row] == "Hàng đợi"
    assert window.pages["queue"].title() == "Hàng đợi"
    assert window.go_actions["settings"].text() == "Cài đặt"
    assert window.menuBar().actions()[0].text() == "&Tệp"

    assert i18n.switch_language(app, "en")
    assert i18n.current_language(app) == "en"
    assert _sidebar(window)[queue_row] == "Queue"
    assert window.menuBar().actions()[0].text() == "&File"


def test_a_window_opened_after_the_switch_starts_in_the_new_language(
    qtbot: QtBot, store: Store, app: QApplication
) -> None:
    i18n.install(app, "vi")
    window = _window(qtbot, store)
    assert "Hàng đợi" in _sidebar(window)


def test_an_unknown_language_leaves_the_interface_in_english(qtbot: QtBot, store: Store, app: QApplication) -> None:
    window = _window(qtbot, store)
    assert i18n.switch_language(app, "vi")
    assert not i18n.switch_language(app, "xx")
    assert i18n.current_language(app) == "en"
    assert "Queue" in _sidebar(window)
    assert not i18n.install(app, None)
    assert app.findChild(QTranslator, "communique-translator") is None


def test_regional_codes_pick_the_language() -> None:
    assert i18n.normalize("vi_VN") == "vi"
    assert i18n.normalize("vi-VN") == "vi"
    assert i18n.normalize("en_GB") == "en"
    assert i18n.normalize("xx") is None
    assert i18n.chosen_language("vi") == "vi"


def test_the_qm_is_built_from_the_ts_in_a_fresh_folder(tmp_path: Path, qapp: QApplication) -> None:
    qm = i18n.build(i18n.source_file("vi"), tmp_path / "fresh" / "communique_vi.qm")
    assert qm.is_file() and qm.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("QueuePage", "Queue") == "Hàng đợi"
    assert list(qm.parent.iterdir()) == [qm]  # no partial file left behind


def test_the_app_compiles_the_ts_once_into_its_cache(isolated_home: Path) -> None:
    first = i18n.compiled("vi")
    assert first is not None and first.is_relative_to(isolated_home)
    stamp = first.stat().st_mtime_ns
    again = i18n.compiled("vi")
    assert again == first and again.stat().st_mtime_ns == stamp


def test_a_changed_ts_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "i18n"
    sources.mkdir()
    ts = shutil.copy(i18n.source_file("vi"), sources / "communique_vi.ts")
    monkeypatch.setattr(i18n, "SOURCE_DIR", sources)
    first = i18n.compiled("vi")
    Path(ts).write_text(Path(ts).read_text(encoding="utf-8").replace("Hàng đợi", "Danh sách chờ"), encoding="utf-8")
    second = i18n.compiled("vi")
    assert first is not None and second is not None and second != first
    assert not first.exists()  # the stale build is removed
    translator = QTranslator()
    assert translator.load(str(second)) and translator.translate("QueuePage", "Queue") == "Danh sách chờ"


def test_without_lrelease_and_without_a_prebuilt_qm_the_interface_stays_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app: QApplication
) -> None:
    sources = tmp_path / "i18n"
    sources.mkdir()
    shutil.copy(i18n.source_file("vi"), sources / "communique_vi.ts")
    monkeypatch.setattr(i18n, "SOURCE_DIR", sources)
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    assert i18n.compiled("vi") is None
    assert not i18n.install(app, "vi")
    assert i18n.current_language(app) == "en"


def test_a_retranslatable_widget_rebuilds_its_texts_on_a_switch(qtbot: QtBot, app: QApplication) -> None:
    class Caption(i18n.Retranslatable, QLabel):
        def __init__(self, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self.calls = 0
            self.retranslate()

        def retranslate(self) -> None:
            self.calls += 1
            self.setText(self.tr("Queue"))

    holder = QWidget()
    qtbot.addWidget(holder)
    caption = Caption(holder)  # a child: Qt hands the event down from the window
    i18n.switch_language(app, "vi")
    assert caption.calls == 2
    i18n.switch_language(app, "en")
    assert caption.calls == 3


def test_every_interface_string_has_a_vietnamese_translation(tmp_path: Path) -> None:
    """lupdate over app/ finds nothing that the committed .ts lacks or leaves untranslated."""
    lrelease = i18n.find_lrelease()
    lupdate = lrelease.with_name(lrelease.name.replace("lrelease", "lupdate")) if lrelease else None
    if lupdate is None or not lupdate.is_file():
        pytest.skip("Qt's lupdate is not installed next to lrelease")
    fresh = tmp_path / "fresh.ts"
    files = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "app").rglob("*.py"))]
    subprocess.run([str(lupdate), "-silent", *files, "-ts", str(fresh)], cwd=ROOT, check=True, timeout=120)
    wanted = _messages(fresh)
    committed = {key: text for key, text in _messages(i18n.source_file("vi")).items() if text}
    missing = sorted(f"{context}: {source!r}" for context, source in wanted if (context, source) not in committed)
    assert not missing, "run `make translations` and translate:\n" + "\n".join(missing)


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in {"unfinished", "vanished", "obsolete"}
            text = translation.text if translation is not None and finished else None
            found[(name, message.findtext("source") or "")] = text or ""
    return found


# -- every screen follows a switch ----------------------------------------------------------------

#: Per screen, texts it shows from its first build on: ``(context, English source)``, the context
#: being the class whose ``tr()`` words it (a header title's is the table model's).
SHOWN: dict[str, list[tuple[str, str]]] = {
    "compose": [("ComposePage", "Translate"), ("MediaList", "Add images..."), ("ComposePage", "Drafts…")],
    "queue": [("QueueModel", "When"), ("QueueFilters", "Status"), ("VariantPanel", "Retry")],
    "calendar": [("CalendarPage", "Today"), ("CalendarPage", "Month")],
    "engagement": [
        ("EngagementModel", "Impressions"),
        ("EngagementPage", "Open in browser"),
        ("SummaryStrip", "Posts"),
    ],
    "accounts": [("AccountsModel", "Time zone"), ("AccountsPage", "Verify"), ("AccountsPage", "Edit…")],
    "packs": [("PacksModel", "Sentence splitter"), ("PacksPage", "Download")],
    "settings": [("SettingsPage", "Interface language"), ("SettingsPage", "This app publishes scheduled posts")],
    "audit": [("AuditModel", "Who"), ("AuditPage", "Export CSV..."), ("AuditPage", "Load more")],
    "feedback": [("FeedbackModel", "Comment"), ("FeedbackPage", "Unread only"), ("CommentPane", "Set language")],
}


def _vietnamese(context: str, source: str) -> str:
    """The committed, finished Vietnamese of ``source`` (never a guess written into the test)."""
    text = _messages(i18n.source_file("vi")).get((context, source))
    assert text, f"{context}: {source!r} has no finished Vietnamese translation"
    return text


def _shown_texts(page: QWidget) -> set[str]:
    """What ``page`` shows in words: buttons, labels, group titles, table column titles."""
    found: set[str] = set()
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisibleTo(page) and widget is not page:
            continue
        if isinstance(widget, QPushButton | QCheckBox | QLabel):
            found.add(widget.text())
        elif isinstance(widget, QGroupBox):
            found.add(widget.title())
        elif isinstance(widget, QTableView):
            model = widget.model()
            found |= {str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(model.columnCount())}
    return found


def test_every_screen_is_listed_with_texts_to_check() -> None:
    assert set(SHOWN) == {page.key for page in PAGES}


@pytest.mark.parametrize("key", [page.key for page in PAGES])
def test_every_screen_switches_to_vietnamese_and_back_without_a_restart(
    qtbot: QtBot, store: Store, app: QApplication, key: str, settle: Callable[..., None]
) -> None:
    window = _window(qtbot, store)
    page = window.go(key)
    settle(window)
    english = _shown_texts(page)
    for _context, source in SHOWN[key]:
        assert source in english

    assert i18n.switch_language(app, "vi")
    vietnamese = _shown_texts(page)
    for context, source in SHOWN[key]:
        assert _vietnamese(context, source) in vietnamese, f"{key}: {source!r} is not in Vietnamese"
    assert window.sidebar.item(list(window.pages).index(key)).text() == page.title() != page.key

    assert i18n.switch_language(app, "en")
    assert {source for _context, source in SHOWN[key]} <= _shown_texts(page)


def test_a_switch_keeps_what_each_list_has_chosen_and_tells_the_tables(
    qtbot: QtBot, store: Store, app: QApplication
) -> None:
    window = _window(qtbot, store)
    queue = window.go("queue")
    assert isinstance(queue, QueuePage)
    status = queue.filters.status
    status.setCurrentIndex(status.findText("Scheduled"))
    chosen = (status.currentIndex(), status.currentData())

    with qtbot.waitSignal(queue.model.headerDataChanged, timeout=1000):
        i18n.switch_language(app, "vi")
    assert (status.currentIndex(), status.currentData()) == chosen
    assert status.currentText() == _vietnamese("QueueFilters", "Scheduled")
    assert queue.model.headerData(0, Qt.Orientation.Horizontal) == _vietnamese("QueueModel", "When")
    # A button's new text must not take its keyboard shortcut away (Qt resets it to the text's mnemonic).
    assert queue.panel.cancel_button.text() == _vietnamese("VariantPanel", "Cancel")
    assert queue.panel.cancel_button.shortcut().toString() == "Del"


def test_choosing_vietnamese_in_settings_switches_every_screen_and_words_the_status_again(
    qtbot: QtBot, store: Store, app: QApplication
) -> None:
    window = _window(qtbot, store)
    page = window.go("settings")
    assert isinstance(page, SettingsPage)
    combo = page.language_combo
    qtbot.waitUntil(lambda: combo.findData("vi") >= 0, timeout=10_000)
    combo.setCurrentIndex(combo.findData("vi"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: i18n.current_language(app) == "vi", timeout=10_000)
    assert page.status.text() == _vietnamese("SettingsPage", "Saved.")
    assert page.language_box.title() == _vietnamese("SettingsPage", "Interface language")
    assert combo.currentData() == "vi"  # the list was filled again in the new language, with the choice kept
    queue = window.pages["queue"]
    assert _vietnamese("VariantPanel", "Retry") in _shown_texts(queue)


def test_an_open_dialog_follows_the_switch_and_keeps_what_was_typed(
    qtbot: QtBot, store: Store, app: QApplication
) -> None:
    window = _window(qtbot, store)
    page = window.go("accounts")
    assert isinstance(page, AccountsPage)
    form = page.open_add_form(practice_account=True)
    typed = form.name_edit.text()
    note = form.note.text()
    assert typed and note

    i18n.switch_language(app, "vi")
    assert form.windowTitle() == _vietnamese("AccountForm", "Add an account")
    assert form.add_button.text() == _vietnamese("AccountForm", "Add")
    assert form.name_edit.text() == typed and form.note.text() not in {"", note}

    i18n.switch_language(app, "en")
    assert form.windowTitle() == "Add an account" and form.note.text() == note
    form.reject()
