"""Pick a new time for one variant, on its account's clock, with the officer's own time beside it.

The time is entered as the account's wall clock ("09:00 in Tokyo"), exactly as the scheduling
service reads it. A time in a DST gap is refused with the service's own sentence; a time that
happens twice asks which of the two is meant. The dialog only chooses: the page schedules.
"""

from __future__ import annotations

from datetime import datetime

from app.i18n import Retranslatable, error_sentence
from app.models import when
from app.qt import (
    QComboBox,
    QDate,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QtCore,
    QTime,
    QVBoxLayout,
    QWidget,
)
from core import timeutil
from core.errors import UserError

#: The edit's own zone is UTC so that Qt never shifts a wall-clock time that the system zone lacks.
_CARRIER = QtCore.QTimeZone.utc()


class RescheduleDialog(Retranslatable, QDialog):
    """Choose a date and time in ``zone_name``; :meth:`chosen` gives it once accepted."""

    def __init__(
        self,
        account_name: str,
        zone_name: str,
        initial: datetime,
        *,
        officer_zone: when.Zone = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account_name = account_name
        self.zone_name = zone_name
        self.officer_zone = officer_zone
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.edit = QDateTimeEdit(self)
        self.edit.setTimeZone(_CARRIER)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_local(initial)
        self.edit_label = QLabel(self)
        form.addRow(self.edit_label, self.edit)
        self.officer_label = QLabel(self)
        self.officer_title = QLabel(self)
        form.addRow(self.officer_title, self.officer_label)
        self.fold_label = QLabel(self)
        self.fold_box = QComboBox(self)
        self.fold_box.addItem("", None)  # a fold is never guessed: the officer picks
        self.fold_box.addItem("", timeutil.FoldChoice.EARLIER)
        self.fold_box.addItem("", timeutil.FoldChoice.LATER)
        form.addRow(self.fold_label, self.fold_box)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.dateTimeChanged.connect(self._update)
        self.fold_box.currentIndexChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); the time chosen stays."""
        self.setWindowTitle(self.tr("Reschedule"))
        self.intro.setText(
            self.tr("New time for {0}, on the account's clock ({1}):").format(self.account_name, self.zone_name)
        )
        self.edit_label.setText(self.tr("Time in {0}").format(self.zone_name))
        self.officer_title.setText(self.tr("Your time"))
        self.fold_label.setText(self.tr("Which one"))
        self.fold_box.setItemText(0, self.tr("Choose..."))
        self.fold_box.setItemText(1, self.tr("The earlier one (before the clocks go back)"))
        self.fold_box.setItemText(2, self.tr("The later one (after the clocks go back)"))
        self._show_times()

    def set_local(self, local: datetime) -> None:
        """Show the naive wall-clock time ``local``."""
        self.edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), _CARRIER)
        )

    def local(self) -> datetime:
        """The naive wall-clock time entered."""
        value = self.edit.dateTime()
        day, clock = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())

    def fold(self) -> timeutil.FoldChoice | None:
        """Which of two identical times is meant (``None`` unless the time happens twice)."""
        if not when.is_ambiguous(self.local(), self.zone_name):
            return None
        choice = self.fold_box.currentData()
        return None if choice is None else timeutil.FoldChoice(choice)

    def chosen(self) -> tuple[datetime, timeutil.FoldChoice | None]:
        """The time entered and the fold choice, for ``schedule_post``."""
        return self.local(), self.fold()

    def _update(self) -> None:
        self.message.clear()
        self._show_times()

    def _show_times(self) -> None:
        ambiguous = when.is_ambiguous(self.local(), self.zone_name)
        self.fold_label.setVisible(ambiguous)
        self.fold_box.setVisible(ambiguous)
        try:
            instant = timeutil.local_to_utc(self.local(), self.zone_name, self.fold())
        except UserError:
            text = (
                self.tr("(choose which one)") if ambiguous else self.tr("(no such time in {0})").format(self.zone_name)
            )
            self.officer_label.setText(text)
            return
        self.officer_label.setText(when.stamp(instant, zone=self.officer_zone))

    def accept(self) -> None:
        """Close only on a time that exists on the account's clock (the service checks the rest)."""
        try:
            timeutil.local_to_utc(self.local(), self.zone_name, self.fold())
        except UserError as error:
            self.message.setText(error_sentence(error))
            return
        super().accept()
