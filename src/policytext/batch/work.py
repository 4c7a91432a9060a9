"""The per-document and per-pair functions every engine runs.  They never raise: a failure is
a row in the errors table, and the batch goes on."""
from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import BatchError, PolicyTextError
from ..ingest.archive import Source
from ..report.tables import COLUMNS, document_rows, error_row, ledger_record

Rows = dict[str, list[dict[str, Any]]]


def encode(rows: Rows) -> bytes:
    """Rows as columns (table → one list per column of COLUMNS[table]): smaller than a list of
    dicts, and the export turns columns into Arrow arrays without touching a row."""
    cols = {t: [[r.get(c) for r in rs] for c, _ in COLUMNS[t]] for t, rs in rows.items() if rs}
    return zlib.compress(json.dumps(cols, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode_columns(blob: bytes) -> dict[str, list[list[Any]]]:
    return json.loads(zlib.decompress(blob))


def decode(blob: bytes) -> Rows:
    out: Rows = {}
    for t, cols in decode_columns(blob).items():
        names = [c for c, _ in COLUMNS[t]]
        out[t] = [dict(zip(names, values)) for values in zip(*cols)]
    return out


@dataclass(frozen=True, init=False)
class Done:
    """One source's contribution to the tables, encoded where it was made: a worker sends the
    main process a small blob, not a tree of Python objects to unpickle and re-encode."""

    key: str
    payload: bytes
    failed: bool
    size: int = 0
    pages: int = 0
    report: bytes = b""  # a compared pair's HTML report, compressed; never kept in the store

    def __init__(self, key: str, rows: Rows, failed: bool, size: int = 0, pages: int = 0, report: str = "") -> None:
        packed = zlib.compress(report.encode("utf-8"), 1) if report else b""
        for name, value in (("key", key), ("payload", encode(rows)), ("failed", failed), ("size", size),
                            ("pages", pages), ("report", packed)):
            object.__setattr__(self, name, value)

    @property
    def rows(self) -> Rows:
        return decode(self.payload)

    @property
    def html(self) -> str:
        return zlib.decompress(self.report).decode("utf-8") if self.report else ""


def failure(path: str, code: str, reason: str, doc_id: str | None = None) -> Rows:
    return error_row(doc_id, path, code, " ".join(reason.split()))  # one line, whatever the message


def process(src: Source) -> Done:
    """Read and analyse one document."""
    from ..analysis import analyze

    doc_id = None
    try:
        doc, doc_id = src.read()
        rows = document_rows(analyze(doc), doc_id, src.path)
        return Done(src.key, rows, False, src.size, doc.pages or 0)
    except PolicyTextError as e:
        return Done(src.key, failure(src.path, e.code, e.reason, doc_id), True, src.size)
    except MemoryError:
        return Done(src.key, failure(src.path, "too_large", "ran out of memory reading it", doc_id), True, src.size)
    except Exception as e:  # a bug must not stop an archive: record it and go on
        return Done(src.key, failure(src.path, "internal", f"{type(e).__name__}: {e}", doc_id), True, src.size)


@dataclass(frozen=True)
class PairJob:
    plan: Source
    summary: Source
    plan_id: str
    summary_id: str
    issuer: str | None

    @property
    def key(self) -> str:
        return f"{self.plan.key}\n{self.summary.key}"

    @property
    def report_name(self) -> str:
        """The file name of the pair's report: readable (the summary's name) and unique (a hash
        of both paths, so an edited file keeps its report's name and the link stays good)."""
        stem = PurePosixPath(self.summary.path.replace("!", "/")).stem
        slug = _UNSAFE.sub("_", stem).strip("_")[:40] or "pair"
        digest = hashlib.sha256(f"{self.plan.path}\n{self.summary.path}".encode("utf-8")).hexdigest()[:12]
        return f"{slug}-{digest}.html"


# Anything but letters (CJK included), digits, _ and -: no separators, dots or markup in a name.
_UNSAFE = re.compile(r"[^\w-]+")
REPORT_NAME = re.compile(r"[\w-]+-[0-9a-f]{12}\.html")


def write_report(folder: Path, name: str, result: Done) -> None:
    """A compared pair's report, written under a temporary name and renamed, so a kill never
    leaves half a page under the real one.  Written before the pair is committed: a pair the
    store has as done has its report."""
    page = result.html
    if not page:
        return
    tmp = folder / f".{name}.tmp"
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, folder / name)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise BatchError(folder / name, f"cannot write the report: {e.strerror}") from None


def compare_pair(job: PairJob) -> Done:
    """Compare one plan with its summary: the ledger rows of the pair and its HTML report
    (rendered here, in the worker, where the font subsetting runs in parallel)."""
    from ..comparison import compare
    from ..report.html import render
    from ..report.ledger import rows as ledger_rows

    head = {"plan_id": job.plan_id, "plan": job.plan.path, "summary_id": job.summary_id,
            "summary": job.summary.path, "issuer": job.issuer}
    try:
        plan, _ = job.plan.read()
        summary, _ = job.summary.read()
        c = compare(plan, summary)
        out = [ledger_record(head, r) for r in ledger_rows(c.items)]
        return Done(job.key, {"ledger": out}, False, report=render(c))
    except PolicyTextError as e:
        return Done(job.key, failure(e.path or job.plan.path, e.code, e.reason), True)
    except Exception as e:
        return Done(job.key, failure(job.summary.path, "internal", f"comparing with {job.plan.path}: "
                                     f"{type(e).__name__}: {e}"), True)
