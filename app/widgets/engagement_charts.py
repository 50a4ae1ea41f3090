"""The Engagement screen's charts (QtCharts): gained per day, a bar per group, a variant's history.

Each chart takes the view model's points and redraws itself; none reads the store.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from app.qt import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QDate,
    QDateTime,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPainter,
    QPen,
    Qt,
    QtCore,
    QTime,
    QValueAxis,
    QWidget,
)

#: The series' colours, one per metric of a history (and the daily line).
PALETTE = ("#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # a refresh must not flicker
    chart.setMargins(QtCore.QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.setBackgroundRoundness(4)
    return chart


def _epoch_ms(moment: datetime) -> float:
    return moment.timestamp() * 1000.0


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top * 1.1, 1.0))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    return axis


class ChartView(QChartView):
    """A chart view that keeps its chart's points for tests and screenshots to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(180)
        self.points: list[tuple[object, int]] = []
        self.setChart(_chart(""))

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


class DailyChart(ChartView):
    """Engagements gained per day over the period (a line with its points)."""

    def show_points(self, points: Sequence[tuple[date, int]], title: str) -> None:
        """Draw ``(day, engagements gained)``, oldest first."""
        self.points = list(points)
        chart = _chart(title)
        line = QLineSeries()
        line.setPen(QPen(QColor(PALETTE[0]), 2))
        line.setPointsVisible(len(points) <= 45)
        for day, value in points:
            line.append(float(_qt_datetime(day, 12).toMSecsSinceEpoch()), value)
        chart.addSeries(line)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MMM d")
        if points:
            first, last = points[0][0], points[-1][0]
            axis_x.setRange(_qt_datetime(first, 0), _qt_datetime(last, 23))
        axis_x.setTickCount(min(max(len(points), 2), 8))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        axis_y = _value_axis(max((v for _d, v in points), default=0))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
        self._replace(chart)


class BarChart(ChartView):
    """One horizontal bar per group (an account, a language), largest on top."""

    def show_points(self, points: Sequence[tuple[str, int]], title: str, label: str) -> None:
        """Draw ``(group label, engagements)``, largest first; ``label`` names the bars' measure."""
        self.points = list(points)
        chart = _chart(title)
        bars = QBarSet(label)
        bars.setColor(QColor(PALETTE[1]))
        shown = list(reversed(points))  # a horizontal chart draws its first category at the bottom
        for _name, value in shown:
            bars.append(value)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([_short(name) for name, _v in shown])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        axis_x = _value_axis(max((v for _n, v in points), default=0))
        axis_x.setTickCount(3)  # a narrow chart: few labels, none overlapping
        axis_x.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        self._replace(chart)


class HistoryChart(ChartView):
    """A variant's figures over time, one line per metric; the large one (impressions) on its own axis."""

    def show_lines(
        self,
        lines: Sequence[tuple[str, Sequence[tuple[datetime, int]]]],
        title: str,
        *,
        right: Collection[str] = (),
    ) -> None:
        """Draw each ``(metric name, [(read at, value)])``; the names in ``right`` against a right-hand axis."""
        self.points = [(name, len(points)) for name, points in lines]
        chart = _chart(title)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MMM d HH:mm")
        axis_x.setTickCount(5)
        moments = [moment for _n, points in lines for moment, _v in points]
        if moments:
            axis_x.setRange(_qt_instant(min(moments)), _qt_instant(max(moments)))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        axes = {}
        for side, alignment in ((False, Qt.AlignmentFlag.AlignLeft), (True, Qt.AlignmentFlag.AlignRight)):
            values = [v for name, points in lines if (name in right) is side for _m, v in points]
            if values or not side:
                axes[side] = _value_axis(max(values, default=0))
                chart.addAxis(axes[side], alignment)
        for colour, (name, points) in zip(PALETTE, lines, strict=False):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(QColor(colour), 2))
            for moment, value in points:
                line.append(_epoch_ms(moment), value)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axes[name in right])
        self._replace(chart)


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _qt_datetime(day: date, hour: int) -> QDateTime:
    """``hour`` o'clock on ``day`` on the computer's clock, the one a date-time axis labels in."""
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _qt_instant(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(_epoch_ms(moment)))
