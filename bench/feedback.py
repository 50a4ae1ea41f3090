"""Audience feedback benchmark: collecting and translating 1,000 new comments.

Offline, on tiny real packs built here (tests/support/argos_packs.py: de, hi, ja, uk -> en and
en -> vi) in a temporary data folder. Each run takes 1,000 new comments, all different, written
by an embassy's audience (tests/support/comment_samples.py, one to three of a language's
samples joined: vi 30 %, en 25 %, ja 15 %, de, hi, uk 10 % each), half on an X post (with X's
own language guess) and half on a Facebook post, into a fresh database, and times:

- recording them as the collector does (``core.services.comments.record_comments``, one fetch per
  post; the connectors' HTTP is not timed), detecting their languages
  (``translation.comments.detect_languages``) and translating them into Vietnamese, the readers'
  language (``translation.comments.translate_comments``: spans, glossary, memory, storing);
- beside the translation engine alone on the same texts: the engine's batched Argos call, each
  language pair once with every text that needs it, as the pipeline batches them (baseline);
- and the same comments through ``TranslationService.translate`` one call per comment.

Then, in a process of its own, the language detector: its load (the first detection in each
of the six scripts), its memory, the time per comment once loaded, and its accuracy on the
72 short samples, in Lingua's high- and low-accuracy modes.

``--quick`` runs one small round in seconds (a smoke test: its figures mean nothing and are
never written to a file).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import bench_arguments, machine, report, today

REPO = Path(__file__).resolve().parents[1]

TARGET = "vi"
#: Languages of the comments and how often each comes.
MIX = (("vi", 30), ("en", 25), ("ja", 15), ("de", 10), ("hi", 10), ("uk", 10))
PACKS = (("en", "vi"), ("ja", "en"), ("de", "en"), ("hi", "en"), ("uk", "en"))
NOW = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does."""

    comments: int = 1000
    runs: int = 9
    detector_repeats: int = 20


FULL = Sizes()
QUICK = Sizes(comments=60, runs=1, detector_repeats=2)


def make_comments(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` different (text, language) comments, each one to three samples of one language."""
    from tests.support.comment_samples import SAMPLES

    languages = [code for code, weight in MIX for _ in range(weight)]
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    while len(found) < count:
        language = rng.choice(languages)
        text = " ".join(rng.sample(SAMPLES[language], rng.choice((1, 2, 2, 3))))
        if text not in seen:
            seen.add(text)
            found.append((text, language))
    return found


def _batch(remote_id: str, items: list[tuple[str, str]], first: int, hints: bool) -> Any:
    from core.comments import CommentBatch, FetchedComment

    return CommentBatch(
        remote_id=remote_id,
        comments=tuple(
            FetchedComment(
                remote_id=f"{remote_id}-{first + n}",
                text=text,
                created_at=NOW,
                author_name=f"Reader {n % 97}",
                platform_language=language if hints else None,
            )
            for n, (text, language) in enumerate(items)
        ),
        complete=True,
    )


def _published(store: Any, name: str, platform: str) -> int:
    from core.services import accounts, posts
    from core.store.tables import variants

    accounts.add_account(
        store,
        name=name,
        platform=platform,
        language=TARGET,
        timezone="Asia/Ho_Chi_Minh",
        external_id="104857600123456" if platform == "facebook" else None,
    )
    variant_id = posts.create_post(store, text="Hội nghị thượng đỉnh hôm nay", accounts=[name]).variants[0].id
    with store.write() as conn:
        conn.execute(
            variants.update().where(variants.c.id == variant_id).values(status="published", remote_id=f"r{variant_id}")
        )
    return int(variant_id)


def _engine_alone(engine: Any, items: list[tuple[str, str]]) -> tuple[int, int]:
    """The engine alone on the same texts: each comment's prose (links, mentions, emoji cut out, as the
    pipeline cuts them), each language pair once with every distinct segment that needs it; (calls,
    distinct segments of the first legs)."""
    from translation import spans
    from translation.service import find_route

    pairs = engine.pairs()
    current: dict[str, list[str]] = {}
    routes: dict[str, list[str]] = {}
    for text, language in items:
        if language != TARGET:
            current.setdefault(language, []).extend(spans.prose_cores(spans.split(text)))
            routes[language] = find_route(language, TARGET, pairs)
    segments = len({(language, segment) for language, texts in current.items() for segment in texts})
    calls = 0
    depth = 0
    while any(depth + 1 < len(route) for route in routes.values()):
        legs: dict[tuple[str, str], list[str]] = {}
        for language, route in routes.items():
            if depth + 1 < len(route):
                legs.setdefault((route[depth], route[depth + 1]), []).append(language)
        for (a, b), languages in legs.items():
            # Each distinct segment once, as the pipeline sends them: the least work for the engine.
            batch = list(dict.fromkeys(segment for language in languages for segment in current[language]))
            table = dict(zip(batch, engine.translate_batch(batch, a, b), strict=True))
            calls += 1
            for language in languages:
                current[language] = [table[segment] for segment in current[language]]
        depth += 1
    return calls, segments


def _timed(action: Callable[[], object]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _pipeline_round(
    folder: Path, engine: Any, items: list[tuple[str, str]], run_index: int
) -> tuple[dict[str, float], dict[str, int]]:
    """One round in a fresh database: collect, detect, translate; the engine alone; one call per comment."""
    from core.services.comments import record_comments
    from core.store import open_store
    from core.store.tables import comments
    from translation.comments import detect_languages, translate_comments
    from translation.service import TranslationService

    store = open_store(f"sqlite:///{folder / f'round{run_index}.db'}")
    x_post = _published(store, "Hà Nội on X", "x")
    fb_post = _published(store, "Hà Nội on Facebook", "facebook")
    half = len(items) // 2
    fetches = [(x_post, _batch("x", items[:half], 0, True)), (fb_post, _batch("fb", items[half:], half, False))]
    service = TranslationService(store, engine)
    seconds: dict[str, float] = {}
    counts: dict[str, int] = {}

    def pipeline() -> None:
        spent, recorded = _timed(lambda: [record_comments(store, v, batch, now=NOW) for v, batch in fetches])
        seconds["collect"] = spent
        ids = sorted(i for r in recorded for i in r.to_detect)
        seconds["detect"], counts["named"] = _timed(lambda: detect_languages(store, ids))
        seconds["translate"], translated = _timed(lambda: translate_comments(store, service, TARGET, ids))
        counts["translated"] = translated.translated
        counts["engine_segments"] = translated.engine_segments
        counts["missing"] = len(translated.missing)

    def baseline() -> None:
        seconds["engine"], (counts["engine_calls"], counts["engine_alone_segments"]) = _timed(
            lambda: _engine_alone(engine, items)
        )

    # Alternate which goes first, so that a noisy neighbour falls on both alike.
    for step in (pipeline, baseline) if run_index % 2 == 0 else (baseline, pipeline):
        step()
    seconds["total"] = seconds["collect"] + seconds["detect"] + seconds["translate"]

    # Detection against the languages the comments were written in.
    truth = {f"{'x' if n < half else 'fb'}-{n}": language for n, (_text, language) in enumerate(items)}
    with store.read() as conn:
        found = list(conn.execute(comments.select().with_only_columns(comments.c.remote_id, comments.c.language)))
    counts["right"] = sum(1 for remote_id, language in found if language == truth[remote_id])
    counts["unknown"] = sum(1 for _remote_id, language in found if language is None)
    counts["wrong"] = len(found) - counts["right"] - counts["unknown"]
    store.dispose()

    # The same comments, one translate() per comment, into an empty memory of its own.
    other = open_store(f"sqlite:///{folder / f'one-by-one{run_index}.db'}")
    one_by_one = TranslationService(other, engine)
    pending = [(text, language) for text, language in items if language != TARGET]
    seconds["one_by_one"], _ = _timed(lambda: [one_by_one.translate(t, lang, [TARGET]) for t, lang in pending])
    other.dispose()
    counts["to_translate"] = len(pending)
    print(f"round {run_index}: " + ", ".join(f"{k} {v:.3f} s" for k, v in seconds.items()), file=sys.stderr)
    return seconds, counts


_DETECTOR_CHILD = r"""
import json, statistics, sys, time
from pathlib import Path

sys.path.insert(0, sys.argv[1])
repeats = int(sys.argv[2])


def rss_mb():
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


from tests.support.comment_samples import SAMPLES
started = time.perf_counter()
from translation import detect
import lingua
imported = time.perf_counter() - started
before = rss_mb()
texts = [t for ts in SAMPLES.values() for t in ts]
started = time.perf_counter()
for text in texts:  # the first pass loads the models (lazily, as each script and letter first appears)
    detect.detect(text)
loaded = time.perf_counter() - started
after = rss_mb()
per_comment = []
for _ in range(repeats):
    started = time.perf_counter()
    for text in texts:
        detect.detect(text)
    per_comment.append((time.perf_counter() - started) / len(texts))
started = time.perf_counter()
detect.detect_many([(t, None) for t in texts])
batch = (time.perf_counter() - started) / len(texts)

low = lingua.LanguageDetectorBuilder.from_languages(
    *[detect._lingua_language(code) for code in sorted(detect.served_languages())]
).with_low_accuracy_mode().build()


def low_detect(text):
    words = detect.prose(text)
    values = low.compute_language_confidence_values(words)
    best = values[0]
    return best.language.iso_code_639_1.name.lower() if best.value >= detect.CONFIDENT else None


accuracy = {}
for language, samples in SAMPLES.items():
    high = [detect.detect(t).language for t in samples]
    lows = [low_detect(t) for t in samples]
    accuracy[language] = {
        mode: [
            sum(f == language for f in found),
            sum(f is None for f in found),
            sum(f not in (None, language) for f in found),
        ]
        for mode, found in (("high", high), ("low", lows))
    }
print(json.dumps({
    "import_s": imported, "load_s": loaded, "rss_mb": after - before, "base_rss_mb": before,
    "per_comment_ms": statistics.median(per_comment) * 1000, "batch_ms": batch * 1000,
    "languages": sorted(detect.served_languages()), "accuracy": accuracy, "samples": len(texts),
}))
"""


def _detector_figures(repeats: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _DETECTOR_CHILD, str(REPO), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run(sizes: Sizes) -> str:
    """Measure everything in a temporary data folder; the Markdown section."""
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as home:
        os.environ["COMMUNIQUE_HOME"] = home
        os.environ.pop("COMMUNIQUE_DB", None)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(home) / name.lower())
        return _run(Path(home), sizes)


def _run(home: Path, sizes: Sizes) -> str:
    from tests.support.argos_packs import build_pack
    from translation import argos, detect, packs

    for a, b in PACKS:
        packs.install_pack(build_pack(home, a, b))
    engine = argos.ArgosEngine()
    engine.warm_up()  # every model loaded before anything is timed, as the app does after start-up
    detect.detect("Cảm ơn Bộ Ngoại giao đã thông tin kịp thời!")
    rng = random.Random(20270302)
    for code, _weight in MIX:  # the detector's models too (its load is measured in a process of its own)
        detect.detect_many([(text, None) for text, language in make_comments(rng, 30) if language == code])
    rounds = []
    for run_index in range(sizes.runs):
        rounds.append(_pipeline_round(home, engine, make_comments(rng, sizes.comments), run_index))
    detector = _detector_figures(sizes.detector_repeats)
    # The machine may be shared: its load over the last 5 minutes says how far to trust the seconds.
    detector["load_average"] = os.getloadavg()[1]
    return markdown(rounds, detector, sizes)


def _median(rounds: list[tuple[dict[str, float], dict[str, int]]], key: str) -> float:
    return statistics.median(seconds[key] for seconds, _counts in rounds)


def _ratio(rounds: list[tuple[dict[str, float], dict[str, int]]], key: str, baseline: str) -> float:
    """The median of the per-round ratios (robust to one slow round)."""
    return statistics.median(seconds[key] / seconds[baseline] for seconds, _counts in rounds)


def _ratio_cell(rounds: list[tuple[dict[str, float], dict[str, int]]], key: str, baseline: str) -> str:
    """The median ratio, and the range of the rounds' ratios when there are several (how noisy the machine was)."""
    each = [seconds[key] / seconds[baseline] for seconds, _counts in rounds]
    spread = f" (rounds {min(each):.2f}-{max(each):.2f})" if len(each) > 1 else ""
    return f"{statistics.median(each):.2f}x{spread}"


def _time(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def markdown(rounds: list[tuple[dict[str, float], dict[str, int]]], detector: dict[str, Any], sizes: Sizes) -> str:
    """The results section."""
    counts = rounds[0][1]
    n = sizes.comments
    to_translate = counts["to_translate"]
    engine = _median(rounds, "engine")
    rows = [
        (
            f"collect, detect and translate {n:,} new comments ({to_translate:,} not in Vietnamese) "
            "vs the engine alone on the same texts",
            _time(_median(rounds, "total")),
            _time(engine),
            _ratio_cell(rounds, "total", "engine"),
        ),
        (
            f"recording them: `record_comments`, one fetch per post ({n // 2:,} on X, {n - n // 2:,} on Facebook)",
            _time(_median(rounds, "collect")),
            "",
            f"{_ratio(rounds, 'collect', 'engine'):.2f}x",
        ),
        (
            "detecting their languages: `detect_languages`",
            _time(_median(rounds, "detect")),
            "",
            f"{_ratio(rounds, 'detect', 'engine'):.2f}x",
        ),
        (
            "translating them into Vietnamese and storing the translations: `translate_comments`",
            _time(_median(rounds, "translate")),
            _time(engine),
            _ratio_cell(rounds, "translate", "engine"),
        ),
        (
            "the same translations, one `TranslationService.translate()` per comment, vs `translate_comments`",
            _time(_median(rounds, "one_by_one")),
            _time(_median(rounds, "translate")),
            _ratio_cell(rounds, "one_by_one", "translate"),
        ),
        (
            f"language detector, cold: the first pass over the {detector['samples']} samples (every model loaded)",
            f"{detector['load_s'] * 1000:.0f} ms",
            "",
            "",
        ),
        (
            "language detector, memory once loaded (growth of the process's resident memory)",
            f"{detector['rss_mb']:.0f} MB",
            "",
            "",
        ),
        (
            "language detector, warm: one comment (one at a time / a batch through `detect_many`)",
            f"{detector['per_comment_ms'] * 1000:.0f} µs / {detector['batch_ms'] * 1000:.0f} µs",
            "",
            "",
        ),
    ]
    accuracy = detector["accuracy"]

    def right(mode: str) -> str:
        return " / ".join(f"{code} {accuracy[code][mode][0]}" for code in accuracy)

    def total(mode: str, index: int) -> int:
        return sum(accuracy[code][mode][index] for code in accuracy)

    samples = detector["samples"]
    per_language = samples // len(accuracy)
    right_all = sum(c["right"] for _s, c in rounds)
    found_all = sum(c["right"] + c["unknown"] + c["wrong"] for _s, c in rounds)
    lines = [
        "## Audience feedback",
        "",
        f"{today()}, {machine()}. Offline, tiny real packs (one-layer random CTranslate2 models: "
        f"{', '.join(f'{a} -> {b}' for a, b in PACKS)}; Japanese, German, Hindi and Ukrainian go through English), "
        f"SQLite in a temporary folder, a fresh database each round. Median of {sizes.runs} rounds of {n:,} new, "
        "different comments; ratios are the median of each round's ratio against the engine alone on the same "
        f"texts, in the same round (the machine's load average over the run: {detector['load_average']:.1f}).",
        "",
        "| what | time | baseline | ratio |",
        "| --- | --- | --- | --- |",
        *(f"| {label} | {value} | {base} | {ratio} |" for label, value, base, ratio in rows),
        "",
        f"Detection accuracy on {samples} short comments ({per_language} per language, "
        "tests/support/comment_samples.py), Lingua restricted to "
        f"{', '.join(detector['languages'])}, answers below {0.6} confidence counted as unknown:",
        "",
        "| mode | right (of 12 per language) | unknown | wrong |",
        "| --- | --- | --- | --- |",
        f"| high accuracy (used) | {right('high')} ({total('high', 0)}/{samples}) | {total('high', 1)} | "
        f"{total('high', 2)} |",
        f"| low accuracy | {right('low')} ({total('low', 0)}/{samples}) | {total('low', 1)} | {total('low', 2)} |",
        "",
        f"Over the benchmark's comments (one to three samples joined; X's guess on half of them), "
        f"{right_all:,} of {found_all:,} got their language right, "
        f"{sum(c['unknown'] for _s, c in rounds):,} stayed unknown, {sum(c['wrong'] for _s, c in rounds):,} "
        "were wrong.",
        "",
        "The engine alone is the engine's batched Argos call on the same comments' prose (links, mentions, "
        "hashtags and emoji cut out, as the pipeline cuts them), each language pair once with each distinct "
        f"segment that needs it (here {counts['engine_calls']} calls, {counts['engine_alone_segments']:,} "
        "segments into the first legs): the least work any caller could give the engine for the same texts. "
        "`translate_comments` sends the engine exactly that "
        f"({counts['engine_segments']:,} segments) and adds the cutting itself, the glossary, a memory "
        "look-up per comment, the memory write and one write of the translations. Collection is timed from the fetched "
        "comments to the rows stored (the platforms' HTTP is not timed); detection reads, detects and "
        f"writes back in pages of 500. The detector loads its models lazily, {detector['load_s']:.1f} s and "
        f"about {detector['rss_mb']:.0f} MB on first use (import {detector['import_s'] * 1000:.0f} ms). "
        "Lingua's low-accuracy mode (trigrams only, a fraction of the memory) was confidently wrong on short "
        "comments, so the high-accuracy mode is used. The comments are built from 72 samples, so many "
        "segments repeat: each is translated once. With a real model a sentence costs about 20 ms instead of "
        "a few (see Translation above), so the pipeline's fixed cost per comment weighs far less. "
        "Reproduce with `make bench-feedback` (or `python bench/feedback.py`).",
    ]
    return "\n".join(lines)


def main() -> None:
    """Run it; print the section, and write it with ``--write``."""
    parser = bench_arguments(__doc__, "feedback")
    args = parser.parse_args()
    report(parser, args, "feedback", lambda: run(QUICK if args.quick else FULL))


if __name__ == "__main__":
    main()
