"""Errors that the GUI, the CLI and the worker show to a person.

Every error raised by a service on bad input is a :class:`UserError` whose message is one
sentence a press officer can act on. Nothing is written when one is raised.

The message is either plain text or a :class:`core.words.Msg`: the same English sentence, which
also keeps its template and values so that the desktop app can show it in the interface's
language (``raise UserError(Msg("No post with id {id}.", id=post_id))``). ``str(error)`` is the
English sentence either way, for the CLI and the logs.
"""

from __future__ import annotations

from core.words import Msg


class CommuniqueError(Exception):
    """Base class of every error the product raises on purpose."""

    @property
    def msg(self) -> Msg | None:
        """The message with its template and values, when it was raised with a :class:`Msg`."""
        first = self.args[0] if self.args else None
        return first if isinstance(first, Msg) else None


def message_of(error: BaseException) -> str:
    """The sentence ``error`` carries: its :class:`Msg` when it has one (still a ``str``), else ``str(error)``.

    ``str(error)`` is the same English text but a plain ``str``: code that hands a message on to
    be shown (a view model, a connector's refusal) reads it through here to keep the template.
    """
    for candidate in (getattr(error, "message", None), error.args[0] if error.args else None):
        if isinstance(candidate, Msg):
            return candidate
    return str(error)


class UserError(CommuniqueError):
    """Bad input or an impossible request; the message is meant for a person."""


class NotFoundError(UserError):
    """A named or numbered thing does not exist."""


class PermissionDeniedError(UserError):
    """The person's role or groups do not allow the request; nothing was written."""


class ConflictError(UserError):
    """The request contradicts the current state (e.g. editing a published variant)."""


class EditConflictError(ConflictError):
    """An edit made against a version someone else has changed since; nothing was written.

    It carries both texts, so that a screen can show the person what is there now beside what
    they wrote, and let them choose or merge.
    """

    def __init__(
        self, message: str, *, variant_id: int, current_text: str, attempted_text: str, current_version: int
    ) -> None:
        super().__init__(message)
        self.variant_id = variant_id
        self.current_text = current_text
        self.attempted_text = attempted_text
        self.current_version = current_version


class ConfigurationError(CommuniqueError):
    """The installation is not set up for the request (missing keyring, bad database URL)."""
