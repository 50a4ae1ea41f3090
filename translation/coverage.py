"""Which translations the installed packs cannot make, for the languages this store uses.

A press officer writes in a post's source language (or in any account's language) and the post
goes to every account in its own language. For each such pair with no route (directly, through
English, or through any one language: the same rule as :func:`translation.service.find_route`),
:func:`missing_routes` says which packs would open it, so that a screen can say plainly
"No language pack for vi -> ja: install vi -> en and en -> ja". Reads the pack listing only
(``metadata.json`` files), never a model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from core.errors import UserError
from core.store import Store
from core.store.tables import accounts, posts
from translation import packs
from translation.service import PIVOT_LANGUAGE, find_route


@dataclass(frozen=True)
class MissingRoute:
    """A translation the installed packs cannot make, and what would make it possible."""

    source: str
    target: str
    #: Packs to install: the direct pair when either side is English, else the missing legs through English.
    suggested: tuple[tuple[str, str], ...]

    @property
    def direct(self) -> tuple[str, str]:
        """The one pack that would do it alone."""
        return (self.source, self.target)


def missing_routes(
    sources: Iterable[str],
    targets: Iterable[str],
    pairs: set[tuple[str, str]],
    pivot: str = PIVOT_LANGUAGE,
) -> list[MissingRoute]:
    """Each (source, target) with no route through ``pairs``, sorted; a language into itself needs none."""
    found = []
    for source in sorted(set(sources)):
        for target in sorted(set(targets)):
            if source == target:
                continue
            try:
                find_route(source, target, pairs, pivot)
            except UserError:
                if pivot in (source, target):
                    legs: tuple[tuple[str, str], ...] = ((source, target),)
                else:
                    legs = tuple(leg for leg in ((source, pivot), (pivot, target)) if leg not in pairs)
                found.append(MissingRoute(source, target, legs))
    return found


def languages_in_use(store: Store) -> tuple[set[str], set[str]]:
    """``(sources, targets)``: what posts are written in (and any account's language), and what accounts read."""
    with store.read() as conn:
        targets = set(conn.execute(select(accounts.c.language).where(accounts.c.active.is_(True)).distinct()).scalars())
        written = set(conn.execute(select(posts.c.source_language).distinct()).scalars())
    return written | targets, targets


def missing_for_store(store: Store) -> list[MissingRoute]:
    """The translations this store's posts and accounts need that no installed pack can make."""
    sources, targets = languages_in_use(store)
    pairs = {(p.from_code, p.to_code) for p in packs.list_packs()}
    return missing_routes(sources, targets, pairs)
