"""Many documents at once, for notebooks: read lazily, analysed once, seen as DataFrames.

    >>> import policytext
    >>> corpus = policytext.read_many("corpus/")
    >>> corpus.frame("quotas").groupby(["issuer", "period"]).size()
    >>> for c in corpus.comparisons(): display(c)

The tables are the batch run's (docs/schema.md), built by the same per-document function, so a
Corpus and `policytext batch` agree row for row; read_results(out).frame(name) gives a batch
run's tables in the same shape.  A file that cannot be read is a row of frame("errors") and a
logged warning, never an exception in the middle of a loop.
"""
from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import PolicyTextError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .analysis import Analysis
    from .comparison import Comparison
    from .document import Document
    from .ingest.archive import Skipped, Source

log = logging.getLogger(__name__)


class Corpus:
    """Documents from files, folders (recursively) and the .zip files in them.

    Iterating reads one document at a time; frame() analyses every document once (in jobs
    processes) and keeps only the table rows, so frames of a large corpus stay small."""

    def __init__(self, sources: Iterable["Source"], refused: Iterable[PolicyTextError] = (), jobs: int = 1,
                 skipped: Iterable["Skipped"] = ()) -> None:
        if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
            raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
        self.sources = tuple(sources)
        self.refused = tuple(refused)
        self.skipped = tuple(skipped)
        self.jobs = jobs
        self._rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._made: list | None = None
        self._pairs: tuple[list, dict[str, dict]] | None = None

    def __len__(self) -> int:
        return len(self.sources)

    @property
    def paths(self) -> list[str]:
        return [s.path for s in self.sources]

    def __iter__(self) -> Iterator["Document"]:
        """Each readable document in order; an unreadable one is logged and left to frame("errors")."""
        for src in self.sources:
            try:
                doc, _ = src.read()
            except PolicyTextError as e:
                log.warning("%s", e)
                continue
            yield doc

    def analyses(self) -> Iterator["Analysis"]:
        from .analysis import analyze

        for doc in self:
            yield analyze(doc)

    # -- tables ---------------------------------------------------------------------------
    def frame(self, name: str) -> "pd.DataFrame":
        """One table as a typed DataFrame: documents, tasks, quotas, deadlines, units, slogans,
        warnings, errors, skipped (files that are not documents); pairs and ledger compare every summary with its plan first."""
        from .report.tables import COLUMNS
        from .report.tables import analysis_frame, typed

        if name not in COLUMNS:
            raise ValueError(f"no table {name!r}; tables are: {', '.join(COLUMNS)}")
        return analysis_frame(name, lambda n: typed(n, self._table(n)))

    def _table(self, name: str) -> list[dict[str, Any]]:
        if name == "pairs":
            return self._paired()[0]
        if name == "ledger":
            return [r for rows in self._paired()[1].values() for r in rows.get("ledger", ())]
        return [r for rows in self._document_rows() for r in rows.get(name, ())]

    def _document_rows(self) -> list[dict[str, list[dict[str, Any]]]]:
        from .batch.work import failure, process
        from .report.tables import skipped_row

        todo = [s for s in self.sources if s.key not in self._rows]
        for done in self._run(process, todo):
            self._rows[done.key] = done.rows
        refused = [failure(e.path or "", e.code, e.reason) for e in self.refused]
        skipped = [skipped_row(s.path, s.size, s.reason) for s in self.skipped]
        return refused + skipped + [self._rows[s.key] for s in self.sources]

    def _run(self, fn, jobs: list) -> Iterator:
        from .batch.engines import run_local, run_serial

        if self.jobs == 1 or len(jobs) <= 1:
            return run_serial(fn, jobs)
        return run_local(fn, jobs, self.jobs)

    # -- pairs ----------------------------------------------------------------------------
    def _paired(self) -> tuple[list, dict[str, dict]]:
        """(pairs table rows, comparison rows by pair key), made once."""
        if self._pairs is None:
            from .batch.pairing import table_rows
            from .batch.work import compare_pair

            made = self._pairings()
            jobs = self._pair_jobs(made)
            results = {d.key: d.rows for d in self._run(compare_pair, jobs)}
            failed = {(j.plan.path, j.summary.path): results[j.key]["errors"][0]["reason"]
                      for j in jobs if results[j.key].get("errors")}
            self._pairs = (table_rows(made, failed), {j.key: results[j.key] for j in jobs})
        return self._pairs

    def _pairings(self) -> list:
        """The pairs made (and documents left unpaired), made once for frames and comparisons."""
        if self._made is None:
            from .batch.pairing import auto_pairs, docs_from_rows

            self._made = auto_pairs(docs_from_rows(self._document_rows()))
        return self._made

    def _pair_jobs(self, made) -> list:
        from .batch.work import PairJob

        by_path = {s.path: s for s in self.sources}
        return [PairJob(by_path[p.plan.path], by_path[p.summary.path], p.plan.doc_id, p.summary.doc_id,
                        p.summary.issuer or p.plan.issuer) for p in made if p.paired]

    def comparisons(self) -> Iterator["Comparison"]:
        """Every summary compared with the plan it was paired with (frame("pairs") says why)."""
        from .comparison import compare

        for job in self._pair_jobs(self._pairings()):
            yield compare(job.plan.read()[0], job.summary.read()[0])

    def __repr__(self) -> str:
        return f"<Corpus of {len(self.sources)} documents, {len(self.refused)} refused>"

    def _repr_html_(self) -> str:
        from .report.notebook import corpus_html

        return corpus_html(self)


def read_many(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]", jobs: int = 1) -> Corpus:
    """A Corpus of the .txt, .docx and .pdf files under the given folders (recursively, zip
    files included) and of the given files, in a fixed order.  Raises PolicyTextError for a
    path that does not exist; files inside that cannot be read become rows of frame("errors")."""
    from .ingest.archive import Skipped, walk

    roots = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not roots:
        raise ValueError("read_many() needs at least one file or folder")
    sources, refused, skipped, seen = [], [], [], set()
    for root in roots:
        base = Path(root)
        for x in walk(base):
            shown = _shown(base, x.path or "")
            if isinstance(x, PolicyTextError):
                e = type(x).__new__(type(x))
                PolicyTextError.__init__(e, shown, x.reason)
                refused.append(e)
            elif isinstance(x, Skipped):
                skipped.append(dataclasses.replace(x, path=shown))
            elif shown not in seen:
                seen.add(shown)
                sources.append(dataclasses.replace(x, path=shown))
    return Corpus(sources, refused, jobs, skipped)


def _shown(base: Path, rel: str) -> str:
    """Where a document is, as the user named it: corpus/plan.txt, not plan.txt (walk gives a
    file's own name, or name!member inside a zip, relative to the folder holding it)."""
    return ((base.parent if base.is_file() else base) / rel).as_posix()
