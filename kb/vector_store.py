"""Where passage vectors live, chosen by the `vector_store` setting (KB_VECTOR_STORE).

    faiss                    FAISS files inside each KB generation (kb.index.FaissFiles; the default)
    vectors.db               Milvus Lite, embedded, one file (relative paths: inside the KB directory)
    http://host:19530        a Milvus standalone or cluster, through the same pymilvus client code

Every store has the shape of `FaissFiles`: `name` (recorded in the manifest; a KB opened with
another store is refused), `write(passages, vectors, staging, settings) -> (dense, manifest fields)`
and `open(directory, manifest) -> dense`. The dense object answers what the Searcher asks of
`kb.index.DenseIndex`: `search(query, k, allowed_rows)`, `vectors(rows)`, `len()`, `kind`. So the
hybrid ranking stays the project's own (kb/search.py fuses Milvus' dense candidates with the local
BM25 over jieba tokens); no server-side Chinese analyzer is involved.

Milvus keeps one collection per KB directory, keyed by passage id, with the fields filters use
(source, article, kind, year, genre) and a digest of each passage's text, metadata and model: a
build upserts only passages whose digest changed and deletes ids no longer in the KB. The collection
is shared by the KB's generations, so it is updated before the atomic switch; a build that fails after
that point leaves a collection the live manifest does not count, and opening it asks for a rebuild.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from kb.config import Settings
from kb.errors import KBError
from kb import index
from kb.index import FaissFiles
from kb.types import Passage

VECTOR_FIELD = "vector"
# Milvus limits: VARCHAR needs a max length; a title or a source name longer than this is cut
# (filters compare whole values, and no real title comes near it).
MAX_TEXT_FIELD = 1024
UPSERT_BATCH = 1000          # rows per upsert request (384-d floats: ~1.5 MB, far under the 64 MB cap)
_HINT = "install the scale extra: pip install 'policy-kb[scale]'"
_clients: dict[str, object] = {}   # one client (and, for Milvus Lite, one embedded server) per URI


def make_vector_store(settings: Settings, genres: Mapping[tuple[str, int], str] | None = None):
    """The store named by `settings.vector_store`; `genres` ((source, article index) -> genre) is
    stored beside the vectors when the store keeps metadata."""
    spec = (settings.vector_store or FaissFiles.name).strip()
    if spec == FaissFiles.name:
        return FaissFiles()
    if spec.endswith(".db") or spec.split("://")[0] in ("http", "https", "tcp", "grpc"):
        return MilvusStore(spec, Path(settings.index_dir), genres)
    raise KBError(f"vector_store {spec!r} (KB_VECTOR_STORE): use 'faiss', a Milvus Lite file ending in .db, "
                  "or a Milvus server URI such as http://localhost:19530.")


def milvus_uri(spec: str, index_dir: Path) -> str:
    """The URI pymilvus is given: a relative .db file lies inside the KB directory."""
    if spec.endswith(".db") and "://" not in spec:
        path = Path(spec).expanduser()
        return str(path if path.is_absolute() else Path(index_dir).resolve() / path)
    return spec


def collection_name(index_dir: Path) -> str:
    """One collection per KB directory, so KBs sharing a Milvus server do not meet."""
    return "kb_" + hashlib.sha256(str(Path(index_dir).resolve()).encode()).hexdigest()[:16]


def filter_expression(filters) -> str:
    """A Milvus boolean expression for `kb.search.Filters` over the stored metadata ('' = everything)."""
    parts = []
    for field, values in (("source", filters.sources), ("article", filters.articles), ("kind", filters.kinds)):
        if values:
            parts.append(f"{field} in {json.dumps([v[:MAX_TEXT_FIELD] for v in values], ensure_ascii=False)}")
    if filters.year_from is not None:
        parts.append(f"year >= {int(filters.year_from)}")
    if filters.year_to is not None:
        parts.append(f"(year <= {int(filters.year_to)} and year >= 0)")
    return " and ".join(parts)


def client_for(spec: str, uri: str):
    """A connected MilvusClient; an unreachable URI or a missing package is one KBError line."""
    if uri in _clients:
        return _clients[uri]
    try:
        from pymilvus import MilvusClient
    except ImportError as e:
        raise KBError(f"vector_store {spec!r} needs pymilvus (and milvus-lite for a .db file): {_HINT}.") from e
    if "://" not in uri:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    try:
        client = MilvusClient(uri=uri, timeout=10)
    except Exception as e:   # pymilvus raises MilvusException, grpc errors or ImportError (no milvus-lite)
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        hint = _HINT if isinstance(e, ImportError) or "milvus_lite" in reason else \
            "start Milvus there, or set KB_VECTOR_STORE=faiss"
        raise KBError(f"vector_store {spec!r} (KB_VECTOR_STORE): cannot open Milvus at {uri} ({reason}); "
                      f"{hint}; the previous knowledge base is unchanged.") from None
    _clients[uri] = client
    return client


class MilvusStore:
    """Vectors and filter metadata in a Milvus collection (Milvus Lite file or server)."""

    def __init__(self, spec: str, index_dir: Path, genres: Mapping[tuple[str, int], str] | None = None):
        self.name = spec
        self.uri = milvus_uri(spec, index_dir)
        self.collection = collection_name(index_dir)
        self.genres = genres or {}

    @property
    def lite(self) -> bool:
        return "://" not in self.uri

    def write(self, passages: list[Passage], vectors: np.ndarray, staging: Path,
              settings: Settings) -> tuple["MilvusDense", dict]:
        """Bring the collection to exactly these passages: upsert new or changed ones, delete the rest."""
        client = client_for(self.name, self.uri)
        ids = [p.id if p.id is not None else i for i, p in enumerate(passages)]
        self._ensure_collection(client, vectors.shape[1])
        wanted = {i: self.digest(p, settings.model) for i, p in zip(ids, passages)}
        have = self.stored_digests(client)
        gone = [i for i in have if i not in wanted]
        if gone:
            client.delete(self.collection, ids=gone)
        rows = [self._row(i, p, v, wanted[i]) for i, p, v in zip(ids, passages, vectors)
                if have.get(i) != wanted[i]]
        for start in range(0, len(rows), UPSERT_BATCH):
            client.upsert(self.collection, data=rows[start:start + UPSERT_BATCH])
        fields = {"collection": self.collection, "upserted": len(rows), "deleted": len(gone)}
        return MilvusDense(client, self.collection, ids, self.lite), fields

    def open(self, directory: Path, manifest: dict) -> "MilvusDense":
        client = client_for(self.name, self.uri)
        collection = manifest.get("collection", self.collection)
        if not client.has_collection(collection):
            raise KBError(f"Milvus at {self.uri} has no collection {collection} for the KB in {directory}: "
                          "rebuild the KB with `kb build`.")
        client.load_collection(collection)
        return MilvusDense(client, collection, manifest["passage_ids"], self.lite)

    def digest(self, p: Passage, model: str) -> str:
        """What decides whether a stored row is still right: text, metadata, model and what the vector
        mixes in (the context line at its share: kb.index.passage_vectors)."""
        mixes = [index.context_line(p), index.CONTEXT_SHARE] if index.CONTEXT_SHARE else []
        return hashlib.sha256(json.dumps([model, p.text, *self._metadata(p).values(), *mixes],
                                         ensure_ascii=False).encode()).hexdigest()[:32]

    def stored_digests(self, client) -> dict[int, str]:
        """{passage id: digest} of every row in the collection."""
        found: dict[int, str] = {}
        # Milvus Lite cannot give the iterator a server timestamp and pymilvus warns about it on every
        # build; the client-side one it falls back to is right here (the build is the only writer).
        logging.getLogger("pymilvus").setLevel(logging.ERROR)
        iterator = client.query_iterator(self.collection, batch_size=UPSERT_BATCH, filter="id >= 0",
                                         output_fields=["id", "digest"])
        try:
            while batch := iterator.next():
                found.update((int(r["id"]), r["digest"]) for r in batch)
        finally:
            iterator.close()
        return found

    def _metadata(self, p: Passage) -> dict:
        return {"source": p.source[:MAX_TEXT_FIELD], "article": (p.article or "")[:MAX_TEXT_FIELD],
                "kind": p.kind or "", "year": p.year if p.year is not None else -1,
                "genre": self.genres.get((p.source, p.article_index)) or ""}

    def _row(self, pid: int, p: Passage, vector: np.ndarray, digest: str) -> dict:
        return {"id": int(pid), VECTOR_FIELD: np.asarray(vector, dtype=np.float32).tolist(), "digest": digest,
                **self._metadata(p)}

    def _ensure_collection(self, client, dim: int) -> None:
        """Create the collection (or recreate it when the model's dimension changed)."""
        if client.has_collection(self.collection):
            if _dimension(client.describe_collection(self.collection)) == dim:
                client.load_collection(self.collection)
                return
            client.drop_collection(self.collection)
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field(VECTOR_FIELD, DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("digest", DataType.VARCHAR, max_length=64)
        for name in ("source", "article", "kind", "genre"):
            schema.add_field(name, DataType.VARCHAR, max_length=MAX_TEXT_FIELD * 4)   # bytes, not characters
        schema.add_field("year", DataType.INT64)
        params = client.prepare_index_params()
        # Milvus Lite searches exactly (FLAT, like FAISS below exact_index_limit); a server picks its
        # approximate index (AUTOINDEX, HNSW-like), the only sensible choice at 10^7+ passages.
        params.add_index(field_name=VECTOR_FIELD, index_type="FLAT" if self.lite else "AUTOINDEX",
                         metric_type="IP")
        # Strong consistency: a search right after a build sees every upsert (the default, Bounded, may not).
        client.create_collection(self.collection, schema=schema, index_params=params, consistency_level="Strong")


def _dimension(description: dict) -> int | None:
    for field in description.get("fields", []):
        if field.get("name") == VECTOR_FIELD:
            return int(field.get("params", {}).get("dim", 0))
    return None


class MilvusDense:
    """The Searcher's view of a Milvus collection: rows are positions in the manifest's passage ids."""

    def __init__(self, client, collection: str, ids: list[int], lite: bool):
        self.client, self.collection, self.ids = client, collection, list(ids)
        self.row_of = {pid: row for row, pid in enumerate(self.ids)}
        self.kind = "milvus-flat" if lite else "milvus-autoindex"

    def __len__(self) -> int:
        result = self.client.query(self.collection, filter="", output_fields=["count(*)"])
        return int(result[0]["count(*)"])

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, row numbers) of the k nearest rows, restricted to `allowed` rows when given."""
        k = min(k, len(self.ids))
        if k <= 0 or (allowed is not None and not len(allowed)):
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        # Row filters arrive as row numbers (kb/search.py computes them); Milvus is asked by passage id.
        expr = "" if allowed is None else f"id in {[self.ids[int(r)] for r in allowed]}"
        vector = np.asarray(np.atleast_2d(query)[0], dtype=np.float32).tolist()
        result = self.client.search(self.collection, data=[vector], limit=k, filter=expr, output_fields=[],
                                    search_params={"metric_type": "IP"})
        pairs = [(float(h["distance"]), self.row_of[int(h["id"])]) for h in result[0] if int(h["id"]) in self.row_of]
        return (np.array([s for s, _ in pairs], np.float32), np.array([r for _, r in pairs], np.int64))

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of `rows`, in that order."""
        ids = [self.ids[int(r)] for r in rows]
        found = {int(r["id"]): r[VECTOR_FIELD] for r in self.client.get(self.collection, ids=ids,
                                                                        output_fields=[VECTOR_FIELD])}
        return np.array([found[i] for i in ids], dtype=np.float32)
