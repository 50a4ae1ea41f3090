"""The one doorway to Qt: widgets import Qt names from here, never from PySide6 directly.

Keeping every Qt import in one module makes a Qt upgrade (or a binding switch) one edit.
"""

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView",
    "QAction",
    "QApplication",
    "QCloseEvent",
    "QHeaderView",
    "QIcon",
    "QKeySequence",
    "QLabel",
    "QMainWindow",
    "QMessageBox",
    "QObject",
    "QSize",
    "QStandardItem",
    "QStandardItemModel",
    "QStatusBar",
    "QTableView",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
]
