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
