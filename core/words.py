"""Sentences the desktop app shows in the person's language, marked where they are written.

Core, scheduler and connectors never import Qt, but some of their sentences reach the window
(why a post did not go out, why a service refused a request, what to do). Two kinds of marks,
both read by Qt's lupdate (``scripts/translations.py`` runs it over every module of core/,
scheduler/, translation/ and connectors/ that imports one of them from here):

- :func:`QT_TRANSLATE_NOOP` around a fixed literal files it under a named context; the app
  shows it through ``QCoreApplication.translate(context, text)``.
- :class:`Msg` around a sentence with values keeps the English template and its values, so the
  app can translate the template and fill the values in afterwards (``app.i18n.localized``).
  A :class:`Msg` *is* the English sentence (a ``str``), so the CLI, the logs and every
  ``str(error)`` read as before. Its templates live in the .ts under :data:`MESSAGE_CONTEXT`.

A sentence that tells a CLI user to run a command gives the app its own wording with
``app=in_app("...")``: the same values, and where to do it in the window instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: The .ts context of every :class:`Msg` template (lupdate files a module-level ``QT_TR_NOOP``
#: call, which ``Msg`` and ``in_app`` are aliases of, under the empty context).
MESSAGE_CONTEXT = ""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """``text`` itself; the call marks it for translation under ``context``."""
    del context  # read by lupdate in the source, not here
    return text


def in_app(template: str) -> str:
    """``template`` itself: the app's wording of a :class:`Msg` whose English names a CLI command."""
    return template


class Msg(str):
    """A sentence for a person: the English text (this ``str``), its template and the values in it.

    ``Msg("No account named {name!r}.", name=name)`` equals ``"No account named 'Embassy'."``;
    :attr:`template` and :attr:`values` let the app word it again in the interface's language.
    Templates use :meth:`str.format` fields (conversions and format specs included), and must be
    string literals at the call site: lupdate reads them from the source. A value that is itself
    a :class:`Msg` is worded in the person's language too.
    """

    template: str
    values: Mapping[str, Any]
    app: str | None

    def __new__(cls, template: str, /, *, app: str | None = None, **values: Any) -> Msg:
        """The English sentence of ``template`` filled with ``values``; ``app``: the app's wording."""
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        made.app = app
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        # str's own pickling would rebuild from the finished sentence, which is not a template.
        return (_rebuild, (self.template, self.app, dict(self.values)))

    @classmethod
    def joined(cls, parts: Iterable[str], separator: str = " ") -> Msg:
        """Sentences one after the other, each still worded in the person's language by the app."""
        values = {f"part{index}": part for index, part in enumerate(parts)}
        return cls(separator.join("{" + name + "}" for name in values), **values)


def _rebuild(template: str, app: str | None, values: dict[str, Any]) -> Msg:
    return Msg(template, app=app, **values)
