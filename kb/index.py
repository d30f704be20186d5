"""The two indexes over passages: dense (FAISS, cosine) and keyword (BM25 over jieba tokens).

`build_indexes` writes both plus manifest.json (model, dimension, count, index type, file
checksums, passage ids in order), so a loaded index knows how it was built and a query embedded
by another model is refused instead of silently returning nonsense.
"""
from __future__ import annotations

import json
import math
import os
import shutil
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, EmbeddingCache
from kb.load import file_sha256
from kb.errors import KBError
from kb.tokenize import corpus_term_counts
from kb.types import Passage

MANIFEST = "manifest.json"
DENSE_FILE = "dense.faiss"
KEYWORD_DIR = "bm25"
FORMAT_VERSION = 1
# Beyond exact_index_limit: an inverted file of vectors stored as 16-bit floats (IVF-fp16): half
# the float32 memory (768 MB at a million 384-d passages, against ~1.8 GB for HNSW over float32)
# and trained and filled in ~1.5 minutes there, where HNSW took 17 s per 100,000 on these cores.
# Lists: ~2·sqrt(N) (2,000 at a million), trained on IVF_TRAIN_PER_LIST vectors each. Measured
# at a million synthetic passages with 200 real queries (benchmarks/search_bench.py, README "A
# million passages"): recall@10 against exact search 0.923 / 0.957 / 0.975 / 0.986 probing 16 /
# 32 / 64 / 128 lists (0.6 / 1.1 / 2.2 / 4.2 ms); 8-bit codes (IVF-SQ8, 384 MB) stopped at 0.966
# even probing every list, too close to the 0.95 floor: neighbouring passages differ by less than
# their quantisation error.
IVF_PROBES = 64
IVF_QUANTISER = "QT_fp16"
IVF_TRAIN_PER_LIST = 40
# A filter leaving at most this many rows is searched exactly over their (decoded) vectors: an IVF
# probe may hold none of a small allowed set.
EXACT_SUBSET = 50_000
# KBs built before IVF-fp16 hold HNSW indexes; they load and search with the efSearch they were tuned for.
HNSW_EF_SEARCH = 512


def ivf_lists(n: int) -> int:
    """Inverted lists for n vectors."""
    return max(1, min(n // IVF_TRAIN_PER_LIST, int(2 * math.sqrt(n))))


def _faiss():
    try:
        import faiss
    except ImportError as e:
        raise KBError("Dense search needs FAISS: run `pip install faiss-cpu`.") from e
    return faiss


class DenseIndex:
    """Inner-product search over normalised vectors: exact up to `exact_limit`, IVF-fp16 beyond."""

    def __init__(self, index=None):
        self.index = index
        if self.kind == "ivf-fp16" and index.direct_map.type == 0:   # reconstruct() needs it (8 MB per million)
            index.make_direct_map()

    @classmethod
    def build(cls, vectors: np.ndarray, exact_limit: int) -> "DenseIndex":
        faiss = _faiss()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        if len(vectors) <= exact_limit:
            index = faiss.IndexFlatIP(dim)
        else:
            lists = ivf_lists(len(vectors))
            index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, lists,
                                                  getattr(faiss.ScalarQuantizer, IVF_QUANTISER), faiss.METRIC_INNER_PRODUCT)
            sample = np.random.default_rng(0).choice(len(vectors), min(len(vectors), lists * IVF_TRAIN_PER_LIST),
                                                     replace=False)
            index.train(vectors[np.sort(sample)])
            index.nprobe = IVF_PROBES
        index.add(vectors)
        return cls(index)

    @property
    def kind(self) -> str:
        name = type(self.index).__name__
        return "ivf-fp16" if "IVF" in name else "hnsw" if "HNSW" in name else "flat"

    def __len__(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, row numbers) of the k nearest rows, restricted to `allowed` rows when given."""
        faiss = _faiss()
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        query = np.ascontiguousarray(np.atleast_2d(query), dtype=np.float32)
        if allowed is not None and self.kind != "flat" and len(allowed) <= EXACT_SUBSET:
            return self._search_rows(query[0], k, np.asarray(allowed, dtype=np.int64))
        selector = (faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
                    if allowed is not None else None)
        params = {"flat": lambda: faiss.SearchParameters(sel=selector) if selector else None,
                  "ivf-fp16": lambda: faiss.SearchParametersIVF(sel=selector, nprobe=self.index.nprobe),
                  "hnsw": lambda: faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k)),
                  }[self.kind]()
        scores, rows = self.index.search(query, k, params=params)
        keep = rows[0] >= 0
        return scores[0][keep], rows[0][keep]

    def _search_rows(self, query: np.ndarray, k: int, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact top k among `rows` by their stored vectors."""
        scores = self.vectors(rows) @ query
        top = np.argsort(-scores, kind="stable")[:k]
        return scores[top].astype(np.float32), rows[top]

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of `rows` (exact for the flat index; decoded from 16-bit floats for
        IVF-fp16, within ~0.0005 of the cosine)."""
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
    """BM25 over `kb.tokenize.tokens` of each passage, saved in bm25s' format.

    The matrix is built here, streaming (bm25s' own `index` holds every passage's token list as
    Python strings: ~5 GB at a million passages); scores and file layout are bm25s' (method
    "lucene", k1 1.5, b BM25_B), checked equal to `bm25s.BM25.index` in tests/test_index.py. A loaded
    index maps its arrays from disk (mmap), so memory holds only the posting lists queries touch.
    """

    def __init__(self, bm25=None):
        self.bm25 = bm25

    @classmethod
    def build(cls, texts: Sequence[str], workers: int | None = None) -> "KeywordIndex":
        """The index of `texts` (row i = texts[i]); a large corpus is tokenised on `workers` processes."""
        import bm25s
        vocab: dict[str, int] = {}
        lengths, distinct, terms, counts = array("q"), array("q"), array("i"), array("i")
        for words, tf, n in corpus_term_counts(texts, workers):
            lengths.append(n)
            distinct.append(len(words))
            terms.extend([vocab.setdefault(w, len(vocab)) for w in words])
            counts.extend(tf)
        bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B, method="lucene")
        bm25.scores = bm25_matrix(np.frombuffer(lengths, np.int64), np.frombuffer(distinct, np.int64),
                                  np.frombuffer(terms, np.int32), np.frombuffer(counts, np.int32),
                                  len(vocab), bm25.k1, bm25.b)
        vocab.setdefault("", len(vocab))      # bm25s' empty token, scored nowhere
        bm25.vocab_dict = vocab
        bm25.unique_token_ids_set = set(vocab.values())
        bm25.nonoccurrence_array = None
        return cls(bm25)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for the query (zeros when no query word is indexed).

        bm25s' own scorer (np.add.at) is ~10x slower on long posting lists; a word's rows are
        distinct, so a plain indexed add sums the same float32 values in the same order."""
        data, indices, indptr = (self.bm25.scores[k] for k in ("data", "indices", "indptr"))
        out = np.zeros(self.size, dtype=np.float32)
        for t in self.bm25.get_tokens_ids(query_tokens):
            if t + 1 < len(indptr):
                a, b = indptr[t], indptr[t + 1]
                out[indices[a:b]] += data[a:b]
        return out

    def document_frequency(self, words: list[str]) -> np.ndarray:
        """In how many rows each word occurs (0 for a word the index has never seen)."""
        return np.array([len(rows) for rows in self.rows_with(words)], dtype=np.int64)

    def rows_with(self, words: list[str]) -> list[np.ndarray]:
        """Per word, the rows whose tokens contain it (empty for a word the index has never seen)."""
        indptr, indices = self.bm25.scores["indptr"], self.bm25.scores["indices"]
        vocab = self.bm25.vocab_dict
        return [np.asarray(indices[indptr[vocab[w]]:indptr[vocab[w] + 1]])
                if w in vocab and vocab[w] + 1 < len(indptr) else np.zeros(0, np.int64) for w in words]

    def words(self) -> list[str]:
        """Every word the index holds."""
        return [w for w in self.bm25.vocab_dict if w]

    @property
    def size(self) -> int:
        return int(self.bm25.scores["num_docs"])

    def memory_bytes(self) -> int:
        """Bytes of the score matrix (mapped from disk once loaded; resident as far as queries touch it)."""
        return sum(self.bm25.scores[k].nbytes for k in ("data", "indices", "indptr"))

    def save(self, path: str | Path) -> None:
        self.bm25.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: str | Path) -> "KeywordIndex":
        import bm25s
        return cls(bm25s.BM25.load(str(path), mmap=True, show_progress=False))


# BM25's length normalisation b: bm25s' default 0.75 let a short passage (a heading with its first
# sentence) outrank the paragraph that answers; 0.4–0.6 a plateau on the pooled tuning parts of
# benchmarks/search_dev.py (s@1 / MRR 0.829 / 0.887 → 0.838 / 0.892, ext tune +1 question, no set
# losing; 0.3 swaps a wild-gold gain for an ext loss; k1 1.2–2.0 changes nothing).
BM25_K1, BM25_B = 1.5, 0.5


def bm25_matrix(lengths: np.ndarray, distinct: np.ndarray, terms: np.ndarray, counts: np.ndarray,
                n_vocab: int, k1: float, b: float) -> dict:
    """bm25s' score matrix (CSC: per word, its rows ascending and their BM25 term scores) from, per
    row, its token count and how many distinct words it has, and per (row, word) pair in row order
    the word id and its count. Computed with bm25s' formulas in the same dtypes, so the float32
    scores are bit-equal to `bm25s.BM25.index`."""
    n_docs = len(lengths)
    rows = np.repeat(np.arange(n_docs, dtype=np.int32), distinct)
    df = np.bincount(terms, minlength=n_vocab)
    idf = np.array([math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) for d in df.tolist()], dtype=np.float32)
    avg = lengths.mean() if n_docs else np.float64(1.0)
    norm = k1 * ((1 - b) + b * lengths / avg)                  # per row, float64 as in bm25s
    tf = counts.astype(np.float32)
    scores = norm[rows]                                        # in place from here: ~8 bytes a pair at a time
    scores += tf
    np.divide(tf, scores, out=scores)
    del tf
    scores *= idf[terms]
    scores = scores.astype(np.float32)
    order = np.argsort(terms, kind="stable")                   # pairs come in row order: rows stay ascending
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": scores[order], "indices": rows[order], "indptr": indptr, "num_docs": n_docs}


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


# A passage's vector leans toward where it sits: the vector of its context line (the document's title
# and the section path, `context_line`) is added at this share before normalising, so a passage saying
# 全市 or 该部门 still answers a question about the city or about its section's subject. 0.1–0.3 a
# plateau on the pooled tuning parts (`benchmarks/search_dev.py`, 151 questions: s@1 / MRR 0.834 /
# 0.889 → 0.854 / 0.900 at 0.15, no set losing; the whole line prefixed to every passage's text did as
# well but embeds every passage twice). One line per section: 25–47% as many texts as passages on the
# seed, wildcorpus and extcorpus documents, but 8–17% of their characters. 0: off.
CONTEXT_SHARE = 0.15
# Passages mixed per step, so mixing a million passages copies ~15 MB at a time, not n × dim floats.
MIX_CHUNK = 10_000


def context_line(p: Passage) -> str:
    """The document title and the section path a passage sits under, as one line ('' when neither:
    a section named by its kind, body or references, has no heading)."""
    section = "" if p.section == p.kind else p.section.replace(" > ", "，")
    return "，".join(part for part in (p.article, section) if part)


def passage_embedding_texts(passages: list[Passage]) -> list[str]:
    """Every text the passages' vectors are computed from: their texts, then their distinct context
    lines (see CONTEXT_SHARE)."""
    texts = [p.text for p in passages]
    if not CONTEXT_SHARE:
        return texts
    return texts + [line for line in dict.fromkeys(context_line(p) for p in passages) if line]


def passage_vectors(passages: list[Passage], embedder: Embedder, cache: EmbeddingCache | None,
                    progress=True) -> np.ndarray:
    """(len(passages), dim) unit vectors: each passage's text vector plus CONTEXT_SHARE of its
    context line's, normalised."""
    texts = passage_embedding_texts(passages)
    vectors = embedder.embed_passages(texts, progress=progress, cache=cache)
    n = len(passages)
    if len(texts) == n:
        return vectors
    row_of = {line: row for row, line in enumerate(texts[n:], n)}
    mixed = vectors[:n]      # a view: the passages' rows are mixed where they are (the lines' rows stay
    for start in range(0, n, MIX_CHUNK):     # allocated until the caller drops the vectors)
        chunk = passages[start:start + MIX_CHUNK]
        found = [(i, row_of[line]) for i, line in enumerate(map(context_line, chunk), start) if line in row_of]
        if found:                            # copies of at most MIX_CHUNK rows at a time, not of all n
            at, source = (np.array(x) for x in zip(*found))
            mixed[at] += CONTEXT_SHARE * vectors[source]
        rows = mixed[start:start + MIX_CHUNK]
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return mixed


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
        vectors = passage_vectors(passages, embedder, cache, progress)
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


