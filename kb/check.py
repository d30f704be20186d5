"""Is a built KB intact? One line per problem for every file of the live generation.

The database is checked by SQLite (`PRAGMA integrity_check`) and by the sha256 recorded in the
index manifest when the build finished (a same-length edit passes SQLite's check but not this one);
the index files by the manifest's checksums; the embedding cache by SQLite. `kb build` reads the
same answers to decide what to rebuild, so what `kb check` reports is what the next build repairs.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import store
from .errors import KBError
from .index import FORMAT_VERSION, MANIFEST, changed_files, read_manifest
from .load import file_sha256

DATABASE = "kb.sqlite"
SEARCH_DIR = "search"
EMBED_CACHE = "embed_cache.sqlite"
# Key of the index manifest that holds the database's sha256 (written once the database is final).
DATABASE_CHECKSUM = "database_sha256"


@dataclass(frozen=True)
class Problem:
    """One damaged part: which file, what is wrong, and which part of the KB a build must redo."""
    path: Path
    what: str
    part: str   # "database", "index" or "cache"

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def database_problems(gen: Path) -> list[Problem]:
    """Problems of the generation's SQLite database (empty when it is intact)."""
    path = gen / DATABASE
    if not path.exists():
        return [Problem(path, "missing", "database")]
    found = store.sqlite_problems(path)
    if found:
        return [Problem(path, found, "database")]
    recorded = _recorded_database_checksum(gen)
    if recorded and file_sha256(path) != recorded:
        return [Problem(path, "content differs from the checksum recorded when it was built "
                              "(edited or damaged on disk)", "database")]
    return []


def index_problems(gen: Path) -> list[Problem]:
    """Problems of the generation's search indexes: manifest unreadable, files missing or changed."""
    directory = gen / SEARCH_DIR
    try:
        manifest = read_manifest(directory)
    except KBError:
        path = directory / MANIFEST
        return [Problem(path, "not valid JSON (truncated or damaged)" if path.exists() else "missing", "index")]
    if manifest.get("format") != FORMAT_VERSION:
        return [Problem(directory / MANIFEST, f"index format {manifest.get('format')}, this version "
                                              f"reads {FORMAT_VERSION}", "index")]
    return [Problem(directory / name, "missing" if not (directory / name).exists() else
                    "does not match its checksum in the manifest (changed or damaged)", "index")
            for name in changed_files(directory, manifest)]


def cache_problems(index_dir: Path) -> list[Problem]:
    path = Path(index_dir) / EMBED_CACHE
    found = store.sqlite_problems(path) if path.exists() else ""
    return [Problem(path, found + "; the next build sets it aside and makes a new one", "cache")] if found else []


def generation_problems(gen: Path) -> list[Problem]:
    return database_problems(gen) + index_problems(gen)


def kb_problems(index_dir: Path, gen: Path | None) -> list[Problem]:
    """Every problem of the KB in `index_dir` whose live generation is `gen` (None: no KB)."""
    if gen is None:
        return [Problem(Path(index_dir) / "CURRENT", "no live knowledge base (never built, or the "
                                                      "generation it names is gone)", "database")]
    return generation_problems(gen) + cache_problems(index_dir)


def record_database_checksum(gen: Path) -> None:
    """Write the sha256 of the finished database into the index manifest (atomically)."""
    directory = gen / SEARCH_DIR
    manifest = read_manifest(directory)
    manifest[DATABASE_CHECKSUM] = file_sha256(gen / DATABASE)
    tmp = directory / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, directory / MANIFEST)


def database_checksum_recorded(gen: Path) -> bool:
    """False for a KB built before database checksums were recorded (only SQLite's check applies)."""
    return bool(_recorded_database_checksum(gen))


def _recorded_database_checksum(gen: Path) -> str | None:
    try:
        return read_manifest(gen / SEARCH_DIR).get(DATABASE_CHECKSUM)
    except KBError:
        return None   # the manifest's own problem is reported by index_problems
