"""Sentences the desktop app shows in the person's language, marked where they are written.

Core, scheduler and connectors never import Qt, but some of their fixed sentences reach the
window (why a post did not go out, what to do). Wrapping such a literal in
:func:`QT_TRANSLATE_NOOP` changes nothing at run time; Qt's lupdate, run over those modules too
(``make translations``), files it under its context, and the app shows it through
``QCoreApplication.translate(context, text)``. Sentences built with values stay English.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """``text`` itself; the call marks it for translation under ``context``."""
    del context  # read by lupdate in the source, not here
    return text
