"""Read-only use cases shared by the GUI, the CLI and the worker: lists, the queue, calendar ranges, engagement.

Writes live in :mod:`core.services`. A query never changes a row, so a screen may run it as
often as it likes, on any thread. The common reads are named here (``queries.get_post``);
the queue, calendar and engagement reads live in their modules (:mod:`core.queries.queue`,
:mod:`core.queries.engagement`).
"""

from core.queries.accounts import fetch_account, get_account, list_accounts, to_account
from core.queries.audit import list_events
from core.queries.posts import fetch_post, fetch_variant, get_post, get_variant, list_posts, load_posts

__all__ = [
    "fetch_account",
    "fetch_post",
    "fetch_variant",
    "get_account",
    "get_post",
    "get_variant",
    "list_accounts",
    "list_events",
    "list_posts",
    "load_posts",
    "to_account",
]
