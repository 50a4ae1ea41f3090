"""A painted week or month of variants, one colour per account, that a variant can be dragged across.

The week is seven columns of 24 hour slots; the month six weeks of day cells. Times are the
officer's own clock (the page says so). A drag is done with plain mouse events, not a
platform drag-and-drop, so it behaves the same everywhere (and in an offscreen test): releasing
over a cell calls :meth:`CalendarGrid.drop`, which emits ``move_requested`` for the page to act on.
Its words are painted (and its tooltips worded) when needed, so a switch of language, which
repaints every widget, needs nothing more here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from app.models import when
from app.models.queue_model import status_label
from app.qt import (
    QApplication,
    QColor,
    QEvent,
    QFont,
    QLocale,
    QPainter,
    QPen,
    QPoint,
    QRect,
    Qt,
    QtGui,
    QtWidgets,
    QWidget,
    Signal,
)
from core.domain import VariantStatus
from core.queries.queue import QueueRow
from scheduler.display import Action, actions_for

HEADER = 26  # the row of day names
GUTTER = 46  # the hour labels of the week
DAY_LINE = 18  # the day number at the top of a month cell
CHIP = 18  # one variant's height in a month cell

_PROBLEM = QColor("#b91c1c")


def account_colour(account_id: int) -> QColor:
    """A stable colour for an account: the golden angle spreads neighbouring ids far apart."""
    return QColor.fromHsv(int(account_id * 137.508) % 360, 90, 235)


class CalendarGrid(QWidget):
    """Week or month of :class:`QueueRow` chips; emits ``move_requested(row, day, hour)`` on a drop."""

    #: ``(QueueRow, date, hour or None)``: the person dropped a variant on that day (and hour, in a week).
    move_requested = Signal(object, object, object)
    #: A variant double-clicked.
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.span = when.Span.WEEK
        self.today = date.today()
        self.first_day, self.days = when.span_days(self.span, self.today)
        self.month = self.today.month
        self.rows: list[QueueRow] = []
        self._chips: list[tuple[QRect, QueueRow]] = []
        self._more: dict[int, int] = {}  # month cell -> variants that did not fit
        self._press: tuple[QPoint, QueueRow] | None = None
        self._drag_at: QPoint | None = None
        self.setMinimumSize(560, 420)

    # --- what is shown ------------------------------------------------------------------------

    def set_period(self, span: when.Span, anchor: date, today: date) -> None:
        """Show the week or month around ``anchor`` (``today`` is marked)."""
        self.span, self.today, self.month = span, today, anchor.month
        self.first_day, self.days = when.span_days(span, anchor)
        self._layout()

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        """Show ``rows`` (those outside the period are left out)."""
        self.rows = [r for r in rows if r.at is not None]
        self._layout()

    def day_of(self, row: QueueRow) -> tuple[int, int] | None:
        """``(day index, hour)`` of ``row`` on the officer's clock, or ``None`` outside the period."""
        if row.at is None:
            return None
        local = when.officer_time(row.at, self.zone)
        index = (local.date() - self.first_day).days
        return (index, local.hour) if 0 <= index < self.days else None

    def cell_of(self, variant_id: int) -> tuple[date, int | None] | None:
        """Where the chip of ``variant_id`` is drawn (``None`` when it is not drawn)."""
        rect = self.chip_rect(variant_id)
        return None if rect is None else self.target_at(rect.center())

    def chip_rect(self, variant_id: int) -> QRect | None:
        """The rectangle of the chip of ``variant_id``, if it is drawn."""
        return next((QRect(rect) for rect, row in self._chips if row.variant_id == variant_id), None)

    def chip_at(self, point: QPoint) -> QueueRow | None:
        """The variant drawn under ``point``."""
        return next((row for rect, row in reversed(self._chips) if rect.contains(point)), None)

    # --- geometry -----------------------------------------------------------------------------

    def _left(self) -> int:
        return GUTTER if self.span is when.Span.WEEK else 0

    def _column_width(self) -> float:
        return (self.width() - self._left()) / 7

    def _row_height(self) -> float:
        rows = 24 if self.span is when.Span.WEEK else self.days // 7
        return (self.height() - HEADER) / rows

    def cell_rect(self, index: int, hour: int | None = None) -> QRect:
        """The rectangle of day ``index`` (a week: of its ``hour`` slot; a month: of its cell)."""
        width, height = self._column_width(), self._row_height()
        column = index % 7
        line = hour if self.span is when.Span.WEEK and hour is not None else index // 7
        x = self._left() + round(column * width)
        y = HEADER + round(line * height)
        return QRect(x, y, round((column + 1) * width) - round(column * width), round(height))

    def target_at(self, point: QPoint) -> tuple[date, int | None] | None:
        """The day (and hour, in a week) under ``point``; ``None`` over the headers."""
        if point.x() < self._left() or point.y() < HEADER or point.x() >= self.width() or point.y() >= self.height():
            return None
        column = min(int((point.x() - self._left()) / self._column_width()), 6)
        line = int((point.y() - HEADER) / self._row_height())
        if self.span is when.Span.WEEK:
            return self.first_day + timedelta(days=column), min(line, 23)
        return self.first_day + timedelta(days=min(line * 7 + column, self.days - 1)), None

    def _layout(self) -> None:
        self._chips, self._more = [], {}
        groups: dict[tuple[int, int], list[QueueRow]] = defaultdict(list)
        for row in self.rows:
            place = self.day_of(row)
            if place is not None:
                index, hour = place
                groups[(index, hour if self.span is when.Span.WEEK else 0)].append(row)
        if self.span is when.Span.WEEK:
            for (index, hour), found in groups.items():
                slot = self.cell_rect(index, hour).adjusted(2, 1, -2, -1)
                width = slot.width() / len(found)
                for n, row in enumerate(found):
                    self._chips.append(
                        (QRect(slot.x() + round(n * width), slot.y(), round(width) - 1, slot.height()), row)
                    )
        else:
            for (index, _hour), found in groups.items():
                cell = self.cell_rect(index)
                room = max((cell.height() - DAY_LINE) // CHIP, 1)
                shown = found if len(found) <= room else found[: room - 1]
                for n, row in enumerate(shown):
                    top = cell.y() + DAY_LINE + n * CHIP
                    self._chips.append((QRect(cell.x() + 2, top, cell.width() - 4, CHIP - 2), row))
                if len(shown) < len(found):
                    self._more[index] = len(found) - len(shown)
        self.update()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Lay the chips out again for the new size."""
        super().resizeEvent(event)
        self._layout()

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Grid, day names, hours, chips, and the drag's target."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        self._paint_grid(painter)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        painter.setFont(small)
        for rect, row in self._chips:
            self._paint_chip(painter, rect, row)
        for index, hidden in self._more.items():
            cell = self.cell_rect(index)
            painter.setPen(palette.text().color())
            painter.drawText(
                cell.adjusted(4, 0, -4, -2),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                self.tr("+{0} more").format(hidden),
            )
        self._paint_drag(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        palette = self.palette()
        lines = QPen(palette.mid().color())
        week = self.span is when.Span.WEEK
        for index in range(self.days):
            day = self.first_day + timedelta(days=index)
            area = self.cell_rect(index, 0).united(self.cell_rect(index, 23)) if week else self.cell_rect(index)
            if day == self.today:
                painter.fillRect(area, QColor("#fef9c3"))
            elif not week and day.month != self.month:
                painter.fillRect(area, palette.alternateBase())
            painter.setPen(lines)
            if week:
                for hour in range(24):
                    painter.drawRect(self.cell_rect(index, hour))
            else:
                painter.drawRect(area)
                painter.setPen(palette.text().color())
                painter.drawText(area.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, str(day.day))
        locale = QLocale()  # the default follows the interface's language (a widget's own stays as it was made)
        painter.setPen(palette.text().color())
        for column in range(7):
            day = self.first_day + timedelta(days=column)
            head = self.cell_rect(column, 0)
            name = locale.dayName(day.isoweekday(), locale.FormatType.ShortFormat)
            label = f"{name} {day.day}" if week else name
            painter.drawText(QRect(head.x(), 0, head.width(), HEADER), Qt.AlignmentFlag.AlignCenter, label)
        if week:
            for hour in range(24):
                slot = self.cell_rect(0, hour)
                painter.drawText(
                    QRect(0, slot.y(), GUTTER - 4, slot.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{hour:02d}:00",
                )

    def _paint_chip(self, painter: QPainter, rect: QRect, row: QueueRow, *, ghost: bool = False) -> None:
        colour = account_colour(row.account_id)
        if ghost:
            colour.setAlpha(170)
        problem = row.status in (VariantStatus.FAILED, VariantStatus.MISSED)
        painter.setPen(QPen(_PROBLEM, 2) if problem else QPen(colour.darker(140)))
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("#111827"))
        assert row.at is not None
        text = f"{when.officer_time(row.at, self.zone):%H:%M} {row.account_name}"
        if row.status is VariantStatus.PUBLISHED:
            text = "✓ " + text
        elif problem:
            text = "! " + text
        metrics = painter.fontMetrics()
        inner = rect.adjusted(3, 0, -2, 0)
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
        )

    def _paint_drag(self, painter: QPainter) -> None:
        if self._press is None or self._drag_at is None:
            return
        target = self.target_at(self._drag_at)
        if target is not None:
            day, hour = target
            painter.fillRect(self.cell_rect((day - self.first_day).days, hour), QColor(37, 99, 235, 60))
        size = self.chip_rect(self._press[1].variant_id) or QRect(0, 0, 120, CHIP - 2)
        ghost = QRect(self._drag_at.x() - 8, self._drag_at.y() - size.height() // 2, size.width(), size.height())
        self._paint_chip(painter, ghost, self._press[1], ghost=True)

    # --- the mouse ----------------------------------------------------------------------------

    def movable(self, row: QueueRow) -> bool:
        """Whether ``row`` may be dragged (the scheduler's rule, not the grid's)."""
        return Action.RESCHEDULE in actions_for(row.status, row.last_error_class, row.remote_url)

    def drop(self, variant_id: int, day: date, hour: int | None = None) -> bool:
        """Ask to move ``variant_id`` to ``day`` (and ``hour`` in a week); False when it cannot move there."""
        row = next((r for r in self.rows if r.variant_id == variant_id), None)
        if row is None or not self.movable(row) or (self.span is when.Span.WEEK and hour is None):
            return False
        place = self.day_of(row)
        if place is not None:
            index, current_hour = place
            if self.first_day + timedelta(days=index) == day and (hour is None or hour == current_hour):
                return False  # dropped where it already is
        self.move_requested.emit(row, day, hour if self.span is when.Span.WEEK else None)
        return True

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Pick up a movable chip."""
        row = self.chip_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and row is not None and self.movable(row):
            self._press = (event.position().toPoint(), row)
            self._drag_at = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Follow the mouse once it moved far enough to be a drag, not a click."""
        point = event.position().toPoint()
        if self._press is not None and (
            self._drag_at is not None or (point - self._press[0]).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._drag_at = point
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Drop the chip on the cell under the mouse."""
        pressed, dragged = self._press, self._drag_at
        self._press = self._drag_at = None
        self.update()
        if pressed is not None and dragged is not None:
            target = self.target_at(event.position().toPoint())
            if target is not None:
                self.drop(pressed[1].variant_id, *target)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Open a variant (the page offers to reschedule it precisely)."""
        row = self.chip_at(event.position().toPoint())
        if row is not None:
            self.open_requested.emit(row)
        super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tooltips: the variant under the mouse, on both clocks."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            row = self.chip_at(event.pos())
            if row is None:
                QtWidgets.QToolTip.hideText()
            else:
                QtWidgets.QToolTip.showText(event.globalPos(), self.tooltip(row), self)
            return True
        return super().event(event)

    def tooltip(self, row: QueueRow) -> str:
        """The tooltip of ``row``'s chip."""
        zone_name = row.schedule_zone
        lines = [
            self.tr("{0} ({1}), {2}: {3}").format(
                row.account_name, row.platform, row.language, status_label(row.status)
            ),
            self.tr("Your time: {0}").format(when.stamp(row.at, zone=self.zone)),
        ]
        if zone_name:
            lines.append(self.tr("Account's time: {0}").format(when.stamp(row.at, zone_name)))
        lines.append(" ".join(row.summary.split()))
        return "\n".join(lines)
