"""The comparison engine: every leaf task of a plan judged implemented, partial or missing
against a summary, with the evidence, the quota and deadline checks, and a reason in Chinese.
It takes analysed documents; reading files and the ledger, report and DataFrame views are one
layer up, in policytext.comparison (policytext.compare(plan_path, summary_path))."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis, in_plan_year
from .checks import DeadlineCheck, QuotaCheck
from .period import Period, pair_period
from .overrides import Override, Provenance
from .result import Judgement
from .status import FLAGS, STATUSES, Flag, Status

if TYPE_CHECKING:  # pragma: no cover
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


def judge_pair(plan: Analysis, summary: Analysis, model: "StatusModel | None" = None,
               aligner: "EvidenceAligner | None" = None, provenance: Provenance | None = None,
               result: type[Judgement] = Judgement) -> Judgement:
    """Judge every leaf task of plan against summary.  model defaults to the fitted
    models/compare_model.json; aligner to EvidenceAligner(); result is the class made (a
    Judgement, or a subclass that adds views)."""
    from .judge import judge
    from .model import StatusModel

    model = model if model is not None else StatusModel.load()
    summary = in_plan_year(plan, summary)
    period = pair_period(plan, summary)
    return result(plan, summary, period, tuple(judge(plan, summary, period, model, aligner)),
                  provenance=provenance)


__all__ = ["DeadlineCheck", "Evidence", "EvidenceAligner", "FLAGS", "Flag", "Item", "Judgement", "Override", "Period",
           "Provenance", "QuotaCheck", "STATUSES", "Status", "StatusModel", "judge_pair"]
