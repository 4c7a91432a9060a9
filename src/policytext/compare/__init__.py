"""Compare a plan with its summary: every leaf task of the plan judged implemented, partial
or missing, with the evidence, the quota and deadline checks, and a reason in Chinese.

    >>> import policytext
    >>> c = policytext.compare("corpus/plan_tax_party_2024.txt", "corpus/summary_tax_party_2024.txt")
    >>> c.totals
    >>> c.to_frame(); c.to_excel("ledger.xlsx"); c.to_html("report.html")
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, Union

from ..analysis import SCHEMA, Analysis, analyze
from ..document import Document
from .checks import DeadlineCheck, Period, QuotaCheck, summary_period
from .overrides import Override, Provenance
from .status import FLAGS, STATUSES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .aligner import EvidenceAligner
    from .judge import Evidence, Item
    from .model import StatusModel

# scikit-learn and numpy load when a comparison runs, not when policytext is imported.
_LAZY = {"EvidenceAligner": ".aligner", "StatusModel": ".model", "Evidence": ".judge", "Item": ".judge"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

Source = Union[Document, Analysis, str, Path]


@dataclass(frozen=True)
class Comparison:
    plan: Analysis
    summary: Analysis
    period: Period
    items: tuple["Item", ...]
    overrides: tuple[Override, ...] = ()  # an inspector's verdicts (policytext ledger apply)
    provenance: Provenance | None = None  # the files and model it was made from, for re-checking

    @property
    def totals(self) -> dict[str, int]:
        """The machine's verdicts, counted; reviewed_totals counts the inspector's where given."""
        return {s: sum(i.status == s for i in self.items) for s in STATUSES}

    @property
    def overridden(self) -> dict[str, Override]:
        """The overrides by task path."""
        return {o.task: o for o in self.overrides}

    @property
    def reviewed_totals(self) -> dict[str, int]:
        ov = self.overridden
        final = [ov[i.task.path].status if i.task.path in ov else i.status for i in self.items]
        return {s: final.count(s) for s in STATUSES}

    def with_overrides(self, overrides: Sequence[Override]) -> "Comparison":
        """This comparison with the inspector's verdicts (replacing any it had); the machine's stay."""
        from .overrides import with_overrides

        return with_overrides(self, overrides)

    def to_dict(self) -> dict[str, Any]:
        ov = self.overridden
        items = []
        for i in self.items:
            d = i.to_dict()
            if i.task.path in ov:
                d["override"] = ov[i.task.path].to_dict()
            items.append(d)
        out = {"schema": SCHEMA, "plan": self.plan.document.to_dict(), "summary": self.summary.document.to_dict(),
               "period": self.period.to_dict(), "items": items, "totals": self.totals}
        if ov:
            out["reviewed_totals"] = self.reviewed_totals
        return out

    def to_frame(self) -> "pd.DataFrame":
        from ..report.frame import comparison_frame

        return comparison_frame(self)

    def to_excel(self, path: str | Path, checked: "dt.date | None" = None) -> Path:
        """The ledger; checked is the date of the check its title gives (default: today)."""
        from ..report.excel import write_ledger

        return write_ledger(self, path, checked)

    def to_html(self, path: str | Path | None = None) -> str:
        """The self-contained report page; written to path when one is given."""
        from ..report.html import render

        page = render(self)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def _repr_html_(self) -> str:
        from ..report.html import ledger_table

        return ledger_table(self)


def _analysis(x: Source) -> Analysis:
    if isinstance(x, Analysis):
        return x
    if isinstance(x, Document):
        return analyze(x)
    if isinstance(x, (str, Path)):
        from ..ingest import read

        return analyze(read(x))
    raise TypeError(f"compare() takes a Document, an Analysis or a path, not {type(x).__name__}")


def compare(plan: Source, summary: Source, model: "StatusModel | None" = None,
            aligner: "EvidenceAligner | None" = None) -> Comparison:
    """Judge every leaf task of plan against summary.  model defaults to the fitted
    models/compare_model.json; aligner to EvidenceAligner()."""
    from .judge import judge
    from .model import StatusModel

    p, s = _analysis(plan), _analysis(summary)
    model = model if model is not None else StatusModel.load()
    period = summary_period(s)
    return Comparison(p, s, period, tuple(judge(p, s, period, model, aligner)),
                      provenance=_provenance(plan, summary, model))


def _provenance(plan: Source, summary: Source, model: "StatusModel") -> Provenance:
    """Files given by path are hashed, so that a ledger of them can be checked against them later;
    a Document or Analysis may not be what is on disk, so it is recorded without a hash."""
    from ..ingest.ledger import file_sha256
    from .overrides import model_fingerprint

    def one(x: Source) -> tuple[str | None, str | None]:
        if isinstance(x, (str, Path)):
            return str(x), file_sha256(x)
        doc = x.document if isinstance(x, Analysis) else x
        return getattr(doc, "path", None), None

    (pp, ph), (sp, sh) = one(plan), one(summary)
    return Provenance(pp, ph, sp, sh, model_fingerprint(model))


__all__ = ["Comparison", "DeadlineCheck", "Evidence", "EvidenceAligner", "FLAGS", "Item", "Override", "Period",
           "Provenance", "QuotaCheck", "STATUSES", "StatusModel", "compare"]
