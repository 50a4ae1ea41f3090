"""Argos Translate as an :class:`~translation.engine.Engine`: lazy, warm, offline, batched.

- Lazy: ``argostranslate`` is imported on the first translation, never at start-up.
- Settings: Argos reads its settings once, when ``argostranslate.settings`` is first imported,
  and that import creates folders under the XDG homes. The environment is prepared just before
  that import (thread counts suited to the machine, the app's packs folder, XDG homes inside the
  app's data folder, MiniSBD splitting, the local model provider) and the XDG variables are put
  back right after, so nothing else in the process is affected.
- Warm: each pair's Argos ``PackageTranslation`` (with its loaded CTranslate2 model) is kept in
  this module, built from the validated pack list. It and Argos's own module caches are dropped
  when a pack is installed or removed (otherwise a replaced pack keeps translating with the old
  model in this process) or when the data folder changes.
- Offline: a pack without its own ``minisbd/<lang>.onnx`` would make Argos download a sentence
  splitter on first use; such packs get a rule-based splitter instead (:mod:`translation.sentences`).
- Batched: all segments of a call go to CTranslate2 in one ``translate_batch``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from core import paths
from core.errors import UserError
from core.words import Msg
from translation import packs
from translation.sentences import RuleSentencizer

ENGINE_NAME = "argos"
ARGOS_FOLDER = "argos"

_lock = threading.RLock()
_modules: dict[str, ModuleType] = {}
#: Loaded translations, kept warm: (from, to) -> ((path, version, fingerprint), PackageTranslation).
_translations: dict[tuple[str, str], tuple[tuple[Path, str, str], Any]] = {}
_pointed_at: Path | None = None
#: The pack listing pinned by :meth:`ArgosEngine.snapshot` for this thread's current translation.
_pinned = threading.local()


def thread_settings(cpu_count: int | None = None) -> dict[str, str]:
    """Argos thread settings for this machine.

    On small machines one intra-op thread per translator was 5-20x faster than CTranslate2's
    default (0, all cores) because of contention; larger machines get a few threads.
    """
    cpus = cpu_count or os.cpu_count() or 1
    intra = 1 if cpus <= 2 else min(4, cpus // 2)
    return {
        "ARGOS_INTER_THREADS": "1",
        "ARGOS_INTRA_THREADS": str(intra),
        # A token budget per CTranslate2 batch, not a sentence count: large enough for a whole post.
        "ARGOS_BATCH_SIZE": "4096",
        "ARGOS_DEVICE_TYPE": "cpu",
    }


def argos_home() -> Path:
    """Where Argos Translate's own data, config and cache folders live (inside the app's folder)."""
    return paths.subdir(ARGOS_FOLDER)


@contextmanager
def _environment_for_import(packs_folder: Path) -> Iterator[None]:
    home = argos_home()
    forced = {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(packs_folder),
        # Stanza/spaCy splitting and remote providers would reach the network.
        "ARGOS_CHUNK_TYPE": "MINISBD",
        "ARGOS_MODEL_PROVIDER": "OPENNMT",
    }
    saved = {key: os.environ.get(key) for key in forced}
    for key, value in thread_settings().items():
        os.environ.setdefault(key, value)
    os.environ.update(forced)
    try:
        yield
    finally:
        # Argos has read them; leave the process environment (and child processes) as it was.
        for key, previous in saved.items():
            if previous is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = previous


def _argos() -> dict[str, ModuleType]:
    """Import Argos Translate once, with the settings prepared; point it at the current folder."""
    global _pointed_at
    with _lock:
        folder = packs.packs_dir()
        if not _modules:
            with _environment_for_import(folder):
                import argostranslate.package
                import argostranslate.sbd
                import argostranslate.settings
                import argostranslate.translate

            _modules.update(
                settings=argostranslate.settings,
                package=argostranslate.package,
                translate=argostranslate.translate,
                sbd=argostranslate.sbd,
            )
        if _pointed_at != folder:
            _point_at(folder)
            _pointed_at = folder
        return _modules


def _point_at(folder: Path) -> None:
    # COMMUNIQUE_HOME can change within a process (tests, a second profile): re-aim every path
    # Argos computed at import, and forget models loaded from the old folder.
    settings: Any = _modules["settings"]
    home = argos_home()
    data = home / "data" / "argos-translate"
    settings.package_data_dir = folder
    settings.package_dirs = [folder]
    settings.data_dir = data
    settings.local_package_index = data / "index.json"
    settings.downloads_dir = home / "cache" / "argos-translate" / "downloads"
    import minisbd.models

    minisbd.models.cache_dir = str(data / "minisbd")
    _clear_caches()


def _clear_caches() -> None:
    _translations.clear()
    translate = _modules.get("translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()
        translate.installed_translates.clear()


def invalidate() -> None:
    """Drop loaded models (after a pack is installed or removed). Does not import Argos."""
    with _lock:
        _clear_caches()


packs.on_change(invalidate)


def _by_pair(listing: Sequence[packs.PackInfo]) -> dict[tuple[str, str], packs.PackInfo]:
    return {(p.from_code, p.to_code): p for p in listing}


def _unloadable(from_code: str, to_code: str) -> UserError:
    return UserError(f"The language pack {from_code} -> {to_code} cannot be loaded; reinstall it.")


class ArgosEngine:
    """The built-in engine: installed Argos packs, translated offline through CTranslate2."""

    name = ENGINE_NAME

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Answer everything asked inside the block (one translation) from one pack listing.

        Routing, model versions and model loading then agree on the same packs, and the packs
        folder is read once per translation instead of once per question.
        """
        if getattr(_pinned, "packs", None) is not None:  # nested: the outer listing stands
            yield
            return
        _pinned.packs = _by_pair(packs.list_packs())
        try:
            yield
        finally:
            _pinned.packs = None

    def _packs(self) -> dict[tuple[str, str], packs.PackInfo]:
        pinned: dict[tuple[str, str], packs.PackInfo] | None = getattr(_pinned, "packs", None)
        return pinned if pinned is not None else _by_pair(packs.list_packs())

    def _pack(self, from_code: str, to_code: str) -> packs.PackInfo:
        pack = self._packs().get((from_code, to_code))
        if pack is None:
            raise UserError(
                Msg(
                    "No language pack from {from_code} to {to_code} is installed.", from_code=from_code, to_code=to_code
                )
            )
        return pack

    def pairs(self) -> set[tuple[str, str]]:
        """Direct pairs of the installed packs (read from their metadata; Argos is not imported)."""
        return set(self._packs())

    def model_version(self, from_code: str, to_code: str) -> str:
        """The pack's version and archive fingerprint."""
        return self._pack(from_code, to_code).model_version

    def _package_translation(self, from_code: str, to_code: str) -> Any:
        # Built from the validated pack list rather than Argos's own folder scan, which fails
        # for every language as soon as one folder in the packs directory is not a pack.
        pack = self._pack(from_code, to_code)
        identity = (pack.path, pack.version, pack.fingerprint)
        cached = _translations.get((from_code, to_code))
        if cached is not None and cached[0] == identity:
            return cached[1]
        modules = _argos()
        translate = modules["translate"]
        try:
            pkg = modules["package"].Package(pack.path)
        except Exception:  # a pack damaged after install: missing or unreadable metadata, tokenizer
            if packs.find_pack(from_code, to_code) != pack:
                # Replaced or removed since this translation read the listing: its model
                # version no longer names what is installed, so nothing is translated with it.
                raise UserError(
                    Msg(
                        "The language pack {from_code} -> {to_code} changed during this translation; translate again.",
                        from_code=from_code,
                        to_code=to_code,
                    )
                ) from None
            raise _unloadable(from_code, to_code) from None
        translation = translate.PackageTranslation(
            translate.Language(from_code, pack.from_name), translate.Language(to_code, pack.to_name), pkg
        )
        if not pack.has_splitter:
            # Argos would download a MiniSBD model for this language on first use.
            translation.sentencizer = RuleSentencizer(from_code)
        _translations[(from_code, to_code)] = (identity, translation)
        return translation

    def _loaded(self, from_code: str, to_code: str) -> Any:
        translation = self._package_translation(from_code, to_code)
        if translation.translator is None:
            import ctranslate2

            settings = _modules["settings"]
            params: dict[str, Any] = {
                "model_path": str(translation.pkg.package_path / "model"),
                "device": settings.device,
                "inter_threads": settings.inter_threads,
                "intra_threads": settings.intra_threads,
            }
            if settings.compute_type != "auto":
                params["compute_type"] = settings.compute_type
            try:
                translation.translator = ctranslate2.Translator(**params)
            except Exception:  # CTranslate2 raises RuntimeError (and others) for a damaged model
                raise _unloadable(from_code, to_code) from None
            lazy_detector = getattr(translation.sentencizer, "lazy_detector", None)
            if lazy_detector is not None:
                try:
                    lazy_detector()  # the MiniSBD splitter's ONNX session, loaded on first use anyway
                except Exception:  # onnxruntime's own exception classes for a damaged file
                    translation.translator = None
                    raise _unloadable(from_code, to_code) from None
        return translation

    def warm_up(self, pairs: Sequence[tuple[str, str]] | None = None) -> None:
        """Load the models of ``pairs`` (default: every installed pack) ahead of the first request.

        Meant for a background worker once the app is up, so that the first translation a
        person asks for does not pay for the import and the model load.
        """
        for from_code, to_code in pairs if pairs is not None else sorted(self.pairs()):
            with _lock:
                self._loaded(from_code, to_code)  # the model and the MiniSBD splitter's ONNX session

    def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
        """Translate plain-prose segments in one CTranslate2 call (Argos's own steps otherwise)."""
        if not segments:
            return []
        with _lock:
            translation = self._loaded(from_code, to_code)
            settings = _modules["settings"]
            pkg = translation.pkg
            counts: list[int] = []
            tokenized: list[list[str]] = []
            for segment in segments:
                sentences = translation.sentencizer.split_sentences(segment) if segment.strip() else []
                counts.append(len(sentences))
                tokenized.extend(pkg.tokenizer.encode(sentence) for sentence in sentences)
            prefix = [[pkg.target_prefix]] * len(tokenized) if pkg.target_prefix else None
            results = (
                translation.translator.translate_batch(
                    tokenized,
                    target_prefix=prefix,
                    replace_unknowns=True,
                    max_batch_size=settings.batch_size,
                    batch_type="tokens",
                    beam_size=max(1, settings.beam_size),
                    num_hypotheses=1,
                    length_penalty=0.2,
                )
                if tokenized
                else []
            )
        out: list[str] = []
        position = 0
        for count in counts:
            tokens: list[str] = []
            for result in results[position : position + count]:
                tokens.extend(result.hypotheses[0])
            position += count
            value = pkg.tokenizer.decode(tokens) if tokens else ""
            if pkg.target_prefix and value.startswith(pkg.target_prefix):
                value = value[len(pkg.target_prefix) :]
            out.append(value[1:] if value.startswith(" ") else value)
        return out
