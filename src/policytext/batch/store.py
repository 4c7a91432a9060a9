"""Where a batch keeps what it has done: an SQLite file under OUT, committed per small batch of
documents.  SQLite's journal makes every commit all-or-nothing, so a run killed at any moment
(SIGKILL included) leaves exactly the documents it committed, and the next run skips them.
The Parquet tables are exported from it at the end, in archive order, streaming."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import PolicyTextError
from .tables import arrow_schema
from .work import Done, Rows, decode

STATE = ".policytext-batch.sqlite"
_EXPORT_CHUNK = 256  # documents per Parquet row group: memory stays flat however large the archive


class BatchError(PolicyTextError):
    """The batch itself cannot go on (its output folder, a pairs file), as opposed to one document."""

    code = "batch"


class Store:
    """The state of one output folder.  kind is "doc" for documents, "pair" for comparisons."""

    def __init__(self, out: Path) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(out / STATE, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS done (kind TEXT, key TEXT, seq INTEGER, failed INTEGER, "
                            "payload BLOB, PRIMARY KEY (kind, key))")
        except (OSError, sqlite3.Error) as e:
            raise BatchError(out, f"cannot keep the batch state here: {e}") from None
        self.out = out

    def close(self) -> None:
        self.db.close()

    def done_keys(self, kind: str) -> set[str]:
        return {k for (k,) in self.db.execute("SELECT key FROM done WHERE kind = ?", (kind,))}

    def put(self, kind: str, results: Sequence[Done]) -> None:
        """Commit results at once: all of them, or none if the process dies midway."""
        if not results:
            return
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO done (kind, key, seq, failed, payload) VALUES (?, ?, -1, ?, ?)",
                                [(kind, r.key, int(r.failed), r.payload) for r in results])

    def order(self, kind: str, keys: Sequence[str]) -> None:
        """Put the results in the archive's order and forget sources the archive no longer has."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY, seq INTEGER)")
            self.db.execute("DELETE FROM wanted")
            self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?, ?)", ((k, i) for i, k in enumerate(keys)))
            self.db.execute("DELETE FROM done WHERE kind = ? AND key NOT IN (SELECT key FROM wanted)", (kind,))
            self.db.execute("UPDATE done SET seq = (SELECT seq FROM wanted WHERE wanted.key = done.key) "
                            "WHERE kind = ?", (kind,))

    def rows(self, kind: str) -> Iterator[tuple[str, Rows]]:
        """(key, rows) of each result, in archive order."""
        cur = self.db.execute("SELECT key, payload FROM done WHERE kind = ? ORDER BY seq", (kind,))
        for key, blob in cur:
            yield key, decode(blob)

    def failures(self, kind: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM done WHERE kind = ? AND failed", (kind,)).fetchone()[0]

    def export(self, tables: Iterable[str], sources: Iterable[Rows]) -> dict[str, int]:
        """Write each table as OUT/<table>.parquet (atomically: a half-written file is never
        left under the final name).  Returns the row count of each."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables = list(tables)
        tmp = {t: self.out / f".{t}.parquet.tmp" for t in tables}
        writers = {t: pq.ParquetWriter(tmp[t], arrow_schema(t), compression="zstd") for t in tables}
        counts = dict.fromkeys(tables, 0)
        pending: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}

        def flush() -> None:
            for t in tables:
                if pending[t]:
                    writers[t].write_table(pa.Table.from_pylist(pending[t], schema=arrow_schema(t)))
                    counts[t] += len(pending[t])
                    pending[t] = []

        try:
            for n, rows in enumerate(sources, 1):
                for t, rs in rows.items():
                    if t in pending:
                        pending[t].extend(rs)
                if n % _EXPORT_CHUNK == 0:
                    flush()
            flush()
        finally:
            for w in writers.values():
                w.close()
        for t in tables:
            os.replace(tmp[t], self.out / f"{t}.parquet")
        return counts
