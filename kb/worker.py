"""Builds started from the app run here, in a child process at lower priority.

The app's process answers queries; a build in it would take its cores (embedding runs OpenMP on
all of them) and hold Python's GIL between batches, so a query waited for the build. A child
process with `nice` 10 and passive OpenMP threads (kb/threads.py) leaves the cores to the queries
first. The child prints its BuildReport as JSON on stdout; a KBError comes back as one line.

    python -m kb.worker JOB.json      # JOB: {"paths": [...]} or {"uploads": [[name, staged file], ...]}
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import Settings
from .errors import KBError
from .threads import child_environment

NICE = 10


def build_in_child(settings: Settings, paths: list[Path] | None = None,
                   uploads: list[tuple[str, bytes]] | None = None):
    """Run `kb.build.build(paths)` or `kb.build.add_uploads(uploads)` in a child process; its BuildReport.

    Raises KBError with the child's message (e.g. another build is running).
    """
    from .build import BuildReport

    index_dir = Path(settings.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=index_dir))
    try:
        job = {"paths": [str(p) for p in paths] if paths else None, "uploads": None}
        if uploads is not None:
            job["uploads"] = _stage(staging, uploads)
        (staging / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        # The child reads its settings the usual way, from KB_* variables (kb/config.py).
        env = {**child_environment(), **{f"KB_{f.name.upper()}": str(getattr(settings, f.name))
                                         for f in dataclasses.fields(settings)}}
        proc = subprocess.run([sys.executable, "-m", "kb.worker", str(staging / "job.json")],
                              capture_output=True, text=True, env=env)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        answer = json.loads(proc.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise KBError(f"the build process stopped unexpectedly (exit code {proc.returncode}: {last})") from None
    if "error" in answer:
        raise KBError(answer["error"])
    report = BuildReport(**answer["report"])
    report.duplicates = [tuple(d) for d in report.duplicates]
    report.failed = [tuple(f) for f in report.failed]
    return report


def _stage(staging: Path, uploads: list[tuple[str, bytes]]) -> list[list[str]]:
    """Write uploaded bytes under numbered names; [(original name, staged file)] for the child."""
    staged = []
    for n, (name, data) in enumerate(uploads):
        path = staging / f"{n}.bin"
        path.write_bytes(data)
        staged.append([name, str(path)])
    return staged


def _run(job: dict) -> dict:
    from .build import add_uploads, build

    settings = Settings.from_env()
    if job.get("uploads") is not None:
        files = [(name, Path(staged).read_bytes()) for name, staged in job["uploads"]]
        report = add_uploads(settings, files, progress=False)
    else:
        report = build([Path(p) for p in job["paths"]] if job["paths"] else None, settings, progress=False)
    return dataclasses.asdict(report)


def main(argv: list[str]) -> int:
    from .threads import configure, lower_priority

    configure("build")   # all cores, but at nice 10 and with passive threads
    lower_priority(NICE)
    try:
        answer = {"report": _run(json.loads(Path(argv[0]).read_text(encoding="utf-8")))}
    except KBError as e:
        answer = {"error": str(e)}
    print(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
