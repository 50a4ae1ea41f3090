"""The translation pipeline: one post into several languages in as few engine calls as possible.

For each target language: cut the post into prose and protected spans (glossary terms
included), look every prose segment up in the translation memory, send the misses to the
engine (all segments of one language pair in one batched call; a pivot leg shared by several
targets is translated once), put the pieces back in place, flag what a reviewer should look at,
and remember the new translations.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection

from core import languages
from core.errors import UserError
from core.store import Store
from core.words import Msg, in_app
from translation import glossary, memory, quality, spans
from translation.engine import Engine, load_engine, snapshot

PIVOT_LANGUAGE = "en"
MAX_TEXT_LENGTH = 100_000


@dataclass(frozen=True)
class TranslationResult:
    """A post translated into one language."""

    source_language: str
    target_language: str
    source_text: str
    text: str
    #: The languages the text went through, e.g. ``("vi", "en", "ja")``.
    path: tuple[str, ...]
    flags: tuple[quality.Flag, ...]
    engine: str
    model_version: str
    #: ``machine``, ``memory`` (every segment reused), ``human`` (a person's correction) or ``identity``.
    origin: str
    segments: int = 0
    reused: int = 0
    #: The post variant this translation was stored in (``None`` outside the review workflow).
    variant_id: int | None = None

    @property
    def path_label(self) -> str:
        """The path for people: ``vi -> en -> ja``."""
        return " -> ".join(self.path)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return {
            "from": self.source_language,
            "to": self.target_language,
            "text": self.text,
            "path": list(self.path),
            "flags": [flag.to_dict() for flag in self.flags],
            "engine": self.engine,
            "model_version": self.model_version,
            "origin": self.origin,
            "segments": self.segments,
            "reused": self.reused,
        } | ({} if self.variant_id is None else {"variant": self.variant_id})


@dataclass
class Plan:
    """One text's way into one language: its pieces, what the memory had, and the engine's output.

    Made by :meth:`TranslationService.plan`, filled by :meth:`TranslationService.run_plans`, turned
    into a result by :meth:`TranslationService.finish`. ``current`` holds the segments still to
    translate as each leg of the route runs (the memory's misses at the start).
    """

    target: str
    legs: list[tuple[str, str]]
    pieces: list[spans.Piece]
    cores: list[str]
    version: str
    hits: dict[str, memory.Hit] = field(default_factory=dict)
    human: memory.Hit | None = None
    misses: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)


def _route_legs(sources: Sequence[str], targets: Sequence[str], pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs that translating from each of ``sources`` into each of ``targets`` goes through, in order."""
    legs: list[tuple[str, str]] = []
    for source in dict.fromkeys(sources):
        for target in targets:
            try:
                route = find_route(source, target, pairs)
            except UserError:
                continue  # no pack for it: the translation itself will say which to install
            for leg in pairwise(route):
                if leg not in legs:
                    legs.append(leg)
    return legs


def find_route(source: str, target: str, pairs: set[tuple[str, str]], pivot: str = PIVOT_LANGUAGE) -> list[str]:
    """The languages to go through: direct, else through ``pivot``, else through any one language."""
    if source == target:
        return [source]
    if (source, target) in pairs:
        return [source, target]
    if (source, pivot) in pairs and (pivot, target) in pairs:
        return [source, pivot, target]
    middles = sorted(m for (a, m) in pairs if a == source and (m, target) in pairs)
    if middles:
        return [source, middles[0], target]
    via = "" if pivot in (source, target) else Msg(", directly or through {pivot}", pivot=languages.name(pivot))
    raise UserError(
        Msg(
            "No language pack translates {source_name} ({source}) into {target_name} ({target}){via}: install one with "
            "'communique lang install FILE'.",
            source_name=languages.name(source),
            source=source,
            target_name=languages.name(target),
            target=target,
            via=via,
            app=in_app(
                "No language pack translates {source_name} ({source}) into {target_name} ({target}){via}: install one "
                "on the Language packs screen."
            ),
        )
    )


class TranslationService:
    """Translate posts with an engine, the glossary and the translation memory of a store."""

    def __init__(self, store: Store | None = None, engine: Engine | None = None, *, pivot: str = PIVOT_LANGUAGE):
        if engine is None:
            engine = load_engine()
        self.store = store
        self.engine = engine
        self.pivot = pivot

    def route(self, source: str, target: str) -> list[str]:
        """The path a translation from ``source`` to ``target`` takes with the installed packs."""
        return find_route(languages.normalize(source), languages.normalize(target), self.engine.pairs(), self.pivot)

    def plan(
        self,
        conn: Connection | None,
        text: str,
        source: str,
        target: str,
        route: list[str],
        use_memory: bool,
        *,
        reread: bool = False,
    ) -> Plan:
        """How ``text`` goes from ``source`` to ``target`` along ``route``: its protected pieces, and
        (with ``conn`` and ``use_memory``) what the glossary and the translation memory already give.

        The first step of :meth:`translate`, public for callers that translate many texts into one
        language in batches (:mod:`translation.comments`): plan each, :meth:`run_plans` them together,
        :meth:`finish` each. ``reread`` ignores the cached glossary (used when it went stale).
        """
        legs = list(itertools.pairwise(route))
        version = memory.fit_version("+".join(self.engine.model_version(a, b) for a, b in legs))
        # The glossary is read once per process and pair; a cached copy is checked against the
        # database's fingerprint below, in the same statement as the memory look-up when there is one.
        cached: glossary.PairTerms | None = None
        terms: tuple[spans.Term, ...] = ()
        if conn is not None and legs:
            cached = None if reread else glossary.cached_pair_terms(conn, source, target)
            terms = (cached or glossary.load_pair_terms(conn, source, target)).span_terms
        pieces = spans.split(text, terms)
        cores = spans.prose_cores(pieces) if legs else []
        found: dict[str, memory.Hit] = {}
        fingerprint = cached.fingerprint if cached is not None else None
        if conn is not None and legs and use_memory:
            texts = [text, *cores]
            if cached is None:
                found = memory.lookup(conn, self.engine.name, version, source, target, texts)
            else:
                found, row = memory.lookup_guarded(
                    conn, self.engine.name, version, source, target, texts, glossary.FINGERPRINT
                )
                fingerprint = glossary.fingerprint_of(row)
        elif conn is not None and cached is not None:
            fingerprint = glossary.read_fingerprint(conn, source, target)
        if cached is not None and fingerprint != cached.fingerprint:  # changed since it was cached
            return self.plan(conn, text, source, target, route, use_memory, reread=True)
        plan = Plan(target, legs, pieces, cores, version)
        if found:
            whole = found.get(text)
            if whole is not None and whole.origin == memory.HUMAN:
                plan.human = whole
                return plan
            plan.hits = {core: hit for core, hit in found.items() if core in cores}
        plan.misses = [core for core in cores if core not in plan.hits]
        plan.current = list(plan.misses)
        return plan

    def run_plans(self, plans: list[Plan]) -> None:
        """Translate what the memory did not have, for every plan at once: one engine call per pair and leg."""
        # Depth by depth, so that a first leg shared by several targets (vi -> en for both
        # vi -> en -> ja and vi -> en -> de) is translated once, in one call per pair.
        depth = 0
        while any(depth < len(p.legs) and p.current for p in plans):
            requests: dict[tuple[str, str], dict[str, None]] = {}
            for plan in plans:
                if depth < len(plan.legs) and plan.current:
                    requests.setdefault(plan.legs[depth], {}).update(dict.fromkeys(plan.current))
            done: dict[tuple[str, str], dict[str, str]] = {}
            for (a, b), wanted in requests.items():
                segments = list(wanted)
                translated = self.engine.translate_batch(segments, a, b)
                if len(translated) != len(segments):
                    raise RuntimeError(f"The {self.engine.name} engine returned {len(translated)} of {len(segments)}.")
                done[(a, b)] = dict(zip(segments, translated, strict=True))
            for plan in plans:
                if depth < len(plan.legs) and plan.current:
                    table = done[plan.legs[depth]]
                    plan.current = [table[segment] for segment in plan.current]
            depth += 1

    def translate(
        self,
        text: str,
        source: str,
        targets: Sequence[str],
        *,
        limit: int | None = None,
        length: quality.LengthFunction | None = None,
        use_memory: bool = True,
    ) -> list[TranslationResult]:
        """Translate ``text`` from ``source`` into each of ``targets`` (one result per target).

        ``limit`` (and ``length``, default :func:`len`) is the target platform's length limit,
        used only to flag results that are too long.
        """
        if not text.strip():
            raise UserError(Msg("There is no text to translate."))
        if len(text) > MAX_TEXT_LENGTH:
            raise UserError(
                Msg(
                    "The text is {length} characters long; translate at most {max_text_length} at once.",
                    length=len(text),
                    max_text_length=MAX_TEXT_LENGTH,
                )
            )
        source_code = languages.normalize(source)
        target_codes = list(dict.fromkeys(languages.normalize(t) for t in targets))
        if not target_codes:
            raise UserError(Msg("Name at least one language to translate into."))
        with snapshot(self.engine):  # routes, model versions and models from one pack listing
            pairs = self.engine.pairs()
            routes = {t: find_route(source_code, t, pairs, self.pivot) for t in target_codes}
            if self.store is None:
                plans = [self.plan(None, text, source_code, t, routes[t], use_memory) for t in target_codes]
            else:
                with self.store.read() as conn:  # glossary and memory for every target in one read
                    plans = [self.plan(conn, text, source_code, t, routes[t], use_memory) for t in target_codes]
            self.run_plans(plans)
        results = [self.finish(text, source_code, plan, limit, length) for plan in plans]
        if use_memory and self.store is not None:
            rows = []
            for plan in plans:
                fresh = list(zip(plan.misses, plan.current, strict=True))
                if fresh and plan.human is None:
                    rows += memory.machine_rows(self.engine.name, plan.version, source_code, plan.target, fresh)
            used = [hit for plan in plans for hit in plan.hits.values()]
            used += [plan.human for plan in plans if plan.human is not None]
            memory.save(self.store, rows, used)
        return results

    def finish(
        self,
        text: str,
        source: str,
        plan: Plan,
        limit: int | None,
        length: quality.LengthFunction | None,
    ) -> TranslationResult:
        """The result of a plan that :meth:`run_plans` ran: the text reassembled around its protected
        pieces, and its quality flags (``limit``/``length``: the platform's length limit, if any)."""
        protected = spans.protected_texts(plan.pieces)
        protected += [p.replacement for p in plan.pieces if p.kind is spans.Kind.FORCED and p.replacement]
        if not plan.legs:
            out, origin = text, "identity"
        elif plan.human is not None:
            out, origin = plan.human.target_text, memory.HUMAN
        else:
            fresh = dict(zip(plan.misses, plan.current, strict=True))
            translations = {core: hit.target_text for core, hit in plan.hits.items()} | fresh
            out = spans.assemble(plan.pieces, translations)
            origin = "memory" if plan.cores and not plan.misses else memory.MACHINE
        flags = quality.check(
            text,
            out,
            source,
            plan.target,
            protected=protected if plan.legs else (),
            prose_length=sum(len(core) for core in plan.cores),
            limit=limit,
            length=length,
        )
        return TranslationResult(
            source_language=source,
            target_language=plan.target,
            source_text=text,
            text=out,
            path=tuple([source] + [b for _a, b in plan.legs]),
            flags=tuple(flags),
            engine=self.engine.name,
            model_version=plan.version,
            origin=origin,
            segments=len(plan.cores),
            reused=len(plan.hits),
        )

    def warm_up(
        self,
        languages_in_use: Iterable[str] | None = None,
        *,
        sources: Iterable[str] = (),
        max_pairs: int | None = None,
    ) -> list[tuple[str, str]]:
        """Prepare what a first translation needs (call it off the GUI thread, after start-up).

        With ``languages_in_use`` (e.g. the accounts' languages), only the installed pairs between
        them are loaded, and at most ``max_pairs`` of them: each real model holds ~100 MB of
        memory, so a laptop with many packs should not load them all. With ``sources`` (the
        languages the officers write in), the legs of each route from a source into a language
        in use come first, pivot legs included: a desk writing Vietnamese for a Japanese account
        needs vi -> en and en -> ja, although English is no account's language. Returns the
        pairs loaded.
        """
        spans.split("warm-up")  # compiles the span patterns
        installed = self.engine.pairs()
        pairs = sorted(installed)
        if languages_in_use is not None:
            wanted = {languages.normalize(code) for code in languages_in_use}
            needed = _route_legs([languages.normalize(code) for code in sources], sorted(wanted), installed)
            pairs = needed + [(a, b) for a, b in pairs if a in wanted and b in wanted and (a, b) not in needed]
        if max_pairs is not None:
            pairs = pairs[:max_pairs]
        engine_warm_up = getattr(self.engine, "warm_up", None)
        if callable(engine_warm_up):
            engine_warm_up(pairs)
        return pairs

    def correct(self, source_text: str, source: str, target: str, corrected: str, *, actor: str | None = None) -> None:
        """Remember a person's translation of ``source_text``; later translations prefer it."""
        if self.store is None:
            raise UserError(Msg("Corrections need a database to be remembered in."))
        memory.remember_correction(self.store, source, target, source_text, corrected, actor=actor)


def translate(
    store: Store | None,
    text: str,
    source: str,
    targets: Sequence[str],
    *,
    limit: int | None = None,
    length: quality.LengthFunction | None = None,
    engine: Engine | None = None,
) -> list[TranslationResult]:
    """Translate ``text`` into each target language (see :meth:`TranslationService.translate`)."""
    return TranslationService(store, engine).translate(text, source, targets, limit=limit, length=length)
