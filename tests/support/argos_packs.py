"""Tiny but real Argos Translate language packs, built in about a tenth of a second.

Real packs cannot be downloaded in the test environment, so tests and benchmarks build their
own: a SentencePiece model trained on a few hundred generated sentences, a one-layer
CTranslate2 Transformer with small random weights (its output is deterministic gibberish), a
one-node ONNX MiniSBD sentence splitter (the product's practice-pack writers make the model and
the splitter), and ``metadata.json``, zipped into a ``.argosmodel``.
Everything the real code path touches (zip layout, metadata, tokenizer, CTranslate2 model,
sentence splitter) is genuine; only the weights are random.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from translation.onnx_splitter import write_splitter
from translation.practice_packs import save_random_transformer

# Words from several scripts, so that the tokenizer has pieces for the mixed-script posts in tests.
_WORDS = {
    "en": "the ministry of foreign affairs press release today embassy meeting visit minister people "
    "cooperation friendship trade culture statement welcome partner country talks agreement",
    "vi": "bộ ngoại giao thông cáo báo chí hôm nay đại sứ quán cuộc họp chuyến thăm bộ trưởng hợp tác "
    "hữu nghị thương mại văn hóa tuyên bố chào mừng đối tác quốc gia",
    "ja": "外務省 報道 発表 今日 大使館 会議 訪問 大臣 協力 友好 貿易 文化 声明 歓迎 です ます",
    "hi": "विदेश मंत्रालय प्रेस विज्ञप्ति आज दूतावास बैठक यात्रा मंत्री सहयोग मित्रता व्यापार संस्कृति",
    "uk": "міністерство закордонних справ прес реліз сьогодні посольство зустріч візит міністр співпраця",
    "de": "das auswärtige amt presse mitteilung heute botschaft treffen besuch minister zusammenarbeit",
}
_ALL_WORDS = [word for words in _WORDS.values() for word in words.split()]


def _corpus(seed: int, size: int = 300) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for _ in range(size):
        words = [rng.choice(_ALL_WORDS) for _ in range(rng.randint(3, 10))]
        lines.append(" ".join(words) + rng.choice([".", "!", "?", ""]))
    return lines


def _train_sentencepiece(folder: Path, seed: int, vocab_size: int) -> list[str]:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_corpus(seed)),
        model_writer=model,
        vocab_size=vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,
        model_type="unigram",
        minloglevel=2,
        num_threads=1,
    )
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


@dataclass(frozen=True)
class ModelSize:
    """The shape of a pack's random Transformer."""

    d_model: int = 64
    layers: int = 1
    heads: int = 2
    ffn: int = 128
    #: The bias on ``</s>`` in the output projection: how soon the random model stops a sentence.
    eos_bias: float = 2.5


#: The default: ~400 KB, a few ms a sentence; for tests of loading, caching and the pipeline.
TINY = ModelSize()
#: The shape of a real Argos model (Transformer base: 6+6 layers, d=512, 8 heads, FFN 2048),
#: ~180 MB, with the cost per sentence of a real one; for benchmarks that compare against it.
BASE = ModelSize(d_model=512, layers=6, heads=8, ffn=2048, eos_bias=3.5)


def _save_ctranslate2_model(folder: Path, vocabulary: list[str], seed: int, size: ModelSize = TINY) -> None:
    save_random_transformer(
        folder,
        vocabulary,
        seed,
        layers=size.layers,
        heads=size.heads,
        d_model=size.d_model,
        ffn=size.ffn,
        eos_bias=size.eos_bias,
    )


def pack_name(from_code: str, to_code: str, version: str = "1.0") -> str:
    """The file name the builder gives a pack."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}.argosmodel"


def build_pack_folder(
    folder: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    seed: int = 0,
    splitter: bool = True,
    vocab_size: int = 160,
    from_name: str | None = None,
    to_name: str | None = None,
    size: ModelSize = TINY,
) -> Path:
    """Write an unzipped pack (``metadata.json``, tokenizer, model, splitter) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "type": "translate",
        "from_code": from_code,
        "to_code": to_code,
        "from_name": from_name or from_code.upper(),
        "to_name": to_name or to_code.upper(),
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    vocabulary = _train_sentencepiece(folder, seed, vocab_size)
    _save_ctranslate2_model(folder / "model", vocabulary, seed, size)
    if splitter:
        write_splitter(folder / "minisbd" / f"{from_code}.onnx", from_code)
    return folder


def zip_folder(folder: Path, archive: Path, top: str | None = None) -> Path:
    """Zip ``folder`` as one top-level directory named ``top`` (the folder's name by default)."""
    top = top or folder.name
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive


def build_pack(
    out_dir: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    seed: int | None = None,
    splitter: bool = True,
    from_name: str | None = None,
    to_name: str | None = None,
    size: ModelSize = TINY,
) -> Path:
    """Build ``translate-<from>_<to>-<version>.argosmodel`` in ``out_dir`` and return its path.

    The seed defaults to one derived from the pair and version, so that two versions of a pair
    translate differently (tests of reinstalling rely on it).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if seed is None:
        seed = sum(ord(c) * (i + 1) for i, c in enumerate(f"{from_code}{to_code}{version}")) % 10_000
    staging = Path(tempfile.mkdtemp(dir=out_dir))
    try:
        top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
        folder = build_pack_folder(
            staging / top,
            from_code,
            to_code,
            version=version,
            seed=seed,
            splitter=splitter,
            from_name=from_name,
            to_name=to_name,
            size=size,
        )
        archive = out_dir / (
            pack_name(from_code, to_code, version) if splitter else f"nosplit-{pack_name(from_code, to_code, version)}"
        )
        return zip_folder(folder, archive, top)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
