"""What judging a plan against its summary gives: the two analyses, the period the summary
covers, one judged item per task, and any inspector's verdicts.  Plain data; the ledger,
report and DataFrame views of it are policytext.comparison.Comparison's."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from ..analysis import SCHEMA, Analysis
from .period import Period
from .overrides import Override, Provenance, check_overrides
from .status import STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from .judge import Item


@dataclass(frozen=True)
class Judgement:
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

    def with_overrides(self, overrides: Sequence[Override]):
        """This comparison with the inspector's verdicts (replacing any it had); the machine's stay."""
        check_overrides([it.task.path for it in self.items], overrides)
        return replace(self, overrides=tuple(overrides))

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
