"""What a reader does with the audience's comments: mark them read or unread, correct a language.

Collection (what the platforms show) is :mod:`core.services.comments`; these are a person's
own acts. Read state is shared by the team: one reader marking a comment read takes it off
everyone's unread list, as in a shared inbox. Nothing here sends anything to a platform.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from core import languages, timeutil
from core.domain import LanguageSource
from core.errors import NotFoundError
from core.services import comments as comments_service
from core.services.audit import default_actor
from core.store import Store
from core.store.tables import comment_translations, comments


def mark_read(store: Store, comment_ids: Iterable[int], *, read: bool = True, actor: str | None = None) -> int:
    """Mark ``comment_ids`` read (or unread again); returns how many changed.

    A comment already in the asked state keeps who read it and when; ids that do not exist (or
    that this login may not see, in a team) are skipped.
    """
    ids = sorted(set(comment_ids))
    if not ids:
        return 0
    who = actor or default_actor()
    with store.write() as conn:
        if read:
            statement = (
                comments.update()
                .where(comments.c.id.in_(ids), comments.c.read_at.is_(None))
                .values(read_at=timeutil.now_utc(), read_by=who)
            )
        else:
            statement = (
                comments.update()
                .where(comments.c.id.in_(ids), comments.c.read_at.is_not(None))
                .values(read_at=None, read_by=None)
            )
        changed = int(conn.execute(statement).rowcount or 0)
        if changed:
            comments_service.note_activity(conn)
        return changed


def set_language(store: Store, comment_id: int, code: str) -> None:
    """A reader says which language the comment is in: kept over any later detection.

    Its translations were made from the wrong language, so they go; the next translation pass
    makes them again from the corrected one.
    """
    language = languages.normalize(code)
    with store.write() as conn:
        found = conn.execute(select(comments.c.id).where(comments.c.id == comment_id)).first()
        if found is None:
            raise NotFoundError(f"There is no comment {comment_id}.")
        conn.execute(
            comments.update()
            .where(comments.c.id == comment_id)
            .values(language=language, language_confidence=1.0, language_source=LanguageSource.PERSON.value)
        )
        conn.execute(comment_translations.delete().where(comment_translations.c.comment_id == comment_id))
        comments_service.note_activity(conn)
