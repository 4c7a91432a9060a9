import re
import subprocess
import tracemalloc
import zipfile

import pytest

import policytext
from policytext.errors import CorruptFileError, HostileFileError, UnsupportedFormatError
from policytext.ingest.numbering import format_number
from tests.conftest import CORPUS, soffice


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (101, "chineseCounting", "一百零一"),
    (12, "chineseCountingThousand", "十二"), (3, "ideographTraditional", "丙"),
    (2, "decimalEnclosedCircle", "②"), (21, "decimalEnclosedCircleChinese", "㉑"),
    (7, "decimalFullWidth", "７"), (4, "upperRoman", "IV"), (27, "lowerLetter", "aa"),
    (3, "chineseLegalSimplified", "叁"), (2024, "ideographDigital", "二〇二四"), (5, "decimalZero", "05"),
    (3, "decimalEnclosedParen", "⑶"), (1, "none", ""),
])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_unknown_format_is_reported_not_silent():
    assert format_number(3, "hebrew2") is None


def _norm(text: str) -> list[str]:
    """Lines without indentation or the gap LibreOffice puts after a label; full-width
    digits folded (LibreOffice's text export prints decimalFullWidth as ASCII digits)."""
    table = str.maketrans("０１２３４５６７８９", "0123456789")
    return [re.sub(r"\s+", "", line).translate(table) for line in text.splitlines() if line.strip()]


def test_numbering_matches_libreoffice_rendering(data):
    ours = policytext.read(data / "numbering_formats.docx").text
    oracle = (data / "numbering_formats.lo.txt").read_text(encoding="utf-8")
    assert _norm(ours) == _norm(oracle)
    lines = ours.splitlines()
    assert "１．分项一" in lines and "十一、占位段落" in lines and "第二条 第二项规定" in lines
    assert "甲.天干一" in lines and "①圈号一" in lines


@pytest.mark.oracle
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("path", ["numbering_formats.docx", str(CORPUS / "plan_transport_style_2024.docx")])
def test_numbering_against_live_libreoffice(data, tmp_path, path):
    src = data / path
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=300)
    oracle = (tmp_path / (src.stem + ".txt")).read_text(encoding="utf-8-sig")
    assert _norm(policytext.read(src).text) == _norm(oracle)


def test_auto_numbered_items_are_tasks():
    doc = policytext.read(CORPUS / "plan_transport_style_2024.docx")
    result = policytext.analyze(doc)
    assert doc.meta["auto_numbered_paragraphs"] == 26
    paths = [t.path for t in result.tasks]
    assert paths[:3] == ["一", "二", "二/(一)"]
    assert "二/(三)/2/(1)/②" in paths
    assert all(doc.text[t.start:t.end].startswith(t.marker) for t in result.tasks)


def test_table_cells_in_reading_order(data):
    doc = policytext.read(data / "numbering_formats.docx")
    assert doc.text.rstrip().endswith("任务\n牵头单位\n加强学习\n办公室")
    assert {p.source for p in doc.paragraphs} == {"body", "table"}


@pytest.mark.parametrize("name, error, match", [
    ("truncated.docx", CorruptFileError, "damaged|not a readable"),
    ("doc_renamed.docx", UnsupportedFormatError, "legacy Word .doc"),
    ("xlsx_renamed.docx", UnsupportedFormatError, "not a Word document"),
    ("xxe.docx", HostileFileError, "DOCTYPE"),
])
def test_bad_docx(data, name, error, match):
    with pytest.raises(error, match=match) as info:
        policytext.read(data / name)
    assert name in str(info.value)
    assert "TOP-SECRET" not in str(info.value)


def test_zip_bomb_refused_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.docx"
    chunk = b"<w:p/>" * (1 << 20)  # 6 MiB of XML per write
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(350):  # about 2 GiB once inflated
                fh.write(chunk)
    assert bomb.stat().st_size < 16 << 20
    tracemalloc.start()
    with pytest.raises(HostileFileError, match="zip bomb"):
        policytext.read(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 32 << 20


def test_damaged_member_is_corrupt_not_a_traceback(data, tmp_path):
    good = (data / "numbering_formats.docx").read_bytes()
    with zipfile.ZipFile(data / "numbering_formats.docx") as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    bad = tmp_path / "flipped.docx"
    bad.write_bytes(good[:start] + bytes(b ^ 0xFF for b in good[start:start + 64]) + good[start + 64:])
    with pytest.raises(policytext.PolicyTextError, match="flipped.docx: .*(damaged|not a readable)"):
        policytext.read(bad)


def test_main_part_typed_by_its_extension(tmp_path):
    """[Content_Types].xml may type the main part by a Default (extension) instead of an Override."""
    from tests import bad_input_makers as M

    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = M.PARTS["[Content_Types].xml"].replace('ContentType="application/xml"', f'ContentType="{main}"')
    types = types[:types.index("<Override")] + "</Types>"
    doc = policytext.read(M.docx(tmp_path, **{"[Content_Types].xml": types}))
    assert doc.text.splitlines()[:3] == [M.GOOD, "一、总体要求", "（一）加强学习"]


def test_nested_text_boxes_and_tables_read_in_order(tmp_path):
    from tests import bad_input_makers as M

    box = "<w:p><w:r><w:txbxContent>{}</w:txbxContent></w:r></w:p>"
    inner = M._p("最里面")
    for _ in range(300):  # deeper than Python's recursion would have gone through a recursive walk
        inner = box.format(inner)
    cell = f"<w:tbl><w:tr><w:tc>{M._p('单元格')}<w:tbl><w:tr><w:tc>{M._p('内表')}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
    body = M._p(M.GOOD) + cell + inner + M._p("结尾")
    doc = policytext.read(M.docx(tmp_path, **{"word/document.xml": M._w(f"<w:body>{body}</w:body>")}))
    assert doc.text.split("\n") == [M.GOOD, "单元格", "内表"] + [""] * 300 + ["最里面", "结尾"]
    assert {p.source for p in doc.paragraphs} == {"body", "table", "textbox"}


def _table_docx(path, header, rows):
    import docx

    d = docx.Document()
    d.add_paragraph("某局2024年专项整治实施方案")
    d.add_paragraph("一、重点任务")
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    d.add_paragraph("二、保障措施")
    d.save(path)


def test_a_task_table_reads_as_numbered_items(tmp_path):
    path = tmp_path / "plan.docx"
    _table_docx(path, ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
                [["1", "制定实施细则", "市生态环境局", "各区分局、市执法支队", "2024年3月15日前"],
                 ["2", "开展联合执法检查", "市执法支队", "", "每季度"]])
    doc = policytext.read(path)
    assert "1．制定实施细则（牵头单位：市生态环境局；责任单位：各区分局、市执法支队；完成时限：2024年3月15日前）" in doc.text
    assert "2．开展联合执法检查（牵头单位：市执法支队；完成时限：每季度）" in doc.text
    a = policytext.analyze(doc)
    assert [t.path for t in a.tasks] == ["一", "一/1", "一/2", "二"]
    # a row's heading is its task column, not the columns read after it
    assert [t.heading for t in a.tasks][1:3] == ["制定实施细则", "开展联合执法检查"]
    assert [(u.name, u.role, u.task) for u in a.units][:3] == [("市生态环境局", "lead", "一/1"),
                                                             ("各区分局", "responsible", "一/1"),
                                                             ("市执法支队", "responsible", "一/1")]
    assert [d.date for d in a.deadlines][:1] == ["2024-03-15"]


def test_a_task_row_opening_with_a_figure_stays_an_item(tmp_path):
    path = tmp_path / "plan.docx"
    _table_docx(path, ["序号", "问题", "整改措施"],
                [["1", "代编预算规模偏大", "细化预算编制"], ["2", "3个政府采购项目未公开采购意向", "补充公开"]])
    a = policytext.analyze(policytext.read(path))
    assert [(t.path, t.heading) for t in a.tasks][1:3] == [("一/1", "代编预算规模偏大"), ("一/2", "3个政府采购项目未公开采购意向")]


def test_other_tables_are_read_cell_by_cell(tmp_path):
    path = tmp_path / "plan.docx"
    _table_docx(path, ["任务", "牵头单位", "完成时限"], [["制定实施细则", "市生态环境局", "2024年3月15日前"]])
    lines = policytext.read(path).text.split("\n")
    assert ["任务", "牵头单位", "完成时限", "制定实施细则", "市生态环境局", "2024年3月15日前"] == lines[2:8]


def test_a_cell_knows_its_place_in_its_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某局2024年工作总结")
    t = d.add_table(rows=3, cols=3)
    for r, cells in enumerate([["指标", "计划", "完成"], ["集中学习", "不少于12次", "13次"], ["", "", "全年"]]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    t.cell(2, 0).merge(t.cell(2, 1))  # one cell over two columns: the next counts on after it
    t.cell(2, 0).text = "达标率"
    d.add_paragraph("二、下一步")
    path = tmp_path / "s.docx"
    d.save(path)
    doc = policytext.read(path)
    cells = [(doc.paragraph_text(p), tuple(p.cell)) for p in doc.paragraphs if p.cell is not None]
    assert cells == [("指标", (0, 0, 0)), ("计划", (0, 0, 1)), ("完成", (0, 0, 2)), ("集中学习", (0, 1, 0)),
                     ("不少于12次", (0, 1, 1)), ("13次", (0, 1, 2)), ("达标率", (0, 2, 0)), ("全年", (0, 2, 2))]
    assert doc.paragraphs[1].to_dict()["cell"] == [0, 0, 0] and "cell" not in doc.paragraphs[0].to_dict()
