"""Writing a small file so that a reader in any process sees the old content or the new, never half.

The text goes to a temporary file in the same folder (so on the same file system), is flushed
(and, when ``durable``, synced to disk), then renamed over the target in one step. A crash or a
full disk leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

#: Windows refuses to replace a file another process has open for a moment (a reader, an
#: antivirus scan); a few short retries ride that out.
_REPLACE_TRIES = 5
_REPLACE_PAUSE_S = 0.02


def write_atomically(path: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8, line endings as given) in one rename.

    ``durable``: sync the data (and, on POSIX, the folder) so the new content survives a power
    cut; a file that is only a signal between processes can skip that cost.
    """
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            if durable:
                os.fsync(out.fileno())
        _replace(Path(temporary), path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    if durable and sys.platform != "win32":
        # The rename itself lives in the folder's entry table.
        with contextlib.suppress(OSError):
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


def _replace(source: Path, target: Path) -> None:
    for attempt in range(_REPLACE_TRIES):
        try:
            source.replace(target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE_S)
