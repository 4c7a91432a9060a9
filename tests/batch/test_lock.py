"""One batch run at a time per output folder: a second run refuses at once (exit 2, one line),
a killed run's lock goes with its process, and the resume then runs."""
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import policytext
from policytext.batch import read_results, run_batch
from policytext.batch.store import LOCK, BatchError, Store
from tests.conftest import CORPUS

SRC = str(Path(policytext.__file__).resolve().parents[1])
# The first run is held just after it took the lock (before it lists the archive), for as long
# as the test needs; everything else is the real command.
STALLED = ("import time, policytext.ingest.archive as a; real = a.walk; "
           "a.walk = lambda root: (print('stalled', flush=True), time.sleep(120), real(root))[2]; "
           "from policytext.cli import main; main()")
PLAIN = "from policytext.cli import main; main()"


def _batch(code: str, arch: Path, out: Path, **kw):
    return subprocess.Popen([sys.executable, "-c", code, "batch", str(arch), "-o", str(out), "--jobs", "1"],
                            env={**os.environ, "PYTHONPATH": SRC}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def _locked(path: Path) -> bool:
    """Whether another process holds the folder's lock (probed without keeping it)."""
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # also drops the probe's own lock
    return False


def _locked_for_another_process(out: Path) -> bool:
    """Whether a separate process would be refused the folder, whatever the lock's mechanism."""
    probe = ("import sys; from pathlib import Path; from policytext.batch.store import FolderLock, BatchError\n"
             "try: FolderLock(Path(sys.argv[1])).release()\nexcept BatchError: sys.exit(3)")
    done = subprocess.run([sys.executable, "-c", probe, str(out)], env={**os.environ, "PYTHONPATH": SRC})
    return done.returncode == 3


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("plan_tax_party_2024.txt", "summary_tax_party_2024.txt"):
        (root / name).write_bytes((CORPUS / name).read_bytes())
    return root


def test_second_run_refuses_and_a_killed_run_does_not_block_the_resume(tmp_path, archive):
    out = tmp_path / "out"
    first = _batch(STALLED, archive, out)
    try:
        assert first.stdout.readline() == "stalled\n"  # it holds the lock, and waits
        second = _batch(PLAIN, archive, out)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 2, err
        (line,) = err.strip().splitlines()
        assert line == (f"policytext: {out}: another batch run (process {first.pid}) is writing to this folder; "
                        "wait for it to finish or write to another folder (-o)")
        assert first.poll() is None and _locked(out / LOCK)  # the refusal took nothing from the first run
        assert not list(out.glob("*.parquet"))
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate()
    assert not _locked(out / LOCK)  # the kernel dropped it with the process; no pid file to clean up
    resume = _batch(PLAIN, archive, out)
    _, err = resume.communicate(timeout=300)
    assert resume.returncode == 0, err
    assert sorted(read_results(out)["documents"]["path"]) == ["plan_tax_party_2024.txt", "summary_tax_party_2024.txt"]


def test_same_process_second_store_refuses_until_the_first_closes(tmp_path):
    first = Store(tmp_path / "out")
    with pytest.raises(BatchError, match="another batch run in this process is writing to this folder"):
        Store(tmp_path / "out")
    with pytest.raises(BatchError, match="another batch run in this process"):
        run_batch(tmp_path, tmp_path / "out", jobs=1)
    first.close()
    Store(tmp_path / "out").close()


def test_forked_workers_do_not_inherit_the_lock(tmp_path):
    store = Store(tmp_path / "out")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child outlives the parent's store
        time.sleep(5)
        os._exit(0)
    try:
        assert _locked_for_another_process(tmp_path / "out")
        store.close()
        assert not _locked_for_another_process(tmp_path / "out")  # the fork, still alive, never held it
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
