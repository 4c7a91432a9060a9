"""Where a batch keeps what it has done: an SQLite file under OUT, committed per small batch of
documents.  SQLite's journal makes every commit all-or-nothing, so a run killed at any moment
(SIGKILL included) leaves exactly the documents it committed, and the next run skips them.
The Parquet tables are exported from it at the end, in archive order, streaming.

One run at a time writes to an output folder: the store holds a POSIX lock on a file there
for as long as it is open.  The kernel drops the lock when the process ends however it ends
(SIGKILL, a crash, a reboot), so a killed run never blocks its resume, and forked workers do
not inherit it.  A folder that cannot be written (read-only, full) is a BatchError naming it,
not a traceback."""
from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import hashlib
import json
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import BatchError, PolicyTextError  # noqa: F401  (BatchError: batch.store's, as it was)
from ..report.tables import COLUMNS, arrow_schema
from .work import Done, Rows, decode, decode_columns

log = logging.getLogger(__name__)
STATE = ".policytext-batch.sqlite"
LOCK = ".policytext-batch.lock"
# POSIX locks belong to a process, so a second Store in the same process would not be stopped
# by the kernel (and closing it would drop the first one's lock): the process keeps its own list.
_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()
# Payloads are columns in the order of COLUMNS: a state written with another layout cannot be
# read back, so a run that finds one starts over rather than misread it.
LAYOUT = hashlib.sha256(json.dumps(COLUMNS, sort_keys=True).encode()).hexdigest()[:16]
_PACKAGE = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    """What the results depend on besides the input: the package's code and its models/ (the
    status model, lexicons, dictionaries), hashed once per process."""
    from ..lexicon import models_dir

    h = hashlib.sha256()
    for root, pattern in ((_PACKAGE, "*.py"), (models_dir(), "*")):
        for p in sorted(x for x in root.rglob(pattern) if x.is_file() and "__pycache__" not in x.parts):
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


_EXPORT_CHUNK = 256  # documents per Parquet row group: memory stays flat however large the archive


@contextlib.contextmanager
def _writing(out: Path, what: str) -> Iterator[None]:
    """Disk errors while keeping results (a full disk, a folder made read-only) as BatchError."""
    try:
        yield
    except sqlite3.Error as e:
        raise BatchError(out, f"cannot {what}: {e} (is the disk full or the folder read-only?)") from None
    except OSError as e:
        raise BatchError(out, f"cannot {what}: {e.strerror or e}") from None


class FolderLock:
    """The lock that makes a second run on the same output folder refuse instead of interleave."""

    def __init__(self, out: Path) -> None:
        self.out, self.fd = out, None
        self.key = os.path.realpath(out)
        with _HELD_GUARD:
            if self.key in _HELD:
                raise BatchError(out, "another batch run in this process is writing to this folder")
            try:
                self.fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise BatchError(out, f"cannot keep the batch state here: {e.strerror}") from None
            try:
                fcntl.lockf(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                holder = self._holder()
                os.close(self.fd)
                self.fd = None
                if e.errno in (errno.EAGAIN, errno.EACCES):
                    raise BatchError(out, f"another batch run{holder} is writing to this folder; wait for it to "
                                          "finish or write to another folder (-o)") from None
                raise BatchError(out, f"cannot lock the output folder: {e.strerror}") from None
            _HELD.add(self.key)
        try:  # who holds it, for the message a second run prints; the lock itself is the kernel's
            os.ftruncate(self.fd, 0)
            os.write(self.fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass

    def _holder(self) -> str:
        try:
            pid = (self.out / LOCK).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return f" (process {pid})" if pid.isdigit() else ""

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the lock
            self.fd = None
            with _HELD_GUARD:
                _HELD.discard(self.key)


class Store:
    """The state of one output folder.  kind is "doc" for documents, "pair" for comparisons."""

    def __init__(self, out: Path) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BatchError(out, f"cannot create the output folder: {e.strerror}") from None
        if not out.is_dir():
            raise BatchError(out, "the output path is not a folder")
        self.lock = FolderLock(out)
        try:
            self.db = sqlite3.connect(out / STATE, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS done (kind TEXT, key TEXT, seq INTEGER, failed INTEGER, "
                            "payload BLOB, PRIMARY KEY (kind, key))")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            self._check_layout()
        except (OSError, sqlite3.Error) as e:
            self.lock.release()
            raise BatchError(out, f"cannot keep the batch state here: {e}") from None
        self.out = out

    def _check_layout(self) -> None:
        """Results kept by a run with other tables, or with other analysis code or models (an
        upgrade), are done again: a resumed batch never mixes old verdicts with new ones."""
        kept = dict(self.db.execute("SELECT name, value FROM meta WHERE name IN ('layout', 'analysis')").fetchall())
        analysis = analysis_fingerprint()
        if kept.get("layout") == LAYOUT and kept.get("analysis") in (analysis, None):
            if kept.get("analysis") is None:  # a state from before the fingerprint: keep it, and record it now
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('analysis', ?)", (analysis,))
            return
        with self.db:
            self.db.execute("BEGIN")
            n = self.db.execute("SELECT COUNT(*) FROM done").fetchone()[0]
            if n:
                what = "tables" if kept.get("layout") != LAYOUT else "analysis code or models"
                log.warning("the batch state holds %d results written by another version of policytext's "
                            "%s; they are done again", n, what)
                self.db.execute("DELETE FROM done")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('layout', ?)", (LAYOUT,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('analysis', ?)", (analysis,))

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self.lock.release()

    def done_keys(self, kind: str, retry: Iterable[str] = ()) -> set[str]:
        """Keys of the results kept, but for failures whose error code is in retry: those are
        done again (a scan failed for want of OCR may be readable now)."""
        retry = set(retry)
        done = set()
        for key, failed, blob in self.db.execute("SELECT key, failed, payload FROM done WHERE kind = ?", (kind,)):
            if failed and retry and any(e.get("code") in retry for e in decode(blob).get("errors", ())):
                continue
            done.add(key)
        return done

    def put(self, kind: str, results: Sequence[Done]) -> None:
        """Commit results at once: all of them, or none if the process dies midway."""
        if not results:
            return
        with _writing(self.out, "keep results in the batch state"), self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO done (kind, key, seq, failed, payload) VALUES (?, ?, -1, ?, ?)",
                                [(kind, r.key, int(r.failed), r.payload) for r in results])

    def order(self, kind: str, keys: Sequence[str]) -> None:
        """Put the results in the archive's order and forget sources the archive no longer has."""
        with _writing(self.out, "order the batch state"), self.db:
            self.db.execute("BEGIN")
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY, seq INTEGER)")
            self.db.execute("DELETE FROM wanted")
            self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?, ?)", ((k, i) for i, k in enumerate(keys)))
            self.db.execute("DELETE FROM done WHERE kind = ? AND key NOT IN (SELECT key FROM wanted)", (kind,))
            self.db.execute("UPDATE done SET seq = (SELECT seq FROM wanted WHERE wanted.key = done.key) "
                            "WHERE kind = ?", (kind,))

    def rows(self, kind: str) -> Iterator[tuple[str, Rows]]:
        """(key, rows) of each result, in archive order."""
        for key, blob in self._blobs(kind):
            yield key, decode(blob)

    def columns(self, kind: str) -> Iterator[dict[str, list[list[Any]]]]:
        """Each result's tables as columns, in archive order: what export() takes."""
        for _, blob in self._blobs(kind):
            yield decode_columns(blob)

    def _blobs(self, kind: str) -> Iterator[tuple[str, bytes]]:
        yield from self.db.execute("SELECT key, payload FROM done WHERE kind = ? ORDER BY seq", (kind,))

    def failures(self, kind: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM done WHERE kind = ? AND failed", (kind,)).fetchone()[0]

    def payload(self, kind: str, key: str) -> bytes | None:
        row = self.db.execute("SELECT payload FROM done WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        return row[0] if row else None

    def export(self, tables: Iterable[str], sources: Iterable[dict[str, list[list[Any]]]]) -> dict[str, int]:
        """Write each table as OUT/<table>.parquet from the results' columns, in the order
        given.  Returns the row count of each."""
        writer = TableWriter(self.out, tables)
        try:
            for result in sources:
                writer.add(result)
        except BaseException:
            writer.abort()
            raise
        return writer.close()


class TableWriter:
    """Parquet tables written a result at a time, under temporary names until close() renames
    them all (a half-written file is never left under a final name); memory holds at most
    _EXPORT_CHUNK results."""

    def __init__(self, out: Path, tables: Iterable[str]) -> None:
        import pyarrow.parquet as pq

        self.tables = list(tables)
        self.schemas = {t: arrow_schema(t) for t in self.tables}
        self.tmp = {t: out / f".{t}.parquet.tmp" for t in self.tables}
        self.final = {t: out / f"{t}.parquet" for t in self.tables}
        self.out = out
        self.writers = {}
        try:
            with _writing(out, "write the tables"):
                for t in self.tables:
                    self.writers[t] = pq.ParquetWriter(self.tmp[t], self.schemas[t], compression="zstd")
        except BatchError:
            self.abort()
            raise
        self.counts = dict.fromkeys(self.tables, 0)
        self.pending: dict[str, list[list[Any]]] = {t: self._empty(t) for t in self.tables}
        self.added = 0

    def _empty(self, t: str) -> list[list[Any]]:
        return [[] for _ in self.schemas[t]]

    def add(self, result: dict[str, list[list[Any]]]) -> None:
        for t, cols in result.items():
            if t in self.pending:
                for acc, values in zip(self.pending[t], cols):
                    acc.extend(values)
        self.added += 1
        if self.added % _EXPORT_CHUNK == 0:
            with _writing(self.out, "write the tables"):
                self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        for t in self.tables:
            cols = self.pending[t]
            if cols[0]:
                arrays = [pa.array(c, type=f.type) for c, f in zip(cols, self.schemas[t])]
                self.writers[t].write_table(pa.Table.from_arrays(arrays, schema=self.schemas[t]))
                self.counts[t] += len(cols[0])
                self.pending[t] = self._empty(t)

    def close(self) -> dict[str, int]:
        try:
            with _writing(self.out, "write the tables"):
                self._flush()
                for w in self.writers.values():
                    w.close()
                for t in self.tables:
                    os.replace(self.tmp[t], self.final[t])
        except BatchError:
            self.abort()
            raise
        return self.counts

    def abort(self) -> None:
        for t, w in self.writers.items():
            with contextlib.suppress(OSError):  # on a full disk closing fails too; the file goes anyway
                w.close()
            with contextlib.suppress(OSError):
                self.tmp[t].unlink(missing_ok=True)
