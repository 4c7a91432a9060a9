"""The Excel ledger (督查台账): one row per judged task, status colours, frozen header,
filters, wrapped text, column widths sized for Chinese text, and a totals sheet."""
from __future__ import annotations

import unicodedata
from pathlib import Path

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


def write_ledger(comparison, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    ledger = rows(comparison.items)
    for r in ledger:
        ws.append([_safe(v) for v in r.cells()])
        excel_row = ws.max_row
        for cell in ws[excel_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # document text is never a formula
            cell.alignment = wrap
            cell.border = border
        verdict = ws.cell(excel_row, COLUMNS.index("核查结论") + 1)
        verdict.fill = PatternFill("solid", fgColor=FILLS[r.status])
        verdict.font = Font(bold=True, color=FONTS[r.status])
        verdict.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for k, name in enumerate(COLUMNS, 1):
        longest = max([display_width(name)] + [max((display_width(line) for line in str(c.value or "").split("\n")),
                                                   default=0) for c in ws[get_column_letter(k)][1:]])
        ws.column_dimensions[get_column_letter(k)].width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH.get(name, 16)))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    ws.sheet_view.zoomScale = 100
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"

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
