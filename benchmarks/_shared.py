"""Where the benchmarks find the shared ground truth (corpora, gold sets, scorer): `$KB_SHARED` when
set, else `shared/` beside the checkout — the same rule as `tests/conftest.shared_path`."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
