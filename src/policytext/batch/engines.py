"""Engines run one function over many jobs and hand back results as they finish: in this
process (--jobs 1), in a local process pool, or on a dask.distributed cluster.  Only a bounded
number of jobs is in flight, so memory does not grow with the archive."""
from __future__ import annotations

import os
import signal
import socket
import threading
import time
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Sequence

from .store import BatchError
from .work import Done, failure

_WINDOW = 4  # jobs (or chunks of jobs) in flight per worker
# Documents per task, at most.  Fewer round trips through the main process: in a pool each
# wakes the executor's thread, which then waits for the GIL while the main thread exports; on
# dask a task costs milliseconds of scheduling, a document less.
_LOCAL_CHUNK = 32
_DASK_CHUNK = 128
_SHARES = 4  # a chunk is at most 1/_SHARES of what remains per worker
# Seconds to reach a dask scheduler.  distributed waits 30 s by default, retrying a refused
# connection all along; a scheduler that is up answers in well under a second.
CONNECT_SECONDS = 5.0


class SchedulerError(BatchError):
    """The dask scheduler given cannot be reached (or its address is not one)."""

    code = "scheduler"


def run_chunk(fn: Callable[[Any], Done], jobs: list) -> list[Done]:
    return [fn(job) for job in jobs]


def _chunks(jobs: Sequence[Any], workers: int, cap: int) -> Iterator[list]:
    """Guided self-scheduling: large chunks while much remains (few round trips), smaller and
    smaller ones towards the end, so that no worker is left waiting long for the last."""
    i, n = 0, len(jobs)
    while i < n:
        size = max(1, min(cap, (n - i) // (workers * _SHARES)))
        yield list(jobs[i:i + size])
        i += size


def _path_of(job: Any) -> str:
    return getattr(job, "path", None) or getattr(getattr(job, "summary", None), "path", "?")


def run_serial(fn: Callable[[Any], Done], jobs: Iterable[Any]) -> Iterator[Done]:
    for job in jobs:
        yield fn(job)


def run_local(fn: Callable[[Any], Done], jobs: Sequence[Any], workers: int) -> Iterator[Done]:
    """A process pool.  A worker that dies (a crash in a native library) takes down the pool:
    the jobs it held are then retried one by one in a fresh pool, and the one that kills it
    again is recorded as failed."""
    chunks = _chunks(jobs, workers, _LOCAL_CHUNK)
    warm()
    pool = _pool(workers)
    running: dict[Future, list] = {}
    try:
        while True:
            while len(running) < workers * _WINDOW:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                running[pool.submit(run_chunk, fn, chunk)] = chunk
            if not running:
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = []
            for f in finished:
                chunk = running.pop(f)
                try:
                    yield from f.result()
                except BrokenProcessPool:
                    broken += chunk
            if broken:
                for chunk in running.values():
                    broken += chunk
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from (_isolated(fn, job) for job in broken)
                pool = _pool(workers)
    except BaseException:  # Ctrl-C, or the caller stopped: the results will not be read
        _terminate(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now rather than after the chunks they hold (minutes of OCR, maybe).
    The executor has no public way to do this before Python 3.14."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _pool(workers: int) -> ProcessPoolExecutor:
    threads = max(1, (os.cpu_count() or 1) // workers)
    return ProcessPoolExecutor(workers, initializer=_share_cores, initargs=(threads,))


def _share_cores(threads: int) -> None:
    """In a worker: OCR uses its share of the cores, not all of them in every worker."""
    os.environ.setdefault("POLICYTEXT_OCR_THREADS", str(threads))
    _ignore_ctrl_c()


def _ignore_ctrl_c() -> None:
    """In a worker: Ctrl-C reaches the whole process group, but only the main process decides
    what it does (it stops the workers); a worker left to it prints its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()


def _exit_with_parent(every: float = 1.0) -> None:
    """In a worker: exit when the main process is gone.  A killed run (SIGKILL, OOM killer)
    cannot stop its pool, and a worker waiting on its queue would otherwise live on, holding its
    memory, until the machine restarts."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="policytext-parent-watch", daemon=True).start()


def warm() -> None:
    """Load the analysis code and its lexicons here, before the pool forks, so that every
    worker starts with them instead of loading its own."""
    from ..analysis import analyze
    from ..ingest import from_text

    analyze(from_text("某局2024年工作要点\n一、任务\n1.每季度开展1次“三会一课”，由办公室牵头。"))


def _isolated(fn: Callable[[Any], Done], job: Any) -> Done:
    with ProcessPoolExecutor(1, initializer=_ignore_ctrl_c) as single:
        try:
            return single.submit(fn, job).result()
        except BrokenProcessPool:
            return Done(job.key, failure(_path_of(job), "worker_crashed",
                                         "the process reading it died (a crash in a native library?)"), True)


def _task_error(future: Any, result: Any) -> BaseException | None:
    """The exception of a task as_completed(with_results=True, raise_errors=False) handed
    back: (type, exception, traceback) for a failed task, the CancelledError for a cancelled
    one, None for a result."""
    if future.status == "finished":
        return None
    if isinstance(result, tuple) and len(result) == 3 and isinstance(result[1], BaseException):
        return result[1]
    return result if isinstance(result, BaseException) else RuntimeError(f"task {future.status}")


def run_dask(fn: Callable[[Any], Done], jobs: Sequence[Any], workers: int, scheduler: str | None) -> Iterator[Done]:
    """The same function on a dask.distributed cluster: the one at scheduler, or a local one
    with `workers` single-threaded worker processes."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise ImportError("the dask engine needs dask.distributed: pip install 'policytext[dask]'") from e
    cluster = None
    if scheduler:
        client = _connect(Client, scheduler)
    else:
        import dask

        # No dashboard, so nobody sees the workers' statistical profile: spare them taking it
        # (a stack walk every 10 ms in each worker).
        with dask.config.set({"distributed.worker.profile.enabled": False}), _ctrl_c_ignored():
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    return _results(client, cluster, as_completed, fn, jobs)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ctrl-C ignored inside: processes started there inherit it (Python keeps an ignored
    SIGINT ignored), so that Ctrl-C does not make every dask worker print a traceback, and a
    cluster being shut down is not left half closed (its workers then log tracebacks too).
    Both take a second or two; the main process handles a Ctrl-C before or after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _connect(client_class: Any, address: str) -> Any:
    """A client of the scheduler at address, or a SchedulerError naming it within seconds.
    A plain TCP address is tried with a socket first: a refused connection is known at once,
    where distributed would retry it until its timeout, and something that accepts but never
    speaks (not a scheduler) would keep distributed's client waiting for ever."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme == "tcp":
            _probe(parse_host_port(location))
        return client_class(address, timeout=CONNECT_SECONDS)
    except ValueError as e:
        raise SchedulerError(address, f"not a dask scheduler address ({e}); expected e.g. tcp://host:8786") from None
    except (OSError, TimeoutError) as e:
        why = "connection refused" if isinstance(e, ConnectionRefusedError) else (
            f"no answer within {CONNECT_SECONDS:g} s" if isinstance(e, TimeoutError) else (e.strerror or str(e)))
        raise SchedulerError(address, f"cannot reach the dask scheduler ({why}); is it running, "
                                      "and is the address right?") from None


def _probe(host_port: tuple[str, int]) -> None:
    """A scheduler greets every connection first (its handshake): wait for that greeting."""
    with socket.create_connection(host_port, timeout=CONNECT_SECONDS) as probe:
        if not probe.recv(1, socket.MSG_PEEK):
            raise OSError(0, "it closed the connection without a word: not a dask scheduler?")


def _results(client: Any, cluster: Any, as_completed: Any, fn: Callable[[Any], Done],
             jobs: Sequence[Any]) -> Iterator[Done]:
    try:
        threads = max(1, sum(client.nthreads().values()))
        width = threads * _WINDOW
        chunks = _chunks(jobs, threads, _DASK_CHUNK)
        # Results are fetched in the background as tasks finish, not one round trip at a time.
        pending = as_completed(with_results=True, raise_errors=False)
        held: dict[str, list] = {}
        live: dict[str, Any] = {}

        def submit(chunk: list) -> None:
            f = client.submit(run_chunk, fn, chunk, pure=False)
            held[f.key], live[f.key] = chunk, f
            pending.add(f)

        for chunk in chunks:
            submit(chunk)
            if pending.count() >= width:
                break
        for f, result in pending:
            chunk = held.pop(f.key)
            error = _task_error(f, result)
            if error is not None:  # a worker lost mid-task, after dask's own retries
                for job in chunk:
                    yield Done(job.key, failure(_path_of(job), "worker_crashed",
                                                f"{type(error).__name__}: {error}"), True)
            else:
                yield from result
            live.pop(f.key, None)
            f.release()
            nxt = next(chunks, None)
            if nxt is not None:
                submit(nxt)
    except BaseException:  # Ctrl-C, or the caller stopped: cancel what is in flight before
        # closing, or the fetches still running fail on the closed client and log tracebacks
        with _ctrl_c_ignored():
            pending.clear()
            client.cancel(list(live.values()), force=True)
        raise
    finally:
        with _ctrl_c_ignored():
            client.close()
            if cluster is not None:
                cluster.close()
