"""Build the knowledge base: files -> processed rows in SQLite -> search indexes, atomically.

Layout of the index directory:
    CURRENT               name of the live generation (replaced atomically when a build succeeds)
    gen-<stamp>/kb.sqlite documents, articles, sections, passages, facts, strategies, meta
    gen-<stamp>/search/   FAISS + BM25 indexes and their manifest
    embed_cache.sqlite    embeddings keyed by (model, text hash), shared by all generations

A build writes a new generation beside the live one and switches CURRENT only at the end, so an
interrupted or failed build leaves the previous knowledge base intact and usable.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import threading
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, check, store
from .config import Settings
from .errors import KBError, os_error_message
from .load import discover, file_sha256, load
from .types import RawDocument

_PIPELINE_MODULES = ("config", "load", "pdflayout", "decode", "markup", "clean", "genre", "headings", "structure",
                     "passages",
                     "sentences", "types",
                     "tokenize", "embed", "index", "extract/numbers", "extract/periods", "extract/facts",
                     "extract/clauses", "extract/places", "extract/subjects", "extract/fact_periods", "extract/not_facts",
                     "extract/fact_indicators", "extract/fact_counts", "extract/fact_scopes", "extract/fact_lists",
                     "extract/fact_kind", "extract/indicators", "extract/prose", "extract/tables",
                     "extract/strategies", "extract/policy_tools")


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (file, the document it duplicates)
    failed: list[tuple[str, str]] = field(default_factory=list)       # (file, message)
    skipped: list[str] = field(default_factory=list)                  # unsupported file types
    warnings: list[str] = field(default_factory=list)                 # damaged parts found and rebuilt
    chars: int = 0            # characters processed (new or changed documents)
    seconds: float = 0.0
    embedded: int = 0         # texts (passages, section context lines) that needed the model (not in the cache)
    counts: dict = field(default_factory=dict)
    generation: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class ProgressLog:
    """Progress as one log line every `every` seconds, for output that is not a terminal (CI logs,
    nohup, a pipe), where a progress bar shows nothing until the end."""

    def __init__(self, log, every: float = 10.0):
        self.log, self.every = log, every
        self.started = self.last = time.monotonic()
        self.files_done = self.files_total = self.embedded = self.to_embed = 0
        self.embed_started: float | None = None
        self.embed_base = 0
        self._lock = threading.Lock()      # told from the build and from its embedding thread

    @contextlib.contextmanager
    def ticking(self):
        """A line every `every` s even while nothing reports (a model being converted, a long PDF)."""
        stop = threading.Event()

        def tick():
            while not stop.wait(self.every):
                self._maybe_log()
        ticker = threading.Thread(target=tick, name="progress-log", daemon=True)
        ticker.start()
        try:
            yield self
        finally:
            stop.set()
            ticker.join()

    def files(self, done: int, total: int) -> None:
        self.files_done, self.files_total = done, total
        self._maybe_log()

    def __call__(self, done: int, total: int) -> None:
        """Texts embedded so far (the embedder calls this after each batch)."""
        if self.embed_started is None:
            # the first report comes after the first batch: rates count from there, not from zero
            self.embed_started, self.embed_base = time.monotonic(), done
        self.embedded, self.to_embed = done, total
        self._maybe_log()

    def _maybe_log(self) -> None:
        with self._lock:
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                self.log(self.line(now))

    def line(self, now: float) -> str:
        text = f"[{now - self.started:,.0f} s] {self.files_done}/{self.files_total} files processed"
        if self.embed_started is not None:
            text += f", {self.embedded}/{self.to_embed} texts embedded"
            rate = self.embed_rate(now)
            if rate:
                eta = (self.to_embed - self.embedded) / rate
                text += f" ({rate:.1f} texts/s, about {eta // 60:.0f} min {eta % 60:.0f} s left)"
        return text

    def embed_rate(self, now: float) -> float | None:
        """Texts per second since the first batch, or None before there is a second to measure."""
        elapsed, done = now - self.embed_started, self.embedded - self.embed_base
        return done / elapsed if elapsed >= 1.0 and done > 0 else None


def pipeline_version(settings: Settings | None = None) -> str:
    """Version stamp of the text pipeline: its code, data files and passage settings.

    A change to any of them re-processes documents; nothing else does.
    """
    settings = settings or Settings()
    root = Path(__file__).parent
    digest = hashlib.sha256(f"{__version__} {settings.passage_chars} {settings.passage_max_chars}".encode())
    for name in _PIPELINE_MODULES:
        path = root / f"{name}.py"
        if path.exists():
            digest.update(path.read_bytes())
    for path in sorted((root / "data").glob("*")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------ generations
def current_generation(index_dir: Path) -> Path | None:
    """The live generation directory, or None when no KB has been built there."""
    pointer = Path(index_dir) / "CURRENT"
    if not pointer.exists():
        return None
    gen = Path(index_dir) / pointer.read_text().strip()
    return gen if (gen / "kb.sqlite").exists() else None


def _switch_to(index_dir: Path, gen: Path) -> None:
    tmp = index_dir / "CURRENT.tmp"
    tmp.write_text(gen.name)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / "CURRENT")


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    """Drop generations except `keep` (the live one and the one before, which open readers may use)."""
    for path in index_dir.iterdir():
        if path.is_dir() and (path.name.startswith("gen-") or path.name.startswith(".building-")) \
                and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ------------------------------------------------------------------ processing one document
def process(raw: RawDocument, settings: Settings) -> dict:
    """Everything derived from one document: clean text, articles, and the row tables."""
    from .clean import clean
    from .extract.fact_kind import annotate as annotate_kinds
    from .extract.facts import extract_facts
    from .extract.indicators import extract_indicator_systems
    from .extract.policy_tools import classify
    from .extract.strategies import extract_strategies
    from .extract.tables import extract_table_facts
    from .passages import make_passages
    from .structure import split_articles

    text = clean(raw)
    articles = split_articles(text, raw.source)
    tables, table_facts = extract_table_facts(text, articles, raw.source, raw.text)
    rows = {
        "passages": make_passages(text, articles, raw.source, settings),
        "facts": annotate_kinds(extract_facts(text, articles, raw.source), text, articles) + table_facts,
        "strategies": classify(extract_strategies(text, articles, raw.source)),
        "indicator_systems": extract_indicator_systems(text, articles, raw.source),
        "tables": tables,
    }
    return {"clean": text, "articles": articles, "rows": rows}


def load_and_process(path: Path, settings: Settings, source: str | None = None) -> tuple[RawDocument, dict]:
    """One file read and processed (`source`: the name it goes by in the KB, when not its file name)."""
    raw = load(path, max_mb=settings.max_file_mb, max_chars=settings.max_text_chars)
    raw.source = source or raw.source
    return raw, process(raw, settings)


def _store_processed(conn: sqlite3.Connection, raw: RawDocument, done: dict, pipeline: str) -> None:
    store.insert_document(conn, source=raw.source, path=raw.path, sha256=raw.sha256, pipeline=pipeline,
                          encoding=raw.encoding, paged=raw.paged, clean=done["clean"],
                          articles=done["articles"], rows=done["rows"])


# ------------------------------------------------------------------ the build
def build(paths: list[Path] | None = None, settings: Settings | None = None,
          progress: "bool | ProgressLog" = True, log=print) -> BuildReport:
    """Bring the KB in `settings.index_dir` up to date with the files under `paths`.

    `progress`: True for progress bars (a terminal), a ProgressLog for a line every few seconds,
    False for silence.

    Unchanged files (same bytes, same pipeline) are not re-processed; files that fail are reported
    and keep their previous version in the KB; documents whose files were removed from under the
    given paths are dropped. The new KB becomes live only when everything succeeded.
    """
    settings = settings or Settings.from_env()
    with _os_errors_explained(Path(settings.index_dir)):
        Path(settings.index_dir).mkdir(parents=True, exist_ok=True)
        from .distributed import ray_session
        with _build_lock(Path(settings.index_dir)), ray_session(settings.ray_address):
            return _build_with_lock_held(paths, settings, progress, log)


@contextlib.contextmanager
def _os_errors_explained(index_dir: Path):
    """A full disk, a read-only folder or a lost mount: one line naming the path, not a traceback."""
    try:
        yield
    except OSError as e:
        raise KBError(os_error_message(e, index_dir) + "; the previous knowledge base is unchanged") from e
    except sqlite3.OperationalError as e:
        raise KBError(f"{index_dir}: {e} while writing the knowledge base"
                      + ("; free disk space and build again" if "full" in str(e) else "")
                      + "; the previous knowledge base is unchanged") from e
    except RuntimeError as e:   # FAISS reports a failed write as RuntimeError("... write error in PATH ...")
        if "write error" not in str(e):
            raise
        reason = str(e).rsplit("(", 1)[-1].rstrip(")") if "(" in str(e) else "write error"
        raise KBError(f"{index_dir}: {reason} while writing the search index; free disk space and build "
                      "again; the previous knowledge base is unchanged") from e


@dataclass
class _Plan:
    """What one build works from, decided under the lock before anything is written."""
    files: list[Path]             # documents to bring up to date
    roots: list[Path]             # the folders/files given; documents under them whose files are gone are dropped
    previous: Path | None         # the live generation
    damaged: list[check.Problem]  # what a check found wrong with it: rebuilt by this build
    pipeline: str

    @property
    def database_usable(self) -> bool:
        return self.previous is not None and not any(p.part == "database" for p in self.damaged)


def _build_with_lock_held(paths: list[Path] | None, settings: Settings, progress, log) -> BuildReport:
    started = time.perf_counter()
    # Absolute paths: a file is the same document whichever working directory the build runs from.
    roots = [Path(p).resolve() for p in (paths or [settings.corpus_dir])]
    index_dir = Path(settings.index_dir)
    files, skipped = discover(roots)
    report = BuildReport(skipped=[str(p) for p in skipped])
    previous = current_generation(index_dir)
    damaged = check.generation_problems(previous) if previous else []
    report.warnings += [f"{p}; rebuilt" for p in damaged] + _set_aside_damaged_cache(index_dir)
    plan = _Plan(files, roots, previous, damaged, pipeline_version(settings))
    if previous and not plan.database_usable:
        plan.files = _with_readable_documents(files, previous)
    try:
        return _build_locked(plan, index_dir, settings, report, progress, log)
    finally:
        report.seconds = time.perf_counter() - started


@contextlib.contextmanager
def _build_lock(index_dir: Path):
    """One build at a time per KB (the CLI and an app upload could otherwise race)."""
    import fcntl

    with open(index_dir / "build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KBError(f"another build of {index_dir}/ is running; wait for it to finish") from None
        yield


def _set_aside_damaged_cache(index_dir: Path) -> list[str]:
    """A damaged embedding cache is renamed (every build checks, so `kb check` passes after one)."""
    from .embed import set_aside_if_damaged

    cache = index_dir / check.EMBED_CACHE
    aside = set_aside_if_damaged(cache)
    return [f"{cache}: damaged embedding cache set aside as {aside.name}; a new one is filled as "
            "passages are embedded"] if aside else []


def _with_readable_documents(files: list[Path], gen: Path) -> list[Path]:
    """`files` plus the files of documents a damaged database still names (so none is forgotten)."""
    have = set(files)
    extra = {Path(p) for p in store.readable_document_paths(gen / check.DATABASE)}
    return files + sorted(p for p in extra if p not in have and p.is_file())


def _build_locked(plan: _Plan, index_dir: Path, settings: Settings, report: BuildReport, progress,
                  log) -> BuildReport:
    previous = plan.previous
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
    work = index_dir / f".building-{stamp}"
    work.mkdir()
    try:
        db_path = work / check.DATABASE
        if plan.database_usable:
            _copy_database(previous / check.DATABASE, db_path)
        conn = store.connect(db_path)
        ahead = _embed_ahead(index_dir, settings, progress)
        try:
            try:
                _sync_documents(conn, plan.files, plan.roots, plan.pipeline, settings, report, progress, log,
                                ahead)
                ahead.finish()
            except BaseException:
                ahead.finish(wait=False)    # an error or Ctrl-C: stop it (its vectors stay cached)
                raise
            finally:
                if isinstance(ahead.progress, _TerminalBar):
                    ahead.progress.close()
            if store.counts(conn)["passages"] == 0:
                reasons = "; ".join(message for _, message in report.failed[:5])
                raise KBError("no text to index: the knowledge base would hold no passages"
                              + (f" ({reasons})" if reasons else "; add PDF, TXT, DOCX or HTML files"))
            from .index import CONTEXT_SHARE     # what the stored vectors mix in (kb.index.passage_vectors)
            vectors_stale = store.get_meta(conn, "model") != settings.model \
                or (store.get_meta(conn, "vector_store") or "faiss") != settings.vector_store \
                or store.get_meta(conn, "context_share") != str(CONTEXT_SHARE)
            need_index = report.changed or vectors_stale or bool(plan.damaged) or previous is None
            if not need_index:
                report.counts = store.counts(conn)
                report.generation = previous.name
                return report
            store.set_meta(conn, model=settings.model, pipeline=plan.pipeline, vector_store=settings.vector_store,
                           context_share=str(CONTEXT_SHARE), built_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
            conn.commit()
            if callable(progress):     # counts go on from what was embedded ahead
                progress = _offset_progress(progress, ahead.embedded)
            report.embedded = ahead.embedded + _build_search_indexes(
                conn, work / check.SEARCH_DIR, index_dir, settings, progress, ahead.embedder)
            report.counts = store.counts(conn)
            store.set_meta(conn, counts=report.counts)
            conn.commit()
        finally:
            conn.close()
        check.record_database_checksum(work)
        gen = index_dir / f"gen-{stamp}"   # unique even for two builds within one second
        work.rename(gen)
        _switch_to(index_dir, gen)
        report.generation = gen.name
        _remove_old_generations(index_dir, keep={gen.name, previous.name if previous else ""})
        return report
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def _copy_database(src: Path, dst: Path) -> None:
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def _sync_documents(conn, files: list[Path], roots: list[Path], pipeline: str, settings: Settings,
                    report: BuildReport, progress, log, ahead) -> None:
    from tqdm import tqdm

    from .index import passage_embedding_texts

    known = {row["path"]: row for row in store.documents(conn)}
    # Documents whose files are gone go first, so a copy of one elsewhere is not taken for a duplicate.
    for key, row in list(known.items()):
        if _is_under(Path(key), roots) and not Path(key).exists():
            store.delete_document(conn, row["id"])
            report.removed.append(key)
            del known[key]
    by_hash = {row["sha256"]: row for row in known.values()}
    remote = _remote_files(files, known, pipeline, settings)
    bar = tqdm(files, desc="Building", unit="file", disable=not progress or callable(progress), leave=False)
    for done, path in enumerate(bar):
        bar.set_postfix_str(path.name[:30])
        if callable(progress):
            progress.files(done, len(files))   # the file being processed is not done yet
        key = str(path)
        try:
            sha = file_sha256(path)
        except OSError as e:
            report.failed.append((key, f"{key}: cannot read file ({e.strerror or e})"))
            continue
        twin = by_hash.get(sha)
        old = known.get(key) or (twin if twin is not None and _same_file(twin["path"], path) else None)
        if old is not None and old["sha256"] == sha and old["pipeline"] == pipeline and old["path"] == key:
            report.unchanged.append(key)
            continue
        if twin is not None and (old is None or twin["id"] != old["id"]):
            report.duplicates.append((key, twin["source"]))
            continue
        try:
            source = _unique_source(conn, path.name, key, old["id"] if old is not None else None)
            raw, done = remote.result(path) if path in remote and source == path.name \
                else load_and_process(path, settings, source)
        except KBError as e:
            report.failed.append((key, str(e)))
            continue
        except Exception as e:  # a bug on one file must not stop the batch; keep the traceback
            report.failed.append((key, f"{key}: internal error while processing "
                                       f"({type(e).__name__}: {e}); please report it"))
            if os.environ.get("KB_DEBUG"):
                traceback.print_exc()
            continue
        if old is not None:
            store.delete_document(conn, old["id"])
        _store_processed(conn, raw, done, pipeline)
        conn.commit()
        ahead.add(passage_embedding_texts(done["rows"]["passages"]))
        by_hash[sha] = {"id": None, "source": raw.source, "path": key}
        report.chars += len(raw.text)
        (report.updated if old is not None else report.added).append(key)
    bar.close()
    if callable(progress):
        progress.files(len(files), len(files))
    conn.commit()


def _remote_files(files: list[Path], known: dict, pipeline: str, settings: Settings):
    """With `ray_address`, the files this build has to process, submitted to Ray at once; else ()."""
    if not settings.ray_address:
        return ()
    from .distributed import RemoteFiles

    def stale(path: Path) -> bool:
        row = known.get(str(path))
        try:
            return row is None or row["pipeline"] != pipeline or row["sha256"] != file_sha256(path)
        except OSError:
            return False   # the build's own loop reports it
    return RemoteFiles(load_and_process, [p for p in files if stale(p)], settings)


def _same_file(stored: str, path: Path) -> bool:
    """True when a stored path (perhaps relative, from an older build) names the file at `path`."""
    try:
        return os.path.samefile(stored, path)
    except OSError:
        return False


def _unique_source(conn, source: str, path: str, replacing: int | None) -> str:
    """The file name, unless another document of that name is in the KB: then folder/name."""
    taken_by = store.document_id(conn, source)
    return source if taken_by is None or taken_by == replacing else f"{Path(path).parent.name}/{source}"


def _is_under(path: Path, roots: list[Path]) -> bool:
    for root in roots:
        try:
            if root.is_file() and path == root or path.is_relative_to(root) \
                    or path.resolve().is_relative_to(root.resolve()):   # through a symlinked folder too
                return True
        except OSError:
            continue
    return False


def _embed_ahead(index_dir: Path, settings: Settings, progress):
    """Embedding of processed documents' passages while the next files are extracted (not with Ray:
    its actors embed everything at the end)."""
    from .embed import EmbedAhead, make_embedder
    ahead = EmbedAhead(lambda: make_embedder(settings), index_dir / check.EMBED_CACHE,
                       progress=progress if callable(progress) else _TerminalBar() if progress else None)
    if settings.ray_address:
        ahead.start_at = None
    return ahead


class _TerminalBar:
    """A progress bar told (texts embedded, texts to embed), shown once told something."""

    def __init__(self):
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        from tqdm import tqdm
        if self._bar is None:
            self._bar = tqdm(desc="embedding", unit="text", leave=False)
        self._bar.total, self._bar.n = total, done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _offset_progress(progress, before: int):
    """`progress` told (done, total) counts that go on from `before` texts already embedded."""
    return lambda done, total: progress(before + done, before + total)


def _build_search_indexes(conn, out_dir: Path, index_dir: Path, settings: Settings, progress,
                          embedder=None) -> int:
    """Embed (through the cache) and index all passages; returns how many texts needed the model.
    `embedder`: the one the build already loaded, if any."""
    from .embed import make_embedder
    from .index import build_indexes
    from .vector_store import make_vector_store

    cache = index_dir / check.EMBED_CACHE
    passages = store.load_passages(conn)
    if settings.ray_address:
        from .distributed import RayEmbedder
        embedder = RayEmbedder(settings)
    else:
        embedder = embedder or make_embedder(settings)
    genres = {(row["source"], row["index"]): row["genre"] for row in store.article_rows(conn)}
    manifest = build_indexes(passages, embedder, out_dir, cache, settings, progress=progress,
                             store=make_vector_store(settings, genres))
    return int(manifest.get("embedded", 0))


# ------------------------------------------------------------------ uploads
def uploads_dir(settings: Settings) -> Path:
    """Where files added through the app are kept (inside the KB directory, never elsewhere)."""
    return Path(settings.index_dir) / "uploads"


def save_upload(settings: Settings, filename: str, data: bytes) -> Path:
    """Store an uploaded file under the uploads folder; the user's name never becomes a path.

    A different file uploaded under a name already taken gets a numbered name instead of
    replacing the first one; the same bytes again are left where they are.
    """
    return _save_upload(settings, filename, data)[0]


def _save_upload(settings: Settings, filename: str, data: bytes) -> tuple[Path, bool]:
    """(where the upload is kept, True when this call created that file)."""
    from .load import check_acceptable

    name = unicodedata.normalize("NFC", Path(filename.replace("\\", "/")).name).strip().lstrip(".")
    check_acceptable(name, len(data), settings.max_file_mb)
    suffix = Path(name).suffix.lower()
    stem = "".join(c if c.isalnum() or c in "-_ ." else "_" for c in Path(name).stem)[:100] or "upload"
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target, n = folder / f"{stem}{suffix}", 2
    while target.exists():
        if target.read_bytes() == data:
            return target, False   # already uploaded (and perhaps in the KB): never rewritten or deleted
        target, n = folder / f"{stem}-{n}{suffix}", n + 1
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target, True


def add_uploads(settings: Settings, files: list[tuple[str, bytes]], progress: bool = False) -> BuildReport:
    """Save uploaded (name, bytes) pairs and build them into the KB; refused files are reported as failed.

    The build lock is taken before anything is saved, so a refused build (another one is running)
    changes nothing. Only files this call created are removed again when they fail or duplicate a
    document: a file already in the KB is never deleted by an upload.
    """
    index_dir = Path(settings.index_dir)
    with _os_errors_explained(index_dir):
        index_dir.mkdir(parents=True, exist_ok=True)
        with _build_lock(index_dir):
            return _add_uploads_locked(settings, files, progress)


def _add_uploads_locked(settings: Settings, files: list[tuple[str, bytes]], progress) -> BuildReport:
    refused, saved, created = [], [], set()
    try:
        for name, data in files:
            try:
                path, new = _save_upload(settings, name, data)
            except KBError as e:
                refused.append((name, str(e)))
                continue
            saved.append(path)
            if new:
                created.add(path.resolve())
        report = _build_with_lock_held([uploads_dir(settings)], settings, progress, print) \
            if saved else BuildReport()
    except KBError as e:   # e.g. nothing indexable at all: every saved file counts as failed
        report = BuildReport(failed=[(str(p), str(e)) for p in saved])
    except BaseException:  # the KB did not change, so none of the new files is in it
        _unlink_all(created)
        raise
    not_taken = {Path(p).resolve() for p, _ in report.failed + report.duplicates}
    _unlink_all(created & not_taken)
    report.failed = refused + report.failed
    return report


def _unlink_all(paths) -> None:
    """Remove new uploads the KB did not take, so later builds do not retry or report them."""
    for path in paths:
        Path(path).unlink(missing_ok=True)
