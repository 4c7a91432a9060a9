"""A comparison of a plan with its summary as the inspector uses it: the judged items
(compare/) with their views — the Excel ledger, the HTML report, the DataFrame, the notebook
table (report/) — and the round trip of an edited ledger back into overrides.

    >>> import policytext
    >>> c = policytext.compare("corpus/plan_tax_party_2024.txt", "corpus/summary_tax_party_2024.txt")
    >>> c.totals
    >>> c.to_frame(); c.to_excel("ledger.xlsx"); c.to_html("report.html")
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .analysis import Analysis, analyze
from .compare import judge_pair
from .compare.overrides import Override, Provenance, cells_digest, model_fingerprint
from .compare.result import Judgement
from .compare.status import Status
from .document import Document
from .errors import KindMismatchError, LedgerError, SourceChangedError, SourceMissingError
from .ingest.ledger import WRITER, file_sha256

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .compare.aligner import EvidenceAligner
    from .compare.model import StatusModel

Source = Union[Document, Analysis, str, Path]


class Comparison(Judgement):
    """A Judgement with its views: to_frame(), to_excel(), to_html(), and a ledger table in Jupyter."""

    def to_frame(self) -> "pd.DataFrame":
        from .report.frame import comparison_frame

        return comparison_frame(self)

    def to_excel(self, path: str | Path, checked: "dt.date | None" = None) -> Path:
        """The ledger; checked is the date of the check its title gives (default: today)."""
        from .report.excel import write_ledger

        return write_ledger(self, path, checked)

    def to_html(self, path: str | Path | None = None) -> str:
        """The self-contained report page; written to path when one is given."""
        from .report.html import render

        page = render(self)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def _repr_html_(self) -> str:
        from .report.html import ledger_table

        return ledger_table(self)


def _analysis(x: Source) -> Analysis:
    if isinstance(x, Analysis):
        return x
    if isinstance(x, Document):
        return analyze(x)
    if isinstance(x, (str, Path)):
        from .ingest import read

        return analyze(read(x))
    raise TypeError(f"compare() takes a Document, an Analysis or a path, not {type(x).__name__}")


def compare(plan: Source, summary: Source, model: "StatusModel | None" = None,
            aligner: "EvidenceAligner | None" = None, force: bool = False) -> Comparison:
    """Judge every leaf task of plan against summary (paths, Documents or Analyses).  model
    defaults to the fitted models/compare_model.json; aligner to EvidenceAligner().  A plan
    that reads as a summary, or a summary that reads as a plan, is refused with
    KindMismatchError unless force (a document whose kind cannot be told is let through)."""
    from .compare.model import StatusModel

    p, s = _analysis(plan), _analysis(summary)
    if not force:
        check_kinds(p.document, s.document)
    model = model if model is not None else StatusModel.load()
    return judge_pair(p, s, model, aligner, provenance=_provenance(plan, summary, model), result=Comparison)


def check_kinds(plan: Document, summary: Document) -> None:
    """KindMismatchError naming which side looks like which, and why (the cue that decided it)."""
    def name(doc: Document, role: str) -> str:
        return doc.path or doc.title or f"the {role}"

    wrong = []
    if plan.kind == "summary":
        wrong.append(f"the plan {name(plan, 'plan')} reads as a summary ({plan.kind_cue})")
    if summary.kind == "plan":
        wrong.append(f"the summary {name(summary, 'summary')} reads as a plan ({summary.kind_cue})")
    if not wrong:
        return
    hint = ("the two look swapped: give the plan first, then its summary"
            if len(wrong) == 2 else "give a plan and the summary that reports on it")
    raise KindMismatchError(summary.path if plan.kind != "summary" else plan.path,
                            f"{'; '.join(wrong)}: {hint} (--force compares them anyway)")


def _provenance(plan: Source, summary: Source, model: "StatusModel") -> Provenance:
    """Files given by path are hashed, so that a ledger of them can be checked against them later;
    a Document or Analysis may not be what is on disk, so it is recorded without a hash."""

    def one(x: Source) -> tuple[str | None, str | None]:
        if isinstance(x, (str, Path)):
            return str(x), file_sha256(x)
        doc = x.document if isinstance(x, Analysis) else x
        return getattr(doc, "path", None), None

    (pp, ph), (sp, sh) = one(plan), one(summary)
    return Provenance(pp, ph, sp, sh, model_fingerprint(model))


@dataclass(frozen=True)
class Applied:
    comparison: Comparison
    warnings: tuple[str, ...]
    changed: int  # rows whose override is new or was removed by this apply


def _locate(ledger: Path, role: str, recorded: dict[str, str], given: Path | None) -> Path:
    option = f"--{role}"
    what = "计划" if role == "plan" else "总结"
    sha = recorded.get(f"{role}_sha256") or ""
    if not sha:
        raise LedgerError(ledger, f"the ledger records no {role} file (it was compared from text), so it cannot "
                                  f"be checked again; give {option} only with a ledger made from files")
    if given is not None:
        candidates = [given]
    else:
        stored = [recorded.get(f"{role}_abs"), recorded.get(role)]
        candidates = [Path(p) for p in stored if p]
        if recorded.get(role):
            candidates.append(ledger.parent / Path(recorded[role]).name)
    for c in candidates:
        if c.is_file():
            got = file_sha256(c)
            if got != sha:
                raise SourceChangedError(c, f"the {role} ({what}) changed since the ledger was written "
                                            f"(SHA-256 {got[:12]}…, the ledger has {sha[:12]}…); compare again to "
                                            "make a new ledger")
            return c
    if given is not None:
        raise SourceMissingError(given, f"no such file (given as {option})")
    raise SourceMissingError(recorded.get(role) or ledger, f"the {role} this ledger was made from is missing; "
                                                          f"give {option} PATH if it moved")


def _when(value: dt.datetime | None) -> str:
    t = value if value is not None else dt.datetime.now(dt.timezone.utc)
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t.replace(microsecond=0).isoformat() + "Z"


def apply_ledger(path: str | Path, by: str | None = None, plan: str | Path | None = None,
                 summary: str | Path | None = None, model: "StatusModel | None" = None) -> "Applied":
    """Re-run the comparison a ledger was written from and keep the inspector's edits as overrides."""
    from .compare.model import StatusModel
    from .ingest.ledger import read_ledger

    path = Path(path)
    book = read_ledger(path)
    meta = book.meta
    warnings: list[str] = []
    plan_path = _locate(path, "plan", meta, Path(plan) if plan is not None else None)
    summary_path = _locate(path, "summary", meta, Path(summary) if summary is not None else None)
    model = model if model is not None else StatusModel.load()
    if meta.get("model") and meta["model"] != model_fingerprint(model):
        warnings.append(f"{path}: the ledger was made with another status model ({meta['model']}); "
                        "the machine's verdicts may differ from the ones the inspector saw")
    c = compare(plan_path, summary_path, model=model, force=True)  # the ledger records a comparison once made
    items = {it.task.path: it for it in c.items}
    who = by or (book.modified_by if book.modified_by and book.modified_by != WRITER else None)
    when = _when(book.modified_at)
    overrides: dict[str, Override] = {}
    bad: list[str] = []
    seen: set[str] = set()
    changed = 0
    for r in book.rows:
        where = f"row {r.row}" + (f" (任务 {r.task})" if r.task else "")
        rec = book.recorded.get(r.task)
        if rec is None:
            warnings.append(f"{path}: {where}: this task is not one the ledger was written with; row skipped")
            continue
        item = items.get(r.task)
        if item is None:
            warnings.append(f"{path}: {where}: the task no longer exists in the plan; the row's edits are dropped")
            continue
        if r.task in seen:
            warnings.append(f"{path}: {where}: a second row for this task; the first one counts")
            continue
        seen.add(r.task)
        verdict = r.verdict.strip()
        try:
            status = Status.of_label(verdict).value
        except KeyError:
            shown = f"“{verdict}”" if verdict else "empty"
            bad.append(f"{where}: 核查结论 is {shown}, not one of {'、'.join(s.label for s in Status)}")
            continue
        if cells_digest(r.verdict, r.reason, r.note) == rec.digest:  # as written: keep what it was
            if rec.status:
                overrides[r.task] = Override(r.task, rec.status, r.reason, r.note, rec.by or None, rec.at or None)
            continue
        changed += 1
        if status == item.status and r.reason == item.reason and not r.note.strip():
            continue  # edited back to the machine's verdict
        overrides[r.task] = Override(r.task, status, r.reason, r.note, who, when)
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise LedgerError(path, bad[0] + more)
    return Applied(c.with_overrides(tuple(overrides.values())), tuple(warnings), changed)
