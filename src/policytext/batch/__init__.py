"""Batch runs over archives: every document of a folder tree (and of the zip files in it), in
parallel, resumable, written as Parquet tables; optionally every summary paired with its plan
and compared.

    >>> from policytext.batch import run_batch, read_results
    >>> run_batch("archive/", "out/", jobs=2, compare=True)
    >>> read_results("out/")["quotas"].groupby("unit").size()
"""
from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from ..errors import PolicyTextError
from .store import BatchError, Store, TableWriter
from ..report.tables import DOC_TABLES, PAIR_TABLES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ENGINES = ("local", "dask")
COMMIT_EVERY = 16  # results per commit: a kill loses at most this much work (or a second of it), never a row
COMMIT_SECONDS = 1.0
# Failures that depend on this machine, not the file: a rerun after installing the OCR extra or
# LibreOffice reads those documents again (the others stay failed until the file changes).
RETRY_ON_RERUN = ("no_text_layer", "missing_tool")


@dataclass(frozen=True)
class Progress:
    stage: str  # documents | pairing | comparisons | ledger (a reporter shows any other name as it is)
    done: int  # finished in this run
    total: int  # to do in this run (what an earlier run finished is not counted)
    errors: int  # failures so far in this run
    elapsed: float  # seconds since the stage started
    resumed: int = 0  # finished by an earlier run and skipped

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None


@dataclass(frozen=True)
class BatchSummary:
    out: str
    documents: int  # in the archive
    resumed: int  # done by an earlier run
    failed: int  # documents in the errors table
    rows: dict[str, int] = field(default_factory=dict)
    pairs: int = 0
    unpaired: int = 0
    failed_pairs: int = 0
    seconds: float = 0.0
    skipped: int = 0  # files that are not documents, listed in the skipped table

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_batch(archive: str | os.PathLike[str], out: str | os.PathLike[str], jobs: int | None = None,
              engine: str = "local", scheduler: str | None = None, compare: bool = False,
              pairs: str | os.PathLike[str] | None = None,
              progress: Callable[[Progress], None] | None = None) -> BatchSummary:
    """Analyse every document under archive into Parquet tables under out.

    Results are committed every few documents; run the same call again after an interruption
    and it finishes the rest, giving exactly the tables an uninterrupted run gives.  A document
    that cannot be read is a row of the errors table, never an exception.
    """
    from ..ingest.archive import Skipped, walk
    from ..report.tables import skipped_row
    from .engines import run_dask, run_local, run_serial
    from .work import Done, failure, process

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs!r}")
    if pairs is not None and not compare:
        raise ValueError("a pairs file is only used with compare=True")
    workers = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    out = Path(out)
    store = Store(out)
    try:
        sources, walked = [], []
        for x in walk(archive):
            if isinstance(x, PolicyTextError):
                walked.append(Done(f"{x.path}|refused", failure(x.path or "", x.code, x.reason), True))
            elif isinstance(x, Skipped):
                walked.append(Done(x.key, skipped_row(x.path, x.size, x.reason), False))
            else:
                sources.append(x)
        keys = [d.key for d in walked] + [s.key for s in sources]
        store.put("doc", walked)

        def run(fn, todo):
            if engine == "dask":
                return run_dask(fn, todo, workers, scheduler)
            if workers == 1 or len(todo) <= 1:
                return run_serial(fn, todo)
            return run_local(fn, todo, workers)

        done = store.done_keys("doc", retry=RETRY_ON_RERUN)
        todo = [s for s in sources if s.key not in done]
        export = InOrder(store, "doc", DOC_TABLES, keys, {s.key for s in todo})
        _drain(store, "doc", "documents", run(process, todo), len(todo), len(sources) - len(todo), progress,
               export.offer)
        store.order("doc", keys)
        counts = export.finish()
        skipped = sum(k.endswith("|skipped") for k in keys)
        summary = BatchSummary(str(out), len(sources) + len(walked) - skipped, len(sources) - len(todo),
                               store.failures("doc"), counts, skipped=skipped)
        if compare:
            summary = _compare_stage(store, sources, pairs, run, progress, summary)
        return BatchSummary(**{**summary.to_dict(), "seconds": round(time.perf_counter() - started, 3)})
    finally:
        store.close()


class InOrder:
    """The export written while results arrive, so that it overlaps the work instead of
    following it.  Results go out in archive order: one that arrives early waits for those
    before it, and results finished by an earlier run are read back from the store when their
    turn comes.  If too many wait (a slow document holding up the order), it gives up and
    finish() exports everything from the store instead, which is what it would have written.
    The writer (and pyarrow with it) is made at the first result, so in a pool run the import
    too happens while the workers work."""

    MAX_WAITING = 1024

    def __init__(self, store: Store, kind: str, tables, keys: list[str], live: set[str]) -> None:
        self.store, self.kind, self.tables, self.keys, self.live = store, kind, tables, keys, live
        self.writer = None
        self.gave_up = False
        self.next = 0
        self.waiting: dict[str, bytes] = {}

    def offer(self, result) -> None:
        if self.gave_up:
            return
        self.waiting[result.key] = result.payload
        self._advance()
        if len(self.waiting) > self.MAX_WAITING:
            self._give_up()

    def _advance(self) -> None:
        from .work import decode_columns

        if self.writer is None:
            self.writer = TableWriter(self.store.out, self.tables)
        while self.next < len(self.keys):
            key = self.keys[self.next]
            blob = self.waiting.pop(key, None)
            if blob is None:
                if key in self.live:
                    return  # not here yet
                blob = self.store.payload(self.kind, key)  # done by an earlier run, or refused by the walk
            self.writer.add(decode_columns(blob))
            self.next += 1

    def _give_up(self) -> None:
        if self.writer is not None:
            self.writer.abort()
        self.writer, self.waiting, self.gave_up = None, {}, True

    def finish(self) -> dict[str, int]:
        if not self.gave_up:
            self._advance()
            if self.next == len(self.keys):
                return self.writer.close()
            self._give_up()  # a result never arrived: the store has what there is
        return self.store.export(self.tables, self.store.columns(self.kind))


def _drain(store: Store, kind: str, stage: str, results: Iterator, total: int, resumed: int,
           progress: Callable[[Progress], None] | None, offer: Callable[[Any], None] | None = None) -> None:
    """Commit results as they arrive, a few at a time."""
    t0 = last = time.perf_counter()
    buf, done, errors = [], 0, 0
    if progress:
        progress(Progress(stage, 0, total, 0, 0.0, resumed))
    for r in results:
        buf.append(r)
        if offer:
            offer(r)
        done += 1
        errors += r.failed
        now = time.perf_counter()
        if len(buf) >= COMMIT_EVERY or now - last >= COMMIT_SECONDS:
            store.put(kind, buf)
            buf, last = [], now
        if progress:
            progress(Progress(stage, done, total, errors, now - t0, resumed))
    store.put(kind, buf)


def _compare_stage(store, sources, pairs_file, run, progress, summary: BatchSummary) -> BatchSummary:
    from ..report.ledger import VERDICT
    from .pairing import auto_pairs, docs_from_rows, file_pairs, table_rows
    from .work import PairJob, compare_pair, decode_columns, encode, write_report

    by_path = {s.path: s for s in sources}
    docs = docs_from_rows(rows for _, rows in store.rows("doc"))
    tick = _ticker("pairing", progress)
    made = file_pairs(pairs_file, docs, tick) if pairs_file else auto_pairs(docs, tick)
    jobs = [PairJob(by_path[p.plan.path], by_path[p.summary.path], p.plan.doc_id, p.summary.doc_id,
                    p.summary.issuer or p.plan.issuer) for p in made if p.paired]
    reports = _reports_folder(store.out)
    names = {j.key: j.report_name for j in jobs}
    done = store.done_keys("pair")
    # A pair done by an earlier run is done again only if its report went missing.
    todo = [j for j in jobs if j.key not in done or _report_lost(store, reports, j)]
    _drain(store, "pair", "comparisons", run(compare_pair, todo), len(todo), len(jobs) - len(todo), progress,
           lambda r: write_report(reports, names[r.key], r))
    store.order("pair", [j.key for j in jobs])
    failed, totals = {}, {}
    for k, rows in store.rows("pair"):
        if rows.get("errors"):
            failed[k] = rows["errors"][0]["reason"]
        else:
            totals[k] = {s: sum(r["status"] == s for r in rows.get("ledger", ())) for s in VERDICT}
    pair_rows = table_rows(made, {(j.plan.path, j.summary.path): failed[j.key] for j in jobs if j.key in failed})
    _prune_reports(reports, set(names.values()))
    key_of = {(j.plan.path, j.summary.path): j.key for j in jobs}
    _write_index(reports, pair_rows, key_of, names, totals)
    counts = dict(summary.rows)
    counts.update(store.export(["pairs"], [decode_columns(encode({"pairs": pair_rows}))]))
    counts.update(store.export(["ledger"], store.columns("pair")))
    from ..report.excel import write_archive_ledger

    write_archive_ledger(_ledger_rows(store), pair_rows, store.out / "ledger.xlsx", total=counts.get("ledger", 0),
                         progress=_ticker("ledger", progress))
    return BatchSummary(**{**summary.to_dict(), "rows": counts, "pairs": len(jobs) - len(failed),
                           "unpaired": sum(not p.paired for p in made), "failed_pairs": len(failed)})


def _reports_folder(out: Path) -> Path:
    folder = out / "reports"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise BatchError(folder, f"cannot make the reports folder: {e.strerror}") from None
    return folder


def _report_lost(store: Store, reports: Path, job) -> bool:
    """A pair the store has without its report file: compared before reports were written, or
    the file was deleted.  A failed comparison has no report to lose."""
    from .work import decode

    if (reports / job.report_name).is_file():
        return False
    blob = store.payload("pair", job.key)
    return blob is not None and not decode(blob).get("errors")


def _prune_reports(reports: Path, keep: set[str]) -> None:
    """Remove the reports of pairs the archive no longer has, and temporary files a killed run
    left; only files named as this code names them, never anything else in the folder."""
    from .work import REPORT_NAME

    for f in reports.iterdir():
        name = f.name
        stale = REPORT_NAME.fullmatch(name) and name not in keep
        leftover = name.startswith(".") and name.endswith(".tmp") and REPORT_NAME.fullmatch(name[1:-4] or "")
        if (stale or leftover or name == ".index.html.tmp") and f.is_file():
            f.unlink(missing_ok=True)


def _write_index(reports: Path, pair_rows, key_of, names, totals) -> None:
    """reports/index.html: every row of the pairs table, a compared pair with its totals and link."""
    from ..report.index import IndexEntry, render_index

    entries = []
    for r in pair_rows:
        key = key_of.get((r["plan"], r["summary"]))
        done = key is not None and r["status"] == "paired" and key in totals
        entries.append(IndexEntry(r["plan"], r["summary"], r["issuer"], r["year"], r["status"], r["reason"],
                                  totals[key] if done else None, names[key] if done else None))
    tmp, final = reports / ".index.html.tmp", reports / "index.html"
    try:
        tmp.write_text(render_index(entries), encoding="utf-8")
        os.replace(tmp, final)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise BatchError(final, f"cannot write the index page: {e.strerror}") from None


def _ticker(stage: str, progress: Callable[[Progress], None] | None) -> Callable[[int, int], None] | None:
    """(done, total) calls turned into Progress of stage, timed from the first."""
    if progress is None:
        return None
    started: list[float] = []

    def tick(done: int, total: int) -> None:
        now = time.perf_counter()
        started[:] = started or [now]
        progress(Progress(stage, done, total, 0, now - started[0]))

    return tick


def _ledger_rows(store: Store) -> Iterator[dict[str, Any]]:
    for _, rows in store.rows("pair"):
        yield from rows.get("ledger", ())


class Results(Mapping[str, "pd.DataFrame"]):
    """The tables of a batch run, loaded lazily by name: results["quotas"] or results.quotas
    as stored; results.frame("quotas") with issuer, year and dates for analysis."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self._names = [t for t in DOC_TABLES + PAIR_TABLES if (self.out / f"{t}.parquet").is_file()]
        if "documents" not in self._names:
            raise BatchError(self.out, "no batch results here (documents.parquet is missing); "
                                       "run `policytext batch ARCHIVE -o OUT` first")
        self._cache: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> "pd.DataFrame":
        if name not in self._names:
            raise KeyError(f"no table {name!r} in {self.out} (tables: {', '.join(self._names)})")
        if name not in self._cache:
            self._cache[name] = _frame(self.out / f"{name}.parquet")
        return self._cache[name]

    def frame(self, name: str) -> "pd.DataFrame":
        """Table name as policytext.read_many(...).frame(name) gives it: issuer and year on
        every row, deadline dates as datetime64, ledger rows with their plan section."""
        from ..report.tables import analysis_frame

        return analysis_frame(name, self.__getitem__)

    def __getattr__(self, name: str) -> "pd.DataFrame":
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(str(e)) from None

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"Results({str(self.out)!r}, tables={self._names})"


def _frame(path: Path) -> "pd.DataFrame":
    import pyarrow.parquet as pq

    from ..report.tables import typed

    return typed(path.stem, pq.read_table(path))


def read_results(out: str | os.PathLike[str]) -> Results:
    """The tables a batch run wrote under out, as pandas DataFrames (typed: nullable integers,
    strings, categoricals), loaded on first use."""
    return Results(out)


__all__ = ["BatchError", "BatchSummary", "ENGINES", "Progress", "Results", "read_results", "run_batch"]
