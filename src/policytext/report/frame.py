"""A comparison as a pandas DataFrame: one row per judged task, typed columns."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare.checks import last_day
from ..compare.status import FLAGS, STATUSES
from .ledger import row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def comparison_frame(comparison) -> "pd.DataFrame":
    import pandas as pd

    records = []
    sections = {t.path: f"{t.marker}{t.heading}".strip() for t in comparison.plan.outline.tasks if t.parent is None}
    for n, it in enumerate(comparison.items, 1):
        r = row(n, it)
        first = it.evidence[0] if it.evidence else None
        dated = [d.deadline.date for d in it.deadline_checks if d.deadline.date]
        records.append({
            "task": it.task.path, "section": sections.get(it.task.path.split("/")[0], it.task.path.split("/")[0]),
            "heading": it.task.heading, "text": it.text, "status": it.status,
            "score": it.score, "flags": ",".join(it.flags), **{f: f in it.flags for f in FLAGS},
            "reason": it.reason, "lead": r.lead, "support": r.support, "deadline": r.deadlines,
            "deadline_date": max(dated) if dated else None, "quotas": r.quotas,
            "quotas_unmet": sum(c.verdict == "unmet" for c in it.quota_checks),
            "evidence": "\n".join(e.text for e in it.evidence), "evidence_count": len(it.evidence),
            "evidence_start": first.start if first else None, "evidence_end": first.end if first else None,
            "evidence_section": first.section if first else None,
            "plan_start": it.task.start, "plan_end": it.task.end,
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
    df["deadline_date"] = pd.to_datetime(df["deadline_date"].map(lambda d: last_day(d) if isinstance(d, str) else None))
    return df
