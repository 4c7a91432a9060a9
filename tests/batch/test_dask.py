import pytest

from policytext.batch import run_batch
from tests.batch.conftest import assert_same_tables

pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_same_tables(archive, reference, tmp_path):
    summary = run_batch(archive, tmp_path, jobs=2, engine="dask", compare=True)
    assert summary.failed == 3
    assert_same_tables(reference, tmp_path)


def test_dask_resumes_a_local_run(archive, reference, tmp_path, monkeypatch):
    import policytext.batch
    from policytext.batch import Progress

    monkeypatch.setattr(policytext.batch, "COMMIT_EVERY", 1)  # so that the stop leaves work behind

    class Stop(BaseException):
        pass

    def stop(p: Progress):
        if p.stage == "documents" and p.done >= 6:
            raise Stop

    with pytest.raises(Stop):
        run_batch(archive, tmp_path, jobs=1, compare=True, progress=stop)
    again = run_batch(archive, tmp_path, jobs=2, engine="dask", compare=True)
    assert again.resumed > 0
    assert_same_tables(reference, tmp_path)


def fail_on_b(job):
    from policytext.batch.work import Done
    if job == "b":
        raise ValueError("the task itself failed")
    return Done(job.key, {}, False)


def test_a_failed_dask_task_is_a_failed_document_and_the_run_goes_on():
    from policytext.batch import engines
    from tests.batch.test_batch import Job

    got = {d.key: d for d in engines.run_dask(fail_on_b, [Job(x) for x in "abcd"], 1, None)}
    assert sorted(got) == ["a", "b", "c", "d"]
    err = got["b"].rows["errors"][0]
    assert got["b"].failed and err["code"] == "worker_crashed" and "ValueError: the task itself failed" in err["reason"]
    assert err["path"] == "b.txt"
    assert not any(got[k].failed for k in "acd")


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args):
    from click.testing import CliRunner

    from policytext.cli import cli

    return CliRunner().invoke(cli, list(map(str, args)))


@pytest.mark.parametrize("address, reason", [
    (f"tcp://127.0.0.1:{_closed_port()}", "cannot reach the dask scheduler (connection refused)"),
    (f"127.0.0.1:{_closed_port()}", "cannot reach the dask scheduler (connection refused)"),  # tcp:// implied
    ("127.0.0.1", "not a dask scheduler address (missing port number"),
    ("smoke://127.0.0.1:8786", "not a dask scheduler address (unknown address scheme 'smoke'"),
])
def test_an_unreachable_scheduler_is_one_line_and_exit_2(archive, tmp_path, address, reason):
    r = _cli("batch", archive, "-o", tmp_path, "--engine", "dask", "--scheduler", address)
    assert r.exit_code == 2, r.output
    assert r.stderr.splitlines() == [line for line in r.stderr.splitlines() if line.startswith("policytext: ")]
    assert r.stderr.splitlines()[-1].startswith(f"policytext: {address}: {reason}")
    assert "internal error" not in r.output and "Traceback" not in r.output


def test_a_listener_that_is_not_a_scheduler_times_out_with_its_address(monkeypatch):
    """Something answers on the port but never speaks dask: the client gives up after
    CONNECT_SECONDS (lowered here), not distributed's 30 s, and the error names the address."""
    import socket

    from policytext.batch import engines

    monkeypatch.setattr(engines, "CONNECT_SECONDS", 0.5)
    with socket.socket() as mute:
        mute.bind(("127.0.0.1", 0))
        mute.listen()
        address = "tcp://127.0.0.1:%d" % mute.getsockname()[1]
        with pytest.raises(engines.SchedulerError, match=f"^{address}: cannot reach the dask scheduler") as e:
            engines.run_dask(fail_on_b, [], 1, address)
    assert e.value.code == "scheduler"


def test_a_running_scheduler_at_an_address_is_used(archive, reference, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run_batch(archive, tmp_path, engine="dask", scheduler=cluster.scheduler_address, compare=True)
    assert summary.failed == 3
    assert_same_tables(reference, tmp_path)
