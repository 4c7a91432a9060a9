import pytest
from openpyxl import load_workbook

import policytext
from policytext.report.excel import display_width
from policytext.report.ledger import COLUMNS
from tests.compare.conftest import CORPUS

GREEN, YELLOW, RED = "C6EFCE", "FFEB9C", "FFC7CE"


@pytest.fixture(scope="module")
def tax():
    from policytext.compare import StatusModel

    return policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt",
                              model=StatusModel.load())


@pytest.fixture(scope="module")
def book(tax, tmp_path_factory):
    path = tax.to_excel(tmp_path_factory.mktemp("x") / "ledger.xlsx")
    return load_workbook(path)


def test_ledger_rows_read_back(tax, book):
    ws = book["督查台账"]
    assert [c.value for c in ws[1]] == list(COLUMNS)
    assert ws.max_row == len(tax.items) + 1
    by_task = {ws.cell(r, 2).value: r for r in range(2, ws.max_row + 1)}
    r = by_task["一/1"]
    assert ws.cell(r, 1).value == 1
    assert ws.cell(r, 3).value.startswith("深入学习贯彻党的二十大精神")
    assert ws.cell(r, 4).value == "机关党委" and ws.cell(r, 5).value == "各党支部"
    assert ws.cell(r, 6).value == "2024年6月底前"
    assert "每季度至少开展1次（≥4次）" in ws.cell(r, 7).value
    assert "全年共开展专题学习3次" in ws.cell(r, 8).value
    assert ws.cell(r, 9).value == "部分落实"
    assert ws.cell(r, 10).value.startswith("部分落实：")


def test_status_colours(tax, book):
    ws = book["督查台账"]
    colours = {"已落实": GREEN, "部分落实": YELLOW, "未落实": RED}
    seen = set()
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, COLUMNS.index("核查结论") + 1)
        assert cell.fill.fgColor.rgb.endswith(colours[cell.value])
        seen.add(cell.value)
    assert seen == set(colours)


def test_layout(book):
    ws = book["督查台账"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:J")
    assert all(ws.cell(2, k).alignment.wrap_text for k in range(1, len(COLUMNS) + 1))
    widths = {name: ws.column_dimensions[chr(ord("A") + k)].width for k, name in enumerate(COLUMNS)}
    assert widths["任务内容"] >= 40 and widths["落实情况（总结原文）"] >= 40 and widths["序号"] <= 10
    assert widths["核查结论"] >= display_width("部分落实")


def test_totals_sheet(tax, book):
    ws = book["汇总"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0]}
    assert rows["已落实"][0] == tax.totals["implemented"]
    assert rows["部分落实"][0] == tax.totals["partial"]
    assert rows["未落实"][0] == tax.totals["missing"]
    assert rows["合计"][0] == len(tax.items)
    assert rows["总结期间"][0] == "2024年全年"


def test_formula_and_control_characters_stay_text(tmp_path):
    from policytext.compare import StatusModel

    plan = "某局2024年工作要点\n一、任务\n1.=SUM(A1:A9)开展学习\x0b活动。每季度至少开展1次学习。"
    summary = "某局2024年工作总结\n一、情况\n全年开展学习4次。"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary), model=StatusModel.load())
    ws = load_workbook(c.to_excel(tmp_path / "l.xlsx"))["督查台账"]
    content = ws.cell(2, 3).value
    assert content.startswith("=SUM(A1:A9)") and ws.cell(2, 3).data_type == "s"
    assert "\\x0b" in content


def test_display_width():
    assert display_width("部分落实") == 8 and display_width("ab1") == 3 and display_width("（一）") == 6


def test_frame_types(tax):
    df = tax.to_frame()
    assert len(df) == len(tax.items)
    assert list(df["status"].cat.categories) == ["implemented", "partial", "missing"]
    assert str(df["score"].dtype) == "float64" and str(df["evidence_start"].dtype) == "Int64"
    assert str(df["deadline_date"].dtype).startswith("datetime64")
    assert df["quota_unmet"].dtype == bool
    row = df.set_index("task").loc["一/1"]
    assert row["status"] == "partial" and row["lead"] == "机关党委" and row["quotas_unmet"] == 1
    assert str(row["deadline_date"].date()) == "2024-06-30"
