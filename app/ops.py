"""Operations: one user action or one read, run off the GUI thread, with its outcome on it.

Modelled on a collection operation: ``ctx.op(work).success(show).run()``. ``work`` receives a
:class:`Progress` (report progress, see whether the person cancelled) and runs on a pool thread;
``success`` gets its result and ``failure`` its error sentence on the GUI thread. A
:class:`core.errors.CommuniqueError` becomes its own sentence and a platform's refusal its
message, both in the interface's language (:func:`app.i18n.error_sentence`); anything else a
sentence that points to the log (never a traceback on screen). After a change
succeeds, the hub's ``changed`` signal carries its :class:`Changes` so that every view can refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from app.changes import NOTHING, Changes
from app.i18n import error_sentence
from app.qt import QCoreApplication
from core.errors import CommuniqueError

if TYPE_CHECKING:
    from app.context import AppContext

log = logging.getLogger(__name__)
T = TypeVar("T")


class CancelledError(Exception):
    """Raised inside ``work`` by :meth:`Progress.check` once the person cancelled."""


class Progress:
    """What ``work`` may use: report progress, and see whether it was cancelled."""

    def __init__(self, report: Callable[[int, int | None, str], None], cancel: threading.Event) -> None:
        self._report = report
        self._cancel = cancel

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """``done`` of ``total`` steps (``None``: unknown), with a few words on the current step."""
        self._report(done, total, text)

    @property
    def cancelled(self) -> bool:
        """Whether the person asked to stop."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (raise :class:`CancelledError`) if the person cancelled."""
        if self._cancel.is_set():
            raise CancelledError


def sentence_for(error: BaseException) -> str:
    """The one sentence a person sees for ``error``, in the interface's language; never a secret."""
    if isinstance(error, CommuniqueError) or _is_connector_error(error):
        return error_sentence(error)
    if isinstance(error, CancelledError):
        return QCoreApplication.translate("Op", "Cancelled.")
    return QCoreApplication.translate("Op", "Something went wrong ({0}); the details are in the log.").format(
        type(error).__name__
    )


class Op(Generic[T]):
    """One piece of background work and what to do with its outcome on the GUI thread."""

    def __init__(
        self,
        ctx: AppContext,
        work: Callable[[Progress], T],
        *,
        changes: Changes | Callable[[T], Changes] = NOTHING,
        initiator: object | None = None,
        serial: bool | None = None,
    ) -> None:
        self.ctx = ctx
        self._work = work
        self._changes = changes
        self._initiator = initiator
        # Changes queue up behind each other; reads need not wait for them.
        self._serial = serial if serial is not None else (changes is not NOTHING)
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._on_progress: Callable[[int, int | None, str], None] | None = None
        self._cancel = threading.Event()
        self.done = threading.Event()

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Call ``callback(result)`` on the GUI thread when the work succeeds."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> Op[T]:
        """Call ``callback(sentence)`` on the GUI thread when it fails (default: the app's error bar)."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int | None, str], None]) -> Op[T]:
        """Call ``callback(done, total, text)`` on the GUI thread as the work reports progress."""
        self._on_progress = callback
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next :meth:`Progress.check`."""
        self._cancel.set()

    def run(self) -> Op[T]:
        """Start the work in the background; returns ``self``."""
        self.ctx.hub.busy.emit(1)
        self.ctx.tasks.run_in_background(self._execute, serial=self._serial)
        return self

    def _report(self, done: int, total: int | None, text: str) -> None:
        callback = self._on_progress
        if callback is not None:
            self.ctx.tasks.run_on_main(lambda: callback(done, total, text))

    def _execute(self) -> None:
        try:
            result = self._work(Progress(self._report, self._cancel))
        except Exception as error:  # every failure becomes a sentence on the GUI thread
            if not isinstance(error, CommuniqueError | CancelledError) and not _is_connector_error(error):
                log.exception("an operation failed")
            failed = error  # ``error`` itself is unbound when the except block ends
            # Worded on the GUI thread, in the language the interface is in when it is shown.
            self.ctx.tasks.run_on_main(lambda: self._failed(sentence_for(failed)))
            return
        self.ctx.tasks.run_on_main(lambda: self._succeeded(result))

    def _succeeded(self, result: T) -> None:
        try:
            if self._on_success is not None:
                self._on_success(result)
            changes = self._changes(result) if callable(self._changes) else self._changes
            if changes.any():
                self.ctx.hub.changed.emit(changes, self._initiator)
        finally:
            self._finish()

    def _failed(self, sentence: str) -> None:
        try:
            if self._on_failure is not None:
                self._on_failure(sentence)
            else:
                self.ctx.hub.error.emit(sentence)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done.set()
        self.ctx.hub.busy.emit(-1)
        self.ctx.hub.op_finished.emit(self)


def _is_connector_error(error: BaseException) -> bool:
    from connectors.base import ConnectorError

    return isinstance(error, ConnectorError)
