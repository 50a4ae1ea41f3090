"""Translation benchmark: pipeline overhead and fixed cost, batching, cold and warm first call.

Runs offline on tiny real packs it builds itself (tests/support/argos_packs.py) in a temporary
data folder. The overhead goal (at most 1.10x argostranslate on the same segments) is judged on
one-segment posts against ``argostranslate.translate.translate()`` and on 280-character posts
against argostranslate called the way the pipeline calls it (every segment in one batch), and
the verdict is printed from the figures. Prints a Markdown section; ``--write docs/benchmarks.md``
replaces the section between ``<!-- bench:translation:start -->`` and
``<!-- bench:translation:end -->``. ``--quick`` runs a few repetitions only (a smoke test).

    python bench/translation.py [--runs 7] [--posts 10] [--quick] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import datetime
import functools
import itertools
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

START = "<!-- bench:translation:start -->"
END = "<!-- bench:translation:end -->"
TARGETS = ["en", "ja", "de", "hi", "uk"]
_WORDS = [
    "bộ",
    "ngoại",
    "giao",
    "thông",
    "cáo",
    "báo",
    "chí",
    "hôm",
    "nay",
    "đại",
    "sứ",
    "quán",
    "cuộc",
    "họp",
    "chuyến",
    "thăm",
    "bộ",
    "trưởng",
    "hợp",
    "tác",
    "hữu",
    "nghị",
    "thương",
    "mại",
    "văn",
    "hóa",
    "tuyên",
    "bố",
    "chào",
    "mừng",
    "đối",
    "tác",
    "quốc",
    "gia",
]
_EN_WORDS = [
    "the",
    "ministry",
    "of",
    "foreign",
    "affairs",
    "press",
    "release",
    "today",
    "embassy",
    "meeting",
    "visit",
    "minister",
    "people",
    "cooperation",
    "friendship",
    "trade",
    "culture",
    "statement",
    "welcome",
    "partner",
    "country",
    "talks",
    "agreement",
]

_COLD_CHILD = """
import sys, time
started = time.perf_counter()
from core.store import open_store
from translation.service import TranslationService
service = TranslationService(open_store())
opened = time.perf_counter() - started
if sys.argv[3] == "warm_up":
    service.warm_up()  # what the app does in the background once its window is up
t = time.perf_counter()
service.translate(sys.argv[1], "en", ["vi"], use_memory=False)
first = time.perf_counter() - t + (opened if sys.argv[3] == "cold" else 0.0)
t = time.perf_counter()
service.translate(sys.argv[2], "en", ["vi"], use_memory=False)
print(first, time.perf_counter() - t)
"""


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(6, 12))).capitalize() + rng.choice(".!?")


def _prose_post(rng: random.Random, words: list[str], sentences: int = 3) -> str:
    return " ".join(_sentence(rng, words) for _ in range(sentences))


def _social_post(rng: random.Random, words: list[str] = _WORDS, tag: str = "#ViệtNam") -> str:
    """About 280 characters with a link, a mention, a hashtag, emoji and a line break."""
    text = (
        f"{_sentence(rng, words)} @VNMOFA {_sentence(rng, words)}\n"
        f"{_sentence(rng, words)} https://mofa.gov.vn/tin-tuc/{rng.randint(1000, 9999)} {tag} 🇻🇳 "
        f"{_sentence(rng, words)}"
    )
    while len(text) < 280:
        text += " " + rng.choice(words)
    return text[:280].rstrip()


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _compare(
    paths: dict[str, Callable[[str], object]], make: Callable[[], str], runs: int, posts_per_run: int
) -> dict[str, list[float]]:
    """Seconds per post on each path, one figure per run: the same fresh posts through every path.

    Each post goes through the paths back to back, in rotating order, so that load on a shared
    machine falls on all alike; fresh texts mean nothing is reused from memory or from Argos's
    own cache of the last call.
    """
    per_run: dict[str, list[float]] = {name: [] for name in paths}
    for run_index in range(runs):
        spent = dict.fromkeys(paths, 0.0)
        for post_index in range(posts_per_run):
            post = make()
            order = list(paths)
            shift = (run_index + post_index) % len(order)
            for name in order[shift:] + order[:shift]:
                spent[name] += _timed(functools.partial(paths[name], post))
        for name in paths:
            per_run[name].append(spent[name] / posts_per_run)
    return per_run


def _ratio(per_run: dict[str, list[float]], path: str, baseline: str) -> float:
    """The median of the per-run ratios (robust to one slow run)."""
    return statistics.median(a / b for a, b in zip(per_run[path], per_run[baseline], strict=True))


def _extra_ms(per_run: dict[str, list[float]], path: str, baseline: str) -> float:
    """The median of the per-run differences, in ms per post."""
    return statistics.median(a - b for a, b in zip(per_run[path], per_run[baseline], strict=True)) * 1000


def run(runs: int, posts_per_run: int, cold_runs: int, quick: bool = False) -> dict[str, float]:
    """Measure everything; returns the medians (ms) and ratios."""
    from core.store import open_store
    from tests.support.argos_packs import BASE, ModelSize, build_pack
    from translation import argos, packs, spans
    from translation.service import TranslationService

    out = Path(tempfile.mkdtemp(prefix="bench-packs-"))
    for a, b in [("vi", "en"), ("en", "vi"), *[("en", t) for t in TARGETS if t != "en"]]:
        packs.install_pack(build_pack(out, a, b))
    store = open_store()
    engine = argos.ArgosEngine()
    service = TranslationService(store, engine)
    translate_module = argos._argos()["translate"]
    rng = random.Random(7)
    figures: dict[str, float] = {}

    # Warm every path once, so that the comparison measures steady state.
    service.translate(_prose_post(rng, _EN_WORDS), "en", ["vi"], use_memory=False)
    translate_module.translate(_prose_post(rng, _EN_WORDS), "en", "vi")

    # 1. Overhead. The pipeline (spans, glossary, memory look-up and store, flags) against:
    #    - argostranslate's own translate() on a one-segment post, the call an app without the
    #      pipeline would make;
    #    - the engine's batched Argos call alone (Argos's sentence splitter, tokenizer and
    #      CTranslate2 translator with every segment of the post in one translate_batch): exactly
    #      how the pipeline calls argostranslate, so the difference is what the pipeline adds.
    #      A post with several segments is compared against this, never against one call per
    #      segment (which the pipeline would win by batching, hiding its own cost).
    def batched(post: str) -> object:
        return engine.translate_batch(spans.prose_cores(spans.split(post)), "en", "vi")

    pipeline: dict[str, Callable[[str], object]] = {
        "batched": batched,
        "pipeline": lambda p: service.translate(p, "en", ["vi"]),
        "pipeline_nomem": lambda p: service.translate(p, "en", ["vi"], use_memory=False),
    }
    prose = _compare(
        {"argos": lambda p: translate_module.translate(p, "en", "vi"), **pipeline},
        lambda: _prose_post(rng, _EN_WORDS),
        runs,
        posts_per_run,
    )
    social = _compare(pipeline, lambda: _social_post(rng, _EN_WORDS, "#Diplomacy"), runs, posts_per_run)
    for kind, per_run in (("prose", prose), ("social", social)):
        for name, samples in per_run.items():
            figures[f"{kind}_{name}_ms"] = _median_ms(samples)
        figures[f"{kind}_fixed_ms"] = _extra_ms(per_run, "pipeline", "batched")
        figures[f"{kind}_fixed_nomem_ms"] = _extra_ms(per_run, "pipeline_nomem", "batched")
    figures["prose_overhead"] = _ratio(prose, "pipeline", "argos")
    figures["prose_overhead_nomem"] = _ratio(prose, "pipeline_nomem", "argos")
    figures["prose_overhead_batched"] = _ratio(prose, "pipeline", "batched")
    figures["social_overhead"] = _ratio(social, "pipeline", "batched")
    figures["social_overhead_nomem"] = _ratio(social, "pipeline_nomem", "batched")

    # 1b. The same comparison with a model of a real Argos model's shape (Transformer base, random
    #     weights), where a translation costs what it costs in use: the goal is judged here too.
    #     It is a pair of its own (en -> fr), so the tiny packs' figures below are not mixed with it.
    #     (--quick builds a small stand-in so the smoke test stays fast.)
    size = ModelSize(d_model=128, layers=2, heads=2, ffn=256, eos_bias=3.5) if quick else BASE
    packs.install_pack(build_pack(out, "en", "fr", size=size))

    def base_batched(post: str) -> object:
        return engine.translate_batch(spans.prose_cores(spans.split(post)), "en", "fr")

    base_paths: dict[str, Callable[[str], object]] = {
        "argos": lambda p: translate_module.translate(p, "en", "fr"),
        "batched": base_batched,
        "pipeline": lambda p: service.translate(p, "en", ["fr"]),
        "pipeline_nomem": lambda p: service.translate(p, "en", ["fr"], use_memory=False),
    }
    for path in base_paths.values():  # load the big model before anything is timed
        path(_prose_post(rng, _EN_WORDS))
    base_runs, base_posts = (runs, posts_per_run) if quick else (5, 4)
    base_prose = _compare(base_paths, lambda: _prose_post(rng, _EN_WORDS), base_runs, base_posts)
    base_social = _compare(
        {k: v for k, v in base_paths.items() if k != "argos"},
        lambda: _social_post(rng, _EN_WORDS, "#Diplomacy"),
        base_runs,
        base_posts,
    )
    for name, samples in base_prose.items():
        figures[f"base_prose_{name}_ms"] = _median_ms(samples)
    for name, samples in base_social.items():
        figures[f"base_social_{name}_ms"] = _median_ms(samples)
    figures["base_prose_overhead"] = _ratio(base_prose, "pipeline", "argos")
    figures["base_prose_overhead_nomem"] = _ratio(base_prose, "pipeline_nomem", "argos")
    figures["base_social_overhead"] = _ratio(base_social, "pipeline", "batched")
    figures["base_social_overhead_nomem"] = _ratio(base_social, "pipeline_nomem", "batched")

    # 2. One 280-character post into five languages: batched pipeline vs one call per segment.
    batched_runs, one_by_one = [], []
    for _ in range(runs):
        post = _social_post(rng)
        batched_runs.append(_timed(functools.partial(service.translate, post, "vi", TARGETS, use_memory=False)))
        cores = spans.prose_cores(spans.split(post))

        def segment_by_segment(cores: list[str] = cores) -> None:
            for target in TARGETS:
                route = service.route("vi", target)
                for core in cores:
                    text = core
                    for a, b in itertools.pairwise(route):
                        (text,) = engine.translate_batch([text], a, b)

        one_by_one.append(_timed(segment_by_segment))
    figures["post5_batched_ms"] = _median_ms(batched_runs)
    figures["post5_segments_ms"] = _median_ms(one_by_one)
    figures["batch_speedup"] = figures["post5_segments_ms"] / figures["post5_batched_ms"]

    # 3. First call in a fresh process: cold (imports, database, model load, translation), after
    #    the engine's warm_up(), and the next call (warm).
    samples: dict[str, list[float]] = {"cold": [], "after_warm_up": [], "warm": []}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for index in range(cold_runs * 2):
        mode = "cold" if index % 2 == 0 else "warm_up"
        done = subprocess.run(
            [sys.executable, "-c", _COLD_CHILD, _prose_post(rng, _EN_WORDS), _prose_post(rng, _EN_WORDS), mode],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=REPO,
        )
        first, second = (float(x) for x in done.stdout.split())
        samples["cold" if mode == "cold" else "after_warm_up"].append(first)
        samples["warm"].append(second)
    figures["cold_ms"] = _median_ms(samples["cold"])
    figures["after_warm_up_ms"] = _median_ms(samples["after_warm_up"])
    figures["warm_ms"] = _median_ms(samples["warm"])
    figures["cold_over_warm"] = figures["cold_ms"] / figures["warm_ms"]
    store.dispose()
    return figures


GOAL = 1.10


def _verdict(ratio: float) -> str:
    return "met" if ratio <= GOAL else "NOT met"


def table_rows(f: Mapping[str, float]) -> list[tuple[str, str]]:
    """The results table: (measure, median) per row."""
    return [
        (
            "3-sentence prose post (one segment), `argostranslate.translate.translate()`",
            f"{f['prose_argos_ms']:.2f} ms",
        ),
        ("the same segment, the engine's batched Argos call alone", f"{f['prose_batched_ms']:.2f} ms"),
        ("the same posts through the pipeline, with translation memory", f"{f['prose_pipeline_ms']:.2f} ms"),
        ("the same, without translation memory", f"{f['prose_pipeline_nomem_ms']:.2f} ms"),
        (
            f"**overhead, one-segment prose posts**, against `translate()` (goal <= {GOAL:.2f}x: "
            f"{_verdict(f['prose_overhead'])})",
            f"**{f['prose_overhead']:.2f}x** (without memory {f['prose_overhead_nomem']:.2f}x; "
            f"against the batched call {f['prose_overhead_batched']:.2f}x)",
        ),
        (
            "pipeline's fixed cost per prose post (pipeline minus the batched call)",
            f"{f['prose_fixed_ms']:.2f} ms (without memory {f['prose_fixed_nomem_ms']:.2f} ms)",
        ),
        (
            "280-character post (4 prose segments, link, mention, hashtag, emoji, line break), "
            "the engine's batched Argos call alone",
            f"{f['social_batched_ms']:.2f} ms",
        ),
        ("the same posts through the pipeline, with translation memory", f"{f['social_pipeline_ms']:.2f} ms"),
        ("the same, without translation memory", f"{f['social_pipeline_nomem_ms']:.2f} ms"),
        (
            f"**overhead, 280-character posts**, against the batched call (goal <= {GOAL:.2f}x: "
            f"{_verdict(f['social_overhead'])})",
            f"**{f['social_overhead']:.2f}x** (without memory {f['social_overhead_nomem']:.2f}x)",
        ),
        (
            "pipeline's fixed cost per 280-character post (pipeline minus the batched call)",
            f"{f['social_fixed_ms']:.2f} ms (without memory {f['social_fixed_nomem_ms']:.2f} ms)",
        ),
        (
            "model of a real Argos model's shape (6+6 layers, d=512, random weights): 3-sentence prose post, "
            "`argostranslate.translate.translate()`",
            f"{f['base_prose_argos_ms']:.1f} ms",
        ),
        ("the same posts through the pipeline, with translation memory", f"{f['base_prose_pipeline_ms']:.1f} ms"),
        (
            f"**overhead, one-segment prose posts, real-size model** (goal <= {GOAL:.2f}x: "
            f"{_verdict(f['base_prose_overhead'])})",
            f"**{f['base_prose_overhead']:.3f}x** (without memory {f['base_prose_overhead_nomem']:.3f}x)",
        ),
        (
            "280-character post, real-size model, the engine's batched Argos call alone",
            f"{f['base_social_batched_ms']:.1f} ms",
        ),
        ("the same posts through the pipeline, with translation memory", f"{f['base_social_pipeline_ms']:.1f} ms"),
        (
            f"**overhead, 280-character posts, real-size model**, against the batched call (goal <= {GOAL:.2f}x: "
            f"{_verdict(f['base_social_overhead'])})",
            f"**{f['base_social_overhead']:.3f}x** (without memory {f['base_social_overhead_nomem']:.3f}x)",
        ),
        ("one 280-character post into 5 languages, batched", f"{f['post5_batched_ms']:.1f} ms"),
        ("the same, one engine call per segment and leg", f"{f['post5_segments_ms']:.1f} ms"),
        ("**batching speed-up**", f"**{f['batch_speedup']:.2f}x**"),
        ("cold first call (new process: imports, database, model load, translation)", f"{f['cold_ms']:.0f} ms"),
        (
            "first call after `TranslationService.warm_up()` (run in the background at start-up)",
            f"{f['after_warm_up_ms']:.1f} ms",
        ),
        ("warm call (same process, next post)", f"{f['warm_ms']:.1f} ms"),
        ("cold / warm", f"{f['cold_over_warm']:.0f}x"),
    ]


def markdown(figures: dict[str, float], runs: int, posts_per_run: int) -> str:
    """The benchmark section as Markdown."""
    machine = platform.processor() or platform.machine()
    try:  # platform.processor() is only "x86_64" on Linux; the model name says more
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                machine = f"{line.split(':', 1)[1].strip()} ({machine})"
                break
    except OSError:
        pass
    prose, social = figures["prose_overhead"], figures["social_overhead"]
    base_prose, base_social = figures["base_prose_overhead"], figures["base_social_overhead"]
    return "\n".join(
        [
            "## Translation",
            "",
            f"Machine: {machine}, {os.cpu_count()} CPUs; Python {platform.python_version()}; "
            f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d}. Generated packs: tiny ones (one-layer random "
            "CTranslate2 models, a few ms a post), which lay the pipeline's own fixed cost bare, and one of a "
            "real Argos model's shape (Transformer base, random weights), where a translation costs about what "
            f"it costs in use. Each figure is the median of {runs} runs (real-size rows: 5 runs of 4 posts).",
            "",
            "| Measure | Median |",
            "| --- | --- |",
            *(f"| {measure} | {value} |" for measure, value in table_rows(figures)),
            "",
            f"Goal (the pipeline, with translation memory, at most {GOAL:.2f}x argostranslate on the same "
            f"segments): with a real-size model, one-segment prose posts **{_verdict(base_prose)}** "
            f"({base_prose:.3f}x) and 280-character posts **{_verdict(base_social)}** ({base_social:.3f}x "
            f"against the batched call); with the tiny models, where the model costs next to nothing, "
            f"**{_verdict(prose)}** ({prose:.2f}x) and **{_verdict(social)}** ({social:.2f}x): the fixed "
            "cost per post below is what the pipeline adds, whatever the model.",
            "",
            f"Overhead runs translate {posts_per_run} fresh posts per run (nothing is reused from memory); "
            "each ratio and fixed cost is the median of the per-run figures, so it need not match the medians "
            "above. The batched call is the engine's own `translate_batch`: Argos's sentence splitter, tokenizer "
            "and CTranslate2 translator with every segment of a post in one call, which is how the pipeline "
            "calls argostranslate; `translate()` does the same steps for one text, plus its own paragraph and "
            "hypothesis handling. The fixed cost (spans, glossary check and memory look-up in one statement, "
            "the memory write, flags) is the same whatever the model: against the tiny models it shows in the "
            "ratios, against the real-size one it is within a few percent. The random real-size model stops "
            "its sentences early, so a trained model (whose output is as long as its input) costs more per "
            "post and the real ratio is lower still. Reproduce with `python bench/translation.py`.",
        ]
    )


def write_section(path: Path, section: str) -> None:
    """Replace (or append) the marked translation section of ``path``."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    """Run the benchmark in a temporary data folder and print (or write) the section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--posts", type=int, default=10, help="posts per overhead run")
    parser.add_argument(
        "--quick", action="store_true", help="a few repetitions only: checks that it runs; never written to a file"
    )
    parser.add_argument("--write", type=Path, help="Markdown file whose translation section to replace")
    args = parser.parse_args()
    if args.quick and args.write:
        parser.error("--quick figures are a smoke test and are not written to a file; drop --write")
    runs, posts, cold_runs = (2, 3, 1) if args.quick else (args.runs, args.posts, max(3, args.runs // 2))
    with tempfile.TemporaryDirectory(prefix="bench-translation-") as home:
        os.environ["COMMUNIQUE_HOME"] = home
        os.environ.pop("COMMUNIQUE_DB", None)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(home) / name.lower())
        figures = run(runs, posts, cold_runs, quick=args.quick)
    section = markdown(figures, runs, posts)
    print(section)
    if args.write:
        write_section(args.write, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
