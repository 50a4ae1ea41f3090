"""Tiny but real Argos Translate language packs, built in about a tenth of a second.

Real packs cannot be downloaded in the test environment, so tests and benchmarks build their
own: a SentencePiece model trained on a few hundred generated sentences, a one-layer
CTranslate2 Transformer with small random weights (its output is deterministic gibberish), a
one-node ONNX MiniSBD sentence splitter, and ``metadata.json``, zipped into a ``.argosmodel``.
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
from typing import Any

import numpy as np

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

#: The ONNX splitter's classes: 0 inside a token, 1 end of a token, 2 end of a sentence.
_SENTENCE_ENDS = ".!?。！？।"


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
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    vocab_size = len(vocabulary)
    d_model, ffn = size.d_model, size.ffn
    # 0.2 at d=64, scaled by 1/sqrt(d) so that the logits (and so the output length) keep their spread.
    scale = 0.2 * (64 / d_model) ** 0.5

    def weights(*shape: int) -> Any:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(d_model, dtype=np.float32)
        layer.beta = np.zeros(d_model, dtype=np.float32)

    spec = TransformerSpec.from_config(size.layers, size.heads)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = weights(vocab_size, d_model)
    decoder.embeddings.weight = weights(vocab_size, d_model)
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
    decoder.projection.weight = weights(vocab_size, d_model)
    # A positive bias on </s> keeps the random model's output short (a few tokens a sentence).
    bias = np.zeros(vocab_size, dtype=np.float32)
    bias[vocabulary.index("</s>")] = size.eos_bias
    decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))


def _save_minisbd_splitter(path: Path, lang: str) -> None:
    """A one-node ONNX graph (a Gather over a class table) in the format MiniSBD reads."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    units = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", " ", *_SENTENCE_ENDS]
    table = np.zeros((len(units), 3), dtype=np.float32)
    table[:, 0] = 1.0  # by default: inside a token
    table[units.index(" ")] = [0.0, 1.0, 0.0]
    for mark in _SENTENCE_ENDS:
        table[units.index(mark)] = [0.0, 0.0, 1.0]
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "minisbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "length", 0]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "length", 3])],
        [numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: i for i, unit in enumerate(units)},
        "_id2unit": units,
    }
    config = {"skip_newline": False, "max_seqlen": 300, "batch_size": 32, "feat_funcs": []}
    for key, value in (("lang_code", lang), ("config", json.dumps(config)), ("vocab", json.dumps(vocab))):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())


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
        _save_minisbd_splitter(folder / "minisbd" / f"{from_code}.onnx", from_code)
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
