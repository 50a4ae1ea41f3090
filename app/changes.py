"""What an operation (or the publisher) changed, so that each view decides whether to refresh.

Qt-free on purpose: an operation declares its :class:`Changes` next to the service it calls, and
a test can check them without a window. After every operation, and for every event the worker
reports, the hub's one ``changed`` signal carries a :class:`Changes` and the view that started
it (``initiator``), which need not reload what it already shows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Kinds of things that changed; a view refreshes when a kind it shows is set."""

    posts: bool = False  # posts or their variants: text, status, schedule
    accounts: bool = False
    packs: bool = False  # language packs installed or removed
    glossary: bool = False
    settings: bool = False
    engagement: bool = False  # new metrics snapshots

    @classmethod
    def everything(cls) -> Changes:
        """All kinds: after a switch of database, or a full refresh."""
        return cls(posts=True, accounts=True, packs=True, glossary=True, settings=True, engagement=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            posts=self.posts or other.posts,
            accounts=self.accounts or other.accounts,
            packs=self.packs or other.packs,
            glossary=self.glossary or other.glossary,
            settings=self.settings or other.settings,
            engagement=self.engagement or other.engagement,
        )

    def any(self) -> bool:
        """Whether anything changed at all."""
        return self.posts or self.accounts or self.packs or self.glossary or self.settings or self.engagement


NOTHING = Changes()
POSTS = Changes(posts=True)
ACCOUNTS = Changes(accounts=True)
PACKS = Changes(packs=True)
GLOSSARY = Changes(glossary=True)
SETTINGS = Changes(settings=True)
ENGAGEMENT = Changes(engagement=True)
