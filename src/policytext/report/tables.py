"""The archive tables: what one document contributes to each (documents, tasks, one table per
extracted field, warnings, errors) and what a compared pair contributes (pairs, ledger), with
their column types; and the same tables as typed pandas DataFrames, wherever they come from: a
Corpus analysed in memory or a batch run's Parquet files.

Every row of a document's tables carries the document id (SHA-256 of the file's bytes) and its
path, so the tables join on doc_id and still say where each row came from.  A field's table
has the columns of its record (extract.fields), task first; the ledger's are LedgerRow's.
Columns are typed once, here, so that a table is the same whether it has one row or a million.

Two levels of DataFrame.  ``typed`` gives a table exactly as stored, with nullable integers,
strings and categoricals.  ``analysis_frame`` is what an analyst works with: every row also
carries its document's issuer and year, deadline dates are datetime64 (with their precision,
so nothing is lost), and ledger rows name their plan section and have one boolean per flag."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Callable

from ..compare.checks import last_day
from ..compare.status import FLAGS, STATUSES, VERDICT
from ..extract.fields import FIELDS
from .ledger import table_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..analysis import Analysis

_S, _I, _F, _B = "string", "int64", "float64", "bool"
_TYPES = {"str": _S, "str | None": _S, "int": _I, "int | None": _I, "bool": _B, "float | int | None": _F,
          "float | None": _F, "float": _F}


def field_columns(record: type) -> list[tuple[str, str]]:
    """A field table's columns after doc_id and path: task, then the record's fields in order
    (its spans aside: they are start and end, of the first place)."""
    fs = [f for f in dataclasses.fields(record) if f.name not in ("task", "spans")]
    return [("task", _S)] + [(f.name, _TYPES[f.type]) for f in fs]


FIELD_TABLES = tuple(f.name for f in FIELDS)
DOC_TABLES = ("documents", "tasks", *FIELD_TABLES, "warnings", "errors", "skipped")
PAIR_TABLES = ("pairs", "ledger")
_KEY = [("doc_id", _S), ("path", _S)]
_PAIR = [("plan_id", _S), ("plan", _S), ("summary_id", _S), ("summary", _S), ("issuer", _S)]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": _KEY + [("format", _S), ("title", _S), ("kind", _S), ("issuer", _S), ("year", _I),
                         ("year_from", _I), ("chars", _I), ("pages", _I), ("paragraphs", _I), ("encoding", _S),
                         ("tasks", _I), *((name, _I) for name in FIELD_TABLES), ("warnings", _I),
                         ("ocr_pages", _I), ("ocr_confidence", _F), ("doc_number", _S)],
    "tasks": _KEY + [("task", _S), ("parent", _S), ("marker", _S), ("level", _I), ("heading", _S),
                     ("start", _I), ("end", _I)],
    **{f.name: _KEY + field_columns(f.record) for f in FIELDS},
    "warnings": _KEY + [("code", _S), ("message", _S), ("start", _I), ("end", _I)],
    "errors": _KEY + [("code", _S), ("reason", _S)],
    "skipped": _KEY + [("size", _I), ("reason", _S)],  # files of the archive not read, and why
    "pairs": _PAIR[:4] + [("issuer", _S), ("year", _I), ("similarity", _F), ("source", _S), ("status", _S),
                          ("reason", _S)],
    "ledger": _PAIR + [(name, {int: _I, str: _S, float: _F}[t]) for name, t in table_columns()],
}


def arrow_schema(table: str):
    import pyarrow as pa

    types = {_S: pa.string(), _I: pa.int64(), _F: pa.float64(), _B: pa.bool_()}
    return pa.schema([(name, types[t]) for name, t in COLUMNS[table]])


def document_rows(a: "Analysis", doc_id: str, path: str) -> dict[str, list[dict[str, Any]]]:
    """What one analysed document adds to each table (errors excepted)."""
    doc = a.document
    key = {"doc_id": doc_id, "path": path}
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [{**key, "format": doc.format, "title": doc.title, "kind": doc.kind, "issuer": a.issuer,
                       "year": a.year, "year_from": a.year_from, "chars": len(doc.text), "pages": doc.pages,
                       "paragraphs": len(doc.paragraphs), "encoding": doc.encoding, "tasks": len(a.tasks),
                       **{name: len(a.extraction[name]) for name in FIELD_TABLES}, "warnings": len(a.warnings),
                       **_ocr_columns(doc)}],
        "tasks": [{**key, "task": t.path, "parent": t.parent, "marker": t.marker, "level": t.level,
                   "heading": t.heading, "start": t.start, "end": t.end} for t in a.tasks],
        "warnings": [{**key, **w.to_dict()} for w in a.warnings],
    }
    for name in FIELD_TABLES:
        cols = [c for c, _ in COLUMNS[name][2:]]
        out[name] = [{**key, **{c: getattr(item, c) for c in cols}} for item in a.extraction[name]]
    return out


def _ocr_columns(doc) -> dict[str, Any]:
    """Pages read by OCR (0 for a text layer), their confidence, and the 文号 the scan showed."""
    ocr = doc.meta.get("ocr") or {}
    return {"ocr_pages": len(ocr.get("pages", ())), "ocr_confidence": ocr.get("confidence"),
            "doc_number": ocr.get("doc_number")}


def skipped_row(path: str, size: int, reason: str) -> dict[str, list[dict[str, Any]]]:
    return {"skipped": [{"doc_id": None, "path": path, "size": size, "reason": reason}]}


def error_row(doc_id: str | None, path: str, code: str, reason: str) -> dict[str, list[dict[str, Any]]]:
    return {"errors": [{"doc_id": doc_id, "path": path, "code": code, "reason": reason}]}


def ledger_record(head: dict[str, Any], row) -> dict[str, Any]:
    """One row of the batch ledger table: the pair's columns, then the LedgerRow's."""
    return {**head, **row.record()}


PERIODS = ("day", "week", "half_month", "month", "quarter", "half_year", "year", "term", "once", "total")
ROLES = ("lead", "responsible", "support")
# column → (categories, ordered); None lets pandas take the values seen (error codes, formats)
CATEGORIES: dict[str, tuple[tuple[str, ...] | None, bool]] = {
    "period": (PERIODS, True), "role": (ROLES, False), "status": (STATUSES, True),
    "verdict": (tuple(VERDICT.values()), True), "format": (None, False), "code": (None, False),
    "source": (None, False),
}
KINDS = {"documents": ("plan", "summary", "unknown"), "slogans": ("quoted", "numeric"),
         "dates": ("deadline", "event", "period", "effective"), "deadlines": ("deadline", "event", "period", "effective"),
         "units": ("unit", "post", "person"),
         "pairs": None}
PAIR_STATUSES = ("paired", "unpaired", "failed")


def typed(name: str, data) -> "pd.DataFrame":
    """One table (records, a DataFrame or a pyarrow Table) with the columns and types of
    COLUMNS[name], in that order."""
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
            flags = df["flags"].astype(object).map(lambda v: set(v.split(",")) if isinstance(v, str) else set())
            at = df.columns.get_loc("flags") + 1
            for k, f in enumerate(FLAGS):  # one boolean per flag, as Comparison.to_frame has
                df.insert(at + k, f, pd.array([f in x for x in flags], dtype="boolean"))
        return df
    if name != "documents":
        docs = table("documents")[["doc_id", "issuer", "year"]].drop_duplicates("doc_id")
        at = df.columns.get_loc("path") + 1
        joined = df[["doc_id"]].merge(docs, on="doc_id", how="left")
        df.insert(at, "issuer", pd.array(joined["issuer"].to_numpy(), dtype="string"))
        df.insert(at + 1, "year", pd.array(joined["year"].to_numpy(), dtype="Int64"))
    if name in ("deadlines", "dates"):
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
