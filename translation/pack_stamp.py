"""A stamp in the packs folder that every install or removal of a pack, by any process, changes.

Language packs belong to the machine (they live in the app's folder, next to no database): a
shared team store serves machines that each have their own packs, so the signal lives with the
packs, not in the store. A running app polls :func:`read` on a timer to learn that a command or
another window installed or removed a pack.

The stamp is ``<counter>-<random>``: the counter makes it readable, the random part makes two
processes that change packs at the same moment (both reading counter N) still write different
stamps, so that whoever saw the first one sees the second as a change too. It is replaced in one
rename (:func:`core.files.write_atomically`), so a reader never sees half of one.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.files import write_atomically

#: The stamp's file name; a dot-file, so that neither the pack listing nor Argos's scan sees it.
FILE_NAME = ".generation"
#: The stamp of a packs folder no install or removal has touched yet.
NEVER = "0"


def read(folder: Path) -> str:
    """The current stamp of the packs ``folder`` (:data:`NEVER` before the first change)."""
    try:
        return (folder / FILE_NAME).read_text(encoding="ascii").strip() or NEVER
    except FileNotFoundError:
        return NEVER
    except (OSError, UnicodeDecodeError):
        # Unreadable for now: a value no writer produces, so a poller refreshes rather than miss a change.
        return "unreadable"


def bump(folder: Path) -> str:
    """Write a new stamp into ``folder`` after a change; returns it. Raises :class:`OSError` on failure."""
    counter = read(folder).split("-", 1)[0]
    following = int(counter) + 1 if counter.isdigit() else 1
    stamp = f"{following}-{os.urandom(6).hex()}"
    # Not synced to disk: it only has to reach the other processes of this running system.
    write_atomically(folder / FILE_NAME, stamp + "\n", durable=False)
    return stamp
