"""A row of figures (posts, reactions, ... engagement rate), each with its change against the previous period."""

from __future__ import annotations

from collections.abc import Sequence

from app.qt import QFrame, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget
from app.viewmodels.engagement import TILE_KEYS, Tile, Trend

_TREND_COLOURS = {Trend.UP: "#15803d", Trend.DOWN: "#b91c1c", Trend.NEW: "#1d4ed8"}


class _TileWidget(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("_TileWidget { background: palette(base); border-radius: 4px; }")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(1)
        self.title = QLabel(self)
        self.title.setStyleSheet("color: #6b7280;")
        self.value = QLabel(self)
        self.value.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.growth = QLabel(self)
        for label in (self.title, self.value, self.growth):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            column.addWidget(label)


class SummaryStrip(QWidget):
    """The summary tiles; :meth:`show_tiles` fills them from the view model's :class:`Tile` list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.tiles = {key: _TileWidget(self) for key in TILE_KEYS}
        for tile in self.tiles.values():
            row.addWidget(tile, 1)
        self._shown: list[Tile] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        titles = {
            "posts": self.tr("Posts"),
            "reactions": self.tr("Reactions"),
            "shares": self.tr("Shares"),
            "replies": self.tr("Replies"),
            "impressions": self.tr("Impressions"),
            "clicks": self.tr("Clicks"),
            "rate": self.tr("Engagement rate"),
        }
        for key, tile in self.tiles.items():
            tile.title.setText(titles[key])
        self.show_tiles(self._shown)

    def show_tiles(self, tiles: Sequence[Tile]) -> None:
        """Show each figure, and its change against the previous period."""
        self._shown = list(tiles)
        for tile in tiles:
            widget = self.tiles[tile.key]
            widget.value.setText(tile.value or "–")
            widget.growth.setText(self._growth(tile))
            colour = _TREND_COLOURS.get(tile.trend, "#6b7280")
            widget.growth.setStyleSheet(f"color: {colour};")
            widget.setToolTip(self.tr("Previous period: {0}").format(tile.previous or "–"))

    def _growth(self, tile: Tile) -> str:
        if tile.trend is Trend.NEW:
            return self.tr("new this period")
        if tile.trend is Trend.UNKNOWN or not tile.growth:
            return self.tr("no comparison") if tile.trend is Trend.UNKNOWN else self.tr("unchanged")
        arrow = "▲" if tile.trend is Trend.UP else "▼" if tile.trend is Trend.DOWN else "="
        return self.tr("{0} {1} vs previous").format(arrow, tile.growth)
