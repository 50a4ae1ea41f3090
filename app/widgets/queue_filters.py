"""The queue's filter bar: status, account, language and period, turned into a :class:`QueueFilter`.

A "Waiting for me" toggle narrows the list to what waits for the person's decision (an approver)
or correction (an officer): see :func:`core.queries.approvals.waiting_for_me`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from app.i18n import Retranslatable
from app.models import when
from app.qt import QComboBox, QDate, QHBoxLayout, QLabel, QPushButton, QtWidgets, QWidget, Signal
from core.domain import Account, VariantStatus
from core.queries.queue import QueueFilter

#: The statuses each item of the status filter selects, in the order the items are listed.
STATUS_CHOICES: tuple[tuple[VariantStatus, ...], ...] = (
    (),
    (VariantStatus.FAILED, VariantStatus.MISSED),
    (VariantStatus.SCHEDULED, VariantStatus.PUBLISHING),
    (VariantStatus.PUBLISHED,),
    (VariantStatus.FAILED,),
    (VariantStatus.MISSED,),
    (VariantStatus.DRAFT, VariantStatus.APPROVED),
    (VariantStatus.CANCELLED,),
)
#: The periods of the period filter, in the order the items are listed.
PERIOD_CHOICES = (
    when.Period.ANY,
    when.Period.TODAY,
    when.Period.NEXT_7_DAYS,
    when.Period.LAST_7_DAYS,
    when.Period.THIS_MONTH,
    when.Period.CUSTOM,
)


class QueueFilters(Retranslatable, QWidget):
    """Combo boxes (and two dates for a custom period); ``changed`` whenever one changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.waiting = QPushButton(self)
        self.waiting.setCheckable(True)
        self.waiting.toggled.connect(self.changed)
        row.addWidget(self.waiting)
        self.status = QComboBox(self)
        for statuses in STATUS_CHOICES:
            self.status.addItem("", statuses)
        self.account = QComboBox(self)
        self.account.addItem("", None)
        self.language = QComboBox(self)
        self.language.addItem("", None)
        self.period = QComboBox(self)
        for period in PERIOD_CHOICES:
            self.period.addItem("", period)
        self.start = QtWidgets.QDateEdit(self)
        self.end = QtWidgets.QDateEdit(self)
        today = QDate.currentDate()
        for edit, day in ((self.start, today), (self.end, today.addDays(6))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.dateChanged.connect(self.changed)
        self.to_label = QLabel(self)
        self.labels: dict[QComboBox, QLabel] = {}
        for box in (self.status, self.account, self.language, self.period):
            self.labels[box] = QLabel(self)
            row.addWidget(self.labels[box])
            row.addWidget(box)
            box.currentIndexChanged.connect(self.changed)
        row.addWidget(self.start)
        row.addWidget(self.to_label)
        row.addWidget(self.end)
        self.period.currentIndexChanged.connect(self._show_dates)
        self.retranslate()
        self._show_dates()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        statuses = (
            self.tr("All statuses"),
            self.tr("Needs attention"),
            self.tr("Scheduled"),
            self.tr("Published"),
            self.tr("Failed"),
            self.tr("Missed"),
            self.tr("Drafts"),
            self.tr("Cancelled"),
        )
        periods = (
            self.tr("Any time"),
            self.tr("Today"),
            self.tr("Next 7 days"),
            self.tr("Last 7 days"),
            self.tr("This month"),
            self.tr("From ... to ..."),
        )
        for box, texts in ((self.status, statuses), (self.period, periods)):
            for index, text in enumerate(texts):
                box.setItemText(index, text)
        self.account.setItemText(0, self.tr("All accounts"))
        self.language.setItemText(0, self.tr("All languages"))
        self.waiting.setText(self.tr("Waiting for me"))
        self.waiting.setToolTip(
            self.tr("Posts waiting for your approval; for an officer, your rejected posts to correct and submit again")
        )
        self.labels[self.status].setText(self.tr("Status"))
        self.labels[self.account].setText(self.tr("Account"))
        self.labels[self.language].setText(self.tr("Language"))
        self.labels[self.period].setText(self.tr("Period"))
        self.to_label.setText(self.tr("to"))

    def _show_dates(self) -> None:
        custom = self.period.currentData() == when.Period.CUSTOM
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(custom)

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        """Offer ``accounts`` and their languages, keeping what is chosen when it is still there."""
        self._refill(self.account, [(f"{a.name} ({a.platform})", a.id) for a in accounts])
        languages = sorted({a.language for a in accounts})
        self._refill(self.language, [(code, code) for code in languages])

    def _refill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)  # a refill is not the person choosing: no reload
        while box.count() > 1:
            box.removeItem(1)
        for text, data in items:
            box.addItem(text, data)
        found = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)
        if chosen is not None and found < 0:
            self.changed.emit()  # the account chosen is gone: show everything again

    def waiting_only(self) -> bool:
        """Whether only what waits for the person is shown."""
        return self.waiting.isChecked()

    def current(self, today: date, zone: when.Zone) -> QueueFilter:
        """The filter chosen; a custom period runs from the first date to the end of the last."""
        period = when.Period(self.period.currentData())
        start: datetime | None
        end: datetime | None
        if period is when.Period.CUSTOM:
            start, _ = when.utc_range(_day(self.start.date()), 1, zone)
            end, _ = when.utc_range(_day(self.end.date()) + timedelta(days=1), 1, zone)
        else:
            start, end = when.period_range(period, today, zone)
        account = self.account.currentData()
        language = self.language.currentData()
        return QueueFilter(
            statuses=tuple(VariantStatus(s) for s in self.status.currentData() or ()),
            account_ids=() if account is None else (int(account),),
            languages=() if language is None else (str(language),),
            start=start,
            end=end,
        )


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
