import pytest
from click.testing import CliRunner

from policytext.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_batch_exit_1_when_documents_fail(archive, tmp_path):
    r = run("batch", archive, "-o", tmp_path, "--jobs", "1")
    assert r.exit_code == 1, r.output
    assert "9 documents (0 done by an earlier run), 3 failed" in r.output
    assert "empty.txt: file is empty [empty]" in r.output
    assert "documents: 9/9 (100%)" in r.output  # not a terminal: plain progress lines
    assert (tmp_path / "tasks.parquet").is_file()


def test_batch_exit_0_on_a_clean_archive(tmp_path):
    from tests.conftest import CORPUS
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.txt").write_bytes((CORPUS / "plan_tax_party_2024.txt").read_bytes())
    r = run("batch", tmp_path / "a", "-o", tmp_path / "o")
    assert r.exit_code == 0, r.output and "1 documents" in r.output


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--pairs", __file__], "--pairs needs --compare"),
    (["--jobs", "0"], "0 is not in the range x>=1"),
    (["--engine", "spark"], "'spark' is not one of"),
    (["--frobnicate"], "No such option '--frobnicate'"),
])
def test_usage_errors_exit_2(archive, tmp_path, args, message):
    r = run("batch", archive, "-o", tmp_path, *args)
    assert r.exit_code == 2 and message in r.output


def test_bad_pairs_file_is_one_line(archive, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("plan,summary\nx.txt,y.txt\n", encoding="utf-8")
    r = run("batch", archive, "-o", tmp_path / "o", "--compare", "--pairs", csv)
    assert r.exit_code == 2 and "line 2: plan 'x.txt' is not a document of this archive" in r.output
    assert "Traceback" not in r.output


def test_ctrl_c_in_batch_says_how_to_resume(archive, tmp_path, monkeypatch):
    import policytext.batch

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(policytext.batch, "run_batch", interrupted)
    r = run("batch", archive, "-o", tmp_path / "o")
    assert r.exit_code == 130
    assert r.stderr.splitlines() == [f"policytext: interrupted; rerun the same command to resume "
                                     f"(the work done so far is kept in {tmp_path / 'o'}/)"]


def _count(out, kind: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(out / ".policytext-batch.sqlite", timeout=5) as c:
            # files the walk lists without reading them (skipped, refused) are kept before any work
            return c.execute("SELECT count(*) FROM done WHERE kind = ? AND key NOT LIKE '%|skipped' "
                             "AND key NOT LIKE '%|refused'", (kind,)).fetchone()[0]
    except sqlite3.OperationalError:  # not made yet
        return 0


@pytest.mark.parametrize("stage, kind", [("documents", "doc"), ("comparisons", "pair")])
def test_sigint_mid_batch_exits_130_and_the_rerun_resumes(tmp_path, stage, kind):
    """Ctrl-C as a terminal sends it: SIGINT to the whole process group, workers included."""
    import os
    import signal
    import subprocess
    import time

    from policytext.batch import run_batch
    from tests.batch.conftest import assert_same_tables
    from tests.batch.test_kill import _big_archive, _cmd

    arch = _big_archive(tmp_path / "archive")
    out = tmp_path / "out"
    # (as from a terminal: a suite run in the background, `make test &`, hands its children SIGINT
    # ignored, and a Python started so never turns it into KeyboardInterrupt)
    p = subprocess.Popen(_cmd(arch, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while p.poll() is None and _count(out, kind) == 0:
        time.sleep(0.02)
    assert p.poll() is None, "the run ended before it could be interrupted"
    os.killpg(p.pid, signal.SIGINT)
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 130, stderr
    assert "Traceback" not in stderr and stdout == ""
    assert stderr.splitlines()[-1] == (f"policytext: interrupted; rerun the same command to resume "
                                       f"(the work done so far is kept in {out}/)")
    assert stderr.count("interrupted") == 1
    assert 0 < _count(out, kind)

    again = subprocess.run(_cmd(arch, out), capture_output=True, text=True, timeout=600)
    assert again.returncode == 1, again.stderr  # the archive's broken files
    assert "done by an earlier run" in again.stdout and "(0 done by an earlier run)" not in again.stdout
    clean = tmp_path / "clean"
    run_batch(arch, clean, jobs=1, compare=True)
    assert_same_tables(clean, out)
