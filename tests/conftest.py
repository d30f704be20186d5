"""Shared fixtures: a real knowledge base built once from the whole demo corpus."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kb.build import build
from kb.config import Settings

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def demo_kb(tmp_path_factory) -> Settings:
    """Settings of a KB built from corpus/ in a temporary directory (KB_INDEX_DIR points at it).

    The embedding cache of a local `index/` is copied in when present: it holds only vectors keyed
    by model and text hash, so it changes nothing but the time the build takes.
    """
    index_dir = tmp_path_factory.mktemp("demo") / "index"
    index_dir.mkdir()
    local_cache = ROOT / "index" / "embed_cache.sqlite"
    if local_cache.exists():
        shutil.copy(local_cache, index_dir / "embed_cache.sqlite")
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
