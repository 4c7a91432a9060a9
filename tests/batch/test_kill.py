"""A batch killed with SIGKILL at random moments, then rerun, ends with exactly the tables of an
uninterrupted run: no row lost, none duplicated."""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from tests.batch.conftest import assert_same_tables, make_archive
from tests.conftest import CORPUS


def _big_archive(root):
    make_archive(root)
    for k in range(24):  # enough documents for kills to land mid-run
        d = root / f"copies{k}"
        d.mkdir()
        for name in ("plan_edu_safety_2025.txt", "summary_edu_safety_2025h1.txt", "plan_health_integrity_2025.txt",
                     "summary_health_integrity_2025.txt", "plan_street_governance_2025.txt"):
            text = (CORPUS / name).read_text(encoding="utf-8")
            district = "东西南北中新"[k % 6] + "城湖山河"[k // 6]  # another issuer for every copy
            (d / name).write_text(text.replace("江州市", f"江州市{district}区"), encoding="utf-8")
    return root


def _committed(out) -> int:
    import sqlite3
    db = out / ".policytext-batch.sqlite"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM done").fetchone()[0]


def _cmd(arch, out):
    return [sys.executable, "-c", "from policytext.cli import main; main()", "batch", str(arch), "-o", str(out),
            "--jobs", "2", "--compare"]


def test_killed_runs_resume_to_the_same_tables(tmp_path):
    arch = _big_archive(tmp_path / "archive")
    whole = tmp_path / "whole"
    t0 = time.monotonic()
    done = subprocess.run(_cmd(arch, whole), capture_output=True, text=True)
    span = time.monotonic() - t0
    assert done.returncode == 1, done.stderr  # the archive has broken files: exit 1, tables written
    total = _committed(whole)
    rng = random.Random(int(os.environ.get("POLICYTEXT_KILL_SEED", "7")))
    out = tmp_path / "killed"
    committed: list[int] = []
    for _ in range(8):
        p = subprocess.Popen(_cmd(arch, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.8) * span)  # anywhere: importing, reading, committing, exporting
        killed = p.poll() is None
        if killed:
            p.send_signal(signal.SIGKILL)
        p.wait()
        committed.append(_committed(out) if killed else -1)
    print("committed after each kill:", committed, "of", total)
    final = subprocess.run(_cmd(arch, out), capture_output=True, text=True)
    assert final.returncode == 1, final.stderr
    assert sum(0 < n < total for n in committed) >= 2, (committed, total)  # killed mid-run, more than once
    assert_same_tables(whole, out)
    shutil.rmtree(tmp_path / "archive")


class _Stop(BaseException):
    pass


def test_interrupted_at_every_stage_resumes_exactly(archive, reference, tmp_path, monkeypatch):
    """In process and deterministic: stop the run after n results of a stage (as a kill would,
    with no cleanup of the run's own), for n across both stages, then finish it."""
    import policytext.batch
    from policytext.batch import run_batch

    monkeypatch.setattr(policytext.batch, "COMMIT_EVERY", 1)  # every stop leaves committed work behind

    out = tmp_path / "out"
    for stage, n in [("documents", 1), ("documents", 3), ("documents", 7), ("comparisons", 1), ("comparisons", 2)]:
        def stop(p, stage=stage, n=n):
            if p.stage == stage and p.done >= n:
                raise _Stop
        try:
            run_batch(archive, out, jobs=1, compare=True, progress=stop)
        except _Stop:
            pass
    run_batch(archive, out, jobs=1, compare=True)
    assert_same_tables(reference, out)


def test_workers_exit_when_the_run_is_killed(tmp_path):
    """A SIGKILLed run cannot stop its pool: the workers notice the main process is gone and
    exit, instead of waiting on their queue for ever."""
    psutil = __import__("psutil")
    arch, out = _big_archive(tmp_path / "archive"), tmp_path / "out"
    p = subprocess.Popen(_cmd(arch, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list = []
    while time.monotonic() < deadline and p.poll() is None and not (workers and _committed(out)):
        time.sleep(0.1)
        try:
            workers = psutil.Process(p.pid).children()
        except psutil.NoSuchProcess:
            break
    assert p.poll() is None and workers, "the run ended before its pool was seen"
    p.send_signal(signal.SIGKILL)
    p.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, [w.pid for w in alive]
