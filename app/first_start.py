"""The welcome on a first start: a practice workspace, or real accounts.

Shown before the main window when the store has never had an account nor a post. Two ways on:

- A practice workspace, so that compose -> translate -> schedule -> published -> engagement works
  at once: practice mode is turned on (for this process, and in the settings file for the next
  starts), the practice database is opened, practice accounts are added in a few languages and
  time zones (:mod:`connectors.workspace`), and tiny practice language packs are built and
  installed for the pairs that have no pack yet (:mod:`translation.practice_packs`; their output
  is gibberish and they say so). In practice mode every account talks to the built-in emulator,
  started in this process on first use, with practice tokens: nothing reaches a real platform.
  The mode is chosen here, before any window or publisher exists, because a process must never
  change mode halfway.
- Real accounts: the window opens on the Accounts screen.

Either way the welcome says plainly which language packs are missing and how to get them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from app.context import make_context
from app.ops import Progress
from app.qt import QDialog, QLabel, QProgressBar, QPushButton, Qt, QVBoxLayout, QWidget
from connectors.workspace import add_practice_accounts, is_new_store
from core import practice, settings
from core.domain import Account
from core.store import Store, open_store
from translation import coverage, packs
from translation.practice_packs import install_practice_packs

#: Whether the welcome switched this process to practice mode (through its environment variable,
#: which the settings then report as "set by the environment" though the person set nothing).
_practice_chosen_here = False


def practice_chosen_here() -> bool:
    """Whether practice mode was chosen in the welcome of this process (not by the environment)."""
    return _practice_chosen_here


@dataclass(frozen=True)
class Workspace:
    """What the practice workspace holds once made."""

    store: Store
    accounts: list[Account]
    packs_installed: list[packs.PackInfo]
    missing: list[coverage.MissingRoute]
    #: Every pack installed now, practice or not.
    packs_now: list[packs.PackInfo]


def make_practice_workspace(store: Store | None, progress: Progress) -> Workspace:
    """Add the practice accounts and packs to ``store``, or to the practice database when ``None``.

    Runs on a pool thread, in practice mode. The settings file is told last, so that a failure
    leaves the next start as it was.
    """
    opened = store or open_store()  # practice mode: the practice database
    try:
        accounts = add_practice_accounts(opened)
        installed = install_practice_packs(
            {account.language for account in accounts},
            progress=lambda done, total, text: progress.report(done, total, text),
        )
        missing = coverage.missing_for_store(opened)
        settings.update(practice=True)
    except BaseException:
        if store is None:
            opened.dispose()
        raise
    return Workspace(opened, accounts, installed, missing, packs.list_packs())


class WelcomeDialog(QDialog):
    """The first start's welcome; ``store`` and ``start_page`` say how the window opens."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.start_page: str | None = None
        self.workspace: Workspace | None = None
        self.busy = False
        self._switched = False
        self.ctx = make_context(store, self)
        self.setWindowTitle(self.tr("Welcome to Communiqué"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Nothing is set up yet. Try everything at once in a practice workspace, "
                "or add the accounts you publish to."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.practice_button = QPushButton(self.tr("Start a practice workspace"), self)
        layout.addWidget(self.practice_button)
        self.practice_text = QLabel(
            self.tr(
                "Practice accounts on the built-in platform emulator (a Facebook Page in Vietnamese, X accounts "
                "in English, Japanese and Ukrainian, each in its own time zone) and small practice language "
                "packs, in a practice database of their own. Nothing leaves this computer, and practice "
                "translations are gibberish: install real packs to translate for real."
            ),
            self,
        )
        self.practice_text.setWordWrap(True)
        layout.addWidget(self.practice_text)
        self.real_button = QPushButton(self.tr("Add my real accounts"), self)
        layout.addWidget(self.real_button)
        self.real_text = QLabel(
            self.tr(
                "Opens Accounts: a Facebook Page, an X account or another platform, with its credentials "
                "(kept in the system keyring)."
            ),
            self,
        )
        self.real_text.setWordWrap(True)
        layout.addWidget(self.real_text)
        self.packs_text = QLabel(self)
        self.packs_text.setWordWrap(True)
        self.packs_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.packs_text)
        self.progress = QProgressBar(self)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.later_button = QPushButton(self.tr("Later"), self)
        self.open_button = QPushButton(self.tr("Open the practice workspace"), self)
        self.open_button.hide()
        layout.addWidget(self.open_button)
        layout.addWidget(self.later_button)
        self.practice_button.clicked.connect(self.start_practice)
        self.real_button.clicked.connect(self.choose_real_accounts)
        self.later_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.accept)
        forced_off = settings.flag_from_environment(practice.PRACTICE_ENV) is False
        if forced_off:
            self.practice_button.setEnabled(False)
            self.practice_text.setText(
                self.tr("Practice mode is switched off by the environment variable {0}.").format(practice.PRACTICE_ENV)
            )
        self.ctx.op(lambda _progress: packs.list_packs()).success(self._show_packs).run()

    def _show_packs(self, installed: list[packs.PackInfo]) -> None:
        if installed:
            pairs = ", ".join(f"{p.from_code} -> {p.to_code}" for p in installed)
            self.packs_text.setText(self.tr("Language packs installed: {0}.").format(pairs))
        else:
            self.packs_text.setText(
                self.tr(
                    "No language pack is installed yet: translating needs one for each pair of languages "
                    "(or two through English). Install a pack file on the Language packs screen, or download "
                    "one there (that needs the internet)."
                )
            )

    def choose_real_accounts(self) -> None:
        """Close the welcome; the window opens on Accounts."""
        self.start_page = "accounts"
        self.accept()

    def start_practice(self) -> None:
        """Turn practice mode on and make the practice workspace in the background."""
        already = practice.enabled()
        previous = os.environ.get(practice.PRACTICE_ENV)
        if not already:
            practice.enable()  # before the store opens: this process is in practice mode from here on
        self.busy = True
        for button in (self.practice_button, self.real_button, self.later_button):
            button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Making the practice workspace…"))
        existing = self.store if already else None
        self._switched = not already

        def work(progress: Progress) -> Workspace:
            return make_practice_workspace(existing, progress)

        def failed(sentence: str) -> None:
            if not already:  # back to the mode the process started in: its store is still the real one
                if previous is None:
                    os.environ.pop(practice.PRACTICE_ENV, None)
                else:
                    os.environ[practice.PRACTICE_ENV] = previous
            self.busy = False
            for button in (self.practice_button, self.real_button, self.later_button):
                button.setEnabled(True)
            self.progress.hide()
            self.status.setText(sentence)

        self.ctx.op(work).progress(self._progress).success(self._ready).failure(failed).run()

    def _progress(self, done: int, total: int | None, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if text:
            self.status.setText(self.tr("Building the practice language pack {0}…").format(text))

    def _ready(self, workspace: Workspace) -> None:
        global _practice_chosen_here
        self.busy = False
        _practice_chosen_here = _practice_chosen_here or self._switched
        self.workspace = workspace
        if workspace.store is not self.store:
            self.store.dispose()  # the empty real store: the window opens on the practice one
        self.store = workspace.store
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = [
            self.tr("Ready: {0} practice accounts and {1} practice language packs.").format(
                len(workspace.accounts), len(workspace.packs_installed)
            )
        ]
        lines += [
            self.tr("No language pack for {0} -> {1}: install one on the Language packs screen.").format(
                route.source, route.target
            )
            for route in workspace.missing
        ]
        self.status.setText("\n".join(lines))
        self._show_packs(workspace.packs_now)
        for widget in (self.practice_button, self.real_button, self.real_text, self.later_button):
            widget.hide()
        self.open_button.show()
        self.open_button.setEnabled(True)

    def reject(self) -> None:
        """Close, unless the workspace is being made (it is finished, not cut off)."""
        if not self.busy:
            super().reject()


def needs_welcome(store: Store) -> bool:
    """Whether ``store`` is new: no account, no post (one small read)."""
    return is_new_store(store)


def welcome(store: Store) -> tuple[Store, str | None]:
    """Show the welcome (modal, before the window); the store to open the window on and its first page."""
    dialog = WelcomeDialog(store)
    dialog.exec()
    return dialog.store, dialog.start_page
