"""One variant's time on its account's wall clock, the officer's own time beside it, and its actions.

The date-time field holds a naive wall-clock time (it is kept in UTC inside Qt only so that the
officer's own zone never shifts it: 02:30 exists in Tokyo even on the night Berlin skips it).
What the time is in the account's zone (once, twice, never) comes from
:func:`app.viewmodels.schedule.read_wall_clock`.
"""

from __future__ import annotations

from datetime import datetime

from app.i18n import localized
from app.qt import (
    QComboBox,
    QDate,
    QDateTime,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QtCore,
    QTime,
    QWidget,
    Signal,
)
from app.viewmodels.schedule import ClockState, SlotHint, WallClock, officer_time, read_wall_clock
from core.timeutil import FoldChoice

_FLOATING = QtCore.QTimeZone(QtCore.QTimeZone.Initialization.UTC)


def to_qt(local: datetime) -> QDateTime:
    """A naive wall-clock time as the field holds it."""
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), _FLOATING)


def from_qt(value: QDateTime) -> datetime:
    """The field's value as a naive wall-clock time."""
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class ScheduleEditor(QWidget):
    """When one variant goes out; "Next free slot", "Publish now" and a repeat rule."""

    #: The time or the fold choice changed.
    changed = Signal()
    next_slot_requested = Signal()
    publish_requested = Signal()
    #: The RFC 5545 rule typed.
    repeat_requested = Signal(str)

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.when_label = QLabel(self)
        self.when = QDateTimeEdit(self)
        self.when.setTimeZone(_FLOATING)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.dateTimeChanged.connect(self._on_changed)
        self.officer = QLabel(self)
        self.officer.setStyleSheet("color: #6b7280;")
        self.fold = QComboBox(self)
        self.fold.addItem("", FoldChoice.EARLIER.value)
        self.fold.addItem("", FoldChoice.LATER.value)
        self.fold.setCurrentIndex(-1)
        self.fold.currentIndexChanged.connect(self._on_changed)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.next_slot_button = QPushButton(self)
        self.next_slot_button.clicked.connect(self.next_slot_requested)
        #: Why "Next free slot" chose its time (best-time advice or its absence), while that time is shown.
        self.slot_hint = QLabel(self)
        self.slot_hint.setWordWrap(True)
        self.slot_hint.setStyleSheet("color: #6b7280;")
        self.slot_hint.hide()
        self._hint: SlotHint | None = None
        self.publish_button = QPushButton(self)
        self.publish_button.clicked.connect(self.publish_requested)
        self.rule = QLineEdit(self)
        self.rule.setPlaceholderText("FREQ=WEEKLY;BYDAY=MO")
        self.repeat_button = QPushButton(self)
        self.repeat_button.clicked.connect(lambda: self.repeat_requested.emit(self.rule.text()))
        grid.addWidget(self.when_label, 0, 0)
        grid.addWidget(self.when, 0, 1)
        grid.addWidget(self.officer, 0, 2)
        grid.addWidget(self.fold, 1, 1)
        grid.addWidget(self.problem, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_slot_button)
        buttons.addWidget(self.slot_hint, 1)  # beside the button; takes the room only while shown
        buttons.addWidget(self.publish_button)
        buttons.addStretch(0)
        grid.addLayout(buttons, 2, 0, 1, 3)
        repeat = QHBoxLayout()
        repeat.addWidget(self.rule, 1)
        repeat.addWidget(self.repeat_button)
        grid.addLayout(repeat, 3, 0, 1, 3)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.when_label.setText(self.tr("Time in {0}").format(self.zone))
        self.fold.setItemText(0, self.tr("the earlier one"))
        self.fold.setItemText(1, self.tr("the later one"))
        self.next_slot_button.setText(self.tr("Next free slot"))
        self.next_slot_button.setToolTip(self.tr("Put the account's next free posting slot in the field"))
        self.publish_button.setText(self.tr("Publish now"))
        self.rule.setToolTip(self.tr("A repeat rule (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=MO for every Monday"))
        self.repeat_button.setText(self.tr("Repeat"))
        self._show_clock()

    # --- value ------------------------------------------------------------------------------------

    def set_local(self, local: datetime | SlotHint) -> None:
        """Show ``local`` (the account's wall clock).

        A :class:`SlotHint` (what "Next free slot" found) shows its reason beside the button until
        the time is changed by hand; a plain time clears it.
        """
        self._hint = local if isinstance(local, SlotHint) else None
        self.when.setDateTime(to_qt(local.local if isinstance(local, SlotHint) else local))
        self._show_hint()

    def hint(self) -> SlotHint | None:
        """The suggestion shown with its reason, if the time is still the one suggested."""
        return self._hint

    def _show_hint(self) -> None:
        hint = self._hint
        self.slot_hint.setText(localized(hint.reason) if hint else "")
        self.slot_hint.setVisible(hint is not None and bool(hint.reason))

    def local(self) -> datetime:
        """The wall-clock time chosen."""
        return from_qt(self.when.dateTime())

    def fold_choice(self) -> FoldChoice | None:
        """The person's choice in a fold, if they made one."""
        return self._fold_value() if self.wall_clock().state is ClockState.FOLD else None

    def wall_clock(self) -> WallClock:
        """What the chosen time is in the account's zone."""
        return read_wall_clock(self.local(), self.zone, self._fold_value())

    def _fold_value(self) -> FoldChoice | None:
        value = self.fold.currentData()
        return FoldChoice(value) if value else None

    def set_actions_enabled(self, enabled: bool, reason: str = "") -> None:
        """Allow or block "Publish now" and "Repeat" (the reason shows as their tool tip)."""
        for button in (self.publish_button, self.repeat_button):
            button.setEnabled(enabled)
        self.publish_button.setToolTip(reason or self.tr("Publish this variant now"))
        self.repeat_button.setToolTip(reason or self.tr("Repeat this variant by the rule"))

    # --- display ----------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        if self._hint is not None and self.local() != self._hint.local:
            self._hint = None  # moved by hand: the reason no longer describes the time
            self._show_hint()
        self._show_clock()
        self.changed.emit()

    def _show_clock(self) -> None:
        clock = self.wall_clock()
        self.fold.setVisible(clock.state is ClockState.FOLD)
        if clock.state is not ClockState.FOLD:
            self.fold.blockSignals(True)
            self.fold.setCurrentIndex(-1)
            self.fold.blockSignals(False)
        self.problem.setText(localized(clock.sentence))
        self.problem.setVisible(bool(clock.sentence))
        if clock.instant is not None:
            mine = officer_time(clock.instant)
            self.officer.setText(self.tr("{0} your time ({1})").format(mine.strftime("%Y-%m-%d %H:%M"), mine.tzname()))
        elif clock.state is ClockState.FOLD and clock.earlier is not None and clock.later is not None:
            first, second = officer_time(clock.earlier), officer_time(clock.later)
            self.officer.setText(
                self.tr("{0} or {1} your time").format(first.strftime("%H:%M"), second.strftime("%H:%M"))
            )
        else:
            self.officer.setText("")
