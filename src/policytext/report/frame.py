"""A comparison as a pandas DataFrame: one row per judged task, typed columns, made from the
same LedgerRow as every other ledger."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare.checks import last_day
from ..compare.status import STATUSES
from .ledger import rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..compare.result import Judgement


def comparison_frame(comparison: "Judgement") -> "pd.DataFrame":
    import pandas as pd

    records = []
    sections = {t.path: f"{t.marker}{t.heading}".strip() for t in comparison.plan.outline.tasks if t.parent is None}
    for r, it in zip(rows(comparison.items), comparison.items):
        first = it.evidence[0] if it.evidence else None
        dated = [d.deadline.date for d in it.deadline_checks if d.deadline.date]
        top = r.task.split("/")[0]
        records.append({
            "task": r.task, "section": sections.get(top, top),
            "heading": it.task.heading, "text": r.content, "status": r.status,
            "score": r.score, "flags": ",".join(r.flags), **r.flag_columns(),
            "reason": r.reason, "lead": r.lead, "support": r.support, "deadline": r.deadlines,
            "deadline_date": max(dated) if dated else None, "quotas": r.quotas,
            "quotas_unmet": sum(c.verdict == "unmet" for c in it.quota_checks),
            "evidence": "\n".join(e.text for e in it.evidence), "evidence_count": len(it.evidence),
            "evidence_start": first.start if first else None, "evidence_end": first.end if first else None,
            "evidence_section": first.section if first else None,
            "plan_start": it.task.start, "plan_end": it.task.end,
            "certainty": it.certainty, "review": it.review,
        })
    df = pd.DataFrame.from_records(records, columns=list(records[0]) if records else ["task", "status"])
    if not records:
        return df
    df["status"] = pd.Categorical(df["status"], categories=list(STATUSES), ordered=True)
    for c in ("task", "section", "heading", "text", "flags", "reason", "lead", "support", "deadline", "quotas", "evidence",
              "evidence_section"):
        df[c] = df[c].astype("string")
    for c in ("evidence_start", "evidence_end", "quotas_unmet", "evidence_count", "plan_start", "plan_end"):
        df[c] = df[c].astype("Int64")
    df["score"] = df["score"].astype("float64")
    df["certainty"] = df["certainty"].astype("Float64")  # (null where the thresholds alone decided)
    df["review"] = df["review"].astype("bool")
    df["deadline_date"] = pd.to_datetime(df["deadline_date"].map(lambda d: last_day(d) if isinstance(d, str) else None))
    return df
