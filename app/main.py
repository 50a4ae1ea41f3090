"""Starting the desktop app: the window first, then the database, the screens and the publisher.

The person sees the main window as soon as Qt and the settings are loaded: its shell (title,
sidebar, "Opening the database" in the status bar) is shown and painted first, and only then,
on the event loop's next turn, does the start import the rest of the code base (SQLAlchemy, the
migrations, the scheduler, the connectors...), open the store, build the screens and start the
publisher; the whole window is up within the same start. The shell needs no database, so the
slow part stays behind the first paint rather than in front of it.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from app import i18n
from app.collector import GuiThreadCollector
from app.qt import QApplication, QCoreApplication, QEvent, QMessageBox, QObject, QTimer, QWidget
from core import practice, settings
from core.errors import CommuniqueError

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.publishing import InAppPublisher
    from core.store import Store

log = logging.getLogger(__name__)
#: At most this many translation models are loaded ahead of use (each real one is ~100 MB).
WARM_UP_PAIRS = 6
#: How long a thread holds the GIL before another may take it (Python's default: 0.005 s).
GIL_SWITCH_S = 0.001
#: How many of the newest posts tell which languages the officers write in.
RECENT_POSTS = 20

#: For smoke tests and CI: quit by itself after this many milliseconds.
QUIT_AFTER_ENV = "COMMUNIQUE_QUIT_AFTER_MS"
#: For smoke tests: save a screenshot of the main window here just before quitting.
SCREENSHOT_ENV = "COMMUNIQUE_SCREENSHOT"
#: The rest of the start waits for the shell's first paint, but no longer than this (a window
#: that is never exposed, on a hidden desktop say, must still open its store).
PAINT_WAIT_MS = 200


def _no_display() -> bool:
    """On Linux without X11, Wayland or a chosen Qt platform, Qt would abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def warm_translation(store: Store) -> list[tuple[str, str]]:
    """Load the translation models the accounts' languages need, so the first translation is quick.

    Runs on a background thread once the window is up; a failure here only costs that speed-up.
    """
    try:
        from core import queries
        from translation.service import TranslationService

        # The accounts' languages, and the languages the officers write in (their recent posts): a
        # desk writing Vietnamese for a Japanese account needs vi -> en -> ja, not only pairs of ja.
        in_use = {account.language for account in queries.list_accounts(store)}
        written = [post.source_language for post in queries.list_posts(store, limit=RECENT_POSTS)]
        if not in_use:
            return []
        return TranslationService(store).warm_up(in_use, sources=written, max_pairs=WARM_UP_PAIRS)
    except Exception:  # never let a warm-up take the app down
        log.warning("Warming up the translation models failed", exc_info=True)
        return []


def tell_practice_audiences(store: Store) -> dict[str, str]:
    """In practice mode, tell the emulator where each account's audience lives; returns owner -> zone.

    The emulator grows a practice post's engagement by its audience's local hour. The welcome
    tells it on the first start, but the emulator forgets when the app ends: every start must.
    """
    if not practice.enabled():
        return {}
    from connectors.workspace import tell_audience_zones
    from core import queries

    return tell_audience_zones(queries.list_accounts(store))


def settle_in(store: Store) -> threading.Thread:
    """What the app does once its window is built: returns the translation warm-up's thread.

    Everything built so far lives as long as the app: it is kept out of the collector's full
    passes, which otherwise stall the GUI thread for ~40 ms every so often (bench/gui.py). The
    GUI thread gets the GIL sooner from busy worker threads (:data:`GIL_SWITCH_S`). The
    translation imports and model loads (a second or more) then start off the GUI thread
    (design.md), so that a person's first translation does not wait for them.
    """
    gc.freeze()
    # A thread that wants the GIL waits for the switch interval before it asks the holder to let
    # go; with the publisher's and the operations' threads running Python code the GUI thread
    # would wait 5 ms (the default) per turn, several turns per event: stalls of 60-70 ms while
    # 100 variants publish, 25-45 ms at 1 ms (bench/gui.py), for a few percent of the workers' speed.
    sys.setswitchinterval(GIL_SWITCH_S)
    warm_up = threading.Thread(target=warm_translation, args=(store,), name="translation-warm-up", daemon=True)
    warm_up.start()
    return warm_up


class _AfterFirstPaint(QObject):
    """Calls ``then`` once: on the event loop's turn after ``window``'s first paint, or after ``PAINT_WAIT_MS``.

    Waiting for the paint itself (not just for ``show()``) matters where the window system
    exposes the window later: the slow part must not start before the person sees the window.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Note the first paint; the call waits for the next turn, once the paint is on screen."""
        if watched is self._window and event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


class _Start:
    """The part of the start after the shell is painted, and what it leaves to stop at the end."""

    def __init__(self, app: QCoreApplication, window: MainWindow, db_url: str | None) -> None:
        self.app = app
        self.window = window
        self.db_url = db_url
        self.store: Store | None = None
        self.publisher: InAppPublisher | None = None
        self.collector: GuiThreadCollector | None = None
        #: The exit status when the start failed (the event loop is told to end with it).
        self.failed: int | None = None
        #: An unexpected error, raised again once the event loop has ended (as it was before the window).
        self.error: BaseException | None = None

    def open(self) -> None:
        """Open the store and complete the window; an unusable store ends the app with one sentence."""
        try:
            self._open()
        except CommuniqueError as exc:
            # No window can work without its database: say why, in one sentence, and stop.
            self.failed = _cannot_start(exc, self.window)
            self.app.exit(self.failed)
        except Exception as exc:  # a slot must not swallow it: end the loop and raise it from run_app
            self.error, self.failed = exc, 1
            self.app.exit(1)

    def _open(self) -> None:
        from app import first_start
        from app.publishing import InAppPublisher
        from core.store import open_store

        store = self.store = open_store(self.db_url)
        # A new store gets the welcome first (it may switch this process to practice mode, so before
        # the screens or the publisher exist). Skipped in the timed smoke start: a modal dialog would block it.
        start_page = None
        if not os.environ.get(QUIT_AFTER_ENV) and first_start.needs_welcome(store):
            store, start_page = first_start.welcome(store)
            self.store = store
        window = self.window
        window.open(store)
        if start_page:
            window.go(start_page)
        tell_practice_audiences(store)
        self.publisher = InAppPublisher(store, window.ctx.settings)
        self.publisher.start()
        settle_in(store)
        # Cycles holding Qt objects are freed on this thread, never by a worker thread's allocation.
        self.collector = GuiThreadCollector(window)
        self.collector.start()
        quit_after = os.environ.get(QUIT_AFTER_ENV)
        if quit_after:
            QTimer.singleShot(int(quit_after), self._finish)

    def _finish(self) -> None:
        """The timed smoke start's end: the screenshot, if asked for, then quit."""
        shot = os.environ.get(SCREENSHOT_ENV)
        if shot:
            self.window.grab().save(shot)
        self.window.close()
        self.app.quit()

    def stop(self) -> None:
        """Stop the publisher and close the store (after the event loop)."""
        if self.collector is not None:
            self.collector.stop()
        if self.publisher is not None:
            self.publisher.stop()
        if self.store is not None:
            self.store.dispose()
        if practice.enabled():
            from connectors.practice import stop_sandboxes

            stop_sandboxes()


def _cannot_start(exc: CommuniqueError, parent: QWidget | None) -> int:
    """Say why the app cannot start (stderr, and a message box unless in the timed smoke start); the exit status."""
    print(f"communique: {exc}", file=sys.stderr)
    if not os.environ.get(QUIT_AFTER_ENV):
        title = QCoreApplication.translate("Startup", "Communiqué cannot start")
        QMessageBox.critical(parent, title, i18n.error_sentence(exc))
    return 2


def run_app(db_url: str | None = None) -> int:
    """Show the main window, open it on the configured store, and run the event loop."""
    if _no_display():
        print(
            "communique: There is no display to open the window on; run it in a desktop session, "
            "set QT_QPA_PLATFORM=offscreen for a headless check, or use the commands (communique --help).",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Communiqué")
    try:
        language = settings.load().interface_language
    except CommuniqueError as exc:
        return _cannot_start(exc, None)
    # The interface language of the settings (else the system's) before any window is built.
    i18n.install_at_start(app, language)
    from app.main_window import MainWindow  # light until open(): see its docstring

    window = MainWindow()
    window.show()
    start = _Start(app, window, db_url)
    _AfterFirstPaint(window, start.open)
    try:
        status = int(app.exec())
    finally:
        start.stop()
    if start.error is not None:
        raise start.error
    return status if start.failed is None else start.failed
