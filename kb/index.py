"""The two indexes over passages: dense (FAISS, cosine) and keyword (BM25 over jieba tokens).

`build_indexes` writes both plus manifest.json (model, dimension, count, index type, file
checksums, passage ids in order), so a loaded index knows how it was built and a query embedded
by another model is refused instead of silently returning nonsense.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, EmbeddingCache
from kb.load import file_sha256
from kb.errors import KBError
from kb.tokenize import tokens
from kb.types import Passage

MANIFEST = "manifest.json"
DENSE_FILE = "dense.faiss"
KEYWORD_DIR = "bm25"
FORMAT_VERSION = 1
# HNSW parameters, measured at 100k passages with benchmarks/search_bench.py (2 CPU cores):
# efSearch 128 → recall@10 vs exact 0.86, 256 → 0.93, 512 → 0.976 at ~2.4 ms a query; the query
# embedding (~10 ms) dominates anyway, so recall wins. efConstruction 200 would add recall but
# quadruple the build time (17 s → 83 s).
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 512


def _faiss():
    try:
        import faiss
    except ImportError as e:
        raise KBError("Dense search needs FAISS: run `pip install faiss-cpu`.") from e
    return faiss


class DenseIndex:
    """Inner-product search over normalised vectors: exact up to `exact_limit`, HNSW beyond."""

    def __init__(self, index=None):
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, exact_limit: int) -> "DenseIndex":
        faiss = _faiss()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        if len(vectors) <= exact_limit:
            index = faiss.IndexFlatIP(dim)
        else:
            index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
        index.add(vectors)
        return cls(index)

    @property
    def kind(self) -> str:
        return "hnsw" if "HNSW" in type(self.index).__name__ else "flat"

    def __len__(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, row numbers) of the k nearest rows, restricted to `allowed` rows when given."""
        faiss = _faiss()
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        query = np.ascontiguousarray(np.atleast_2d(query), dtype=np.float32)
        params = None
        if allowed is not None:
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                      if self.kind == "hnsw" else faiss.SearchParameters(sel=selector))
        elif self.kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        scores, rows = self.index.search(query, k, params=params)
        keep = rows[0] >= 0
        return scores[0][keep], rows[0][keep]

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of `rows` (both index types keep them uncompressed)."""
        return self.index.reconstruct_batch(np.ascontiguousarray(rows, dtype=np.int64))

    def save(self, path: str | Path) -> None:
        _faiss().write_index(self.index, str(path))

    @classmethod
    def load(cls, path: str | Path) -> "DenseIndex":
        return cls(_faiss().read_index(str(path)))


class FaissFiles:
    """The default vector store: a DenseIndex saved as a file inside the KB generation.

    Other stores (Milvus) live in kb/vector_store.py and share this shape: `name` (what the manifest
    records), `write` (vectors in, a searchable dense index out) and `open`.
    """
    name = "faiss"

    def write(self, passages: list[Passage], vectors: np.ndarray, staging: Path,
              settings: Settings) -> tuple[DenseIndex, dict]:
        dense = DenseIndex.build(vectors, settings.exact_index_limit)
        dense.save(staging / DENSE_FILE)
        return dense, {}

    def open(self, directory: Path, manifest: dict) -> DenseIndex:
        return DenseIndex.load(directory / DENSE_FILE)


class KeywordIndex:
    """BM25 (bm25s) over `kb.tokenize.tokens` of each passage."""

    def __init__(self, bm25=None):
        self.bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> "KeywordIndex":
        import bm25s
        bm25 = bm25s.BM25()
        bm25.index([tokens(t) for t in texts], show_progress=False)
        return cls(bm25)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for the query (zeros when no query word is indexed)."""
        ids = self.bm25.get_tokens_ids(query_tokens)
        if not ids:
            return np.zeros(self.bm25.scores["num_docs"], dtype=np.float32)
        return self.bm25.get_scores_from_ids(ids)

    def document_frequency(self, words: list[str]) -> np.ndarray:
        """In how many rows each word occurs (0 for a word the index has never seen)."""
        return np.array([len(rows) for rows in self.rows_with(words)], dtype=np.int64)

    def rows_with(self, words: list[str]) -> list[np.ndarray]:
        """Per word, the rows whose tokens contain it (empty for a word the index has never seen)."""
        indptr, indices = self.bm25.scores["indptr"], self.bm25.scores["indices"]
        vocab = self.bm25.vocab_dict
        return [np.asarray(indices[indptr[vocab[w]]:indptr[vocab[w] + 1]])
                if w in vocab and vocab[w] + 1 < len(indptr) else np.zeros(0, np.int64) for w in words]

    @property
    def size(self) -> int:
        return int(self.bm25.scores["num_docs"])

    def save(self, path: str | Path) -> None:
        self.bm25.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: str | Path) -> "KeywordIndex":
        import bm25s
        return cls(bm25s.BM25.load(str(path), show_progress=False))


@dataclass
class Indexes:
    """Both indexes and the manifest they were built with; row i of each is passage ids[i]."""
    manifest: dict
    dense: DenseIndex
    keyword: KeywordIndex
    directory: Path

    @property
    def ids(self) -> list[int]:
        return self.manifest["passage_ids"]

    @property
    def model(self) -> str:
        return self.manifest["model"]

    def check_embedder(self, embedder: Embedder) -> None:
        """Refuse an embedder other than the one the index was built with."""
        if embedder.name != self.model or embedder.dim != self.manifest["dimension"]:
            raise KBError(f"The index in {self.directory} was built with model {self.model!r} "
                          f"({self.manifest['dimension']}-d) but the query model is {embedder.name!r} "
                          f"({embedder.dim}-d). Use --model {self.model} (KB_MODEL), or rebuild the KB "
                          "with the new model.")


def passage_embedding_texts(passages: list[Passage]) -> list[str]:
    """What each passage's vector is computed from (its text)."""
    return [p.text for p in passages]


def build_indexes(passages: list[Passage], embedder: Embedder, out_dir: str | Path,
                  cache_path: str | Path | None, settings: Settings, progress: bool = True,
                  store=None) -> dict:
    """Embed (through the cache), index and save the passages in `out_dir`; returns the manifest.

    `store`: where the vectors go (kb.vector_store.make_vector_store); FAISS files by default.

    Files are written under temporary names and moved into place with the manifest last, so an
    interrupted build leaves either the previous index or a manifest whose checksums fail.
    """
    if not passages:
        raise KBError("No passages to index: the corpus yielded no text. Add documents to the corpus "
                      "folder (PDF, TXT, DOCX, HTML) and rebuild.")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = EmbeddingCache(cache_path) if cache_path else None
    encoded_before = embedder.encoded_count
    try:
        vectors = embedder.embed_passages(passage_embedding_texts(passages), progress=progress, cache=cache)
    finally:
        if cache:
            cache.close()
    store = store or FaissFiles()
    keyword = KeywordIndex.build([p.text for p in passages])

    staging = out_dir / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    dense, store_fields = store.write(passages, vectors, staging, settings)
    keyword.save(staging / KEYWORD_DIR)
    manifest = {
        "format": FORMAT_VERSION,
        "model": embedder.name,
        "dimension": int(embedder.dim),
        "count": len(passages),
        "index_type": dense.kind,
        "vector_store": store.name,
        **store_fields,
        "embedded": embedder.encoded_count - encoded_before,   # texts the model had to embed
        "passage_ids": [p.id if p.id is not None else i for i, p in enumerate(passages)],
        "checksums": _checksums(staging),
    }
    for name in (DENSE_FILE, KEYWORD_DIR):
        if not (staging / name).exists():   # a store outside the KB (Milvus) writes no file
            continue
        target = out_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        os.replace(staging / name, target)
    shutil.rmtree(staging, ignore_errors=True)
    tmp = out_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST)
    return manifest


def read_manifest(directory: str | Path) -> dict:
    """The manifest saved with the indexes in `directory`; KBError when it is missing or unreadable."""
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.exists():
        raise KBError(f"No search index in {directory} (missing {MANIFEST}). Build the KB first: "
                      "`kb build`.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as e:
        raise KBError(f"{path}: damaged manifest, not valid JSON ({e}); rebuild: `kb build`.") from e
    if not isinstance(manifest, dict):
        raise KBError(f"{path}: damaged manifest (not a JSON object); rebuild: `kb build`.")
    return manifest


def changed_files(directory: str | Path, manifest: dict) -> list[str]:
    """Index files (relative names) that are missing or differ from the manifest's checksums."""
    recorded = manifest.get("checksums") or {}
    actual = _checksums(Path(directory), recorded)
    return [name for name, digest in recorded.items() if actual.get(name) != digest]


def load_indexes(directory: str | Path, verify: bool = True, store=None) -> Indexes:
    """The indexes saved in `directory`, checked against the manifest's checksums; `store` must be
    the vector store the KB was built with (FAISS files by default)."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest.get("format") != FORMAT_VERSION:
        raise KBError(f"The index in {directory} has format {manifest.get('format')}, this version "
                      f"reads {FORMAT_VERSION}. Rebuild the KB: `kb build`.")
    if verify:
        bad = changed_files(directory, manifest)
        if bad:
            raise KBError(f"Index files in {directory} do not match their manifest ({', '.join(bad)}): "
                          "the build was interrupted or the files were changed. Rebuild: `kb build`.")
    store = store or FaissFiles()
    recorded = manifest.get("vector_store", FaissFiles.name)
    if recorded != store.name:
        raise KBError(f"The KB in {directory} keeps its vectors in {recorded!r} but vector_store is "
                      f"{store.name!r}: set KB_VECTOR_STORE={recorded}, or rebuild the KB with `kb build`.")
    dense = store.open(directory, manifest)
    keyword = KeywordIndex.load(directory / KEYWORD_DIR)
    if len(dense) != manifest["count"]:
        raise KBError(f"The dense index in {directory} holds {len(dense)} vectors, the manifest "
                      f"{manifest['count']}. Rebuild: `kb build`.")
    return Indexes(manifest, dense, keyword, directory)


def _checksums(directory: Path, names=None) -> dict[str, str]:
    """sha256 of each index file, by path relative to `directory`."""
    files = ([directory / n for n in names] if names is not None
             else [p for p in sorted(directory.rglob("*")) if p.is_file()])
    return {str(p.relative_to(directory)): file_sha256(p) for p in files if p.is_file()}


