import pytest
from openpyxl import load_workbook

import policytext
from policytext.report.excel import display_width
from policytext.report.ledger import COLUMNS, REVIEW_MARK
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


HEAD = 2  # the title row, then the header


def test_ledger_rows_read_back(tax, book):
    ws = book["督查台账"]
    assert [c.value for c in ws[HEAD]] == list(COLUMNS)
    assert ws.max_row == len(tax.items) + HEAD
    col = {name: k for k, name in enumerate(COLUMNS, 1)}
    by_task = {ws.cell(r, col["任务编号"]).value: r for r in range(HEAD + 1, ws.max_row + 1)}
    r = by_task["一/1"]
    assert ws.cell(r, col["序号"]).value == 1
    assert ws.cell(r, col["任务内容"]).value.startswith("深入学习贯彻党的二十大精神")
    assert ws.cell(r, col["牵头单位"]).value == "机关党委" and ws.cell(r, col["配合单位"]).value == "各党支部"
    assert ws.cell(r, col["完成时限"]).value == "2024年6月底前"
    assert "每季度至少开展1次（≥4次）" in ws.cell(r, col["量化指标"]).value
    assert "全年共开展专题学习3次" in ws.cell(r, col["落实情况（总结原文）"]).value
    assert ws.cell(r, col["是否按期完成"]).value == "是"  # 6月底前, reported done in May
    assert ws.cell(r, col["核查结论"]).value == "部分落实"
    assert ws.cell(r, col["说明"]).value.startswith("部分落实：")
    # (and the review mark when the fitted model is unsure of it: the refitted model decides)
    first = next(it for it in tax.items if it.task.path == "一/1")
    assert ws.cell(r, col["标记"]).value == "数量未达标" + (f"；{REVIEW_MARK}" if first.review else "")
    assert ws.cell(r, col["备注"]).value is None


def test_title_row_names_plan_summary_issuer_period_and_date(tax, tmp_path):
    import datetime as dt

    ws = load_workbook(tax.to_excel(tmp_path / "l.xlsx", checked=dt.date(2025, 1, 15)))["督查台账"]
    title = ws["A1"].value
    for part in ("计划：江州市税务局机关党委2024年党建工作要点", "总结：江州市税务局机关党委2024年党建工作总结",
                 "发文单位：江州市税务局机关党委", "总结期间：2024年全年", "核查日期：2025-01-15"):
        assert part in title
    assert f"A1:{chr(ord('A') + len(COLUMNS) - 1)}1" in [str(m) for m in ws.merged_cells.ranges]


def test_verdicts_are_a_dropdown_coloured_by_value(tax, book):
    ws = book["督查台账"]
    letter = chr(ord("A") + COLUMNS.index("核查结论"))
    span = f"{letter}{HEAD + 1}:{letter}{ws.max_row}"
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"已落实,部分落实,未落实"' and str(dv.sqref) == span
    rules = {r.formula[0]: r.dxf.fill.bgColor.rgb[-6:] for cf in ws.conditional_formatting for r in cf.rules
             if str(cf.sqref) == span and r.operator == "equal"}
    assert rules == {'"已落实"': GREEN, '"部分落实"': YELLOW, '"未落实"': RED}
    # the colour follows the value, not a fill fixed at writing time
    assert all(ws[f"{letter}{r}"].fill.fill_type is None for r in range(HEAD + 1, ws.max_row + 1))
    assert {ws[f"{letter}{r}"].value for r in range(HEAD + 1, ws.max_row + 1)} == {"已落实", "部分落实", "未落实"}


def test_print_setup(book):
    ws = book["督查台账"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # None: the default, 1
    assert ws.print_title_rows == "$1:$2"


def test_row_heights_follow_the_text(tax, book):
    from policytext.report.excel import LINE_POINTS, line_count

    ws = book["督查台账"]
    widths = [ws.column_dimensions[chr(ord("A") + k)].width for k in range(len(COLUMNS))]
    for r in range(HEAD + 1, ws.max_row + 1):
        lines = max(line_count(str(ws.cell(r, k + 1).value or ""), widths[k]) for k in range(len(COLUMNS)))
        assert ws.row_dimensions[r].height >= lines * LINE_POINTS
    tallest = max(ws.row_dimensions[r].height for r in range(HEAD + 1, ws.max_row + 1))
    assert tallest >= 4 * LINE_POINTS  # some reasons run over several lines


def test_layout(book):
    ws = book["督查台账"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:M{ws.max_row}"
    assert all(ws.cell(HEAD + 1, k).alignment.wrap_text for k in range(1, len(COLUMNS) + 1))
    widths = {name: ws.column_dimensions[chr(ord("A") + k)].width for k, name in enumerate(COLUMNS)}
    assert widths["任务内容"] >= 30 and widths["落实情况（总结原文）"] >= 30 and widths["序号"] <= 10
    assert widths["核查结论"] >= display_width("部分落实")
    assert sum(widths.values()) <= 230  # 13 columns on one A4 landscape page at a readable scale


def test_totals_sheet(tax, book):
    ws = book["汇总"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0]}
    assert rows["已落实"][0] == tax.totals["implemented"]
    assert rows["部分落实"][0] == tax.totals["partial"]
    assert rows["未落实"][0] == tax.totals["missing"]
    assert rows["合计"][0] == len(tax.items)
    assert rows["总结期间"][0] == "2024年全年"
    assert "人工核定后" not in rows["核查结论"]


def test_formula_and_control_characters_stay_text(tmp_path):
    from policytext.compare import StatusModel

    plan = "某局2024年工作要点\n一、任务\n1.=SUM(A1:A9)开展学习\x0b活动。每季度至少开展1次学习。"
    summary = "某局2024年工作总结\n一、情况\n全年开展学习4次。"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary), model=StatusModel.load())
    ws = load_workbook(c.to_excel(tmp_path / "l.xlsx"))["督查台账"]
    cell = ws.cell(HEAD + 1, COLUMNS.index("任务内容") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=SUM(A1:A9)")
    assert "\\x0b" in cell.value  # a control character XML cannot hold is shown, not dropped


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+86 热线", "-1次", "@某局", "=1+1", "0012", "1e5", "http://x.cn",
                                  " 前后空格 ", "=HYPERLINK(\"http://x\")"])
def test_every_string_is_written_as_a_string(tmp_path, text):
    from policytext.report.excel import ARCHIVE_COLUMNS, write_archive_ledger

    row = {k: text for k in ("issuer", "plan", "summary", "task", "content", "lead", "support", "deadlines",
                             "quotas", "evidence", "reason")}
    row.update(number=1, status="partial", verdict="部分落实", flags="", on_time="是")
    ws = load_workbook(write_archive_ledger([row], [], tmp_path / "a.xlsx"))["督查台账"]
    for name in ("发文单位", "计划文件", "任务内容", "落实情况（总结原文）", "说明"):
        cell = ws.cell(HEAD + 1, ARCHIVE_COLUMNS.index(name) + 1)
        assert (cell.data_type, cell.value) == ("s", text)


@pytest.mark.parametrize("verdicts, expected", [
    ((), "—"), (("met",), "是"), (("met", "met"), "是"), (("missed",), "否"), (("met", "missed"), "否"),
    (("not_due",), "未到期"), (("met", "not_due"), "未到期"), (("unreported",), "未报告"),
    (("not_due", "unreported"), "未报告"), (("unreported", "missed"), "否"),
])
def test_on_time(verdicts, expected):
    from policytext.report.ledger import on_time

    assert on_time(verdicts) == expected


@pytest.mark.parametrize("flags, expected", [
    ((), ""), (("quota_unmet",), "数量未达标"), (("quota_unmet", "placeholder"), "数量未达标；含未填数字"),
    (("future_only", "negated", "deadline_missed", "weak_evidence"), "仅有计划表述；总结称未完成；逾期完成；证据不足"),
])
def test_flag_text(flags, expected):
    from policytext.report.ledger import flag_text

    assert flag_text(flags) == expected


def test_every_flag_has_chinese_text():
    from policytext.compare.status import FLAGS
    from policytext.report.ledger import FLAG_TEXT

    assert set(FLAG_TEXT) == set(FLAGS)


@pytest.mark.parametrize("text, width, lines", [
    ("", 10, 1), ("abc", 10, 1), ("一二三四", 10, 1), ("一二三四五六", 10, 2), ("一" * 40, 20, 5),
    ("短\n短\n短", 30, 3), ("a" * 18, 10, 3),
])
def test_line_count(text, width, lines):
    from policytext.report.excel import line_count

    assert line_count(text, width) == lines


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


def test_a_verdict_the_machine_is_unsure_of_is_marked_for_review(tax):
    import dataclasses

    from policytext.compare.overrides import Override
    from policytext.report.html import badge_marks
    from policytext.report.ledger import REVIEW_MARK, row

    sure = next(it for it in tax.items if it.status == "partial" and "quota_unmet" in it.flags and not it.review)
    assert sure.certainty is not None and not sure.review
    unsure = dataclasses.replace(sure, certainty=0.41)
    assert row(1, sure).mark == "数量未达标"
    assert row(1, unsure).mark == f"数量未达标；{REVIEW_MARK}"
    assert badge_marks(unsure)[-1][:2] == ("review", REVIEW_MARK) and "0.41" in badge_marks(unsure)[-1][2]
    assert all(cls != "review" for cls, _, _ in badge_marks(sure))
    # once an inspector has judged it, it is no longer waiting for review
    ov = Override(sure.task.path, "partial", "已核实", "", "张三", None)
    assert REVIEW_MARK not in row(1, unsure, ov).mark
    assert all(cls != "review" for cls, _, _ in badge_marks(unsure, ov))


def test_frame_has_the_certainty_and_the_review_mark(tax):
    df = tax.to_frame()
    assert str(df["certainty"].dtype) == "Float64" and df["review"].dtype == bool
    assert df["certainty"].between(0, 1).all()
    assert (df["review"] == [it.review for it in tax.items]).all()
