"""The screens of the main window, in sidebar order (Ctrl+1 opens the first, Ctrl+9 the ninth)."""

from __future__ import annotations

from app.views.accounts import AccountsPage
from app.views.audit import AuditPage
from app.views.base import Page
from app.views.calendar import CalendarPage
from app.views.compose import ComposePage
from app.views.engagement import EngagementPage
from app.views.feedback import FeedbackPage
from app.views.packs import PacksPage
from app.views.queue import QueuePage
from app.views.settings import SettingsPage

PAGES: tuple[type[Page], ...] = (
    ComposePage,
    QueuePage,
    CalendarPage,
    EngagementPage,
    AccountsPage,
    PacksPage,
    SettingsPage,
    AuditPage,
    FeedbackPage,
)

__all__ = ["PAGES", "Page"]
