"""Engines run one function over many jobs and hand back results as they finish: in this
process (--jobs 1), in a local process pool, or on a dask.distributed cluster.  Only a bounded
number of jobs is in flight, so memory does not grow with the archive."""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator

from .work import Done, failure

_WINDOW = 4  # jobs in flight per worker


def _path_of(job: Any) -> str:
    return getattr(job, "path", None) or getattr(getattr(job, "summary", None), "path", "?")


def run_serial(fn: Callable[[Any], Done], jobs: Iterable[Any]) -> Iterator[Done]:
    for job in jobs:
        yield fn(job)


def run_local(fn: Callable[[Any], Done], jobs: Iterable[Any], workers: int) -> Iterator[Done]:
    """A process pool.  A worker that dies (a crash in a native library) takes down the pool:
    the jobs it held are then retried one by one in a fresh pool, and the one that kills it
    again is recorded as failed."""
    it = iter(jobs)
    pool = ProcessPoolExecutor(workers)
    running: dict[Future, Any] = {}
    try:
        while True:
            while len(running) < workers * _WINDOW:
                job = next(it, None)
                if job is None:
                    break
                running[pool.submit(fn, job)] = job
            if not running:
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = []
            for f in finished:
                job = running.pop(f)
                try:
                    yield f.result()
                except BrokenProcessPool:
                    broken.append(job)
            if broken:
                broken += list(running.values())
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from (_isolated(fn, job) for job in broken)
                pool = ProcessPoolExecutor(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(fn: Callable[[Any], Done], job: Any) -> Done:
    with ProcessPoolExecutor(1) as single:
        try:
            return single.submit(fn, job).result()
        except BrokenProcessPool:
            return Done(job.key, failure(_path_of(job), "worker_crashed",
                                         "the process reading it died (a crash in a native library?)"), True)


def run_dask(fn: Callable[[Any], Done], jobs: Iterable[Any], workers: int, scheduler: str | None) -> Iterator[Done]:
    """The same function on a dask.distributed cluster: the one at scheduler, or a local one
    with `workers` single-threaded worker processes."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise ImportError("the dask engine needs dask.distributed: pip install 'policytext[dask]'") from e
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        width = max(1, sum(client.nthreads().values())) * _WINDOW
        it = iter(jobs)
        pending = as_completed()
        held: dict[str, Any] = {}
        for job in it:
            f = client.submit(fn, job, pure=False)
            held[f.key] = job
            pending.add(f)
            if pending.count() >= width:
                break
        for f in pending:
            job = held.pop(f.key)
            try:
                yield f.result()
            except Exception as e:  # a worker lost mid-task, after dask's own retries
                yield Done(job.key, failure(_path_of(job), "worker_crashed", f"{type(e).__name__}: {e}"), True)
            f.release()
            nxt = next(it, None)
            if nxt is not None:
                g = client.submit(fn, nxt, pure=False)
                held[g.key] = nxt
                pending.add(g)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
