"""The headless worker: scheduler, publisher and poller without Qt, stopped cleanly by a signal."""

from __future__ import annotations

import logging
import logging.handlers
import signal
import sys
import threading
from types import FrameType

from core import paths, practice
from core.errors import ConfigurationError
from core.secrets import redact
from core.services.permissions import sees_every_row, session_login
from core.store import Store
from scheduler.engine import Engine, EngineSettings
from scheduler.events import Event, EventBus

log = logging.getLogger(__name__)
#: Printed once the worker runs and a signal stops it cleanly.
READY = "Communiqué worker running (logs in the data folder); stop it with Ctrl+C."


class _RedactingFormatter(logging.Formatter):
    """Scrubs every secret value this process has read from each log line."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(level: int = logging.INFO) -> logging.Handler:
    """Log to ``logs/worker.log`` in the data folder (rotated), secrets redacted.

    A practice worker logs to ``logs/practice-worker.log``, so that practice never mixes with
    the real worker's record.
    """
    name = "practice-worker.log" if practice.enabled() else "worker.log"
    handler = logging.handlers.RotatingFileHandler(
        paths.subdir("logs") / name, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    return handler


def _log_event(event: Event) -> None:
    log.info("event %s variant=%s %s", event.kind.value, event.variant_id, event.details)


def run_worker(store: Store, settings: EngineSettings, *, once: bool = False, engine: Engine | None = None) -> int:
    """Run until SIGTERM/SIGINT (or one sweep with ``once``); returns the exit status."""
    with store.read() as conn:
        if not sees_every_row(conn):
            login = session_login(conn)
            raise ConfigurationError(
                f"The database login {login!r} sees only its groups' posts, so as the worker it would keep the"
                " others' posts waiting: run the worker as the tables' owner or as a login with BYPASSRLS."
            )
    bus = EventBus()
    bus.subscribe(_log_event)
    worker = engine or Engine(store, settings=settings, bus=bus)
    log.info("worker %s starting on %s", worker.holder, store.url)
    if once:
        report = worker.sweep()
        worker.lease.release()
        log.info(
            "one sweep: leader=%s published=%d new comments=%d", report.leader, len(report.outcomes), report.comments
        )
        return 0
    stop = threading.Event()

    def _on_signal(signum: int, _frame: FrameType | None) -> None:
        # Claims stop here and now, not when the main loop next wakes: a batch may be under way.
        worker.begin_stop()
        log.info("signal %s: claiming nothing more; finishing the publishes in flight", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        worker.start()
        print(READY, file=sys.stderr, flush=True)
        while not stop.wait(1.0):
            pass
    finally:
        finished = worker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("worker %s stopped%s", worker.holder, "" if finished else " with publishes still in flight")
    return 0
