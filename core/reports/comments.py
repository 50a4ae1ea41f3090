"""The audience's comments as the dashboard and the managers' report count them, under an analytics scope.

A dashboard or report looks at a :class:`core.queries.analytics.Scope`: a period and some
accounts, languages and platforms of the posts. Its comments are those written in the period
on the posts of the accounts the scope keeps: its platforms and its languages (a post's
language is its account's) narrow the accounts, and the counts are per comment language
(what the audience wrote in) and per post (the most commented first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core import queries
from core.domain import Account
from core.queries import feedback
from core.queries.analytics import Scope
from core.queries.feedback import FeedbackFilter, LanguageCount, PostCount
from core.store import Store

#: Posts a report lists as the most commented.
MOST_COMMENTED = 5


@dataclass(frozen=True)
class CommentCounts:
    """How many comments a scope's posts received, how many are unread, per language and per post."""

    total: int = 0
    unread: int = 0
    by_language: tuple[LanguageCount, ...] = ()
    by_post: tuple[PostCount, ...] = ()  # most commented first, at most the number asked for


def feedback_filter(scope: Scope, accounts: Sequence[Account]) -> FeedbackFilter | None:
    """The comments ``scope`` covers, as a feedback query; ``None`` when its filters leave no account.

    ``accounts`` are every account there is: platforms and languages name accounts, the feedback
    query takes account ids.
    """
    kept = [
        account
        for account in accounts
        if (not scope.account_ids or account.id in scope.account_ids)
        and (not scope.platforms or account.platform in scope.platforms)
        and (not scope.languages or account.language in scope.languages)
    ]
    narrowed = bool(scope.account_ids or scope.platforms or scope.languages)
    if narrowed and not kept:
        return None
    ids = tuple(sorted(account.id for account in kept)) if narrowed else ()
    return FeedbackFilter(account_ids=ids, since=scope.since, until=scope.until)


def comment_counts(store: Store, scope: Scope, *, posts: int = MOST_COMMENTED) -> CommentCounts:
    """The comments written in ``scope``'s period on its accounts: totals, per language, the top ``posts`` posts."""
    flt = feedback_filter(scope, queries.list_accounts(store))
    if flt is None:
        return CommentCounts()
    total, unread = feedback.count_comments(store, flt)
    if not total:
        return CommentCounts()
    return CommentCounts(
        total=total,
        unread=unread,
        by_language=tuple(feedback.counts_by_language(store, flt)),
        by_post=tuple(feedback.counts_by_post(store, flt)[:posts]),
    )
