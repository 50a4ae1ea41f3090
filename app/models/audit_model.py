"""The audit trail as a table: when (the officer's clock), who, what, which, and the details in short.

An action is shown as a person words it ("approved", "published"); one the app does not know (a
plugin's, a newer version's) as its stored name. The details column summarises the event's JSON
on one line; the tooltip holds the whole JSON.
"""

from __future__ import annotations

from app.models import when
from app.models.paged import PagedRowsModel
from app.qt import QCoreApplication, QObject
from app.viewmodels.audit import details_json, details_summary
from core.domain import AuditAction
from core.queries.audit import AuditRow

#: Where the page and the tests find a column.
WHEN, WHO, WHAT, WHICH, DETAILS = range(5)


def action_label(action: str) -> str:
    """An action as a person reads it, translated; an unknown action as stored."""
    translate = QCoreApplication.translate
    labels = {
        AuditAction.CREATE: translate("AuditModel", "created"),
        AuditAction.EDIT: translate("AuditModel", "edited"),
        AuditAction.ADD_TARGETS: translate("AuditModel", "added accounts"),
        AuditAction.SCHEDULE: translate("AuditModel", "scheduled"),
        AuditAction.CANCEL: translate("AuditModel", "cancelled"),
        AuditAction.DELETE: translate("AuditModel", "deleted"),
        AuditAction.RETIRE: translate("AuditModel", "retired"),
        AuditAction.SET_SECRET: translate("AuditModel", "set a credential"),
        AuditAction.PUBLISH_NOW: translate("AuditModel", "asked to publish now"),
        AuditAction.CONFIRM_ABSENT: translate("AuditModel", "confirmed it is not on the platform"),
        AuditAction.PUBLISH: translate("AuditModel", "published"),
        AuditAction.PUBLISH_OVERRIDE: translate("AuditModel", "published before a change landed"),
        AuditAction.RETRY_SCHEDULED: translate("AuditModel", "scheduled a retry"),
        AuditAction.FAIL: translate("AuditModel", "failed"),
        AuditAction.MISS: translate("AuditModel", "missed"),
        AuditAction.RECUR: translate("AuditModel", "set to repeat"),
        AuditAction.OCCUR: translate("AuditModel", "repeated"),
        AuditAction.STOP: translate("AuditModel", "stopped repeating"),
        AuditAction.CORRECT: translate("AuditModel", "corrected a translation"),
        AuditAction.GLOSSARY_ADD: translate("AuditModel", "added a glossary term"),
        AuditAction.GLOSSARY_UPDATE: translate("AuditModel", "changed a glossary term"),
        AuditAction.GLOSSARY_REMOVE: translate("AuditModel", "removed a glossary term"),
        AuditAction.SUBMIT: translate("AuditModel", "submitted for approval"),
        AuditAction.APPROVE: translate("AuditModel", "approved"),
        AuditAction.REJECT: translate("AuditModel", "rejected"),
        AuditAction.REQUIRE_APPROVAL: translate("AuditModel", "changed the approval rule"),
        AuditAction.USER_ADD: translate("AuditModel", "added a user"),
        AuditAction.USER_ROLE: translate("AuditModel", "changed a role"),
        AuditAction.USER_DEACTIVATE: translate("AuditModel", "changed a user's access"),
        AuditAction.GROUP_ADD: translate("AuditModel", "added a group"),
        AuditAction.GROUP_ACCOUNT: translate("AuditModel", "changed a group's accounts"),
        AuditAction.GROUP_MEMBER: translate("AuditModel", "changed a group's members"),
    }
    known = action in AuditAction._value2member_map_
    return labels[AuditAction(action)] if known else action


def entity_label(entity: str) -> str:
    """A kind of entity as a person reads it, translated; an unknown kind as stored."""
    translate = QCoreApplication.translate
    labels = {
        "post": translate("AuditModel", "Post"),
        "variant": translate("AuditModel", "Variant"),
        "account": translate("AuditModel", "Account"),
        "recurrence": translate("AuditModel", "Repeat"),
        "glossary_term": translate("AuditModel", "Glossary term"),
        "translation_memory": translate("AuditModel", "Translation memory"),
        "user": translate("AuditModel", "User"),
        "group": translate("AuditModel", "Group"),
    }
    return labels.get(entity, entity)


class AuditModel(PagedRowsModel[AuditRow]):
    """One row per audit event, newest first as read."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def titles(self) -> tuple[str, ...]:
        """The column titles, translated."""
        return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Which"), self.tr("Details"))

    def tooltip(self, row: AuditRow, column: int) -> str | None:
        """The full details, the exact time, the action as stored, and long names in full."""
        if column == DETAILS and row.event.details:
            return details_json(row.event.details)
        if column == WHEN:
            return row.event.at.astimezone(self.zone).isoformat(sep=" ", timespec="seconds")
        if column == WHAT:
            return str(row.event.action)
        if column in (WHO, WHICH):
            return self.display(row, column)  # elided when long
        return None

    def display(self, row: AuditRow, column: int) -> str:
        """What cell ``column`` of ``row`` shows."""
        event = row.event
        if column == WHEN:
            return when.stamp(event.at, zone=self.zone)
        if column == WHO:
            return event.actor
        if column == WHAT:
            return action_label(str(event.action))
        if column == WHICH:
            return self.which(row)
        return details_summary(event.details)

    def which(self, row: AuditRow) -> str:
        """``Post 12: Summit in Hanoi…``: the kind, the id, and the name where it was read."""
        event = row.event
        kind = entity_label(event.entity)
        named = kind if event.entity_id is None else self.tr("{0} {1}").format(kind, event.entity_id)
        return self.tr("{0}: {1}").format(named, row.label) if row.label else named
