"""Errors that the GUI, the CLI and the worker show to a person.

Every error raised by a service on bad input is a :class:`UserError` whose message is one
sentence a press officer can act on. Nothing is written when one is raised.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error the product raises on purpose."""


class UserError(CommuniqueError):
    """Bad input or an impossible request; the message is meant for a person."""


class NotFoundError(UserError):
    """A named or numbered thing does not exist."""


class ConflictError(UserError):
    """The request contradicts the current state (e.g. editing a published variant)."""


class ConfigurationError(CommuniqueError):
    """The installation is not set up for the request (missing keyring, bad database URL)."""
