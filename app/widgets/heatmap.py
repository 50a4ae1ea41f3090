"""An hour-by-weekday heatmap: 7 rows (Monday first) of 24 hours, darker where posts did better.

Painted by hand from the view model's :class:`app.viewmodels.engagement.Heat`: a cell with no
post is left pale grey, the advised cells are outlined, and hovering a cell says how many posts it
rests on.
"""

from __future__ import annotations

from app.qt import QColor, QEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QRect, QSize, Qt, QWidget
from app.viewmodels.engagement import Heat

_EMPTY = QColor("#f3f4f6")
_LOW = QColor("#dbeafe")
_HIGH = QColor("#1e3a8a")
_BEST = QColor("#f59e0b")


def _blend(level: float) -> QColor:
    level = min(max(level, 0.0), 1.0)
    return QColor(
        round(_LOW.red() + (_HIGH.red() - _LOW.red()) * level),
        round(_LOW.green() + (_HIGH.green() - _LOW.green()) * level),
        round(_LOW.blue() + (_HIGH.blue() - _LOW.blue()) * level),
    )


class Heatmap(QWidget):
    """The painted grid; :meth:`show_heat` gives it cells to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heat: Heat | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(420, 150))
        self._days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        self.retranslate()

    def retranslate(self) -> None:
        """The weekdays' short names in the interface language."""
        self._days = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        self.update()

    def day_name(self, weekday: int) -> str:
        """The short name of ``weekday`` (0 = Monday) in the interface language."""
        return self._days[weekday]

    def show_heat(self, heat: Heat | None) -> None:
        """Draw ``heat`` (``None``: an empty grid)."""
        self.heat = heat
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for 24 columns of readable cells."""
        return QSize(640, 190)

    def _geometry(self) -> tuple[int, int, float, float]:
        left = self.fontMetrics().horizontalAdvance("Wed") + 12
        top = self.fontMetrics().height() + 4
        width = max(self.width() - left - 4, 24) / 24
        height = max(self.height() - top - 4, 7) / 7
        return left, top, width, height

    def cell_rect(self, weekday: int, hour: int) -> QRect:
        """Where the cell of ``weekday`` (0 = Monday) and ``hour`` is drawn."""
        left, top, width, height = self._geometry()
        x, y = left + hour * width, top + weekday * height
        right, bottom = round(x + width) - 1, round(y + height) - 1
        return QRect(round(x), round(y), max(right - round(x), 1), max(bottom - round(y), 1))

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The ``(weekday, hour)`` under a point, if any."""
        left, top, width, height = self._geometry()
        hour, weekday = int((x - left) // width), int((y - top) // height)
        return (weekday, hour) if 0 <= hour < 24 and 0 <= weekday < 7 and x >= left and y >= top else None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Draw the hours, the weekdays and the cells."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        left, top, width, _height = self._geometry()
        painter.setPen(self.palette().color(self.foregroundRole()))
        for hour in range(0, 24, 3):
            painter.drawText(
                QRect(round(left + hour * width), 0, round(width * 3), top), Qt.AlignmentFlag.AlignLeft, f"{hour:02d}"
            )
        for weekday, name in enumerate(self._days):
            rect = self.cell_rect(weekday, 0)
            painter.drawText(QRect(0, rect.top(), left - 6, rect.height()), Qt.AlignmentFlag.AlignVCenter, name)
        heat = self.heat
        for weekday in range(7):
            for hour in range(24):
                level = heat.levels.get((weekday, hour)) if heat else None
                painter.fillRect(self.cell_rect(weekday, hour), _EMPTY if level is None else _blend(level))
        if heat is not None:
            painter.setPen(QPen(_BEST, 2))
            for weekday, hour in heat.best:
                painter.drawRect(self.cell_rect(weekday, hour).adjusted(1, 1, -1, -1))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Say what the cell under the pointer rests on."""
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is None or self.heat is None:
            self.setToolTip("")
            return
        weekday, hour = cell
        self.setToolTip(
            self.tr("{0} {1}:00: {2} posts").format(self._days[weekday], f"{hour:02d}", self.heat.posts.get(cell, 0))
        )

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """No tool tip once the pointer left."""
        self.setToolTip("")
        super().leaveEvent(event)
