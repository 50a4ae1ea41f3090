"""The Settings screen: the database, the interface language, who publishes, practice mode.

Values are saved with :func:`core.settings.update` (the file the commands and the worker read
too); a team database address is tested first (:func:`core.services.database.choose_database`:
a password in it is refused with the settings' sentence before any connection, then the database
is opened and read once). A value the environment forces is shown greyed out with the variable
that sets it: changing the file would not change it. The database, the publisher and practice
mode are chosen when the app starts, so those say that they apply at the next start; the
interface language switches at once.
"""

from __future__ import annotations

from app import first_start, i18n
from app.changes import SETTINGS
from app.context import AppContext
from app.i18n import Retranslatable, Wording
from app.ops import Progress
from app.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from app.views.base import Page
from core import practice
from core import settings as settings_module
from core.services.database import check_url, choose_database
from core.services.team_copy import CopyReport, copy_to_team
from core.settings import Plain, Settings

#: Items of the database choice.
LOCAL, TEAM = 0, 1


class SettingsPage(Retranslatable, Page):
    """The Settings screen."""

    key = "settings"
    shows = SETTINGS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: Settings | None = None
        layout = QVBoxLayout(self)
        self.database_box = QGroupBox(self)
        database = QFormLayout(self.database_box)
        self.where = QComboBox(self)
        self.where.addItems(["", ""])
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("postgresql://press@db.example.org/communique")
        self.save_database_button = QPushButton(self)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.save_database_button)
        self.copy_check = QCheckBox(self)
        self.database_note = QLabel(self)
        self.database_note.setWordWrap(True)
        self.database_status = QLabel(self)
        self.database_status.setWordWrap(True)
        self.database_status_text = Wording(self.database_status.setText)
        database.addRow(self.where)
        database.addRow(url_row)
        database.addRow(self.copy_check)
        database.addRow(self.database_note)
        database.addRow(self.database_status)
        layout.addWidget(self.database_box)
        self.language_box = QGroupBox(self)
        language = QVBoxLayout(self.language_box)
        self.language_combo = QComboBox(self)
        self.language_note = QLabel(self)
        language.addWidget(self.language_combo)
        language.addWidget(self.language_note)
        layout.addWidget(self.language_box)
        self.publishing_box = QGroupBox(self)
        publishing = QVBoxLayout(self.publishing_box)
        self.publish_check = QCheckBox(self)
        self.publish_note = QLabel(self)
        self.practice_check = QCheckBox(self)
        self.practice_note = QLabel(self)
        for widget in (self.publish_check, self.publish_note, self.practice_check, self.practice_note):
            publishing.addWidget(widget)
        for note in (self.publish_note, self.practice_note, self.language_note):
            note.setWordWrap(True)
        layout.addWidget(self.publishing_box)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status_text = Wording(self.status.setText)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.where.activated.connect(self._where_chosen)
        self.save_database_button.clicked.connect(self.save_database)
        self.language_combo.activated.connect(self._language_chosen)
        self.publish_check.clicked.connect(lambda checked: self.save(publish_in_app=bool(checked)))
        self.practice_check.clicked.connect(lambda checked: self.save(practice=bool(checked)))
        self.retranslate()

    def title(self) -> str:
        """The sidebar's name for this page."""
        return self.tr("Settings")

    def retranslate(self) -> None:
        """Set every text in the interface's language."""
        self.database_box.setTitle(self.tr("Database"))
        self.where.setItemText(LOCAL, self.tr("This computer (the built-in database)"))
        self.where.setItemText(TEAM, self.tr("A team database (PostgreSQL address, without the password)"))
        self.save_database_button.setText(self.tr("Test and save"))
        self.copy_check.setText(self.tr("Copy this computer's accounts, posts and history into it first"))
        self.copy_check.setToolTip(
            self.tr(
                "Every row is copied with its ids into an empty team database and compared with the original "
                "before it is kept. Credentials stay in this computer's keyring."
            )
        )
        self.language_box.setTitle(self.tr("Interface language"))
        self.publishing_box.setTitle(self.tr("Publishing"))
        self.publish_check.setText(self.tr("This app publishes scheduled posts"))
        self.practice_check.setText(self.tr("Practice mode (a practice database; every account on the emulator)"))
        self.status_text.reword()
        self.database_status_text.reword()
        if self.current is not None:
            self._show(self.current)

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the settings in effect (file and environment) in the background."""
        self.ctx.op(lambda _progress: settings_module.load()).success(self._show).run()

    def _forced(self, settings: Settings, name: str) -> bool:
        # Practice mode chosen in this process's welcome is set through the environment for this
        # process only; the settings file holds it for the next starts, and may be changed here.
        if name == "practice" and first_start.practice_chosen_here():
            return False
        return settings.forced(name)

    def _forced_note(self, settings: Settings, name: str, otherwise: str) -> str:
        if self._forced(settings, name):
            variable = settings_module.spec(name).env
            return self.tr("Set by the environment variable {0}; unset it to change this here.").format(variable)
        return otherwise

    def _show(self, settings: Settings) -> None:
        self.current = settings
        self.ctx.settings = settings
        restart = self.tr("Applies when the app starts next.")
        # The masked value: a COMMUNIQUE_DB may carry a password, which is never shown.
        shown = {row["name"]: row for row in settings_module.describe(settings)}
        url = shown["database_url"]["value"]
        self.where.setCurrentIndex(TEAM if url else LOCAL)
        self.url_edit.setText(str(url or ""))
        in_practice = practice.enabled()
        database_locked = settings.forced("database_url") or in_practice
        for widget in (self.where, self.url_edit, self.save_database_button):
            widget.setEnabled(not database_locked)
        self.url_edit.setEnabled(not database_locked and bool(url))
        self.copy_check.setEnabled(not database_locked and bool(url))
        note = self._forced_note(settings, "database_url", restart)
        if in_practice:
            note = self.tr("Practice mode uses its own practice database; this applies outside practice mode.")
        self.database_note.setText(note)
        self._show_languages(settings)
        self.publish_check.setChecked(settings.publish_in_app)
        self.publish_check.setEnabled(not settings.forced("publish_in_app"))
        self.publish_note.setText(
            self._forced_note(
                settings,
                "publish_in_app",
                self.tr("Turn this off when a 'communique worker' publishes for the team. ") + restart,
            )
        )
        self.practice_check.setChecked(settings.practice)
        self.practice_check.setEnabled(not self._forced(settings, "practice"))
        self.practice_note.setText(self._forced_note(settings, "practice", restart))

    def _show_languages(self, settings: Settings) -> None:
        self.language_combo.clear()
        self.language_combo.addItem(self.tr("The system's language"), "")
        for code, name in i18n.available_languages():
            self.language_combo.addItem(f"{name} ({code})", code)
        chosen = self.language_combo.findData(settings.interface_language or "")
        self.language_combo.setCurrentIndex(max(chosen, 0))
        self.language_combo.setEnabled(not settings.forced("interface_language"))
        self.language_note.setText(self._forced_note(settings, "interface_language", ""))
        self.language_note.setVisible(bool(self.language_note.text()))

    # --- saving -----------------------------------------------------------------------------

    def save(self, **changes: Plain | None) -> None:
        """Write ``changes`` into the settings file (in the background) and tell the other screens."""

        def work(_progress: Progress) -> Settings:
            return settings_module.update(**changes)

        self.ctx.op(work, changes=SETTINGS, initiator=self).success(self._saved).failure(self._refused).run()

    def _saved(self, settings: Settings) -> None:
        self.status_text.show(lambda: self.tr("Saved."))
        self._show(settings)

    def _refused(self, sentence: str) -> None:
        self.status_text.show(sentence)
        if self.current is not None:
            self._show(self.current)  # back to the values in effect

    def _where_chosen(self, index: int) -> None:
        self.url_edit.setEnabled(index == TEAM)
        self.copy_check.setEnabled(index == TEAM)
        if index == LOCAL and self.current is not None and self.current.database_url:
            self.save_database()  # back to the built-in database: nothing to test

    def save_database(self) -> None:
        """Test the team database address and save it, or go back to the built-in database."""
        url = self.url_edit.text().strip() if self.where.currentIndex() == TEAM else ""
        copy = bool(url) and self.copy_check.isChecked()
        self.database_status_text.show(lambda: self.tr("Testing the database…") if url else "")
        self.save_database_button.setEnabled(False)
        store = self.ctx.store

        def work(progress: Progress) -> tuple[Settings, CopyReport | None]:
            if not copy:
                return choose_database(url or None), None
            check_url(url)  # a password in it is refused before anything is copied
            report = copy_to_team(store, url, progress=lambda table, done, total: progress.report(done, total, table))
            return choose_database(url), report

        self.ctx.op(work, changes=SETTINGS, initiator=self).progress(self._copying).success(
            self._database_saved
        ).failure(self._database_refused).run()

    def _copying(self, done: int, total: int | None, table: str) -> None:
        self.database_status_text.show(
            lambda: self.tr("Copying {0}: {1} of {2} rows…").format(table, done, total if total is not None else "?")
        )

    def _database_saved(self, outcome: tuple[Settings, CopyReport | None]) -> None:
        settings, report = outcome

        def words() -> str:
            if report is not None and report.already_there:
                return self.tr(
                    "The team database already held exactly this computer's content; nothing was copied twice. "
                    "Saved: it is used from the next start."
                )
            if report is not None:
                return self.tr(
                    "Copied and verified {0} rows into the team database; saved. It is used from the next start."
                ).format(report.total)
            if settings.database_url:
                return self.tr("The database answered; saved. It is used from the next start.")
            return self.tr("Saved: the built-in database, from the next start.")

        self.database_status_text.show(words)
        self.copy_check.setChecked(False)
        self._show(settings)

    def _database_refused(self, sentence: str) -> None:
        self.database_status_text.show(sentence)
        self.save_database_button.setEnabled(True)

    def _language_chosen(self, index: int) -> None:
        code = str(self.language_combo.itemData(index) or "")

        def work(_progress: Progress) -> Settings:
            return settings_module.update(interface_language=code or None)

        def switch(settings: Settings) -> None:
            self._saved(settings)
            app = QApplication.instance()
            if app is not None:
                # Every open window retranslates itself (app.i18n delivers LanguageChange now).
                i18n.switch_language(app, i18n.chosen_language(code or None))

        self.ctx.op(work, changes=SETTINGS, initiator=self).success(switch).failure(self._refused).run()
