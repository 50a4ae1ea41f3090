"""The "Add account" form: any registered platform, its id there, its credentials, language and zone.

The platform's own description (:func:`core.platforms.spec`) shapes the form: the id field is
labelled as the platform names it and required when the platform needs it, and there is one
password field per credential the connector declares. Credentials go to the OS keyring through
the account service and are never shown again; the form keeps no copy once the account is added.
Everything is checked by the core (the language code, the IANA zone, the address), and a refusal
is shown as the core's sentence under the form, which stays open with what was typed.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from functools import cache

from app.changes import ACCOUNTS
from app.context import AppContext
from app.i18n import Retranslatable, Wording, error_sentence
from app.ops import Progress
from app.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from connectors.workspace import add_account_with_credentials, practice_defaults
from core import languages, platforms
from core.domain import Account
from core.errors import CommuniqueError
from core.platforms import PlatformSpec, refused_credentials

#: The language offered first in a new form.
DEFAULT_LANGUAGE = "en"
DEFAULT_ZONE = "UTC"


@cache
def zone_names() -> list[str]:
    """Every IANA zone name, sorted (the zone boxes' choices)."""
    # Read once: the tz database does not change while the app runs.
    return sorted(zoneinfo.available_timezones())


def language_label(code: str) -> str:
    """How a language is listed: ``vi — Vietnamese``."""
    return f"{code} — {languages.name(code)}"


def code_of(box: QComboBox) -> str:
    """The language code in an editable combo: the chosen item's, else what was typed (checked by the core)."""
    typed = box.currentText().strip()
    index = box.findText(typed)
    if index >= 0:
        return str(box.itemData(index))
    return typed.split("—")[0].strip()


def language_box(parent: QWidget, code: str) -> QComboBox:
    """An editable list of the known languages, ``code`` chosen (read it back with :func:`code_of`)."""
    box = QComboBox(parent)
    box.setEditable(True)
    for known in sorted(languages.LANGUAGES):
        box.addItem(language_label(known), known)
    box.setCurrentIndex(box.findData(code))
    return box


def zone_box(parent: QWidget, zone: str) -> QComboBox:
    """An editable list of the IANA zones, ``zone`` chosen (the core checks what is typed)."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(zone_names())
    box.setCurrentText(zone)
    return box


def form_footer(dialog: QDialog, layout: QVBoxLayout, submit: Callable[[], None]) -> tuple[QLabel, QPushButton]:
    """The account dialogs' foot: a line for the core's refusal, Cancel, and the default button (worded later)."""
    error = QLabel(dialog)
    error.setWordWrap(True)
    error.setStyleSheet("color: #b91c1c;")
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    accept = QPushButton(dialog)
    accept.setDefault(True)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error, accept


class AccountForm(Retranslatable, QDialog):
    """Add one account; ``added`` holds it once the core accepted it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, initiator: object | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.initiator = initiator if initiator is not None else self
        self.added: Account | None = None
        self.credential_edits: dict[str, QLineEdit] = {}
        self.spec: PlatformSpec | None = None  # the chosen platform's, when it could be read
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.name_label, self.platform_label, self.language_label = QLabel(self), QLabel(self), QLabel(self)
        self.zone_label, self.api_base_label = QLabel(self), QLabel(self)
        self.name_edit = QLineEdit(self)
        self.form.addRow(self.name_label, self.name_edit)
        self.platform_box = QComboBox(self)
        self.platform_box.addItems(platforms.platform_names())
        self.form.addRow(self.platform_label, self.platform_box)
        self.language_box = language_box(self, DEFAULT_LANGUAGE)
        self.form.addRow(self.language_label, self.language_box)
        self.zone_box = zone_box(self, DEFAULT_ZONE)
        self.form.addRow(self.zone_label, self.zone_box)
        self.id_label = QLabel(self)
        self.id_edit = QLineEdit(self)
        self.form.addRow(self.id_label, self.id_edit)
        self.api_base_edit = QLineEdit(self)
        self.form.addRow(self.api_base_label, self.api_base_edit)
        self.credentials_form = QFormLayout()
        self.credentials_label: QLabel | None = None  # the heading of the credentials, when there are any
        layout.addLayout(self.credentials_form)
        self.practice_button = QPushButton(self)
        self.practice_button.clicked.connect(self.fill_practice)
        layout.addWidget(self.practice_button)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note_text = Wording(self.note.setText)
        layout.addWidget(self.note)
        self.error, self.add_button = form_footer(self, layout, self.submit)
        self.platform_box.currentTextChanged.connect(self._platform_changed)
        self._platform_changed(self.platform_box.currentText())
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what was typed stays."""
        self.setWindowTitle(self.tr("Add an account"))
        self.name_label.setText(self.tr("Name"))
        self.platform_label.setText(self.tr("Platform"))
        self.language_label.setText(self.tr("Language"))
        self.zone_label.setText(self.tr("Time zone"))
        self.api_base_label.setText(self.tr("API address"))
        self.api_base_edit.setPlaceholderText(self.tr("empty: the platform itself"))
        self.practice_button.setText(self.tr("Fill in as a practice account"))
        self.practice_button.setToolTip(
            self.tr("An account on the built-in platform emulator (Facebook and X only): nothing is published.")
        )
        self.add_button.setText(self.tr("Add"))
        self.note_text.reword()
        self._word_platform_fields()

    # --- the platform shapes the form -------------------------------------------------------

    def _platform_changed(self, name: str) -> None:
        while self.credentials_form.rowCount():
            self.credentials_form.removeRow(0)
        self.credentials_label = None
        self.credential_edits = {}
        self.spec = None
        self.error.clear()
        if not name:
            return
        try:
            spec = platforms.spec(name)
        except CommuniqueError as exc:  # a broken plugin: say so, keep the form usable for the others
            self.error.setText(error_sentence(exc))
            self.id_label.hide()
            self.id_edit.hide()
            return
        self.spec = spec
        rule = spec.external_id
        self.id_label.setVisible(rule is not None)
        self.id_edit.setVisible(rule is not None)
        if spec.credential_fields:
            self.credentials_label = QLabel(self)
            self.credentials_form.addRow(self.credentials_label)
        refused = refused_credentials(spec.name)  # X's bearer_token: it expires in two hours; OAuth 1.0a keys do not
        for key in spec.credential_fields:
            if key in refused:
                continue
            edit = QLineEdit(self)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.credentials_form.addRow(key.replace("_", " "), edit)
            self.credential_edits[key] = edit
        self._word_platform_fields()

    def _word_platform_fields(self) -> None:
        """The id field's label and the credentials' hints, as the chosen platform names them."""
        spec = self.spec
        if spec is None:
            return
        rule = spec.external_id
        if rule is not None:
            label = self.tr("{0} (required)") if rule.required else self.tr("{0} (optional)")
            self.id_label.setText(label.format(rule.label))
        if self.credentials_label is not None:
            self.credentials_label.setText(self.tr("Credentials (kept in the system keyring)"))
        for key, variable in spec.credential_fields.items():
            if key in self.credential_edits:
                self.credential_edits[key].setPlaceholderText(self.tr("or set {0}").format(variable))

    def set_platform(self, name: str) -> None:
        """Choose ``name`` in the platform list (rebuilds the id and credential fields)."""
        self.platform_box.setCurrentText(name)

    # --- practice ---------------------------------------------------------------------------

    def fill_practice(self) -> None:
        """Fill the form with a practice account on the chosen platform (see :mod:`connectors.workspace`)."""
        try:
            defaults = practice_defaults(self.platform_box.currentText(), code_of(self.language_box))
        except CommuniqueError as exc:
            self.error.setText(error_sentence(exc))
            return
        self.name_edit.setText(defaults.name)
        self.id_edit.setText(defaults.external_id or "")
        self.api_base_edit.setText(defaults.api_base or "")
        for key, edit in self.credential_edits.items():
            edit.setText(defaults.credentials.get(key, ""))
        api_base = defaults.api_base
        if api_base is None:
            self.note_text.show(
                lambda: self.tr(
                    "Practice mode: every account talks to the built-in emulator with practice tokens, "
                    "so no credentials are needed. Nothing is published."
                )
            )
        else:
            self.note_text.show(
                lambda: self.tr(
                    "This account posts to the platform emulator at {0}, with practice tokens; nothing is "
                    "published. The emulator must be running there: start it with 'communique sandbox serve'."
                ).format(api_base)
            )

    # --- adding -----------------------------------------------------------------------------

    def submit(self) -> None:
        """Ask the core to add the account (in the background); close when it accepts."""
        name = self.name_edit.text()
        platform = self.platform_box.currentText()
        language = code_of(self.language_box)
        zone = self.zone_box.currentText().strip()
        external_id = self.id_edit.text().strip() if self.id_edit.isVisibleTo(self) else ""
        api_base = self.api_base_edit.text().strip()
        credentials = {key: edit.text() for key, edit in self.credential_edits.items() if edit.text()}
        self.error.clear()
        self.add_button.setEnabled(False)

        def work(_progress: Progress) -> Account:
            return add_account_with_credentials(
                self.ctx.store,
                name=name,
                platform=platform,
                language=language,
                timezone=zone,
                credentials=credentials,
                api_base=api_base or None,
                external_id=external_id or None,
            )

        self.ctx.op(work, changes=ACCOUNTS, initiator=self.initiator).success(self._added).failure(self._refused).run()

    def _added(self, account: Account) -> None:
        self.added = account
        for edit in self.credential_edits.values():
            edit.clear()  # never kept, never shown again
        self.add_button.setEnabled(True)
        self.accept()

    def _refused(self, sentence: str) -> None:
        self.add_button.setEnabled(True)
        self.error.setText(sentence)
