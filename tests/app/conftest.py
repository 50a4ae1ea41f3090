"""Fixtures of the desktop-app tests: tiny real language packs, press accounts, waiting for the app to settle."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.context import AppContext, make_context
from app.qt import QCoreApplication, QEvent
from core.domain import Account
from core.services import accounts
from core.store import Store
from tests.support.argos_packs import build_pack
from translation import packs


@pytest.fixture(autouse=True)
def _garbage_freed_on_the_gui_thread(qapp: object) -> Iterator[None]:
    """As the app does (:mod:`app.collector`): no automatic collection during a test, whose pool
    threads would otherwise free a Qt object of an earlier test's cycle while the GUI thread
    paints it (a crash, seen with a table's model); the test's cycles are freed here, after its
    widgets are closed, on the GUI thread."""
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)  # nothing was collected during the test: its objects are all still young
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.enable()


#: The pairs the app's tests translate with: Vietnamese -> English directly, Japanese through English.
APP_PAIRS = [("vi", "en"), ("en", "ja")]


@pytest.fixture(scope="session")
def app_pack_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``.argosmodel`` files keyed ``"vi-en"``, built once per test session (~0.1 s each)."""
    out = tmp_path_factory.mktemp("app-packs")
    return {f"{a}-{b}": build_pack(out, a, b) for a, b in APP_PAIRS}


@pytest.fixture
def translating(app_pack_files: dict[str, Path], store: Store) -> list[packs.PackInfo]:
    """vi -> en and en -> ja installed in the test's own data folder."""
    return [packs.install_pack(path) for path in app_pack_files.values()]


@pytest.fixture
def press_accounts(store: Store) -> dict[str, Account]:
    """A Vietnamese, an English and a Japanese account (no platform behind them: nothing is published)."""
    made = [
        accounts.add_account(store, name="Hanoi (X)", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh"),
        accounts.add_account(
            store, name="London (FB)", platform="facebook", language="en", timezone="Europe/London", external_id="123"
        ),
        accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo"),
    ]
    return {a.name: a for a in made}


@pytest.fixture
def settle(qtbot: QtBot) -> Callable[..., None]:
    """Wait until a window's operations (and those they start) have all finished."""

    def wait(window: object, timeout: int = 30_000) -> None:
        bar = window.busy_bar
        qtbot.waitUntil(bar.isHidden, timeout=timeout)

    return wait


@pytest.fixture
def ctx(store: Store) -> Iterator[AppContext]:
    """An app context around the test's store; its background work is waited for at the end."""
    context = make_context(store)
    yield context
    context.tasks.wait()


@pytest.fixture
def errors(ctx: AppContext) -> list[str]:
    """The sentences of the operations that failed (what the error bar would show)."""
    found: list[str] = []
    ctx.hub.error.connect(found.append)
    return found
