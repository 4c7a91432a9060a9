"""Regenerate tests/data (small real files for the test suite).

    python scripts/make_fixtures.py     # needs python-docx, pypdf, reportlab, LibreOffice

The LibreOffice rendering of the numbering fixture is saved next to it
(numbering_formats.lo.txt) and serves as the oracle in tests/ingest/test_docx.py.
"""
from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from docxgen import DocxBuilder, soffice_convert  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
PLAN = "关于开展节能降碳专项行动的工作方案\n一、总体要求\n（一）工作目标。每季度至少开展1次检查。\n（二）基本原则。坚持问题导向。\n二、重点任务\n1.加强宣传。由办公室牵头。\n2.强化督查。2024年6月底前完成。\n"


def texts() -> None:
    (DATA / "plan_utf8.txt").write_text(PLAN, encoding="utf-8")
    (DATA / "plan_gbk.txt").write_bytes(PLAN.encode("gbk"))
    (DATA / "plan_gb18030.txt").write_bytes((PLAN + "㐀𠀀\n").encode("gb18030"))
    (DATA / "plan_utf16le.txt").write_bytes(PLAN.encode("utf-16"))  # with BOM
    (DATA / "plan_utf16be.txt").write_bytes(b"\xfe\xff" + PLAN.encode("utf-16-be"))
    (DATA / "plan_utf8bom_crlf.txt").write_bytes(b"\xef\xbb\xbf" + PLAN.replace("\n", "\r\n").encode("utf-8"))
    (DATA / "plan_cr.txt").write_bytes(PLAN.replace("\n", "\r").encode("utf-8"))
    (DATA / "empty.txt").write_bytes(b"")
    (DATA / "whitespace.txt").write_bytes(" \n\t\r\n\u3000\n".encode("utf-8"))
    (DATA / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (DATA / "no_numbering.txt").write_text("关于加强机关作风建设的通知\n各科室要切实加强作风建设，认真履职尽责。\n", encoding="utf-8")


def numbering_docx() -> Path:
    b = DocxBuilder(size=12)
    main, abstract = b.add_list([("chineseCountingThousand", "%1、", 1), ("chineseCounting", "（%2）", 1),
                                 ("decimalFullWidth", "%3．", 1), ("decimal", "%1.%2.%3", 1),
                                 ("decimalEnclosedCircleChinese", "%5", 1)], suffix="nothing")
    b.para("编号格式测试方案", center=True)
    b.para("总体要求", num=(main, 0))
    b.para("工作目标", num=(main, 1))
    b.para("基本原则", num=(main, 1))
    b.para("分项一", num=(main, 2))
    b.para("分项二", num=(main, 2))
    b.para("重点任务", num=(main, 0))  # level 1 and 2 restart under it
    b.para("加强学习", num=(main, 1))
    b.para("圈号一", num=(main, 4))
    b.para("圈号二", num=(main, 4))
    for _ in range(10):
        b.para("占位段落", num=(main, 0))  # counts past 十: 十一
    rules, _ = b.add_list([("chineseCounting", "第%1条", 1)], suffix="space")
    b.para("第一项规定", num=(rules, 0))
    b.para("第二项规定", num=(rules, 0))
    gan, _ = b.add_list([("ideographTraditional", "%1.", 1)], suffix="nothing")
    for t in ("天干一", "天干二", "天干三"):
        b.para(t, num=(gan, 0))
    restart, _ = b.add_list([], starts={0: 1}, abstract=abstract)  # same abstract, restarted
    b.para("重新编号", num=(restart, 0))
    b.para("继续编号", num=(restart, 0))
    b.table([["任务", "牵头单位"], ["加强学习", "办公室"]])
    out = DATA / "numbering_formats.docx"
    b.save(out)
    return out


def libreoffice_text(docx: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        return soffice_convert(docx, "txt:Text (encoded):UTF8", Path(tmp)).read_text(encoding="utf-8-sig")


def broken_docx(good: Path) -> None:
    data = good.read_bytes()
    (DATA / "truncated.docx").write_bytes(data[: len(data) // 2])
    (DATA / "doc_renamed.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    (DATA / "xlsx_renamed.docx").write_bytes(_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}))
    secret = DATA / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n", encoding="utf-8")
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    head, _, rest = xml.partition("?>")
    xxe = (head + '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "secret.txt">]>'
           + rest.replace("总体要求", "&xxe;", 1))
    parts["word/document.xml"] = xxe.encode("utf-8")
    (DATA / "xxe.docx").write_bytes(_zip(parts))


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buf.getvalue()


def pdfs() -> None:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    b = DocxBuilder(size=14)
    b.header_footer("节能降碳专项行动", page_numbers=False)
    b.para("关于开展节能降碳专项行动的工作方案", center=True)
    body = ("为深入贯彻落实国家关于碳达峰碳中和的决策部署，推动机关能源资源节约工作走深走实，"
            "切实降低公共机构能源消耗和碳排放强度，结合本单位实际，制定本方案。")
    b.para(body)
    for i in range(1, 31):
        b.para(f"{i}.加强第{i}项节能工作，每季度至少开展1次检查，2024年6月底前完成阶段任务，并将检查结果报送办公室备案。")
    footer = b.doc.sections[0].footer.paragraphs[0]
    footer.text = "第 1 页"
    b.save_pdf(DATA / "wrapped.pdf")
    writer = PdfWriter(clone_from=str(DATA / "wrapped.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(DATA / "encrypted.pdf", "wb") as fh:
        writer.write(fh)
    c = canvas.Canvas(str(DATA / "scanned.pdf"))
    for _ in range(2):
        c.rect(72, 72, 400, 600, fill=1)  # a page image stand-in: drawn, no text layer
        c.showPage()
    c.save()
    (DATA / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    (DATA / "not_a_pdf.pdf").write_bytes("这不是PDF文件".encode("utf-8"))
    assert PdfReader(str(DATA / "encrypted.pdf")).is_encrypted


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    texts()
    docx = numbering_docx()
    (DATA / "numbering_formats.lo.txt").write_text(libreoffice_text(docx), encoding="utf-8")
    broken_docx(docx)
    pdfs()
    print("fixtures written to", DATA)


if __name__ == "__main__":
    main()
