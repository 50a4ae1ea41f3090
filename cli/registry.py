"""How command groups, built-in or plugin, add their commands to ``communique``.

A command group is a function ``register(commands: Commands) -> None``. It calls
:meth:`Commands.add_command` once per top-level command and builds the parser it gets back as
usual with argparse: arguments, subcommands, and ``set_defaults(handler=...)`` naming the
function that runs the command (parsed arguments in, exit status out; see :mod:`cli.base`).

An outside package adds commands by naming its ``register`` function in the entry-point group
``communique.commands``, e.g. in its pyproject.toml::

    [project.entry-points."communique.commands"]
    echo = "communique_echo.commands:register"
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Protocol

from cli.base import EXIT_USER_ERROR, Handler, fail

ENTRY_POINT_GROUP = "communique.commands"
#: Exception text shown in the one-sentence report of a broken plugin is cut to this length.
_REASON_CHARS = 200


class _AddsParsers(Protocol):
    """What :class:`Commands` needs of argparse's ``add_subparsers()`` result."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


class DuplicateCommandError(ValueError):
    """A group tried to add a command whose name is already taken."""


class Commands:
    """The top-level commands of ``communique``, as one command group sees them.

    Every group gets its own instance over the same parser, so that the commands a group added
    are known (:attr:`added`) when its registration has to be reported as broken.
    """

    def __init__(self, sub: _AddsParsers, taken: set[str]) -> None:
        self._sub = sub
        self._taken = taken  # shared by every group: one name, one command
        self.added: list[argparse.ArgumentParser] = []

    def add_command(self, name: str, help: str, **options: Any) -> argparse.ArgumentParser:
        """Add ``communique NAME`` and return its parser; ``options`` go to argparse's ``add_parser``.

        A :class:`DuplicateCommandError` if another group already has ``name``.
        """
        if name in self._taken:
            raise DuplicateCommandError(f"the command {name!r} already exists")
        parser = self._sub.add_parser(name, help=help, **options)
        # Until the group sets its own handler, running the command says so instead of doing nothing.
        parser.set_defaults(handler=_refuse(f"'communique {name}' has nothing to run; its group set no handler."))
        self._taken.add(name)
        self.added.append(parser)
        return parser


#: A command group: adds its commands to the command line.
Register = Callable[[Commands], None]


def _refuse(sentence: str) -> Handler:
    def handler(_args: argparse.Namespace) -> int:
        return fail(sentence)

    return handler


def _unavailable(_args: argparse.Namespace) -> int:
    # The sentence naming the broken plugin was printed while the parser was built.
    return EXIT_USER_ERROR


def add_builtin_commands(sub: _AddsParsers, taken: set[str], groups: Iterable[Register]) -> None:
    """Register the built-in groups; a failure here is a bug in Communiqué and propagates."""
    for register in groups:
        register(Commands(sub, taken))


def add_plugin_commands(sub: _AddsParsers, taken: set[str], warn: Callable[[str], None]) -> None:
    """Register every group of the ``communique.commands`` entry points, in name order.

    A plugin that cannot be loaded, or whose ``register`` fails, is reported in one sentence
    through ``warn`` and the rest of the command line is built as usual; a command it had added
    before failing does nothing but exit with status 2.
    """
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda found: found.name):
        commands = Commands(sub, taken)
        try:
            register = entry.load()
            if not callable(register):
                raise TypeError(f"{entry.value} is not a function")
            register(commands)
        except Exception as exc:  # a broken plugin must not take the command line down with it
            warn(_broken(entry, exc))
            for parser in commands.added:
                parser.set_defaults(handler=_unavailable)


def _broken(entry: EntryPoint, exc: Exception) -> str:
    detail = " ".join(str(exc).split())  # one line, whatever the exception's text holds
    if len(detail) > _REASON_CHARS:
        detail = detail[: _REASON_CHARS - 3] + "..."
    reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return (
        f"The command plugin {entry.name!r} ({entry.value}) cannot be loaded ({reason}); "
        "the other commands work without it."
    )
