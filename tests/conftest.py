"""Shared fixtures: a real knowledge base built once from the whole demo corpus, and the one way
tests find the shared data (gold sets, extcorpus, external specs) that lives outside the repository."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kb.build import build
from kb.config import Settings
from kb.threads import serialise_ast_parse

serialise_ast_parse()   # the app's pages run under streamlit.testing, parsed in its script thread (kb/threads.py)

ROOT = Path(__file__).resolve().parent.parent


def shared_path(*parts: str) -> Path:
    """A path inside the shared data: $KB_SHARED when set, else `shared/` beside the repository root."""
    base = os.environ.get("KB_SHARED")
    return (Path(base) if base else ROOT.parent / "shared").joinpath(*parts)


def _missing_reason(path: Path) -> str:
    return f"{path} is not present (put the shared data in ../shared beside the checkout, or set KB_SHARED)"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip a test or module, saying why, when this part of the shared data is absent."""
    path = shared_path(*parts)
    return pytest.mark.skipif(not path.exists(), reason=_missing_reason(path))


def require_shared(*parts: str) -> Path:
    """The path inside the shared data; called from a test or fixture, skips it with the reason when absent."""
    path = shared_path(*parts)
    if not path.exists():
        pytest.skip(_missing_reason(path))
    return path


@pytest.fixture(scope="session")
def shared():
    """shared("eval", "dev", "queries.jsonl") -> the path, or the test is skipped with the reason."""
    return require_shared


@pytest.fixture(scope="session")
def demo_kb(tmp_path_factory) -> Settings:
    """Settings of a KB built from corpus/ in a temporary directory (KB_INDEX_DIR points at it).

    The embedding cache of $KB_INDEX_DIR or the checkout's `index/` is copied in when present: it
    holds only vectors keyed by model and text hash, so it changes nothing but the time the build
    takes (about 5 minutes of embedding without it).
    """
    index_dir = tmp_path_factory.mktemp("demo") / "index"
    index_dir.mkdir()
    for kb_dir in (Settings.from_env().index_dir, ROOT / "index"):
        cache = Path(kb_dir) / "embed_cache.sqlite"
        if cache.exists():
            shutil.copy(cache, index_dir / "embed_cache.sqlite")
            break
    settings = Settings.from_env(index_dir=index_dir, corpus_dir=ROOT / "corpus")
    report = build([ROOT / "corpus"], settings, progress=False)
    assert not report.failed, report.failed
    previous = os.environ.get("KB_INDEX_DIR")
    os.environ["KB_INDEX_DIR"] = str(index_dir)
    yield settings
    if previous is None:
        os.environ.pop("KB_INDEX_DIR", None)
    else:
        os.environ["KB_INDEX_DIR"] = previous
