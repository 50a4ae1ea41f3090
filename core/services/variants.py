"""One variant at a time: cancel the version of a post that goes to one account.

:func:`core.services.posts.cancel_post` stops a whole post; a press office often needs less:
"not on the Tokyo account after all", while Berlin and Paris still go out.
"""

from __future__ import annotations

from core import queries, timeutil
from core.domain import OPEN_STATUSES, AuditAction, Variant, VariantStatus
from core.errors import ConflictError
from core.services import audit
from core.services.permissions import require
from core.services.posts import cancel_permission
from core.store import Store
from core.store.tables import variants
from core.words import Msg


def cancel_variant(store: Store, variant_id: int, *, actor: str | None = None) -> Variant:
    """Cancel ``variant_id`` alone; the post's other variants stay as they are.

    Refused while it is being published (the call cannot be taken back) and once it is
    published or cancelled. The update only lands on the version read, so a publisher that
    claims the row meanwhile wins and the cancel is refused rather than hiding a live post.
    """
    now = timeutil.now_utc()
    with store.write() as conn:
        variant = queries.fetch_variant(conn, variant_id)
        if variant.status is VariantStatus.PUBLISHING:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} is being published to {account_name} right now; wait for the result, "
                    "then delete it there if needed.",
                    variant_id=variant_id,
                    account_name=variant.account_name,
                )
            )
        if not variant.is_open:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} ({account_name}) is {status}; there is nothing to cancel.",
                    variant_id=variant_id,
                    account_name=variant.account_name,
                    status=variant.status,
                )
            )
        who = require(conn, cancel_permission([variant]), [variant.account_id], actor=actor).login
        changed = conn.execute(
            variants.update()
            .where(
                variants.c.id == variant_id,
                variants.c.version == variant.version,
                variants.c.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .values(
                status=VariantStatus.CANCELLED.value,
                next_attempt_at=None,
                updated_at=now,
                version=variants.c.version + 1,
            )
        )
        if changed.rowcount != 1:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} changed while it was being cancelled; look at it again and retry.",
                    variant_id=variant_id,
                )
            )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.CANCEL,
            entity="variant",
            entity_id=variant_id,
            details={"post": variant.post_id, "account": variant.account_name},
            at=now,
        )
        return queries.fetch_variant(conn, variant_id)
