"""A rule-based MiniSBD sentence splitter, written as an ONNX file without the ``onnx`` package.

Argos Translate splits sentences with MiniSBD, which runs an ONNX model and downloads one for a
language the pack does not carry. Practice packs (:mod:`translation.practice_packs`) must work
offline, so each carries its own splitter: a one-node graph (a ``Gather`` over a small table that
marks ``.``, ``!``, ``?`` and their CJK and Devanagari forms as sentence ends, a space as a token
end) with the metadata MiniSBD reads (``lang_code``, ``config``, ``vocab``).

The ``onnx`` package that would build it is only a development dependency, so the file is encoded
here directly in protobuf's wire format: the few fields of ``onnx.proto`` this graph uses, with
their field numbers. onnxruntime (a run-time dependency, through MiniSBD) loads it like any other.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

#: Characters that end a sentence.
SENTENCE_ENDS = ".!?。！？।"
#: The units MiniSBD looks up; everything else is ``<UNK>`` (index 1), which the table marks "inside a token".
UNITS = ("<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", " ", *SENTENCE_ENDS)

# onnx.proto field numbers (proto2; stable since ONNX 1.0).
_MODEL_IR_VERSION, _MODEL_PRODUCER, _MODEL_GRAPH, _MODEL_OPSET, _MODEL_METADATA = 1, 2, 7, 8, 14
_GRAPH_NODE, _GRAPH_NAME, _GRAPH_INITIALIZER, _GRAPH_INPUT, _GRAPH_OUTPUT = 1, 2, 5, 11, 12
_NODE_INPUT, _NODE_OUTPUT, _NODE_NAME, _NODE_OP_TYPE, _NODE_ATTRIBUTE = 1, 2, 3, 4, 5
_ATTR_NAME, _ATTR_INT, _ATTR_TYPE = 1, 3, 20
_TENSOR_DIMS, _TENSOR_DATA_TYPE, _TENSOR_NAME, _TENSOR_RAW = 1, 2, 8, 9
_FLOAT, _INT64, _ATTRIBUTE_INT = 1, 7, 2
_IR_VERSION, _OPSET = 8, 13

Dim = int | str


def _varint(value: int) -> bytes:
    out = bytearray()
    value &= (1 << 64) - 1  # negative int64 values are ten-byte two's complement on the wire
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _int(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def _bytes(field: int, value: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(value)) + value


def _text(field: int, value: str) -> bytes:
    return _bytes(field, value.encode("utf-8"))


def _value_info(name: str, elem_type: int, shape: tuple[Dim, ...]) -> bytes:
    dims = b"".join(
        _bytes(1, _int(1, dim) if isinstance(dim, int) else _text(2, dim)) for dim in shape
    )  # TensorShapeProto.dim: Dimension.dim_value (1) or .dim_param (2)
    tensor_type = _int(1, elem_type) + _bytes(2, dims)  # TypeProto.Tensor: elem_type, shape
    return _text(1, name) + _bytes(2, _bytes(1, tensor_type))  # ValueInfoProto: name, type.tensor_type


def _table() -> tuple[bytes, tuple[int, int]]:
    """The class scores of each unit: 0 inside a token, 1 end of a token, 2 end of a sentence."""
    rows = []
    for unit in UNITS:
        if unit == " ":
            rows.append((0.0, 1.0, 0.0))
        elif unit in SENTENCE_ENDS:
            rows.append((0.0, 0.0, 1.0))
        else:
            rows.append((1.0, 0.0, 0.0))
    raw = b"".join(struct.pack("<3f", *row) for row in rows)  # raw_data is little-endian
    return raw, (len(rows), 3)


def splitter_bytes(lang: str) -> bytes:
    """The ONNX model of the rule-based splitter for language ``lang``."""
    raw, shape = _table()
    initializer = b"".join(_int(_TENSOR_DIMS, d) for d in shape)
    initializer += _int(_TENSOR_DATA_TYPE, _FLOAT) + _text(_TENSOR_NAME, "table") + _bytes(_TENSOR_RAW, raw)
    axis = _text(_ATTR_NAME, "axis") + _int(_ATTR_INT, 0) + _int(_ATTR_TYPE, _ATTRIBUTE_INT)
    node = (
        _text(_NODE_INPUT, "table")
        + _text(_NODE_INPUT, "units")
        + _text(_NODE_OUTPUT, "logits")
        + _text(_NODE_NAME, "classes")
        + _text(_NODE_OP_TYPE, "Gather")
        + _bytes(_NODE_ATTRIBUTE, axis)
    )
    graph = (
        _bytes(_GRAPH_NODE, node)
        + _text(_GRAPH_NAME, "minisbd")
        + _bytes(_GRAPH_INITIALIZER, initializer)
        + _bytes(_GRAPH_INPUT, _value_info("units", _INT64, ("batch", "length")))
        + _bytes(_GRAPH_INPUT, _value_info("features", _FLOAT, ("batch", "length", 0)))
        + _bytes(_GRAPH_OUTPUT, _value_info("logits", _FLOAT, ("batch", "length", 3)))
    )
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: i for i, unit in enumerate(UNITS)},
        "_id2unit": list(UNITS),
    }
    config = {"skip_newline": False, "max_seqlen": 300, "batch_size": 32, "feat_funcs": []}
    metadata = b"".join(
        _bytes(_MODEL_METADATA, _text(1, key) + _text(2, value))
        for key, value in (("lang_code", lang), ("config", json.dumps(config)), ("vocab", json.dumps(vocab)))
    )
    opset = _text(1, "") + _int(2, _OPSET)  # OperatorSetIdProto: the default domain, version 13
    return (
        _int(_MODEL_IR_VERSION, _IR_VERSION)
        + _text(_MODEL_PRODUCER, "communique")
        + _bytes(_MODEL_GRAPH, graph)
        + _bytes(_MODEL_OPSET, opset)
        + metadata
    )


def write_splitter(path: Path, lang: str) -> Path:
    """Write the splitter of ``lang`` to ``path`` (``minisbd/<lang>.onnx`` inside a pack)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(splitter_bytes(lang))
    return path
