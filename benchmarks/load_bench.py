"""Hybrid query latency under load (a script, not a test): idle, while a build runs on the same machine,
and with 4 clients querying at once. Prints p50/p90/p99 per scenario and thread configuration.

    python benchmarks/load_bench.py [--index-dir DIR] [--seconds 20] [--configs default,tuned]

DIR holds a built demo KB (default: a copy of $KB_INDEX_DIR or index/ is made under /tmp). Each
client is its own process (as app sessions on several servers, or CLI users, would be) that loads
the KB, warms up with 5 queries, then runs the dev and extra questions in a loop and times each
`KnowledgeBase.search(q, k=10, mode="hybrid")`. The concurrent build embeds the demo corpus from
scratch into a temporary KB without a cache (the expensive kind of build) and is stopped after the
measurement. Configurations:
  default  the environment as it is (no thread settings): the behaviour before kb/threads.py
  tuned    kb/threads.py: passive OpenMP threads, 1 BLAS thread, queries on 1 OpenMP thread;
           the build runs as the app starts it (kb.worker: nice 10, passive threads)
Targets (issue 15): p90 ≤ 100 ms while a build runs; p99 ≤ 200 ms with 4 parallel clients.
The machine may be shared: the load average before and after each scenario is printed with it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from _shared import SHARED  # noqa: E402

EVAL = SHARED / "eval" / "dev" / "queries.jsonl"
EXTRA = ROOT / "benchmarks" / "queries_extra.jsonl"
THREAD_VARS = ("OMP_WAIT_POLICY", "KMP_BLOCKTIME", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def queries() -> list[str]:
    found = []
    for path in (EVAL, EXTRA):
        if path.exists():
            found += [json.loads(line)["query"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found or ["西部地区经济发展", "郑州跨境电商交易额是多少", "一带一路如何缩小东西部差距"]


# ------------------------------------------------------------------ one client (a child process)
def client(index_dir: str, seconds: float, role: str) -> None:
    if role == "tuned":
        from kb.threads import configure
        configure("query")
    sys.path.insert(0, str(ROOT))
    from kb.api import KnowledgeBase
    from kb.config import Settings

    kb = KnowledgeBase(Settings.from_env(index_dir=index_dir))
    qs = queries()
    for q in qs[:5]:
        kb.search(q, k=10, mode="hybrid")
    print("ready", flush=True)
    start_at = float(sys.stdin.readline())   # the same clock start for every client
    while time.time() < start_at:
        time.sleep(0.01)
    times, n = [], 0
    while time.time() < start_at + seconds:
        t = time.perf_counter()
        kb.search(qs[n % len(qs)], k=10, mode="hybrid")
        times.append((time.perf_counter() - t) * 1000)
        n += 1
    print(json.dumps(times))


# ------------------------------------------------------------------ the orchestration
def env_for(config: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARS}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start_build(config: str, work: Path) -> subprocess.Popen:
    """A from-scratch build of the demo corpus (no embedding cache) in its own process."""
    index = work / f"build-{time.time_ns()}"
    if config == "tuned":   # as the app starts it
        code = ("import sys; from kb.threads import configure, lower_priority; configure('build'); "
                "lower_priority(10); from kb.build import build; from kb.config import Settings; "
                f"build([{str(ROOT / 'corpus')!r}], Settings.from_env(index_dir={str(index)!r}), progress=False)")
    else:                   # as a build in another terminal ran before
        code = ("from kb.build import build; from kb.config import Settings; "
                f"build([{str(ROOT / 'corpus')!r}], Settings.from_env(index_dir={str(index)!r}), progress=False)")
    return subprocess.Popen([sys.executable, "-c", code], env=env_for(config), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scenario(index_dir: str, config: str, clients: int, with_build: bool, seconds: float, work: Path) -> dict:
    load_before = os.getloadavg()[0]
    build = start_build(config, work) if with_build else None
    build_started = time.time()
    procs = [subprocess.Popen([sys.executable, __file__, "--client", index_dir, "--seconds", str(seconds),
                               "--role", config], env=env_for(config), cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
             for _ in range(clients)]
    for p in procs:   # every client has loaded the KB and answered 5 queries
        assert p.stdout.readline().strip() == "ready"
    if build:   # past model loading and the text pipeline: the build is embedding by now
        time.sleep(max(0.0, 12 - (time.time() - build_started)))
    start_at = time.time() + 0.5
    for p in procs:
        p.stdin.write(f"{start_at}\n")
        p.stdin.flush()
    times = []
    for p in procs:
        out, _ = p.communicate()
        times += json.loads(out.strip().splitlines()[-1])
    build_alive = build is not None and build.poll() is None
    if build:
        build.terminate()   # the build this scenario started, by its own handle
        build.wait()
    times.sort()
    pct = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return {"config": config, "clients": clients, "build": with_build, "queries": len(times),
            "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": times[-1],
            "load": (load_before, os.getloadavg()[0]), "build_still_running": build_alive}


def demo_index() -> str:
    for candidate in (Path(os.environ.get("KB_INDEX_DIR") or ROOT / "index"), ROOT / "index"):
        if (candidate / "CURRENT").exists():
            copy = Path(tempfile.mkdtemp(prefix="load-bench-")) / "index"
            shutil.copytree(candidate, copy, ignore=shutil.ignore_patterns("embed_cache.sqlite*", "build.lock"))
            return str(copy)
    sys.exit("no demo KB: build one with `kb build` (index/) or pass --index-dir")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--configs", default="default,tuned")
    ap.add_argument("--client")
    ap.add_argument("--role", default="tuned")
    args = ap.parse_args()
    if args.client:
        return client(args.client, args.seconds, args.role)
    index_dir = args.index_dir or demo_index()
    print(f"KB: {index_dir}; {os.cpu_count()} CPUs; {args.seconds:.0f} s per scenario; "
          f"load average now {os.getloadavg()[0]:.1f}")
    work = Path(tempfile.mkdtemp(prefix="load-bench-builds-"))
    try:
        print(f"{'config':8} {'clients':>7} {'build':>6} {'queries':>7} {'p50 ms':>7} {'p90 ms':>7} "
              f"{'p99 ms':>7} {'max ms':>7}  load avg before/after")
        for config in args.configs.split(","):
            for clients, with_build in ((1, False), (1, True), (4, False)):
                r = scenario(index_dir, config, clients, with_build, args.seconds, work)
                print(f"{r['config']:8} {r['clients']:>7} {'yes' if r['build'] else 'no':>6} {r['queries']:>7} "
                      f"{r['p50']:>7.1f} {r['p90']:>7.1f} {r['p99']:>7.1f} {r['max']:>7.1f}  "
                      f"{r['load'][0]:.1f}/{r['load'][1]:.1f}"
                      + ("" if not r["build"] or r["build_still_running"] else "  (build ended early)"),
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
