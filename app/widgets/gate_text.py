"""Why scheduling is blocked, in words (the rule itself is :func:`app.viewmodels.review.schedule_gate`)."""

from __future__ import annotations

from app.qt import QCoreApplication
from app.viewmodels.review import Gate


def describe(gate: Gate) -> str:
    """Every reason ``gate`` blocks, one sentence each; empty when it allows."""
    reasons: list[str] = []
    if gate.nothing_open:
        reasons.append(
            QCoreApplication.translate(
                "ScheduleGate", "Nothing left to schedule: every variant is on its way, published or repeating."
            )
        )
    for count in gate.over:
        reasons.append(
            QCoreApplication.translate("ScheduleGate", "{0} is over its limit: {1} of {2} {3}.").format(
                count.account, count.length, count.limit, count.unit
            )
        )
    if gate.unreviewed:
        reasons.append(
            QCoreApplication.translate("ScheduleGate", "Not reviewed yet: {0}.").format(", ".join(gate.unreviewed))
        )
    if gate.unsaved:
        reasons.append(
            QCoreApplication.translate("ScheduleGate", "Edits not saved yet: {0}.").format(", ".join(gate.unsaved))
        )
    return " ".join(reasons)
