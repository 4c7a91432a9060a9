"""Reading back a ledger workbook an inspector edited (the 核查结论, 说明 and 备注 cells), with
the hidden sheet that says which comparison it belongs to.  Plain data out; what it means is
the business of policytext.comparison.apply_ledger.  The format's names are defined here, the
lowest layer that needs them; the writer (report/excel.py) uses the same."""
from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LedgerError

LEDGER_FORMAT = "policytext-ledger/1"
META_SHEET = "_policytext"
WRITER = "policytext"  # the workbook's author: a lastModifiedBy equal to it names nobody
EDITABLE = ("核查结论", "说明", "备注")  # what an inspector fills in and `policytext ledger apply` reads back
_HEAD_SCAN = 6  # the header is the second row; an inspector may insert a row or two above it


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class EditedRow:
    row: int  # the sheet row, 1-based as Excel shows it
    task: str
    verdict: str
    reason: str
    note: str


@dataclass(frozen=True)
class RecordedRow:
    row: int
    task: str
    digest: str  # of the editable cells as written
    status: str  # the override they showed ("" = none)
    by: str
    at: str


@dataclass(frozen=True)
class LedgerBook:
    meta: dict[str, str]
    rows: tuple[EditedRow, ...]
    recorded: dict[str, RecordedRow] = field(default_factory=dict)  # by task
    modified_by: str | None = None
    modified_at: dt.datetime | None = None


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_ledger(path: str | Path) -> LedgerBook:
    """The edited cells of a ledger written by policytext; LedgerError for anything else."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise LedgerError(path, "no such file")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise LedgerError(path, f"not an Excel workbook (.xlsx) policytext can read ({type(e).__name__})") from None
    try:
        if META_SHEET not in wb.sheetnames:
            raise LedgerError(path, f"not a ledger written by policytext (it has no {META_SHEET} sheet); "
                                    "only ledgers from `policytext compare -o LEDGER.xlsx` can be applied")
        meta, recorded = _meta(wb[META_SHEET])
        if meta.get("format") != LEDGER_FORMAT:
            raise LedgerError(path, f"a ledger of format {meta.get('format')!r}; this policytext reads {LEDGER_FORMAT}")
        sheet = meta.get("sheet") or "督查台账"
        if sheet not in wb.sheetnames:
            raise LedgerError(path, f"the {sheet} sheet is missing (renamed or deleted?)")
        rows = _rows(path, wb[sheet], {r.row: r.task for r in recorded.values()})
        props = wb.properties
        return LedgerBook(meta, rows, recorded, (props.lastModifiedBy or "").strip() or None, props.modified)
    finally:
        wb.close()


def _meta(ws) -> tuple[dict[str, str], dict[str, RecordedRow]]:
    meta: dict[str, str] = {}
    recorded: dict[str, RecordedRow] = {}
    in_rows = False
    for values in ws.iter_rows(values_only=True):
        cells = [_text(v) for v in values]
        if not any(cells):
            continue
        if not in_rows:
            if cells[0] == "row":
                in_rows = True
            else:
                meta[cells[0]] = cells[1] if len(cells) > 1 else ""
            continue
        cells += [""] * (6 - len(cells))
        r = RecordedRow(int(cells[0]), cells[1], cells[2], cells[3], cells[4], cells[5])
        recorded.setdefault(r.task, r)
    return meta, recorded


def _rows(path: Path, ws, task_of_row: dict[int, str]) -> tuple[EditedRow, ...]:
    it = ws.iter_rows(values_only=True)
    header, n = None, 0
    for values in it:
        n += 1
        names = [_text(v).strip() for v in values]
        if "任务编号" in names and "核查结论" in names:
            header = names
            break
        if n >= _HEAD_SCAN:
            break
    if header is None:
        raise LedgerError(path, "no header row with 任务编号 and 核查结论 in the ledger sheet")
    missing = [c for c in EDITABLE if c not in header]
    if missing:
        raise LedgerError(path, f"the ledger sheet has no {'、'.join(missing)} column (was the header changed?)")
    col = {name: header.index(name) for name in ("任务编号", *EDITABLE)}
    out = []
    for k, values in enumerate(it, n + 1):
        cells = [_text(v) for v in values]
        if not any(c.strip() for c in cells):
            continue
        cells += [""] * (len(header) - len(cells))
        task = cells[col["任务编号"]].strip() or task_of_row.get(k, "")
        out.append(EditedRow(k, task, cells[col["核查结论"]], cells[col["说明"]], cells[col["备注"]]))
    return tuple(out)
