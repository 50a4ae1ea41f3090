"""The interface's language: Qt Linguist translations, built from the .ts sources when first needed.

Every visible string goes through ``self.tr(...)`` (the context is the class name). The sources
are ``resources/i18n/communique_<code>.ts``, kept in git and refreshed with ``make translations``;
the compiled ``.qm`` files are never committed. The app compiles a ``.ts`` with Qt's ``lrelease``
(it ships with PySide6-Essentials, a runtime dependency) into a cache folder under the app's home,
named after a hash of the ``.ts``: a fresh clone, an installed wheel (whose package folder may be
read-only) and CI all get an up-to-date ``.qm`` on first use, a changed ``.ts`` is recompiled,
and nothing needs a build step. A ``.qm`` shipped next to the ``.ts`` (a packager may prebuild
them) is used only where ``lrelease`` cannot run.

Switching at run time: :func:`switch_language` installs the new translator and delivers Qt's
``LanguageChange`` event to every widget at once; a widget that shows translated text mixes in
:class:`Retranslatable` and sets its texts again in ``retranslate()``. Item models get no such
event: the page that owns one calls :func:`retranslate_model` from its ``retranslate()``. A status
line worded after an action keeps how it was worded in a :class:`Wording`, to word it again.

Sentences from the services: a refusal raised with a :class:`core.words.Msg` keeps its English
template and values; :func:`localized` translates the template (lupdate found it, see
``scripts/translations.py``), prefers the app's own wording of a sentence that names a CLI
command, and fills the values in. :func:`error_sentence` does so for an exception: every place
the app shows an error to the person goes through it (``app.ops.sentence_for`` included).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import resources
from app.qt import QCoreApplication, QEvent, QLocale, Qt, QtCore, QTranslator, QWidget
from core import paths
from core.domain import ReviewState, VariantStatus
from core.errors import message_of
from core.secrets import redact
from core.words import MESSAGE_CONTEXT, Msg

log = logging.getLogger(__name__)

#: The language the source strings are written in: it needs no translation file.
SOURCE_LANGUAGE = "en"
#: Where the .ts sources live (inside the ``resources`` package, so a wheel carries them).
SOURCE_DIR = Path(resources.__file__).resolve().parent / "i18n"
#: The file name stem of every translation: ``communique_vi.ts``.
DOMAIN = "communique"
#: Each language's name in that language, as a person looking for it reads it.
NATIVE_NAMES = {"en": "English", "vi": "Tiếng Việt"}
#: The installed translator's object name, so that the next switch finds and replaces it.
_TRANSLATOR_NAME = "communique-translator"
#: How long lrelease may take (it takes milliseconds; a hung one must not hang the start).
_BUILD_TIMEOUT_S = 60


class TranslationBuildError(Exception):
    """A .ts could not be compiled to a .qm (no lrelease, or it failed); the message says why."""


# -- which languages ----------------------------------------------------------------------------


def source_file(code: str) -> Path:
    """The .ts source of ``code`` (it need not exist)."""
    return SOURCE_DIR / f"{DOMAIN}_{code}.ts"


def available_languages() -> list[tuple[str, str]]:
    """``(code, native name)`` of each interface language: English, then every .ts in resources."""
    codes = sorted(path.stem.removeprefix(f"{DOMAIN}_") for path in SOURCE_DIR.glob(f"{DOMAIN}_*.ts"))
    return [(code, native_name(code)) for code in [SOURCE_LANGUAGE, *codes]]


def native_name(code: str) -> str:
    """The name of language ``code`` in that language (Qt's locale data for ones not listed)."""
    known = NATIVE_NAMES.get(code)
    if known is not None:
        return known
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def normalize(code: str | None) -> str | None:
    """``code`` as one of :func:`available_languages` (``vi_VN`` and ``vi-VN`` are ``vi``), else ``None``."""
    if not code:
        return None
    known = {each for each, _ in available_languages()}
    wanted = code.strip().replace("-", "_")
    for candidate in (wanted, wanted.split("_")[0].lower()):
        if candidate in known:
            return candidate
    return None


def system_language() -> str:
    """The system's language, when the app has it; else English."""
    return normalize(QLocale.system().name()) or SOURCE_LANGUAGE


def chosen_language(setting: str | None) -> str:
    """The language to start in: the ``interface_language`` setting, else the system's, else English."""
    return normalize(setting) or system_language()


# -- building the .qm ---------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where compiled translations are kept (under the app's home, which is always writable)."""
    folder = paths.subdir("cache") / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def find_lrelease() -> Path | None:
    """Qt's ``lrelease``: the one in the PySide6 package first (a wheel ships it), then the PATH."""
    qt_package = Path(QtCore.__file__).resolve().parent
    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for candidate in (qt_package / exe, qt_package / "Qt" / "bin" / exe, qt_package / "Qt" / "libexec" / exe):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def build(ts: Path, qm: Path, *, lrelease: Path | None = None) -> Path:
    """Compile ``ts`` into ``qm`` with lrelease; :class:`TranslationBuildError` when it cannot.

    The file appears whole or not at all (written beside, then renamed), so two processes
    starting at once never load half a file.
    """
    tool = lrelease or find_lrelease()
    if tool is None:
        raise TranslationBuildError("Qt's lrelease was not found (it comes with PySide6-Essentials).")
    qm.parent.mkdir(parents=True, exist_ok=True)
    handle, partial_name = tempfile.mkstemp(prefix=f".{qm.stem}-", suffix=".qm", dir=qm.parent)
    os.close(handle)
    partial = Path(partial_name)
    try:
        done = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=_BUILD_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0 or partial.stat().st_size == 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise TranslationBuildError(f"lrelease failed on {ts.name}: {detail[-1] if detail else done.returncode}")
        partial.replace(qm)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TranslationBuildError(f"lrelease could not run on {ts.name}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return qm


def compiled(code: str) -> Path | None:
    """The .qm of ``code``, compiled now if the cache has none for this exact .ts; ``None`` if there is none."""
    ts = source_file(code)
    if not ts.is_file():
        return None
    shipped = ts.with_suffix(".qm")
    try:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
        folder = cache_dir()
        target = folder / f"{DOMAIN}_{code}-{digest}.qm"
        if not target.is_file():
            build(ts, target)
            for old in folder.glob(f"{DOMAIN}_{code}-*.qm"):
                if old != target:
                    old.unlink(missing_ok=True)
        return target
    except (OSError, TranslationBuildError) as exc:
        log.warning("The %s translation could not be compiled (%s)", code, exc)
    return shipped if shipped.is_file() else None


# -- installing ---------------------------------------------------------------------------------

_original_locale: QLocale | None = None


def current_language(app: QCoreApplication) -> str:
    """The language the app's interface is in now."""
    translator = app.findChild(QTranslator, _TRANSLATOR_NAME)
    return str(translator.property("language")) if translator is not None else SOURCE_LANGUAGE


def install(app: QCoreApplication, code: str | None) -> bool:
    """Put the interface in ``code``, replacing the language before; False (and English) when it has none.

    English needs no file. The default :class:`QLocale` follows, so that dates and numbers read
    as the interface does; going back to English restores the locale the app started with.
    """
    global _original_locale
    if _original_locale is None:
        _original_locale = QLocale()
    wanted = normalize(code)
    previous = app.findChild(QTranslator, _TRANSLATOR_NAME)  # before the new one takes the name
    translator = _load(app, wanted) if wanted is not None and wanted != SOURCE_LANGUAGE else None
    if translator is not None:
        app.installTranslator(translator)  # the new one first: never a moment without a translation
        QLocale.setDefault(QLocale(str(translator.property("language"))))
    else:
        QLocale.setDefault(_original_locale)
    if previous is not None:
        previous.setObjectName("")
        app.removeTranslator(previous)
        previous.deleteLater()
    return translator is not None or wanted == SOURCE_LANGUAGE


def _load(app: QCoreApplication, code: str) -> QTranslator | None:
    """A translator holding ``code``'s .qm, or ``None`` (logged) when there is none to load."""
    qm = compiled(code)
    translator = QTranslator(app)
    if qm is None or not translator.load(str(qm)):
        log.warning("No usable translation for %r; the interface stays in English", code)
        translator.deleteLater()
        return None
    translator.setObjectName(_TRANSLATOR_NAME)
    translator.setProperty("language", code)
    return translator


def switch_language(app: QCoreApplication, code: str | None) -> bool:
    """:func:`install` ``code``, and have every open window retranslate itself now.

    Qt posts ``LanguageChange`` to each widget; delivering those events here, rather than on the
    next turn of the event loop, means the texts are in the new language when this returns.
    """
    installed = install(app, code)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return installed


def install_at_start(app: QCoreApplication, setting: str | None) -> str:
    """Install the language to start in (see :func:`chosen_language`); returns the one in effect."""
    code = chosen_language(setting)
    return code if install(app, code) else SOURCE_LANGUAGE


# -- widgets that follow a switch ---------------------------------------------------------------

# mypy sees the mixin as a widget (so that super().changeEvent type-checks); at run time it is a
# plain class placed before the Qt class: ``class Screen(Retranslatable, QWidget)``.
if TYPE_CHECKING:
    _MixinBase = QWidget
else:
    _MixinBase = object


class Retranslatable(_MixinBase):
    """Mix into a widget whose texts come from ``tr()``: ``retranslate()`` runs on each language switch.

    Write the texts in ``retranslate()`` and call it once at the end of ``__init__``, so that
    the first build and every switch take the same path.
    """

    def retranslate(self) -> None:
        """Set every visible text again from ``tr()``."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Qt's notice of a new translator (among other changes)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def retranslate_model(model: QtCore.QAbstractItemModel) -> None:
    """Have every view of ``model`` read its column titles and cells again (they come from ``tr()``)."""
    columns, rows = model.columnCount(), model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if columns and rows:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


class Wording:
    """A line worded after something happened (a status, a result), worded again on a language switch.

    ``show(lambda: self.tr("Removed {0}.").format(name))`` sets the text now, and :meth:`reword`
    (called from the owner's ``retranslate()``) calls the same function again in the new language.
    A sentence worded elsewhere (a service's refusal) is shown as it is, and stays so.
    """

    def __init__(self, setter: Callable[[str], None]) -> None:
        self._setter = setter
        self._words: Callable[[], str] | None = None

    def show(self, words: Callable[[], str] | str) -> None:
        """Show ``words``: a function that words the text, or a text already worded."""
        if callable(words):
            self._words = words
        else:
            self._words = lambda: words
        self._setter(self._words())

    def reword(self) -> None:
        """Word the text shown again, in the language installed now."""
        if self._words is not None:
            self._setter(self._words())


# -- the services' sentences --------------------------------------------------------------------


def localized(text: str) -> str:
    """``text`` in the interface's language when it is a :class:`Msg`; any other text as it is.

    The app's wording (``Msg.app``) replaces a sentence that tells a CLI user which command to
    run. A translation whose fields do not match the values (a slip in the .ts) falls back to
    the English sentence rather than fail: the person still reads why.
    """
    if not isinstance(text, Msg):
        return text
    template = text.app or text.template
    values = {name: _localized_value(value) for name, value in text.values.items()}
    translated = QCoreApplication.translate(MESSAGE_CONTEXT, template)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, TypeError):
        log.warning("The translation of %r does not fit its values; shown in English", template)
        return template.format(**text.values)


def error_sentence(error: BaseException) -> str:
    """The sentence the person reads for ``error``, in the interface's language; never a secret."""
    return redact(localized(message_of(error)))


def _localized_value(value: Any) -> Any:
    """A value of a sentence as the person reads it: fixed words (statuses) translated too."""
    if isinstance(value, Msg):
        return localized(value)
    if isinstance(value, VariantStatus | ReviewState):
        return _fixed_word(value)
    return value


def _fixed_word(value: VariantStatus | ReviewState) -> str:
    """A status inside a sentence: its label in lower case, or the core's own word in English."""
    from app.models.queue_model import approval_label, status_label  # the labels live with the queue

    app = QCoreApplication.instance()
    label = status_label(value) if isinstance(value, VariantStatus) else approval_label(value)
    if not label or app is None or current_language(app) == SOURCE_LANGUAGE:
        return value.value  # English reads exactly as the CLI does ("is published")
    return label.lower()
