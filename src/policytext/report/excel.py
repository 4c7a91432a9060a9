"""The Excel ledger (督查台账): one row per judged task, status colours, frozen header,
filters, wrapped text, column widths sized for Chinese text, and a totals sheet."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Sequence

from .ledger import COLUMNS, VERDICT, rows

FILLS = {"implemented": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}  # green, yellow, red
FONTS = {"implemented": "006100", "partial": "9C5700", "missing": "9C0006"}
HEADER_FILL = "1F4E78"
MAX_WIDTH = {"任务内容": 46, "落实情况（总结原文）": 56, "说明": 50, "量化指标": 30, "完成时限": 18}
MIN_WIDTH = 8
SHEET, TOTALS = "督查台账", "汇总"


def display_width(text: str) -> int:
    """Columns a string takes in a spreadsheet font: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _safe(value):
    """Control characters XML cannot hold are shown as \\xNN rather than dropped."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub(lambda m: "\\x%02x" % ord(m.group()), value)


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="BFBFBF")
    return {"border": Border(left=thin, right=thin, top=thin, bottom=thin),
            "wrap": Alignment(wrap_text=True, vertical="top"),
            "head_font": Font(bold=True, color="FFFFFF"), "head_fill": PatternFill("solid", fgColor=HEADER_FILL),
            "head_align": Alignment(horizontal="center", vertical="center", wrap_text=True)}


def ledger_sheet(ws, columns: Sequence[str], rows: Iterable[tuple[Sequence, str]]) -> None:
    """Fill ws as a ledger: a styled header, one row per (cells, status) with the 核查结论
    cell coloured by status, widths fitted to Chinese text, frozen header and filters."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    st = _styles()
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment, cell.border = st["head_font"], st["head_fill"], st["head_align"], st["border"]
    verdict_col = columns.index("核查结论") + 1
    widths = [display_width(name) for name in columns]
    for cells, status in rows:
        ws.append([_safe(v) for v in cells])
        excel_row = ws.max_row
        for k, cell in enumerate(ws[excel_row]):
            if isinstance(cell.value, str):
                if cell.value.startswith("="):
                    cell.data_type = "s"  # document text is never a formula
                widths[k] = max(widths[k], max(display_width(line) for line in cell.value.split("\n")))
            else:
                widths[k] = max(widths[k], display_width(str(cell.value or "")))
            cell.alignment = st["wrap"]
            cell.border = st["border"]
        verdict = ws.cell(excel_row, verdict_col)
        verdict.fill = PatternFill("solid", fgColor=FILLS[status])
        verdict.font = Font(bold=True, color=FONTS[status])
        verdict.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for k, name in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(k)].width = max(MIN_WIDTH, min(widths[k - 1] + 2, MAX_WIDTH.get(name, 16)))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    ws.sheet_view.zoomScale = 100
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"


def write_ledger(comparison, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ledger_sheet(ws, COLUMNS, ((r.cells(), r.status) for r in rows(comparison.items)))

    tot = wb.create_sheet(TOTALS)
    plan, summary = comparison.plan.document, comparison.summary.document
    meta = [("计划", plan.title or plan.path or ""), ("计划文件", plan.path or ""),
            ("总结", summary.title or summary.path or ""), ("总结文件", summary.path or ""),
            ("总结期间", f"{comparison.period.year or ''}年{comparison.period.label}"), ("", "")]
    for k, v in meta:
        tot.append([k, v])
    head = tot.max_row + 1
    tot.append(["核查结论", "项数", "占比"])
    for cell in tot[head]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    totals = comparison.totals
    n = sum(totals.values())
    for status, count in totals.items():
        tot.append([VERDICT[status], count, count / n if n else 0.0])
        label = tot.cell(tot.max_row, 1)
        label.fill = PatternFill("solid", fgColor=FILLS[status])
        label.font = Font(bold=True, color=FONTS[status])
        tot.cell(tot.max_row, 3).number_format = "0.0%"
    tot.append(["合计", n, 1.0 if n else 0.0])
    tot.cell(tot.max_row, 1).font = Font(bold=True)
    tot.cell(tot.max_row, 3).number_format = "0.0%"
    tot.column_dimensions["A"].width = 12
    tot.column_dimensions["B"].width = max(12, min(60, max(display_width(str(v)) for _, v in meta) + 2))
    tot.column_dimensions["C"].width = 10
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


ARCHIVE_COLUMNS = ("计划文件", "总结文件") + COLUMNS
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique worksheet name (31 characters, none of []:*?/\\)."""
    base = _SHEET_BAD.sub("_", name or "未注明单位").strip("'") or "未注明单位"
    base, n, out = base[:31], 2, base[:31]
    while out.lower() in taken:
        suffix = f"({n})"
        out, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(out.lower())
    return out


def write_archive_ledger(ledger: Iterable[dict[str, Any]], pairs: Sequence[dict[str, Any]],
                         path: str | Path) -> Path:
    """The whole archive's ledger: one sheet per issuer (rows of the batch ledger table), and
    a 配对情况 sheet listing every pair and every document left unpaired, with the reason."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    wb = Workbook()
    overview = wb.active
    overview.title = "配对情况"
    head = ["计划文件", "总结文件", "发文单位", "年度", "状态", "说明", "已落实", "部分落实", "未落实"]
    overview.append(head)
    for cell in overview[1]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
    by_issuer: dict[str, list[tuple[Sequence, str]]] = {}
    totals: dict[tuple[str, str], dict[str, int]] = {}
    for r in ledger:
        cells = (r["plan"], r["summary"], r["number"], r["task"], r["content"], r["lead"], r["support"],
                 r["deadlines"], r["quotas"], r["evidence"], r["verdict"], r["reason"])
        by_issuer.setdefault(r["issuer"] or "", []).append((cells, r["status"]))
        t = totals.setdefault((r["plan"], r["summary"]), dict.fromkeys(VERDICT, 0))
        t[r["status"]] += 1
    state = {"paired": "已配对", "unpaired": "未配对", "failed": "比对失败"}
    for p in pairs:
        t = totals.get((p["plan"], p["summary"]), {})
        overview.append([_safe(p["plan"] or ""), _safe(p["summary"] or ""), _safe(p["issuer"] or ""), p["year"],
                         state.get(p["status"], p["status"]), _safe(p["reason"] or ""),
                         *(t.get(s, None) if t else None for s in VERDICT)])
    for k, width in enumerate((40, 40, 24, 8, 10, 60, 10, 10, 10)):
        overview.column_dimensions[chr(ord("A") + k)].width = width
    overview.freeze_panes = "A2"
    taken = {overview.title.lower()}
    for issuer in sorted(by_issuer):
        ledger_sheet(wb.create_sheet(sheet_name(issuer, taken)), ARCHIVE_COLUMNS, by_issuer[issuer])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path
