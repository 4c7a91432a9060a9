"""Compare a plan with its summary: every leaf task of the plan judged implemented, partial
or missing, with the evidence, the quota and deadline checks, and a reason in Chinese.

    >>> import policytext
    >>> c = policytext.compare("corpus/plan_tax_party_2024.txt", "corpus/summary_tax_party_2024.txt")
    >>> c.totals
    >>> c.to_frame(); c.to_excel("ledger.xlsx"); c.to_html("report.html")
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from ..analysis import SCHEMA, Analysis, analyze
from ..document import Document
from .checks import DeadlineCheck, Period, QuotaCheck, summary_period
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

    @property
    def totals(self) -> dict[str, int]:
        return {s: sum(i.status == s for i in self.items) for s in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "plan": self.plan.document.to_dict(), "summary": self.summary.document.to_dict(),
                "period": self.period.to_dict(), "items": [i.to_dict() for i in self.items],
                "totals": self.totals}

    def to_frame(self) -> "pd.DataFrame":
        from ..report.frame import comparison_frame

        return comparison_frame(self)

    def to_excel(self, path: str | Path) -> Path:
        from ..report.excel import write_ledger

        return write_ledger(self, path)

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
    return Comparison(p, s, period, tuple(judge(p, s, period, model, aligner)))


__all__ = ["Comparison", "DeadlineCheck", "Evidence", "EvidenceAligner", "FLAGS", "Item", "Period",
           "QuotaCheck", "STATUSES", "StatusModel", "compare"]
