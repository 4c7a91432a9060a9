"""The archive tables as pandas DataFrames, typed the same way wherever they come from: a
Corpus analysed in memory or a batch run's Parquet files.

Two levels.  ``typed`` gives a table exactly as stored (batch.tables.COLUMNS), with nullable
integers, strings and categoricals.  ``analysis_frame`` is what an analyst works with: every
row also carries its document's issuer and year, deadline dates are datetime64 (with their
precision, so nothing is lost), and ledger rows name their plan section."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..batch.tables import COLUMNS
from ..compare.checks import last_day
from ..compare.status import STATUSES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PERIODS = ("day", "week", "half_month", "month", "quarter", "half_year", "year", "term", "once", "total")
ROLES = ("lead", "responsible", "support")
# column → (categories, ordered); None lets pandas take the values seen (error codes, formats)
CATEGORIES: dict[str, tuple[tuple[str, ...] | None, bool]] = {
    "period": (PERIODS, True), "role": (ROLES, False), "status": (STATUSES, True),
    "verdict": (("已落实", "部分落实", "未落实"), True), "format": (None, False), "code": (None, False),
    "source": (None, False),
}
KINDS = {"documents": ("plan", "summary", "unknown"), "slogans": ("quoted", "numeric"),
         "pairs": None}
PAIR_STATUSES = ("paired", "unpaired", "failed")


def typed(name: str, data) -> "pd.DataFrame":
    """One table (records, a DataFrame or a pyarrow Table) with the columns and types of
    batch.tables.COLUMNS[name], in that order."""
    import pandas as pd

    cols = COLUMNS[name]
    if hasattr(data, "to_pandas"):
        df = data.to_pandas()
    elif isinstance(data, pd.DataFrame):
        df = data
    else:
        df = pd.DataFrame.from_records(list(data), columns=[c for c, _ in cols])
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for col, kind in cols:
        values = df[col].to_numpy() if col in df.columns else [None] * len(df)
        out[col] = pd.Series(values, dtype=_DTYPES[kind])
    for col in out.columns:
        cats = _categories(name, col)
        if cats is not None:
            values, ordered = cats
            out[col] = out[col].astype(pd.CategoricalDtype(values, ordered=ordered) if values is not None
                                       else "category")
    return out


def _categories(table: str, col: str) -> tuple[tuple[str, ...] | None, bool] | None:
    if col == "kind":
        return (KINDS.get(table), False)
    if table == "pairs" and col == "status":
        return (PAIR_STATUSES, False)
    return CATEGORIES.get(col)


_DTYPES = {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean"}


def analysis_frame(name: str, table: Callable[[str], "pd.DataFrame"]) -> "pd.DataFrame":
    """Table name as an analyst wants it; table(n) returns any stored table by name."""
    import pandas as pd

    if name not in COLUMNS:
        raise ValueError(f"no table {name!r}; tables are: {', '.join(COLUMNS)}")
    df = table(name).copy()
    if name in ("pairs", "ledger"):
        df = _pair_fields(name, df, table("documents"))
        if name == "ledger":
            df.insert(df.columns.get_loc("task") + 1, "section", _sections(df, table("tasks")))
        return df
    if name != "documents":
        docs = table("documents")[["doc_id", "issuer", "year"]].drop_duplicates("doc_id")
        at = df.columns.get_loc("path") + 1
        joined = df[["doc_id"]].merge(docs, on="doc_id", how="left")
        df.insert(at, "issuer", pd.array(joined["issuer"].to_numpy(), dtype="string"))
        df.insert(at + 1, "year", pd.array(joined["year"].to_numpy(), dtype="Int64"))
    if name == "deadlines":
        iso = df["date"]
        df["date"] = _dates(iso, end=True)
        df["date_from"] = _dates(df["date_from"], end=False)
        precision = iso.str.len().map({10: "day", 7: "month", 4: "year"})
        df.insert(df.columns.get_loc("date") + 1, "date_precision",
                  precision.astype(pd.CategoricalDtype(("day", "month", "year"))))
    return df


def _dates(iso: "pd.Series", end: bool) -> "pd.Series":
    """ISO dates (2024-06-30), months (2024-06) or years (2024) as datetime64: the last day of a
    month or year for a limit, the first day for the start of a range."""
    import pandas as pd

    def one(s):
        if not isinstance(s, str):
            return None
        if len(s) == 4:
            s += "-12-31" if end else "-01-01"
        elif len(s) == 7:
            s = last_day(s) if end else s + "-01"
        return s

    return pd.to_datetime(iso.astype(object).map(one), format="%Y-%m-%d")


def _pair_fields(name: str, df: "pd.DataFrame", docs: "pd.DataFrame") -> "pd.DataFrame":
    """A pair's year is its summary's (the year reported on); the plan's title helps reading."""
    import pandas as pd

    d = docs.drop_duplicates("doc_id").set_index("doc_id")
    if name == "ledger":
        at = df.columns.get_loc("issuer") + 1
        df.insert(at, "year", pd.array(df["summary_id"].map(d["year"]).to_numpy(), dtype="Int64"))
    df.insert(df.columns.get_loc("plan") + 1, "plan_title",
              pd.array(df["plan_id"].map(d["title"]).to_numpy(), dtype="string"))
    return df


def _sections(ledger: "pd.DataFrame", tasks: "pd.DataFrame") -> "pd.Series":
    """Each ledger row's top-level section of its plan: "一、加强政治建设" (its marker and
    heading), or the bare marker when the plan's tasks are not at hand."""
    import pandas as pd

    top = ledger["task"].astype(object).map(lambda p: p.split("/")[0] if isinstance(p, str) else None)
    heads = tasks[tasks["parent"].isna()].drop_duplicates(["doc_id", "task"])
    label = {(r.doc_id, r.task): f"{r.marker}{r.heading or ''}".strip() for r in heads.itertuples()}
    values = [label.get((pid, t), t) for pid, t in zip(ledger["plan_id"].astype(object), top)]
    return pd.Series(values, index=ledger.index, dtype="string")
