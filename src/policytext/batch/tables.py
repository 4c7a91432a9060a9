"""The batch tables: what one document contributes to each, and their Arrow schemas.

Every row carries the document id (SHA-256 of the file's bytes) and its path, so the tables
join on doc_id and still say where each row came from.  Columns are typed once, here, so
that a table is the same whether it has one row or a million, or none."""
from __future__ import annotations

import re
from typing import Any

from ..analysis import Analysis
from ..extract.deadlines import document_year
from ..extract.issuer import issuer

_SPAN = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*[—–\-－至到~～]\s*(?:19|20)[0-9]{2}")
DOC_TABLES = ("documents", "tasks", "quotas", "deadlines", "units", "slogans", "warnings", "errors")
PAIR_TABLES = ("pairs", "ledger")

_S, _I, _F, _B = "string", "int64", "float64", "bool"
_KEY = [("doc_id", _S), ("path", _S)]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": _KEY + [("format", _S), ("title", _S), ("kind", _S), ("issuer", _S), ("year", _I),
                         ("year_from", _I), ("chars", _I), ("pages", _I), ("paragraphs", _I), ("encoding", _S), ("tasks", _I),
                         ("quotas", _I), ("deadlines", _I), ("units", _I), ("slogans", _I), ("warnings", _I),
                         ("ocr_pages", _I), ("ocr_confidence", _F), ("doc_number", _S)],
    "tasks": _KEY + [("task", _S), ("parent", _S), ("marker", _S), ("level", _I), ("heading", _S),
                     ("start", _I), ("end", _I)],
    "quotas": _KEY + [("task", _S), ("text", _S), ("start", _I), ("end", _I), ("period", _S), ("every", _I),
                      ("comparator", _S), ("value", _F), ("value_max", _F), ("unit", _S), ("subject", _S),
                      ("action", _S), ("per_year", _F), ("placeholder", _B)],
    "deadlines": _KEY + [("task", _S), ("text", _S), ("start", _I), ("end", _I), ("date", _S), ("date_from", _S),
                         ("recurring", _S), ("relative", _B)],
    "units": _KEY + [("task", _S), ("name", _S), ("role", _S), ("cue", _S), ("start", _I), ("end", _I)],
    "slogans": _KEY + [("text", _S), ("kind", _S), ("count", _I), ("start", _I), ("end", _I), ("gloss", _S)],
    "warnings": _KEY + [("code", _S), ("message", _S), ("start", _I), ("end", _I)],
    "errors": _KEY + [("code", _S), ("reason", _S)],
    "pairs": [("plan_id", _S), ("plan", _S), ("summary_id", _S), ("summary", _S), ("issuer", _S), ("year", _I),
              ("similarity", _F), ("source", _S), ("status", _S), ("reason", _S)],
    "ledger": [("plan_id", _S), ("plan", _S), ("summary_id", _S), ("summary", _S), ("issuer", _S),
               ("number", _I), ("task", _S), ("content", _S), ("lead", _S), ("support", _S), ("deadlines", _S),
               ("quotas", _S), ("evidence", _S), ("status", _S), ("verdict", _S), ("flags", _S), ("reason", _S),
               ("score", _F), ("on_time", _S)],
}


def arrow_schema(table: str):
    import pyarrow as pa

    types = {_S: pa.string(), _I: pa.int64(), _F: pa.float64(), _B: pa.bool_()}
    return pa.schema([(name, types[t]) for name, t in COLUMNS[table]])


def document_rows(a: Analysis, doc_id: str, path: str) -> dict[str, list[dict[str, Any]]]:
    """What one analysed document adds to each table (errors excepted)."""
    doc = a.document
    key = {"doc_id": doc_id, "path": path}
    year = document_year(doc)
    d = a.to_dict()
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [{**key, "format": doc.format, "title": doc.title, "kind": doc.kind, "issuer": issuer(doc),
                       "year": year, "year_from": _year_from(doc, year), "chars": len(doc.text), "pages": doc.pages,
                       "paragraphs": len(doc.paragraphs), "encoding": doc.encoding,
                       **{name: len(d[name]) for name in ("tasks", "quotas", "deadlines", "units", "slogans",
                                                          "warnings")},
                       **_ocr_columns(doc)}],
        "tasks": [{**key, "task": t["path"], **{k: t[k] for k in ("parent", "marker", "level", "heading", "start",
                                                                   "end")}} for t in d["tasks"]],
        "slogans": [{**key, "text": s["text"], "kind": s["kind"], "count": s["count"], "start": s["spans"][0][0],
                     "end": s["spans"][0][1], "gloss": s["gloss"]} for s in d["slogans"]],
        "warnings": [{**key, "code": w["code"], "message": w["message"], "start": w.get("start"),
                      "end": w.get("end")} for w in d["warnings"]],
    }
    for name in ("quotas", "deadlines", "units"):
        out[name] = [{**key, **{c: row.get(c) for c, _ in COLUMNS[name][2:]}} for row in d[name]]
    return out


def _ocr_columns(doc) -> dict[str, Any]:
    """Pages read by OCR (0 for a text layer), their confidence, and the 文号 the scan showed."""
    ocr = doc.meta.get("ocr") or {}
    return {"ocr_pages": len(ocr.get("pages", ())), "ocr_confidence": ocr.get("confidence"),
            "doc_number": ocr.get("doc_number")}


def _year_from(doc, year: int | None) -> int | None:
    """The first year a document covers: 2024 for a 2024—2026 plan, else its year."""
    m = _SPAN.search(doc.title or "")
    return int(m.group(1)) if m else year


def error_row(doc_id: str | None, path: str, code: str, reason: str) -> dict[str, list[dict[str, Any]]]:
    return {"errors": [{"doc_id": doc_id, "path": path, "code": code, "reason": reason}]}
