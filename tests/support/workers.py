"""Real ``communique worker`` processes for the crash and two-worker tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from connectors.sandbox import Sandbox
from core import timeutil
from core.services import accounts, posts
from core.store import Store
from core.store.tables import variants
from scheduler.worker import READY

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = {
    "COMMUNIQUE_X_API_KEY": "crash-api-key-0123456789",
    "COMMUNIQUE_X_API_SECRET": "crash-api-secret-0123456789",
    "COMMUNIQUE_X_ACCESS_TOKEN": "crash-access-token-0123456789",
    "COMMUNIQUE_X_ACCESS_SECRET": "crash-access-secret-0123456789",
}
FAST = ["--sweep-seconds", "0.5", "--retry-base-seconds", "0.2", "--max-attempts", "60", "--lease-seconds", "5"]


def prepare(store: Store, sandbox: Sandbox, count: int, prefix: str = "Post") -> list[int]:
    """One X account on the emulator and ``count`` variants that are already due (inside the grace window)."""
    accounts.add_account(
        store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo", api_base=sandbox.base_url
    )
    now = timeutil.now_utc()
    due = (now - timedelta(minutes=1)).astimezone(timeutil.zone("Asia/Tokyo")).replace(tzinfo=None)
    return [
        posts.create_post(store, text=f"{prefix} {i:03d}", accounts=["tokyo"], at=due, now=now - timedelta(hours=1))
        .variants[0]
        .id
        for i in range(count)
    ]


def start_worker(log: Path, db_url: str | None = None, *extra: str) -> subprocess.Popen[bytes]:
    """``communique worker`` in its own process (credentials from the environment, no keyring)."""
    env = {**os.environ, **CREDENTIALS, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    if db_url:
        env["COMMUNIQUE_DB"] = db_url
    with log.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "worker", *FAST, *extra],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def wait_ready(log: Path, timeout: float = 120) -> bool:
    """Wait until the worker logging to ``log`` has installed its signal handlers and started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and READY in log.read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.05)
    return False


def stop_worker(process: subprocess.Popen[bytes], how: signal.Signals = signal.SIGTERM, timeout: float = 60) -> int:
    """Signal the worker and reap it (a reaped pid is what "dead" means to the next worker)."""
    if process.poll() is None:
        process.send_signal(how)
    return process.wait(timeout=timeout)


def published_count(store: Store) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(variants).where(variants.c.status == "published")
            ).scalar_one()
        )


def open_count(store: Store) -> int:
    """Variants still on their way (scheduled or publishing)."""
    with store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(variants).where(variants.c.status.in_(["scheduled", "publishing"]))
            ).scalar_one()
        )
