"""Whether a process still runs, and which process a pid names (for locks left behind by crashes).

A pid alone is weak evidence: the operating system hands a dead process's number to a new one.
Where Linux's ``/proc`` is readable, :func:`start_time` and :func:`machine_tag` tell such a
successor apart from the process that was recorded; elsewhere they return ``None`` and callers
fall back on :func:`pid_alive`.
"""

from __future__ import annotations

import hashlib
import os
import socket
import sys
from functools import cache
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """True unless process ``pid`` of this machine is known to be gone.

    A process owned by another user counts as alive. Where no safe probe exists (Windows, whose
    ``os.kill`` terminates the process instead of probing it) the answer is True: callers treat
    a live pid as "cannot tell" and wait for their own expiry instead.
    """
    if pid <= 0:  # 0 and negative numbers name process groups, never one process
        return False
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None


def start_time(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks since boot (Linux ``/proc``); ``None`` if unreadable."""
    stat = _read(f"/proc/{pid}/stat")
    if not stat or ")" not in stat:
        return None
    # Field 22 (starttime); the command name in parentheses may itself hold spaces.
    fields = stat[stat.rindex(")") + 1 :].split()
    return fields[19] if len(fields) > 19 else None


@cache
def machine_tag() -> str | None:
    """This machine and pid namespace (host, boot id, namespace), digested; ``None`` without ``/proc``.

    Two processes with the same tag share pid numbers, so a start time recorded by one can be
    checked by the other.
    """
    boot = _read("/proc/sys/kernel/random/boot_id")
    try:
        namespace = str(Path("/proc/self/ns/pid").readlink())
    except OSError:
        namespace = None
    if not boot or not namespace:
        return None
    return hashlib.sha256(f"{socket.gethostname()}|{boot}|{namespace}".encode()).hexdigest()[:8]
