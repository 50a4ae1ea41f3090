"""Desktop app benchmark, offscreen, in a temporary COMMUNIQUE_HOME.

- start-up: from starting the process to the first paint of its first window, for the app
  (``run_app`` over a store of 200 posts) and for a bare PySide6 window, each in a fresh Python
  process, repeated and interleaved; medians and their ratio (goal: at most 1.3x the bare
  window). The same for the Vietnamese interface.
- GUI-thread stalls: a 5 ms heartbeat ``QTimer`` on the GUI thread records the longest gap
  between two beats while the main window is open on the Queue (goal: under 50 ms): while 20
  posts are translated into 5 languages (``translation.review.translate_post`` in operations on
  the app's task manager, with practice packs), and while 100 variants are published by a real
  scheduler engine (its own threads) to the emulator (a process of its own, as a platform is),
  with the window's feed watcher polling every 250 ms and the Queue refreshing on what it
  brings. Baseline: the same heartbeat with nothing running.
- opening the Queue and the Calendar over 10,000 variants: from ``page.refresh()`` until its
  operations have finished and its model is filled (goal: under 200 ms), against a bare SELECT
  of the same rows; then the time to draw the window with the new rows (layout and paint). A
  page still without its own loading is measured through the query it will use
  (``core.queries.queue.queue`` / ``calendar``) in an operation that fills a table model.

``--quick`` runs every measurement with small counts (a smoke test of the benchmark itself: its
figures mean nothing and are never written to a file).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: What a start-up child prints at its first window's first paint, with ``time.time_ns()``.
SHOWN = "communique-bench-shown"
LANGUAGES = ["vi", "ja", "uk", "hi", "de"]
LATENCY = 0.05  # emulator latency per request while publishing, seconds
HEARTBEAT_MS = 5
FEED_MS = 250
CREDENTIALS = {
    "COMMUNIQUE_X_API_KEY": "bench-api-key-0123456789",
    "COMMUNIQUE_X_API_SECRET": "bench-api-secret-0123456789",
    "COMMUNIQUE_X_ACCESS_TOKEN": "bench-access-token-0123456789",
    "COMMUNIQUE_X_ACCESS_SECRET": "bench-access-secret-0123456789",
}


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does."""

    starts: int = 7  # start-ups per kind (median)
    start_posts: int = 200  # posts in the store the app starts on
    translated: int = 20  # posts translated into every language of LANGUAGES
    published: int = 100  # variants published by the engine
    variants: int = 10_000  # variants in the store the queue and calendar open on
    opens: int = 7  # refreshes per page (median)
    stall_rounds: int = 3  # rounds of translating and of publishing (median of their longest stalls)


FULL = Sizes()
QUICK = Sizes(starts=2, start_posts=20, translated=2, published=10, variants=500, opens=2, stall_rounds=1)


# -- start-up: run as a child process -------------------------------------------------------------


def _child(kind: str) -> int:
    """Open a window (``bare``: a plain PySide6 one; ``app``: the app's own start), report its first paint."""
    from app.qt import QApplication, QEvent, QLabel, QMainWindow, QObject, QTimer, QWidget

    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        """Prints the time of the first paint of a window, then ends the event loop."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            painted = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow()
            if painted and not self.seen:
                self.seen = True
                print(f"{SHOWN} {time.time_ns()}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if kind == "bare":
        window = QMainWindow()
        window.setWindowTitle("Communiqué")
        window.setCentralWidget(QLabel("Communiqué", window))
        window.resize(1200, 760)
        window.show()
        return int(app.exec())
    from app.main import run_app

    return run_app()


def _serve_sandbox() -> int:
    """The emulator in a process of its own, as a platform is: its threads do not share our GIL."""
    from connectors.sandbox import Sandbox

    sandbox = Sandbox(faults=f"latency:1:{LATENCY}", seed=3)
    sandbox.set_rate_limit("x", "create", 100_000, window=900)
    print(sandbox.base_url, flush=True)
    sandbox.serve_forever()
    return 0


class SandboxProcess:
    """Starts :func:`_serve_sandbox` in a child process; ``base_url`` once it listens."""

    def __enter__(self) -> SandboxProcess:
        command = [sys.executable, str(Path(__file__).resolve()), "--child", "sandbox"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()
        if not self.base_url.startswith("http://"):
            self.process.kill()
            raise SystemExit("bench: the emulator did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _start_once(kind: str, env: dict[str, str]) -> float:
    """Seconds from spawning a child to its first paint (the child's exit is not counted)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    began = time.time_ns()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        shown = None
        for line in child.stdout:
            if line.startswith(SHOWN):
                shown = int(line.split()[1])
                break
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
    if shown is None:
        raise SystemExit(f"bench: the {kind} child never showed a window")
    return (shown - began) / 1e9


def _startup(figures: dict[str, float], sizes: Sizes, home: Path) -> None:
    from core.services import accounts, posts
    from core.store import open_store

    store = open_store()  # created and migrated here: every measured start opens an existing store
    for name, language in (("Press office", "en"), ("Đại sứ quán", "vi"), ("Botschaft", "de")):
        accounts.add_account(store, name=name, platform="x", language=language, timezone="Asia/Ho_Chi_Minh")
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None, hour=9, minute=0, second=0, microsecond=0)
    for i in range(sizes.start_posts):
        at = tomorrow + timedelta(hours=i % 96) if i % 2 else None
        posts.create_post(store, text=f"Press release {i}", accounts=["Press office", "Botschaft"], at=at)
    store.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    env.update(QT_QPA_PLATFORM="offscreen", COMMUNIQUE_HOME=str(home), COMMUNIQUE_PUBLISH_IN_APP="1")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    runs = {
        "start_bare": ("bare", {}),
        "start_app": ("app", {"COMMUNIQUE_LANGUAGE": "en"}),
        "start_app_vi": ("app", {"COMMUNIQUE_LANGUAGE": "vi"}),
    }
    for kind, extra in runs.values():  # not measured: bytecode, disk cache, the compiled translation
        _start_once(kind, {**env, **extra})
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(sizes.starts):  # interleaved, so that a slow moment of the machine hits all alike
        for name, (kind, extra) in runs.items():
            samples[name].append(_start_once(kind, {**env, **extra}))
    for name, values in samples.items():
        figures[name] = statistics.median(values)


# -- GUI-thread stalls ----------------------------------------------------------------------------


class Heartbeat:
    """A timer on the GUI thread that notes the longest gap between two of its beats."""

    def __init__(self, every_ms: int = HEARTBEAT_MS) -> None:
        from app.qt import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        """Stop and return the longest gap, in seconds."""
        self._beat()
        self.timer.stop()
        return self.worst


def wait_until(done: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the GUI event loop until ``done()`` (checked every 10 ms); SystemExit naming ``what`` after ``timeout`` s."""
    from app.qt import QtCore, QTimer

    loop = QtCore.QEventLoop()
    deadline = time.monotonic() + timeout
    check = QTimer()
    check.setInterval(10)
    check.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > deadline else None)
    check.start()
    try:
        while not done():
            if time.monotonic() > deadline:
                raise SystemExit(f"bench: timed out waiting for {what}")
            loop.exec()
    finally:
        check.stop()


def _install_packs(languages: list[str], scratch: Path) -> str:
    """Packs from English into each language: the product's practice packs, else the test builder's."""
    if importlib.util.find_spec("translation.practice_packs") is not None:
        from translation import practice_packs

        practice_packs.install_practice_packs(["en", *languages])
        return "practice packs (translation.practice_packs)"
    from tests.support.argos_packs import build_pack  # a dev dependency; benches may use them
    from translation import packs

    for language in languages:
        packs.install_pack(build_pack(scratch, "en", language), expected=("en", language))
    return "tiny generated packs (tests/support/argos_packs.py)"


def _stalls(figures: dict[str, float], notes: dict[str, str], sizes: Sizes, home: Path) -> None:
    from app.main_window import MainWindow
    from core.domain import VariantStatus
    from core.services import accounts
    from core.store import open_store

    os.environ["COMMUNIQUE_DB"] = f"sqlite:///{home}/stalls.db"
    notes["packs"] = _install_packs(LANGUAGES, home / "packs-build")
    with SandboxProcess() as sandbox:
        store = open_store()
        names = []
        for language in LANGUAGES:
            name = f"Embassy {language}"
            accounts.add_account(
                store, name=name, platform="x", language=language, timezone="UTC", api_base=sandbox.base_url
            )
            names.append(name)
        window = MainWindow(store)  # watching the feed, as in use
        window.feed.timer.setInterval(FEED_MS)
        window.show()
        window.go("queue")
        beat = Heartbeat()

        # Baseline: the window open, the feed polling, nothing else running.
        beat.start()
        idle_until = time.monotonic() + (2.0 if sizes is FULL else 0.5)
        wait_until(lambda: time.monotonic() > idle_until, 30, "the idle period")
        figures["stall_idle"] = beat.stop()

        # The posts to translate, written first: the newest posts tell the warm-up the desk's language.
        made = _posts_to_translate(store, names, sizes, 0)
        # Then what the app does once its window is built (app/main.py): the collector told to leave the
        # window's objects alone, and the translation imports and model loads started off the GUI thread.
        from app.main import settle_in

        beat.start()
        warm_up = settle_in(store)
        wait_until(lambda: not warm_up.is_alive(), 120, "the translation warm-up")
        figures["stall_warm"] = beat.stop()

        # Translation, then publishing, each measured over several rounds: one round's longest
        # stall is a maximum on a shared machine, so the median of the rounds' is what the goal is
        # judged on, and the worst is shown beside it.
        translated = [_translate_round(window, store, made if n == 0 else _posts_to_translate(store, names, sizes, n),
                                       beat) for n in range(sizes.stall_rounds)]  # fmt: skip
        publishing = [_publish_round(store, names, sizes, beat, window, n) for n in range(sizes.stall_rounds)]
        for name, rounds in (("translate", translated), ("publish", publishing)):
            figures[f"{name}_s"] = statistics.median(seconds for seconds, _stall in rounds)
            figures[f"stall_{name}"] = statistics.median(stall for _seconds, stall in rounds)
            figures[f"stall_{name}_worst"] = max(stall for _seconds, stall in rounds)
        statuses = {v.status for post in made for v in _variants(store, post.id)}
        assert statuses <= {VariantStatus.DRAFT}, statuses  # translation leaves them drafts
        window.close()
        window.ctx.tasks.wait()
        store.dispose()
    os.environ.pop("COMMUNIQUE_DB")


def _posts_to_translate(store: Any, names: list[str], sizes: Sizes, round_no: int) -> list[Any]:
    from core.services import posts

    return [
        posts.create_post(
            store, text=f"The minister welcomes the delegation of partner country {round_no}-{i}.", accounts=names
        )
        for i in range(sizes.translated)
    ]


def _translate_round(window: Any, store: Any, made: list[Any], beat: Heartbeat) -> tuple[float, float]:
    """Translate ``made``, each post an operation on the app's task manager as the Compose screen runs it.

    Returns the seconds it took and the longest stall.
    """
    from app.changes import POSTS

    finished: list[object] = []
    beat.start()
    began = time.perf_counter()
    for post in made:
        window.ctx.op(_translating(store, post.id), changes=POSTS).success(finished.append).run()
    wait_until(lambda: len(finished) == len(made), 600, "the translations")
    return time.perf_counter() - began, beat.stop()


def _publish_round(
    store: Any, names: list[str], sizes: Sizes, beat: Heartbeat, window: Any, round_no: int
) -> tuple[float, float]:
    """Publish ``sizes.published`` variants with the engine's own threads, the feed bringing the events in
    and the Queue refreshing; returns the seconds it took and the longest stall."""
    from core import timeutil
    from core.services import posts
    from scheduler import services as scheduler_services
    from scheduler.engine import Engine
    from scheduler.events import EventBus, EventKind

    bus = EventBus()
    ended = threading.Event()
    outcomes = {"published": 0, "failed": 0}

    def on_outcome(event: Any) -> None:
        outcomes["published" if event.kind is EventKind.PUBLISHED else "failed"] += 1
        if sum(outcomes.values()) >= sizes.published:
            ended.set()

    bus.subscribe(on_outcome, EventKind.PUBLISHED)
    bus.subscribe(on_outcome, EventKind.FAILED)
    # One post per variant: the accounts share the emulator's user, which refuses a repeated text.
    due = [
        posts.create_post(store, text=f"Statement {round_no}-{i} on today's talks.", accounts=[names[i % len(names)]])
        .variants[0]
        .id
        for i in range(sizes.published)
    ]
    now = timeutil.now_utc()
    for variant_id in due:
        scheduler_services.make_due_now(store, variant_id, now=now, actor="bench")
    engine = Engine(store, bus=bus)
    beat.start()
    began = time.perf_counter()
    engine.start()
    try:
        wait_until(ended.is_set, 300, "the publishing")
        if outcomes["failed"]:
            raise SystemExit(f"bench: {outcomes['failed']} of {sizes.published} publishes failed")
        seconds = time.perf_counter() - began
        polls = window.feed.timer.interval() / 1000 * 2
        settle_until = time.monotonic() + polls  # the feed's last polls, and the Queue's refresh
        wait_until(lambda: time.monotonic() > settle_until, 30, "the feed's last polls")
        return seconds, beat.stop()
    finally:
        engine.stop()


def _translating(store: Any, post_id: int) -> Callable[[object], object]:
    """The work of one translation operation (what the Compose screen runs for a post)."""
    from translation import review

    return lambda _progress: review.translate_post(store, post_id)


def _variants(store: Any, post_id: int) -> list[Any]:
    from core import queries

    return list(queries.get_post(store, post_id).variants)


# -- opening the queue and the calendar -----------------------------------------------------------


def _bulk(store: Any, count: int) -> None:
    """``count`` variants over six accounts and the coming four weeks (bare inserts: setup only)."""
    from core.services import accounts
    from core.store.tables import posts, variants

    zones = ["Asia/Ho_Chi_Minh", "Asia/Tokyo", "Europe/Kyiv", "Asia/Kolkata", "Europe/Berlin", "UTC"]
    ids = [
        accounts.add_account(store, name=f"Account {i}", platform="x", language=lang, timezone=zones[i]).id
        for i, lang in enumerate(["vi", "ja", "uk", "hi", "de", "en"])
    ]
    now = datetime.now(UTC)
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    statuses = ["scheduled"] * 6 + ["published", "failed", "draft", "cancelled"]
    with store.write() as conn:
        conn.execute(
            posts.insert(),
            [
                {
                    "author": "bench",
                    "source_language": "vi",
                    "text": f"Thông cáo {i}",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(count)
            ],
        )
        post_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM posts ORDER BY id")]
        rows = []
        for i, pid in enumerate(post_ids):
            status = statuses[i % len(statuses)]
            # Spread over this month (the calendar's month view holds them all).
            at = month_start + timedelta(minutes=(i * 37) % (27 * 24 * 60))
            rows.append(
                {
                    "post_id": pid,
                    "account_id": ids[i % len(ids)],
                    "language": "vi",
                    "text": f"Thông cáo báo chí số {i}: Bộ Ngoại giao hoan nghênh kết quả cuộc họp hôm nay.",
                    "status": status,
                    "scheduled_at": at if status != "draft" else None,
                    "published_at": at if status == "published" else None,
                    "schedule_zone": zones[i % len(zones)],
                    "created_at": now,
                    "updated_at": now,
                }
            )
        conn.execute(variants.insert(), rows)


def _table_model(rows: list[Any]) -> Any:
    """A plain table model over ``rows`` (what a page without its own model would fill)."""
    from app.qt import QAbstractTableModel, QModelIndex, Qt

    class Rows(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[Any] = []

        def set_rows(self, rows: list[Any]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
            return len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
            return 5

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            row = self.rows[index.row()]
            return (row.at, row.account_name, row.language, row.status.value, row.summary)[index.column()]

    model = Rows()
    model.set_rows(rows)
    return model


class Busy:
    """Counts the operations running (the hub's ``busy`` signal); notes when the count is back to 0.

    With ``draw``, the window is drawn right then (pending layout, column widths, paint) and the
    time that took is noted too: waiting for the next turn of the event loop would let Qt draw
    first and hide the cost.
    """

    def __init__(self, hub: Any) -> None:
        self.count = 0
        self.idle_at = 0.0
        self.draw: Any = None
        self.drawn = 0.0
        self.drawing = False
        hub.busy.connect(self._on_busy)

    def _on_busy(self, delta: int) -> None:
        from app.qt import QApplication

        self.count += delta
        if self.count == 0 and not self.drawing:
            self.idle_at = time.perf_counter()
            if self.draw is not None:
                self.drawing = True  # what the events below finish must not start a second measure
                try:
                    QApplication.processEvents()  # the views' delayed layout
                    self.draw.repaint()
                finally:
                    self.drawing = False
                self.drawn = time.perf_counter() - self.idle_at


def _open_page(
    window: Any, busy: Busy, key: str, fallback: Callable[[], list[Any]], repeats: int
) -> tuple[float, float, str]:
    """Medians of: seconds from ``refresh()`` until its operations are done (the model filled), and
    seconds from then until the window is drawn; how the page was refreshed."""
    from app.views.base import Page

    page = window.pages[key]
    window.go(key)
    wait_until(lambda: busy.count == 0, 60, f"the {key} page's first load")
    own = type(page).refresh is not Page.refresh
    model: Any = None

    def fill(rows: list[Any]) -> None:
        nonlocal model
        model = _table_model(rows) if model is None else model
        model.set_rows(rows)

    filled, drawn = [], []
    busy.draw = window
    for _ in range(repeats + 1):  # the first one warms the caches and is left out
        busy.drawn = float("nan")
        began = time.perf_counter()
        if own:
            page.refresh()
        else:
            window.ctx.op(lambda _p: fallback()).success(fill).run()
        wait_until(lambda: busy.count == 0, 60, f"the {key} page's refresh")
        if busy.drawn != busy.drawn:  # NaN: the refresh ended without a draw being measured
            raise SystemExit(f"bench: the {key} page's refresh was not drawn")
        filled.append(busy.idle_at - began)
        drawn.append(busy.drawn)
    busy.draw = None
    how = f"{type(page).__name__}.refresh()" if own else "its query in an operation, filling a table model"
    return statistics.median(filled[1:]), statistics.median(drawn[1:]), how


def _opening(figures: dict[str, float], notes: dict[str, str], sizes: Sizes, home: Path) -> None:
    from app.context import make_context
    from app.main_window import MainWindow
    from app.views.queue import LIMIT
    from core.queries import queue
    from core.store import open_store

    os.environ["COMMUNIQUE_DB"] = f"sqlite:///{home}/opening.db"
    store = open_store()
    _bulk(store, sizes.variants)
    now = datetime.now(UTC)
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    next_month = (month + timedelta(days=32)).replace(day=1)
    ctx = make_context(store)
    busy = Busy(ctx.hub)  # counting before the window exists: its screens start loading as they are built
    window = MainWindow(store, ctx=ctx, watch=False)
    window.show()
    figures["open_queue"], figures["draw_queue"], notes["queue"] = _open_page(
        window, busy, "queue", lambda: queue.queue(store, limit=LIMIT), sizes.opens
    )
    figures["open_calendar"], figures["draw_calendar"], notes["calendar"] = _open_page(
        window, busy, "calendar", lambda: queue.calendar(store, month, next_month), sizes.opens
    )
    window.close()
    window.ctx.tasks.wait()

    def bare(sql: str, *params: object) -> Callable[[], object]:
        def run() -> object:
            with store.read() as conn:
                return conn.exec_driver_sql(sql, params).fetchall()

        return run

    columns = (
        "v.id, v.status, v.text, v.scheduled_at, v.published_at, a.name "
        "FROM variants v JOIN accounts a ON a.id = v.account_id"
    )
    when = "COALESCE(v.published_at, v.scheduled_at)"
    queries = {
        "open_queue_bare": bare(f"SELECT {columns} ORDER BY {when} IS NULL, {when}, v.id LIMIT {LIMIT}"),
        "open_calendar_bare": bare(
            f"SELECT {columns} WHERE v.status != 'cancelled' AND {when} >= ? AND {when} < ? ORDER BY {when}, v.id",
            month.strftime("%Y-%m-%d %H:%M:%S"),
            next_month.strftime("%Y-%m-%d %H:%M:%S"),
        ),
    }
    from bench.common import median_seconds

    for name, run in queries.items():
        run()
        figures[name] = median_seconds(run, sizes.opens)
    figures["calendar_rows"] = len(queue.calendar(store, month, next_month))
    store.dispose()
    os.environ.pop("COMMUNIQUE_DB")


def _qt_build() -> str:
    """The Qt binding's version, and a warning when it breaks Python's count of references to None.

    PySide6 6.12.0 on Python 3.11 drops one reference to None on each call of a method that
    returns nothing (``QColor.setAlpha``, ``QPainter.setPen``...): after some tens of thousands of
    calls (a calendar month drawn with thousands of chips, or a long session) Python frees None
    and the process aborts. Python 3.12+ (None is immortal there) and PySide6 6.11 are unaffected.
    """
    from app.qt import QColor, QtCore

    colour = QColor("#123456")
    before = sys.getrefcount(None)
    for _ in range(100):
        colour.setAlpha(100)
    lost = before - sys.getrefcount(None)
    version = f"PySide6 {QtCore.__version__}" if hasattr(QtCore, "__version__") else "PySide6"
    if lost >= 100:
        return f"{version} (WARNING: it loses a reference to None on every call; long runs abort)"
    return version


# -- the report -----------------------------------------------------------------------------------


def run(sizes: Sizes = FULL) -> str:
    """Run the benchmark and return its Markdown section."""
    figures: dict[str, float] = {}
    notes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        for variable in [v for v in os.environ if v.startswith("COMMUNIQUE_")]:
            os.environ.pop(variable)
        start_home = base / "start"
        os.environ["COMMUNIQUE_HOME"] = str(start_home)
        _startup(figures, sizes, start_home)
        gui_home = base / "gui"
        os.environ["COMMUNIQUE_HOME"] = str(gui_home)
        os.environ.update(CREDENTIALS)
        from app.qt import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        notes["qt"] = _qt_build()
        if "WARNING" in notes["qt"]:
            print(f"bench: {notes['qt']}", file=sys.stderr)
        _stalls(figures, notes, sizes, gui_home)
        _opening(figures, notes, sizes, gui_home)
        del app
    return _section(figures, notes, sizes)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "NOT met"


def _section(f: dict[str, float], notes: dict[str, str], sizes: Sizes) -> str:
    from bench.common import machine, today

    start_ratio, start_vi_ratio = f["start_app"] / f["start_bare"], f["start_app_vi"] / f["start_bare"]
    rows = [
        _row("what", "app", "baseline", "ratio / goal"),
        _row("---", "---", "---", "---"),
        _row(
            f"start-up: process start to the first paint of the main window, store of {sizes.start_posts} posts "
            f"(median of {sizes.starts}) vs a bare PySide6 window",
            _ms(f["start_app"]),
            _ms(f["start_bare"]),
            f"{start_ratio:.2f}x (goal <= 1.3x: {_verdict(start_ratio, 1.3)})",
        ),
        _row(
            "start-up, Vietnamese interface (translation compiled and cached by an earlier start)",
            _ms(f["start_app_vi"]),
            _ms(f["start_bare"]),
            f"{start_vi_ratio:.2f}x",
        ),
        _row(
            "longest GUI-thread stall while the app warms translation up after start-up "
            "(imports and model loads on a thread of their own) vs the idle window",
            _ms(f["stall_warm"]),
            _ms(f["stall_idle"]),
            "",
        ),
        _row(
            f"longest GUI-thread stall while {sizes.translated} posts translate into {len(LANGUAGES)} languages "
            f"({f['translate_s']:.1f} s in all), median of {sizes.stall_rounds} rounds (the worst in brackets), "
            "vs the idle window",
            f"{_ms(f['stall_translate'])} (worst {_ms(f['stall_translate_worst'])})",
            _ms(f["stall_idle"]),
            f"goal < 50 ms: {_verdict(f['stall_translate'], 0.05)}",
        ),
        _row(
            f"longest GUI-thread stall while the engine publishes {sizes.published} variants "
            f"({f['publish_s']:.1f} s, {LATENCY * 1000:.0f} ms emulator latency), feed polled every {FEED_MS} ms, "
            f"median of {sizes.stall_rounds} rounds (the worst in brackets), vs the idle window",
            f"{_ms(f['stall_publish'])} (worst {_ms(f['stall_publish_worst'])})",
            _ms(f["stall_idle"]),
            f"goal < 50 ms: {_verdict(f['stall_publish'], 0.05)}",
        ),
        _row(
            f"Queue opening over {sizes.variants:,} variants: refresh() until the model is filled "
            f"(median of {sizes.opens}) vs a bare SELECT of the same rows",
            _ms(f["open_queue"]),
            _ms(f["open_queue_bare"]),
            f"{f['open_queue'] / f['open_queue_bare']:.1f}x (goal < 200 ms: {_verdict(f['open_queue'], 0.2)})",
        ),
        _row(
            "Queue drawn: from the model filled to the window painted (layout, column widths, paint)",
            _ms(f["draw_queue"]),
            "",
            "",
        ),
        _row(
            f"Calendar opening, this month ({f['calendar_rows']:,.0f} variants): refresh() until the model is filled "
            f"(median of {sizes.opens}) vs a bare SELECT of the same rows",
            _ms(f["open_calendar"]),
            _ms(f["open_calendar_bare"]),
            f"{f['open_calendar'] / f['open_calendar_bare']:.1f}x (goal < 200 ms: {_verdict(f['open_calendar'], 0.2)})",
        ),
        _row(
            "Calendar drawn: from the model filled to the window painted",
            _ms(f["draw_calendar"]),
            "",
            "",
        ),
    ]
    table = "\n".join(rows)
    from app.main import GIL_SWITCH_S

    switch_ms = f"{GIL_SWITCH_S * 1000:g}"
    return f"""## Desktop app

{today()}, {machine()}, {notes.get("qt", "PySide6")}. Offscreen Qt (`QT_QPA_PLATFORM=offscreen`),
SQLite store in a temporary folder, the emulator in a process of its own on 127.0.0.1.
Translation with {notes.get("packs", "no packs")}.

{table}

Start-up is timed from spawning the process (the parent's clock) to the first paint event of
its first window (the child's clock, same machine): the Python start, the imports the window needs
and its first paint count; the app paints its main window's shell (title, sidebar, status bar
opening the database) first and opens the store and builds the screens right after, in the same
start (app/main.py); the baseline is a new Python process showing one `QMainWindow`. Stalls are
the longest gap between two beats of a {HEARTBEAT_MS} ms timer on the GUI thread, with the main
window open on the Queue, after the app's own settling in (app/main.py `settle_in`: the collector
freezes what the window built, the GIL changes hands every {switch_ms} ms, translation warms up on a thread of its
own, as at every start):
translations and publishing run off the GUI thread, so what remains is
the work done on it (each result handled, the Queue's refresh and redraw) and what holds the GIL
(the garbage collector's full passes among them). While publishing, the longest stalls are the
Queue's repaints: each call from Qt into the Python table model takes the GIL back from the
engine's busy threads, so the models answer all seven roles of a cell in one call (Qt's
`multiData`, app/models/rows.py) instead of one call per role (about 800 calls a paint before,
and stalls of 60-90 ms).
"Drawn" is the time from the model filled to the window painted with the new rows: pending
layout (column widths), then paint. The Queue was measured through {notes.get("queue", "?")};
the Calendar through {notes.get("calendar", "?")}.
Reproduce with `python bench/gui.py`.
"""


def main() -> None:
    from bench.common import bench_arguments, report

    parser = bench_arguments(__doc__, "desktop app")
    parser.add_argument("--child", choices=["bare", "app", "sandbox"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.exit(_serve_sandbox() if args.child == "sandbox" else _child(args.child))
    report(parser, args, "gui", lambda: run(QUICK if args.quick else FULL))


if __name__ == "__main__":
    main()
