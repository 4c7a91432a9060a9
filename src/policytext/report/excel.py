"""The Excel ledgers (督查台账), written with XlsxWriter in constant-memory mode: the ledger of
one plan/summary pair and the ledger of a whole archive share one sheet writer.

A ledger sheet is for printing and editing: a title row above the header, A4 landscape fitted
to the page width with the title and header repeated on every page, row heights set from the
text (neither Excel nor LibreOffice fits the rows of a written file: a row would print as one
line), wrapped text, a frozen header with filters, and a 核查结论 dropdown coloured by
conditional formats on its value, so a verdict an inspector picks gets its colour.  Every piece
of text is written as a string: a task that starts with = stays text, never a formula."""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import OutputError
from ..compare.status import Status
from .ledger import COLUMNS, FLAG_TEXT, VERDICT, LedgerRow, rows

HEADER_FILL = "#1F4E78"
# Widths in Excel's character units, chosen so that the 13 columns print on one A4 landscape
# page at about 70 %; a pair ledger narrows a column to its longest text.
WIDTH = {"序号": 5, "任务编号": 9, "任务内容": 34, "牵头单位": 12, "配合单位": 12, "完成时限": 12, "量化指标": 18,
         "落实情况（总结原文）": 40, "是否按期完成": 7, "核查结论": 9, "说明": 30, "标记": 12, "备注": 12,
         "发文单位": 14, "计划文件": 18, "总结文件": 18}
MIN_WIDTH = 5
SHEET, TOTALS, PAIRS = "督查台账", "汇总", "配对情况"
ARCHIVE_COLUMNS = ("发文单位", "计划文件", "总结文件") + COLUMNS
FONT_SIZE = 10
LINE_POINTS = 13.5  # one wrapped line of 10 pt CJK text (CJK fonts are taller than Latin ones)
PAD_POINTS = 4.0
MAX_ROW_POINTS = 409.0  # Excel's limit
CELL_LIMIT = 32767  # characters a cell holds
_CUT = "…【超出单元格 32767 字符上限，全文见 JSON 或 HTML 报告】"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
PROGRESS_EVERY = 500  # rows between progress reports
_CHOICES = "、".join(list(VERDICT.values())[:-1]) + " 或 " + list(VERDICT.values())[-1]  # 已落实、部分落实 或 未落实


def display_width(text: str) -> int:
    """Columns a string takes in a spreadsheet font: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _safe(value: str) -> str:
    """Control characters XML cannot hold are shown as \\xNN rather than dropped, and text longer
    than a cell holds is cut with a visible note rather than silently."""
    value = _ILLEGAL.sub(lambda m: "\\x%02x" % ord(m.group()), value)
    if len(value) > CELL_LIMIT:
        value = value[:CELL_LIMIT - len(_CUT)] + _CUT
    return value


def line_count(text: str, width: float) -> int:
    """Lines text wraps to in a column width characters wide.  Errs high: a row a line too tall
    prints, a row a line too short cuts the text."""
    room = max(1.0, (width - 1.0) * 0.95)
    return sum(max(1, math.ceil(display_width(part) / room)) for part in text.split("\n"))


def row_points(cells: Sequence[Any], widths: Sequence[float]) -> float:
    lines = max((line_count(v, w) for v, w in zip(cells, widths) if isinstance(v, str) and v), default=1)
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + PAD_POINTS)


@dataclass(frozen=True)
class _Formats:
    title: Any
    head: Any
    body: Any
    center: Any
    verdict: Any
    pct: Any
    by_status: dict


def _formats(wb) -> _Formats:
    base = {"font_size": FONT_SIZE, "text_wrap": True, "valign": "top", "border": 1, "border_color": "#BFBFBF"}
    return _Formats(
        title=wb.add_format({"bold": True, "font_size": 12, "text_wrap": True, "valign": "vcenter"}),
        head=wb.add_format({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL,
                            "align": "center", "valign": "vcenter"}),
        body=wb.add_format(base), center=wb.add_format({**base, "align": "center"}),
        verdict=wb.add_format({**base, "align": "center", "bold": True}), pct=wb.add_format({"num_format": "0.0%"}),
        by_status={s.value: wb.add_format({"bg_color": s.colours.fill, "font_color": s.colours.text}) for s in Status})


def _workbook(path: Path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    from .._version import __version__

    wb.set_properties({"author": "policytext", "comments": f"policytext {__version__}"})
    return wb


class LedgerSheet:
    """A ledger worksheet written row by row (XlsxWriter's constant-memory mode keeps one row)."""

    def __init__(self, wb, fmt: _Formats, name: str, columns: Sequence[str], widths: Sequence[float],
                 title: str) -> None:
        self.ws, self.fmt, self.columns, self.widths = wb.add_worksheet(name), fmt, tuple(columns), list(widths)
        self.verdict_col = self.columns.index("核查结论")
        self.center_cols = {self.columns.index(c) for c in ("序号", "是否按期完成") if c in self.columns}
        ws, last = self.ws, len(self.columns) - 1
        for k, w in enumerate(self.widths):
            ws.set_column(k, k, w)
        ws.set_row(0, row_points([title], [sum(self.widths)]) + 4)
        ws.merge_range(0, 0, 0, last, _safe(title), fmt.title)
        ws.set_row(1, row_points(list(self.columns), self.widths))
        for k, name in enumerate(self.columns):
            ws.write_string(1, k, name, fmt.head)
        self.row = 2
        ws.freeze_panes(2, 0)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
        ws.repeat_rows(0, 1)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.center_horizontally()
        ws.set_footer("&C第 &P 页，共 &N 页")

    def add(self, cells: Sequence[Any]) -> int:
        """Write one data row; returns its sheet row (0-based)."""
        ws, r, fmt = self.ws, self.row, self.fmt
        cells = [_safe(v) if isinstance(v, str) else v for v in cells]
        ws.set_row(r, row_points(cells, self.widths))
        for k, v in enumerate(cells):
            f = fmt.verdict if k == self.verdict_col else fmt.center if k in self.center_cols else fmt.body
            if v is None or v == "":
                ws.write_blank(r, k, None, f)
            elif isinstance(v, str):
                ws.write_string(r, k, v, f)
            else:
                ws.write_number(r, k, v, f)
        self.row += 1
        return r

    def finish(self) -> None:
        ws, last_row, last_col, v = self.ws, max(self.row - 1, 2), len(self.columns) - 1, self.verdict_col
        ws.autofilter(1, 0, max(self.row - 1, 1), last_col)
        if self.row > 2:
            ws.data_validation(2, v, last_row, v, {
                "validate": "list", "source": list(VERDICT.values()),
                "input_title": "核查结论", "input_message": f"选择 {_CHOICES}",
                "error_title": "核查结论", "error_message": f"请从下拉列表选择：{_CHOICES}"})
            for status, text in VERDICT.items():
                ws.conditional_format(2, v, last_row, v, {"type": "cell", "criteria": "==", "value": f'"{text}"',
                                                          "format": self.fmt.by_status[status]})


def _fitted(columns: Sequence[str], data: Sequence[Sequence[Any]]) -> list[float]:
    """Each column as wide as its longest line, within its WIDTH."""
    out = []
    for k, name in enumerate(columns):
        cap = WIDTH.get(name, 12)
        longest = display_width(name) // 2 + 1  # a header may wrap onto two lines
        for cells in data:
            v = cells[k]
            text = v if isinstance(v, str) else str(v if v is not None else "")
            longest = max(longest, max((display_width(x) for x in text.split("\n")), default=0))
        out.append(max(MIN_WIDTH, min(cap, longest + 2)))
    return out


def ledger_title(comparison, checked: dt.date | None = None) -> str:
    from ..extract.issuer import issuer

    plan, summary = comparison.plan.document, comparison.summary.document
    who = issuer(summary) or issuer(plan) or "未注明"
    period = f"{comparison.period.year or ''}年{comparison.period.label}"
    day = (checked or dt.date.today()).isoformat()
    return (f"计划：{plan.title or plan.path or ''}　总结：{summary.title or summary.path or ''}　"
            f"发文单位：{who}　总结期间：{period}　核查日期：{day}")


def write_ledger(comparison, path: str | Path, checked: dt.date | None = None) -> Path:
    """The ledger of one comparison: the 督查台账 sheet, the 汇总 sheet, and a hidden sheet that
    ties it to the comparison (for `policytext ledger apply`).  Overridden verdicts show the
    inspector's verdict, with the machine's in 标记."""
    from ..compare.overrides import cells_digest, meta_rows
    from ..ingest.ledger import META_SHEET

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    overridden = comparison.overridden
    ledger_rows = rows(comparison.items, overridden)
    data = [[_safe(v) if isinstance(v, str) else v for v in r.cells()] for r in ledger_rows]
    tmp = path.with_name(f".{path.name}.tmp")
    wb = _workbook(tmp)
    fmt = _formats(wb)
    sheet = LedgerSheet(wb, fmt, SHEET, COLUMNS, _fitted(COLUMNS, data), ledger_title(comparison, checked))
    totals = wb.add_worksheet(TOTALS)
    meta = wb.add_worksheet(META_SHEET)
    meta.hide()
    written = [(sheet.add(cells), cells) for cells in data]
    sheet.finish()
    _totals_sheet(totals, fmt, comparison, checked)
    for k, (key, value) in enumerate([*meta_rows(comparison), ("sheet", SHEET)]):
        meta.write_string(k, 0, key)
        meta.write_string(k, 1, value)
    base = len(meta_rows(comparison)) + 2
    for k, name in enumerate(("row", "task", "digest", "status", "by", "at")):
        meta.write_string(base, k, name)
    v, rs, nt = (COLUMNS.index(c) for c in ("核查结论", "说明", "备注"))
    for k, ((r, cells), lr) in enumerate(zip(written, ledger_rows), base + 1):
        ov = overridden.get(lr.task)
        meta.write_number(k, 0, r + 1)
        meta.write_string(k, 1, lr.task)
        meta.write_string(k, 2, cells_digest(cells[v], cells[rs], cells[nt] or ""))
        for j, x in enumerate((ov.status, ov.by or "", ov.at or "") if ov else ("", "", ""), 3):
            meta.write_string(k, j, x)
    _save(wb, tmp, path)
    return path


def _totals_sheet(tot, fmt: _Formats, comparison, checked: dt.date | None) -> None:
    plan, summary = comparison.plan.document, comparison.summary.document
    meta = [("计划", plan.title or plan.path or ""), ("计划文件", plan.path or ""),
            ("总结", summary.title or summary.path or ""), ("总结文件", summary.path or ""),
            ("总结期间", f"{comparison.period.year or ''}年{comparison.period.label}"),
            ("核查日期", (checked or dt.date.today()).isoformat())]
    for k, (key, value) in enumerate(meta):
        tot.write_string(k, 0, key)
        tot.write_string(k, 1, _safe(value))
    head = len(meta) + 1
    reviewed = comparison.reviewed_totals if comparison.overrides else None
    names = ["核查结论", "项数", "占比"] + (["人工核定后"] if reviewed else [])
    for k, name in enumerate(names):
        tot.write_string(head, k, name, fmt.head)
    totals = comparison.totals
    n = sum(totals.values())
    wb_pct = fmt.pct
    for k, (status, count) in enumerate(totals.items(), head + 1):
        tot.write_string(k, 0, VERDICT[status], fmt.by_status[status])
        tot.write_number(k, 1, count)
        tot.write_number(k, 2, count / n if n else 0.0, wb_pct)
        if reviewed:
            tot.write_number(k, 3, reviewed[status])
    last = head + 1 + len(totals)
    tot.write_string(last, 0, "合计")
    tot.write_number(last, 1, n)
    tot.write_number(last, 2, 1.0 if n else 0.0, wb_pct)
    if reviewed:
        tot.write_number(last, 3, n)
    tot.set_column(0, 0, 12)
    tot.set_column(1, 1, max(12, min(60, max(display_width(str(v)) for _, v in meta) + 2)))
    tot.set_column(2, 3, 10)
    tot.set_paper(9)
    tot.fit_to_pages(1, 0)


def write_archive_ledger(ledger: Iterable[dict[str, Any]], pairs: Sequence[dict[str, Any]], path: str | Path,
                         total: int | None = None, progress: Callable[[int, int], None] | None = None) -> Path:
    """The whole archive's ledger: ONE filterable 督查台账 sheet (rows of the batch ledger table,
    with the issuer as a column) and a 配对情况 sheet listing every pair and every document left
    unpaired, with the reason.  progress(done, total) is called every few hundred rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb = _workbook(tmp)
    fmt = _formats(wb)
    overview = wb.add_worksheet(PAIRS)
    widths = [float(WIDTH.get(c, 12)) for c in ARCHIVE_COLUMNS]
    sheet = LedgerSheet(wb, fmt, SHEET, ARCHIVE_COLUMNS, widths, "督查台账（全部配对）　核查日期："
                        + dt.date.today().isoformat())
    totals: dict[tuple[str, str], dict[str, int]] = {}
    done, expected = 0, total or 0
    if progress:
        progress(0, expected)
    for r in ledger:
        sheet.add((r["issuer"] or "", r["plan"], r["summary"], *LedgerRow.from_record(r).cells()))
        t = totals.setdefault((r["plan"], r["summary"]), dict.fromkeys(VERDICT, 0))
        t[r["status"]] += 1
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, max(expected, done))
    sheet.finish()
    _pairs_sheet(overview, fmt, pairs, totals)
    _save(wb, tmp, path)
    if progress:
        progress(done, max(expected, done) if total is None else done)
    return path


def _pairs_sheet(ws, fmt: _Formats, pairs: Sequence[dict[str, Any]], totals) -> None:
    head = ["计划文件", "总结文件", "发文单位", "年度", "状态", "说明", *VERDICT.values()]
    for k, name in enumerate(head):
        ws.write_string(0, k, name, fmt.head)
    state = {"paired": "已配对", "unpaired": "未配对", "failed": "比对失败"}
    for r, p in enumerate(pairs, 1):
        t = totals.get((p["plan"], p["summary"]), {})
        cells = [p["plan"] or "", p["summary"] or "", p["issuer"] or "", p["year"],
                 state.get(p["status"], p["status"]), p["reason"] or "", *(t.get(s) if t else None for s in VERDICT)]
        for k, v in enumerate(cells):
            if isinstance(v, str):
                if v:
                    ws.write_string(r, k, _safe(v))
            elif v is not None:
                ws.write_number(r, k, v)
    for k, width in enumerate((40, 40, 24, 8, 10, 60, *(10 for _ in VERDICT))):
        ws.set_column(k, k, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(pairs), 1), len(head) - 1)



def _save(wb, tmp: Path, path: Path) -> None:
    """Close the workbook into tmp, then move it over path: a full disk or a read-only folder is
    one OutputError naming path, and an older ledger at path is kept whole."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        wb.close()
        tmp.replace(path)
    except (OSError, FileCreateError) as e:
        tmp.unlink(missing_ok=True)
        cause = e.args[0] if isinstance(e, FileCreateError) and e.args else e
        raise OutputError(path, f"cannot write the ledger: {getattr(cause, 'strerror', None) or cause}") from None

__all__ = ["ARCHIVE_COLUMNS", "FLAG_TEXT", "display_width", "line_count", "write_archive_ledger", "write_ledger"]
