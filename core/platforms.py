"""The platforms Communiqué can publish to, as registered by connector plugins.

Connectors register under the entry-point group ``communique.connectors`` (the built-in X and
Facebook connectors do so exactly as an outside package would). Core only reads the names from
the installed metadata; it never imports a connector, which keeps the layering one-way.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from core.errors import UserError

ENTRY_POINT_GROUP = "communique.connectors"


def platform_names() -> list[str]:
    """Names of every registered platform, sorted."""
    return sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})


def normalize(name: str) -> str:
    """The canonical platform name, or a :class:`UserError` listing the known ones."""
    cleaned = (name or "").strip().lower()
    known = platform_names()
    if cleaned in known:
        return cleaned
    raise UserError(f"Unknown platform {name!r}: choose one of {', '.join(known) or '(none installed)'}.")
