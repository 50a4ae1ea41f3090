"""Writing an export so that a failure leaves no partial file behind.

The file is produced under a temporary name in the target's folder, then renamed over the
target in one step; any error removes the temporary file and, for a folder or permission
problem, becomes one sentence.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.errors import UserError
from core.words import Msg


def check_writable(path: str | Path) -> Path:
    """``path`` expanded, or a :class:`UserError` when it cannot be written (checked before long work)."""
    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        raise UserError(Msg("{target!r} is a folder; give a file name to write to.", target=str(target)))
    if not folder.is_dir():
        raise UserError(
            Msg(
                "Cannot write {target!r}: the folder {folder!r} does not exist.", target=str(target), folder=str(folder)
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UserError(Msg("Cannot write {target!r}: permission denied.", target=str(target)))
    return target


def write_file(path: str | Path, produce: Callable[[Path], None]) -> Path:
    """Run ``produce(temporary)`` then move the temporary file to ``path``; the path written."""
    target = check_writable(path)
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(Msg("Cannot write {target!r}: {reason}.", target=str(target), reason=_reason(exc))) from None
    os.close(handle)
    temporary = Path(name)
    try:
        produce(temporary)
        temporary.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise UserError(Msg("Cannot write {target!r}: {reason}.", target=str(target), reason=_reason(exc))) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
