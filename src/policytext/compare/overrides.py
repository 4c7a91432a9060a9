"""An inspector's verdicts, read back from an edited ledger and kept next to the machine's.

The ledger workbook carries a hidden sheet that says which comparison it belongs to (the plan
and summary paths and SHA-256, the status model) and, per row, the task, a digest of the
核查结论/说明/备注 cells as written, and the override those cells showed (who, when).
`apply_ledger` re-runs the comparison, refusing when a file changed, and turns every row into
an override:

- cells as written → the recorded override, unchanged (so applying twice changes nothing and an
  earlier inspector's name and time survive a re-export);
- cells edited back to the machine's verdict and reason with no note → no override;
- cells edited otherwise → a new override by `by` (else the workbook's lastModifiedBy) at the
  workbook's modified time (else now).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import PolicyTextError
from .status import STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from . import Comparison
    from .model import StatusModel

LEDGER_FORMAT = "policytext-ledger/1"
META_SHEET = "_policytext"
WRITER = "policytext"  # the workbook's author: a lastModifiedBy equal to it names nobody


class LedgerError(PolicyTextError):
    """A workbook that is not a policytext ledger, or cells that cannot be read as verdicts."""

    code = "bad_ledger"


class SourceMissingError(PolicyTextError):
    """A plan or summary a ledger was made from cannot be found."""

    code = "source_missing"


class SourceChangedError(PolicyTextError):
    """A plan or summary changed since its ledger was written (its SHA-256 differs)."""

    code = "source_changed"


@dataclass(frozen=True)
class Override:
    task: str  # the item's task path
    status: str  # the inspector's verdict: implemented | partial | missing
    reason: str  # 说明 as the inspector left it
    note: str  # 备注
    by: str | None
    at: str | None  # ISO 8601, UTC

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "note": self.note, "by": self.by, "at": self.at}


@dataclass(frozen=True)
class Provenance:
    """What a comparison was made from, so that a ledger can be traced back to it."""

    plan_path: str | None
    plan_sha256: str | None
    summary_path: str | None
    summary_sha256: str | None
    model: str  # the status model's fingerprint

    def to_dict(self) -> dict[str, Any]:
        return {"plan_path": self.plan_path, "plan_sha256": self.plan_sha256, "summary_path": self.summary_path,
                "summary_sha256": self.summary_sha256, "model": self.model}


def model_fingerprint(model: "StatusModel") -> str:
    return "sha256:" + hashlib.sha256(model.to_json().encode("utf-8")).hexdigest()[:16]


def cells_digest(verdict: str, reason: str, note: str) -> str:
    """What the three editable cells held, in a few bytes (the hidden sheet keeps this, not the text)."""
    return hashlib.sha256("\x1f".join((verdict, reason, note)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Applied:
    comparison: "Comparison"
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
    from ..ingest.ledger import file_sha256

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
                 summary: str | Path | None = None, model: "StatusModel | None" = None) -> Applied:
    """Re-run the comparison a ledger was written from and keep the inspector's edits as overrides."""
    from ..ingest.ledger import read_ledger
    from ..report.ledger import STATUS_OF, VERDICT
    from . import compare
    from .model import StatusModel

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
    c = compare(plan_path, summary_path, model=model)
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
        if verdict not in STATUS_OF:
            shown = f"“{verdict}”" if verdict else "empty"
            bad.append(f"{where}: 核查结论 is {shown}, not one of {'、'.join(VERDICT.values())}")
            continue
        status = STATUS_OF[verdict]
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


def check_overrides(comparison: "Comparison", overrides: Sequence[Override]) -> None:
    tasks = {it.task.path for it in comparison.items}
    for o in overrides:
        if o.task not in tasks:
            raise ValueError(f"an override for task {o.task!r}, which this comparison does not have")
        if o.status not in STATUSES:
            raise ValueError(f"an override with status {o.status!r}; statuses are {', '.join(STATUSES)}")


def meta_rows(comparison: "Comparison") -> list[tuple[str, str]]:
    """The hidden sheet's key/value rows for a comparison."""
    from .. import __version__
    from ..analysis import SCHEMA

    p = comparison.provenance
    plan, summary = comparison.plan.document, comparison.summary.document

    def absolute(x: str | None) -> str:
        return str(Path(x).resolve()) if x else ""

    out = [("format", LEDGER_FORMAT), ("schema", SCHEMA), ("writer", f"policytext {__version__}"),
           ("plan", (p.plan_path if p else None) or plan.path or ""), ("plan_abs", absolute(p.plan_path if p else None)),
           ("plan_sha256", (p.plan_sha256 if p else None) or ""),
           ("summary", (p.summary_path if p else None) or summary.path or ""),
           ("summary_abs", absolute(p.summary_path if p else None)),
           ("summary_sha256", (p.summary_sha256 if p else None) or ""), ("model", p.model if p else ""),
           ("period", json.dumps(comparison.period.to_dict(), ensure_ascii=False))]
    return out


def with_overrides(comparison: "Comparison", overrides: Sequence[Override]) -> "Comparison":
    check_overrides(comparison, overrides)
    return replace(comparison, overrides=tuple(overrides))
