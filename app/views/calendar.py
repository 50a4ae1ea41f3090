"""The Calendar screen: a week or a month of variants, one colour per account, rescheduled by dragging.

Rows come from :func:`core.queries.queue.calendar` (the queue's own row shape) in a background
operation. Times are shown on the officer's clock; a drop is turned into the account's wall-clock
time (:mod:`app.models.when`) and scheduled through :func:`core.services.posts.schedule_post` for
that variant's account only. A refusal (a past time, a DST gap) is the service's sentence, shown
in the app's error bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from app.changes import POSTS, Changes
from app.context import AppContext
from app.i18n import Retranslatable
from app.models import when
from app.qt import QDate, QHBoxLayout, QLabel, QLocale, QPushButton, QVBoxLayout, QWidget, Signal
from app.views.base import Page
from app.widgets.calendar_grid import CalendarGrid, account_colour
from app.widgets.reschedule_dialog import RescheduleDialog
from core import queries, timeutil
from core.domain import Account
from core.queries import queue
from core.queries.queue import QueueRow
from core.services import posts

#: What one load brings: the rows of the period and the accounts (for the legend and the zones).
Loaded = tuple[list[QueueRow], list[Account]]


class CalendarPage(Retranslatable, Page):
    """The Calendar screen."""

    key = "calendar"
    shows = Changes(posts=True, accounts=True)

    #: Emitted after each load is on screen (tests wait on it).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self.span = when.Span.WEEK
        self.anchor = self.today()
        self._generation = 0
        self._zones: dict[int, str] = {}
        self._shown: tuple[when.Span, date] | None = None  # the period on screen
        #: Asks for an exact new time for a row: ``(naive local, fold)`` or ``None`` (a test answers it instead).
        self.ask_time: Callable[[QueueRow, str], tuple[datetime, timeutil.FoldChoice | None] | None] = (
            self._ask_time_with_dialog
        )
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self)
        self.today_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.week_button = QPushButton(self)
        self.month_button = QPushButton(self)
        for button, span in ((self.week_button, when.Span.WEEK), (self.month_button, when.Span.MONTH)):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _checked=False, s=span: self.set_span(s))
        self.week_button.setChecked(True)
        self.period_label = QLabel(self)
        self.period_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        for widget in (self.previous_button, self.today_button, self.next_button, self.week_button, self.month_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        self.zone_label = QLabel(self)
        bar.addWidget(self.zone_label)
        layout.addLayout(bar)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.grid = CalendarGrid(self, zone=self.zone)
        self.grid.setToolTip("")  # tooltips come per chip
        self.grid.move_requested.connect(self.move_row)
        self.grid.open_requested.connect(self.reschedule)
        layout.addWidget(self.grid, 1)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #6b7280;")
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.previous_button.setText(self.tr("< Previous"))
        self.today_button.setText(self.tr("Today"))
        self.next_button.setText(self.tr("Next >"))
        self.week_button.setText(self.tr("Week"))
        self.month_button.setText(self.tr("Month"))
        self.zone_label.setText(self.tr("Times are shown on your clock ({0}).").format(when.zone_label(self.zone)))
        self.hint.setText(
            self.tr("Drag a post to another day or hour to reschedule it; double-click it to pick an exact time.")
        )
        if self._shown is not None:
            self.period_label.setText(self._period_text(*self._shown))

    def title(self) -> str:
        """The sidebar's name for the screen."""
        return self.tr("Calendar")

    def today(self) -> date:
        """Today on the officer's clock."""
        return when.officer_time(timeutil.now_utc(), self.zone).date()

    # --- navigation ---------------------------------------------------------------------------

    def set_span(self, span: when.Span) -> None:
        """Show a week or a month around the current day."""
        self.span = span
        (self.week_button if span is when.Span.WEEK else self.month_button).setChecked(True)
        self.refresh()

    def step(self, steps: int) -> None:
        """Go ``steps`` weeks or months forward (negative: back)."""
        self.anchor = when.shift(self.span, self.anchor, steps)
        self.refresh()

    def go_today(self) -> None:
        """Go back to the period of today."""
        self.anchor = self.today()
        self.refresh()

    def show_day(self, day: date, span: when.Span) -> None:
        """Show the week or month of ``day``."""
        self.anchor, self.span = day, span
        (self.week_button if span is when.Span.WEEK else self.month_button).setChecked(True)
        self.refresh()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the variants of the period on screen, in the background."""
        self._generation += 1
        generation, span, anchor, store = self._generation, self.span, self.anchor, self.ctx.store
        first_day, days = when.span_days(span, anchor)
        start, end = when.utc_range(first_day, days, self.zone)

        def _load(_progress: object) -> Loaded:
            return queue.calendar(store, start, end), queries.list_accounts(store)

        self.ctx.op(_load).success(lambda found: self._show(generation, span, anchor, found)).run()

    def _show(self, generation: int, span: when.Span, anchor: date, found: Loaded) -> None:
        if generation != self._generation:  # the person moved on meanwhile
            return
        rows, accounts = found
        self._zones = {a.id: a.timezone for a in accounts}
        self.grid.set_period(span, anchor, self.today())
        self.grid.set_rows(rows)
        self._shown = (span, anchor)
        self.period_label.setText(self._period_text(span, anchor))
        self.legend.setText(
            "  ".join(
                f'<span style="color: {account_colour(a.id).darker(130).name()}">&#9632;</span> {a.name}'
                for a in accounts
            )
        )
        self.loaded.emit()

    def _period_text(self, span: when.Span, anchor: date) -> str:
        locale = QLocale()
        if span is when.Span.MONTH:
            return locale.toString(QDate(anchor.year, anchor.month, 1), "MMMM yyyy")
        first, days = when.span_days(span, anchor)
        last = first + timedelta(days=days - 1)
        return self.tr("{0} to {1}").format(
            locale.toString(QDate(first.year, first.month, first.day), "d MMM"),
            locale.toString(QDate(last.year, last.month, last.day), "d MMM yyyy"),
        )

    # --- rescheduling -------------------------------------------------------------------------

    def zone_of(self, row: QueueRow) -> str:
        """The zone ``row`` is scheduled in (else its account's)."""
        return row.schedule_zone or self._zones.get(row.account_id, "UTC")

    def move_row(self, row: QueueRow, day: date, hour: int | None) -> None:
        """Schedule ``row`` on ``day`` (at ``hour`` on the officer's clock, in a week)."""
        zone_name = self.zone_of(row)
        fold: timeutil.FoldChoice | None = None
        if hour is None:
            local = when.moved_to_day(row, zone_name, day, self.zone)
        else:
            local, fold = when.moved_to_slot(row, zone_name, day, hour, self.zone)
        self._schedule(row, local, fold)

    def reschedule(self, row: QueueRow) -> None:
        """Ask for an exact new time for ``row`` on its account's clock, then schedule it."""
        if not self.grid.movable(row):
            return
        chosen = self.ask_time(row, self.zone_of(row))
        if chosen is not None:
            self._schedule(row, *chosen)

    def _schedule(self, row: QueueRow, local: datetime, fold: timeutil.FoldChoice | None) -> None:
        store, post_id, account = self.ctx.store, row.post_id, row.account_name
        self.ctx.op(
            lambda _progress: posts.schedule_post(store, post_id, local, fold=fold, accounts=[account]),
            changes=POSTS,
            initiator=self,
        ).success(lambda _post: self.refresh()).failure(self._refused).run()

    def _refused(self, sentence: str) -> None:
        self.ctx.hub.error.emit(sentence)
        self.refresh()  # the chip goes back where it is

    def _ask_time_with_dialog(
        self, row: QueueRow, zone_name: str
    ) -> tuple[datetime, timeutil.FoldChoice | None] | None:
        initial = when.account_local(row, zone_name)
        assert initial is not None  # the calendar shows only variants with a time
        dialog = RescheduleDialog(row.account_name, zone_name, initial, officer_zone=self.zone, parent=self)
        if dialog.exec() != RescheduleDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
