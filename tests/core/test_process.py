"""Telling a running process from a gone one, and from a successor that got its pid."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from core.process import machine_tag, pid_alive, start_time


def test_this_process_is_alive_and_a_reaped_one_is_not() -> None:
    assert pid_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not pid_alive(child.pid)


@pytest.mark.parametrize("pid", [0, -1])
def test_process_group_numbers_are_never_alive(pid: int) -> None:
    assert not pid_alive(pid)


@pytest.mark.skipif(machine_tag() is None, reason="process start times need /proc")
def test_start_times_tell_processes_apart() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        started = start_time(child.pid)
        assert started is not None and started == start_time(child.pid)  # stable while it runs
        assert start_time(os.getpid()) not in {None, started}  # this process began earlier
    finally:
        child.kill()
        child.wait()
    assert start_time(child.pid) is None  # reaped: nothing left to read
