"""``communique events``: the store-backed feed on the command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cli.scheduler import FOLLOWING
from connectors.sandbox import Sandbox
from core import timeutil
from core.services import posts
from core.store import Store
from scheduler import recovery
from scheduler.events import EventBus
from tests.support.cli import SCRIPT, run_cli
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, local_in
from tests.support.workers import CREDENTIALS, prepare, start_worker, stop_worker, wait_ready


def _follow(home: Path, out: Path, err: Path, *args: str) -> subprocess.Popen[bytes]:
    """``communique events --follow ARGS`` in its own process, printing into ``out`` and ``err``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    env.update({"COMMUNIQUE_HOME": str(home), "COMMUNIQUE_USER": "tester", "PYTHONIOENCODING": "utf-8"})
    with out.open("wb") as stdout, err.open("wb") as stderr:
        return subprocess.Popen([str(SCRIPT), "events", "--follow", *args], env=env, stdout=stdout, stderr=stderr)


def _wait_for(path: Path, done: Callable[[str], bool], timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and done(path.read_text(encoding="utf-8")):
            return True
        time.sleep(0.1)
    return False


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _kinds(text: str) -> Counter[tuple[str, int]]:
    return Counter((line["kind"], line["variant_id"]) for line in _lines(text))


def test_events_of_a_worker_run_are_printed_once_each_and_a_cursor_resumes(
    store: Store,
    isolated_home: Path,
    tmp_path: Path,
    make_engine: EngineMaker,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in CREDENTIALS.items():  # the worker's credentials, for the poll made in this process
        monkeypatch.setenv(name, value)
    out, err = tmp_path / "events.out", tmp_path / "events.err"
    with Sandbox(seed=9) as sandbox:
        published = prepare(store, sandbox, 3, prefix="Cli")
        follower = _follow(isolated_home, out, err, "--json")
        log = tmp_path / "worker.log"
        try:
            assert _wait_for(err, lambda text: FOLLOWING in text), err.read_text()
            worker = start_worker(log)
            try:
                assert wait_ready(log), log.read_text()
                expected = Counter(("published", i) for i in published)
                assert _wait_for(out, lambda text: _kinds(text) >= expected), out.read_text() + log.read_text()
                now = timeutil.now_utc()
                # X refuses the same text twice: a failure. Due three hours ago, beyond the grace window: missed.
                duplicate, late = (
                    posts.create_post(store, text=text, accounts=["tokyo"], at=local_in("Asia/Tokyo", at), now=made)
                    .variants[0]
                    .id
                    for text, at, made in (
                        ("Cli 000", now, now - timedelta(minutes=1)),
                        ("Cli late", now - timedelta(hours=3), now - timedelta(hours=4)),
                    )
                )
                expected.update([("failed", duplicate), ("missed", late)])
                assert _wait_for(out, lambda text: _kinds(text) >= expected), out.read_text() + log.read_text()
            finally:
                assert stop_worker(worker) == 0
            time.sleep(1.5)  # a full poll of the follower after the worker's last write: nothing more comes
        finally:
            stopped = stop_worker(follower, signal.SIGINT)
        assert stopped == 0 and "Traceback" not in err.read_text()
        followed = out.read_text(encoding="utf-8")
        assert _kinds(followed) == expected  # each event exactly once, nothing else

        # The same events, once each, from a one-shot run; the lines carry the cursors the follower saw.
        once = run_cli("events", "--json", home=isolated_home)
        assert once.code == 0 and _lines(once.out) == _lines(followed)
        failed = next(line for line in _lines(once.out) if line["kind"] == "failed")
        assert failed["details"]["error_class"] == "duplicate" and failed["details"]["error"]
        text = run_cli("events", home=isolated_home)
        assert text.code == 0 and len(text.out.splitlines()) == 5
        assert f"{'failed':<15}  variant {duplicate}  duplicate: " in text.out

        # A script resumes after any line it has handled, and sees what came after it, once.
        lines = _lines(once.out)
        resumed = run_cli("events", "--json", "--since", lines[2]["cursor"], home=isolated_home)
        assert resumed.code == 0 and _lines(resumed.out) == lines[3:]
        last = lines[-1]["cursor"]
        assert run_cli("events", "--json", "--since", last, home=isolated_home).out == ""
        # Ten minutes on, engagement is polled (here by an engine in this process, on a moved clock).
        clock.set(timeutil.now_utc() + timedelta(minutes=11))
        assert make_engine().sweep().polled == 3
    metrics = run_cli("events", "--json", "--since", last, home=isolated_home)
    assert metrics.code == 0 and _kinds(metrics.out) == Counter(("metrics_updated", i) for i in published)


def test_a_bad_cursor_is_refused_in_one_sentence(store: Store, isolated_home: Path) -> None:
    for cursor in ("yesterday", "12", "1:2:3"):
        refused = run_cli("events", "--since", cursor, home=isolated_home)
        assert refused.code == 2 and refused.out == ""
        assert refused.err.count("\n") == 1 and "is not an event cursor" in refused.err
        assert "Traceback" not in refused.err


def test_following_from_now_prints_only_new_events_and_stops_on_sigterm(
    store: Store, isolated_home: Path, tmp_path: Path
) -> None:
    from core.services import accounts

    accounts.add_account(store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo", grace_minutes=30)
    now = timeutil.now_utc()

    def overdue(text: str) -> int:
        local = local_in("Asia/Tokyo", now - timedelta(hours=3))
        return (
            posts.create_post(store, text=text, accounts=["tokyo"], at=local, now=now - timedelta(days=1))
            .variants[0]
            .id
        )

    before = overdue("Before")
    assert recovery.mark_missed(store, EventBus(), now=now, actor="worker") == [before]
    out, err = tmp_path / "events.out", tmp_path / "events.err"
    follower = _follow(isolated_home, out, err, "--since", "now")
    try:
        assert _wait_for(err, lambda text: FOLLOWING in text), err.read_text()
        after = overdue("After")
        assert recovery.mark_missed(store, EventBus(), now=now, actor="worker") == [after]
        assert _wait_for(out, lambda text: f"variant {after}" in text), out.read_text()
    finally:
        stopped = stop_worker(follower, signal.SIGTERM)
    assert stopped == 0 and "Traceback" not in err.read_text()
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert f"{'missed':<15}  variant {after}  Not published: it fell due 180 minutes ago" in line
