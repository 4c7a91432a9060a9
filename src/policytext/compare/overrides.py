"""An inspector's verdicts, read back from an edited ledger and kept next to the machine's.

The ledger workbook carries a hidden sheet that says which comparison it belongs to (the plan
and summary paths and SHA-256, the status model) and, per row, the task, a digest of the
核查结论/说明/备注 cells as written, and the override those cells showed (who, when).
`policytext.comparison.apply_ledger` re-runs the comparison, refusing when a file changed, and
turns every row into an override:

- cells as written → the recorded override, unchanged (so applying twice changes nothing and an
  earlier inspector's name and time survive a re-export);
- cells edited back to the machine's verdict and reason with no note → no override;
- cells edited otherwise → a new override by `by` (else the workbook's lastModifiedBy) at the
  workbook's modified time (else now).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..ingest.ledger import LEDGER_FORMAT
from .status import STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from .model import StatusModel
    from .result import Judgement


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
    return model.fingerprint()


def cells_digest(verdict: str, reason: str, note: str) -> str:
    """What the three editable cells held, in a few bytes (the hidden sheet keeps this, not the text)."""
    return hashlib.sha256("\x1f".join((verdict, reason, note)).encode("utf-8")).hexdigest()[:16]


def check_overrides(tasks: Sequence[str], overrides: Sequence[Override]) -> None:
    """Overrides name tasks the comparison judged, with a known status; ValueError otherwise."""
    tasks = set(tasks)
    for o in overrides:
        if o.task not in tasks:
            raise ValueError(f"an override for task {o.task!r}, which this comparison does not have")
        if o.status not in STATUSES:
            raise ValueError(f"an override with status {o.status!r}; statuses are {', '.join(STATUSES)}")


def meta_rows(comparison: "Judgement") -> list[tuple[str, str]]:
    """The hidden sheet's key/value rows for a comparison."""
    from .._version import __version__
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
