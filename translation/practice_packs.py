"""Practice language packs: tiny, real Argos packs with random weights, built on this machine.

A practice workspace must translate at once, offline, without a multi-hundred-megabyte download.
A practice pack is a genuine ``.argosmodel`` (a SentencePiece tokenizer trained on a few hundred
generated sentences, a one-layer CTranslate2 Transformer, a MiniSBD splitter, ``metadata.json``)
built from run-time dependencies only: ``sentencepiece``, ``ctranslate2`` and its ``numpy``, and
the splitter encoded by :mod:`translation.onnx_splitter`. It is installed through the same
validated path as any pack (:func:`translation.packs.install_pack`).

Its weights are random, so **its output is gibberish**: it exercises compose -> translate ->
review -> schedule, never the quality of a translation. Every practice pack says so: its version
is ``0.0+practice`` (:func:`is_practice`), its metadata carries ``"practice": true`` and a note,
and a practice pack is never installed over a pack that is already there.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from core import languages
from translation import packs
from translation.onnx_splitter import SENTENCE_ENDS, write_splitter

#: A valid version (PEP 440, with a local label) that says what the pack is wherever it is listed.
PRACTICE_VERSION = "0.0+practice"
PRACTICE_NOTE = "Practice pack: random weights, its translations are gibberish. Install a real pack to translate."
PIVOT = "en"

#: Progress: packs done, packs in all, the pair being built.
Progress = Callable[[int, int, str], None]

# Words from several scripts, so that the tokenizer has pieces for the practice accounts' posts.
_TEXT = (
    "the ministry of foreign affairs press release today embassy meeting visit minister people "
    "cooperation friendship trade culture statement welcome partner country talks agreement "
    "bộ ngoại giao thông cáo báo chí hôm nay đại sứ quán cuộc họp chuyến thăm bộ trưởng hợp tác "
    "外務省 報道 発表 今日 大使館 会議 訪問 大臣 協力 友好 貿易 文化 声明 歓迎 です ます "
    "міністерство закордонних справ прес реліз сьогодні посольство зустріч візит міністр співпраця "
    "das auswärtige amt heute botschaft treffen besuch le ministère des affaires étrangères aujourd'hui"
)
_WORDS = _TEXT.split()
_VOCAB_SIZE = 160
_D_MODEL, _HEADS, _FFN = 64, 2, 128
#: The bias on ``</s>`` in the output projection: how soon the random model ends a sentence.
_EOS_BIAS = 2.5


def is_practice(pack: packs.PackInfo) -> bool:
    """Whether ``pack`` is a practice pack (its output is gibberish)."""
    return pack.version.endswith("+practice")


def _seed(from_code: str, to_code: str) -> int:
    return sum(ord(c) * (i + 1) for i, c in enumerate(f"{from_code}{to_code}practice")) % 10_000


def _train_tokenizer(folder: Path, seed: int) -> list[str]:
    import sentencepiece as spm

    rng = random.Random(seed)
    corpus = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 10))) + rng.choice([".", "!", "?", ""])
        for _ in range(300)
    ]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus),
        model_writer=model,
        vocab_size=_VOCAB_SIZE,
        character_coverage=1.0,
        hard_vocab_limit=False,
        model_type="unigram",
        minloglevel=2,
        num_threads=1,
    )
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def save_random_transformer(
    folder: Path,
    vocabulary: list[str],
    seed: int,
    *,
    layers: int = 1,
    heads: int = _HEADS,
    d_model: int = _D_MODEL,
    ffn: int = _FFN,
    eos_bias: float = _EOS_BIAS,
) -> None:
    """Write a CTranslate2 Transformer of this shape with random weights (a practice pack's model).

    A real Argos model has this shape with trained weights (6+6 layers, d=512); the benches use
    that size to measure the pipeline against a real model's cost.
    """
    import ctranslate2
    import numpy as np

    rng = np.random.default_rng(seed)
    # 0.2 at d=64, scaled by 1/sqrt(d) so that the logits (and so the output length) keep their spread.
    scale = 0.2 * (64 / d_model) ** 0.5

    def weights(*shape: int) -> Any:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(d_model, dtype=np.float32)
        layer.beta = np.zeros(d_model, dtype=np.float32)

    size = len(vocabulary)
    spec = ctranslate2.specs.TransformerSpec.from_config(layers, heads)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = weights(size, d_model)
    decoder.embeddings.weight = weights(size, d_model)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = weights(3 * d_model, d_model)
        layer.self_attention.linear[1].weight = weights(d_model, d_model)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = weights(ffn, d_model)
        layer.ffn.linear_1.weight = weights(d_model, ffn)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = weights(3 * d_model, d_model)
        layer.self_attention.linear[1].weight = weights(d_model, d_model)
        norm(layer.attention.layer_norm)
        layer.attention.linear[0].weight = weights(d_model, d_model)
        layer.attention.linear[1].weight = weights(2 * d_model, d_model)
        layer.attention.linear[2].weight = weights(d_model, d_model)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = weights(ffn, d_model)
        layer.ffn.linear_1.weight = weights(d_model, ffn)
    norm(encoder.layer_norm)
    norm(decoder.layer_norm)
    decoder.projection.weight = weights(size, d_model)
    bias = np.zeros(size, dtype=np.float32)
    bias[vocabulary.index("</s>")] = eos_bias  # keeps the random output short
    decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))


def build_practice_pack(out_dir: Path, from_code: str, to_code: str) -> Path:
    """Build the practice pack ``from_code`` -> ``to_code`` as a ``.argosmodel`` in ``out_dir``."""
    source, target = languages.normalize(from_code), languages.normalize(to_code)
    top = f"practice-translate-{source}_{target}"
    folder = out_dir / top
    folder.mkdir(parents=True)
    metadata = {
        "package_version": PRACTICE_VERSION,
        "argos_version": "1.9",
        "type": "translate",
        "from_code": source,
        "to_code": target,
        "from_name": languages.name(source),
        "to_name": languages.name(target),
        "practice": True,
        "note": PRACTICE_NOTE,
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    seed = _seed(source, target)
    vocabulary = _train_tokenizer(folder, seed)
    save_random_transformer(folder / "model", vocabulary, seed)
    write_splitter(folder / "minisbd" / f"{source}.onnx", source)
    archive = out_dir / f"{top}.argosmodel"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive


def pairs_for(language_codes: Iterable[str], pivot: str = PIVOT) -> list[tuple[str, str]]:
    """The pairs that let every language translate into every other: each one to and from ``pivot``."""
    codes = sorted({languages.normalize(code) for code in language_codes} - {pivot})
    return [pair for code in codes for pair in ((pivot, code), (code, pivot))]


def install_practice_packs(language_codes: Iterable[str], *, progress: Progress | None = None) -> list[packs.PackInfo]:
    """Install the practice packs ``language_codes`` need (see :func:`pairs_for`); returns those installed.

    A pair that already has a pack (a real one above all) is left alone. Each pack is built in a
    temporary folder and installed with the usual checks; a :class:`UserError` stops the rest.
    """
    installed = {(p.from_code, p.to_code) for p in packs.list_packs()}
    wanted = [pair for pair in pairs_for(language_codes) if pair not in installed]
    done: list[packs.PackInfo] = []
    with tempfile.TemporaryDirectory(prefix="communique-practice-") as scratch:
        for number, (source, target) in enumerate(wanted):
            if progress is not None:
                progress(number, len(wanted), f"{source} -> {target}")
            archive = build_practice_pack(Path(scratch) / str(number), source, target)
            done.append(packs.install_pack(archive, expected=(source, target)))
    if progress is not None:
        progress(len(wanted), len(wanted), "")
    return done


__all__ = [
    "PRACTICE_NOTE",
    "PRACTICE_VERSION",
    "SENTENCE_ENDS",
    "build_practice_pack",
    "install_practice_packs",
    "is_practice",
    "pairs_for",
]
