"""Starting the desktop app."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading

from app import first_start, i18n
from app.publishing import InAppPublisher
from app.qt import QApplication, QMessageBox, QTimer
from core import practice, queries, settings
from core.errors import CommuniqueError
from core.store import Store, open_store

log = logging.getLogger(__name__)
#: At most this many translation models are loaded ahead of use (each real one is ~100 MB).
WARM_UP_PAIRS = 6

#: For smoke tests and CI: quit by itself after this many milliseconds.
QUIT_AFTER_ENV = "COMMUNIQUE_QUIT_AFTER_MS"
#: For smoke tests: save a screenshot of the main window here just before quitting.
SCREENSHOT_ENV = "COMMUNIQUE_SCREENSHOT"


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
        from translation.service import TranslationService

        in_use = {account.language for account in queries.list_accounts(store)}
        return TranslationService(store).warm_up(in_use, max_pairs=WARM_UP_PAIRS) if in_use else []
    except Exception:  # never let a warm-up take the app down
        log.warning("Warming up the translation models failed", exc_info=True)
        return []


def run_app(db_url: str | None = None) -> int:
    """Open the main window on the configured store and run the event loop."""
    from app.main_window import MainWindow

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
        store = open_store(db_url)
    except CommuniqueError as exc:
        # No window can work without its database: say why, in one sentence, and stop.
        print(f"communique: {exc}", file=sys.stderr)
        if not os.environ.get(QUIT_AFTER_ENV):
            QMessageBox.critical(None, "Communiqué cannot start", str(exc))
        return 2
    # The interface language of the settings (else the system's) before any window is built.
    i18n.install_at_start(app, settings.load().interface_language)
    start_page = None
    # A new store gets the welcome first (it may switch this process to practice mode, so before
    # any window or publisher exists). Skipped in the timed smoke start: a modal dialog would block it.
    if not os.environ.get(QUIT_AFTER_ENV) and first_start.needs_welcome(store):
        store, start_page = first_start.welcome(store)
    window = MainWindow(store)
    if start_page:
        window.go(start_page)
    window.show()
    # Everything built so far lives as long as the app: keep it out of the collector's full passes,
    # which otherwise stall the GUI thread for ~40 ms every so often (bench/gui.py).
    gc.freeze()
    publisher = InAppPublisher(store, window.ctx.settings)
    publisher.start()
    # Off the GUI thread (design.md): the import and the model loads take a second or more.
    threading.Thread(target=warm_translation, args=(store,), name="translation-warm-up", daemon=True).start()
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:

        def _finish() -> None:
            shot = os.environ.get(SCREENSHOT_ENV)
            if shot:
                window.grab().save(shot)
            window.close()
            app.quit()

        QTimer.singleShot(int(quit_after), _finish)
    try:
        return int(app.exec())
    finally:
        publisher.stop()
        store.dispose()
        if practice.enabled():
            from connectors.practice import stop_sandboxes

            stop_sandboxes()
