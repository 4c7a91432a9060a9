"""Makers of bad and hostile input for tests/test_bad_input.py: each takes a folder and returns
the file (or archive folder) it made there.  Everything is small or made in well under a second."""
from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
from pathlib import Path

from tests.conftest import CORPUS, DATA

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PLAN = (DATA / "plan_utf8.txt").read_text(encoding="utf-8")
GOOD = "关于加强学习的工作方案"  # the first line of every .docx made here
SECRET = "TOP-SECRET"


def _w(body: str, root: str = "w:document") -> str:
    return f'{DECL}<{root} xmlns:w="{W_NS}">{body}</{root}>'


def _p(text: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


NUMBERED = '<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
BODY = (_p(GOOD) + _p("一、总体要求") + _p("加强学习", NUMBERED.format(ilvl="0")) + _p("每月开展1次集中学习。")
        + '<w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr><w:r><w:t>按时报送</w:t></w:r>'
          '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        + '<w:sectPr><w:headerReference w:type="default" r:id="rH"/><w:footerReference w:type="default" r:id="rF"/>'
          '</w:sectPr>')
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
PARTS = {
    "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": DECL + f'<Relationships xmlns="{PKG_R}">'
        f'<Relationship Id="r1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/></Relationships>',
    "word/_rels/document.xml.rels": DECL + f'<Relationships xmlns="{PKG_R}">'
        + "".join(f'<Relationship Id="{i}" Type="{R_NS}/{t}" Target="{n}"/>' for i, t, n in (
            ("rS", "styles", "styles.xml"), ("rN", "numbering", "numbering.xml"), ("rH", "header", "header1.xml"),
            ("rF", "footer", "footer1.xml"), ("rT", "footnotes", "footnotes.xml"), ("rE", "settings", "settings.xml")))
        + "</Relationships>",
    "word/document.xml": _w(f'<w:body>{BODY}</w:body>').replace("<w:document ", f'<w:document xmlns:r="{R_NS}" '),
    "word/styles.xml": _w('<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
                          '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>', "w:styles"),
    "word/numbering.xml": _w('<w:abstractNum w:abstractNumId="0">'
                             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                             '<w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>'
                             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                             '<w:lvlText w:val="%2."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
                             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>', "w:numbering"),
    "word/header1.xml": _w(_p("页眉"), "w:hdr"),
    "word/footer1.xml": _w(_p("页脚"), "w:ftr"),
    "word/footnotes.xml": _w('<w:footnote w:id="1">' + _p("脚注") + "</w:footnote>", "w:footnotes"),
    "word/settings.xml": _w('<w:zoom w:percent="100"/>', "w:settings"),
    "docProps/core.xml": DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>方案</dc:title>'
        "</cp:coreProperties>",
}
XML_PARTS = tuple(PARTS)


def docx(d: Path, name: str = "plan.docx", **replace: str | bytes) -> Path:
    """The small valid .docx above (every XML part a Word file has), some parts replaced."""
    p = d / name
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in {**PARTS, **{k.replace("__", "/"): v for k, v in replace.items()}}.items():
            z.writestr(part, xml)
    return p


def with_part(part: str, xml: str | bytes):
    return lambda d: docx(d, **{part: xml})


def xxe(part: str):
    """An external entity in part, pointing at a secret file next to the document."""
    def make(d: Path) -> Path:
        (d / "secret.txt").write_text(SECRET)
        xml = PARTS[part]
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{d / "secret.txt"}">]>'
        xml = xml.replace(DECL, DECL + doctype, 1).replace("<w:t>加强学习", "<w:t>&xxe;加强学习")
        return docx(d, **{part: xml})
    return make


def laughs(part: str):
    """Billion laughs: ten entities each ten times the one before, a gigabyte once expanded."""
    ents = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = PARTS[part].replace(DECL, DECL + f"<!DOCTYPE x [{ents}]>", 1).replace("<w:t>加强学习", "<w:t>&lol9;")
    return with_part(part, xml)


def doctype_after_long_comment(d: Path) -> Path:
    xml = PARTS["word/document.xml"].replace(DECL, DECL + "<!--" + " " * 10_000 + '-->\n<!DOCTYPE x [<!ENTITY e "e">]>')
    return docx(d, **{"word/document.xml": xml})


def utf16_part(with_doctype: bool):
    xml = PARTS["word/document.xml"].replace('encoding="UTF-8"', 'encoding="UTF-16"')
    if with_doctype:
        xml = xml.replace("?>\n", '?>\n<!DOCTYPE x [<!ENTITY e "e">]>', 1)
    return with_part("word/document.xml", b"\xff\xfe" + xml.encode("utf-16-le"))


def sdt_nested(depth: int, inner: str = "嵌套内容控件里的任务"):
    body = "<w:sdt><w:sdtContent>" * depth + _p(inner) + "</w:sdtContent></w:sdt>" * depth
    return with_part("word/document.xml", _w(f"<w:body>{_p(GOOD)}{body}</w:body>"))


def repetitive_docx(d: Path) -> Path:
    """A legitimate document that compresses more than 300:1 (the same table row, repeated)."""
    body = _p(GOOD) + _p("一、工作任务") + _p("每月开展1次集中学习，按时报送学习记录。") * 60_000
    return docx(d, **{"word/document.xml": _w(f"<w:body>{body}</w:body>")})


def declared_size(d: Path, name: str, member: str, size: int, make=None) -> Path:
    """A zip whose member declares size bytes once inflated (headers patched, data unchanged)."""
    p = make(d) if make else docx(d, name)
    data = bytearray(p.read_bytes())
    with zipfile.ZipFile(p) as z:
        info = z.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, size)  # the local header's uncompressed size
    pos = data.find(b"PK\x01\x02", 0)
    while pos != -1:  # the central directory entry of this member
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n].decode() == member:
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    p.write_bytes(bytes(data))
    return p


def many_members(d: Path) -> Path:
    return docx(d, **{f"word/media/m{i}.xml": "<a/>" for i in range(6000)})


def cut(make, fraction: float, suffix: str):
    def made(d: Path) -> Path:
        src = make(d)
        data = src.read_bytes()
        out = d / f"cut{suffix}"
        out.write_bytes(data[:int(len(data) * fraction)])
        return out
    return made


def corpus_copy(name: str, as_name: str | None = None):
    def make(d: Path) -> Path:
        p = d / (as_name or name)
        p.write_bytes((CORPUS / name).read_bytes())
        return p
    return make


def text_file(data: bytes, name: str = "plan.txt"):
    def make(d: Path) -> Path:
        p = d / name
        p.write_bytes(data)
        return p
    return make


def pdf_with_javascript(d: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    w = PdfWriter(clone_from=PdfReader(CORPUS / "plan_datagov_2024.pdf"))
    js = f"app.alert('{SECRET}'); this.submitForm('http://example.invalid/');"
    w._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(js)})
    p = d / "js.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    return p


def pdf_broken_xref(d: Path) -> Path:
    """Every offset the cross-reference table gives is wrong (PDFium rebuilds it from the objects)."""
    data = (CORPUS / "plan_datagov_2024.pdf").read_bytes()
    start = data.rindex(b"startxref")
    p = d / "xref.pdf"
    p.write_bytes(data[:start] + b"startxref\n123\n%%EOF\n")
    return p


def pdf_pages(n: int):
    def make(d: Path) -> Path:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter()
        page = w.add_page(PdfReader(CORPUS / "plan_datagov_2024.pdf").pages[0])
        for _ in range(n - 1):
            w.add_page(page)
        p = d / "pages.pdf"
        with open(p, "wb") as fh:
            w.write(fh)
        return p
    return make


def archive(members: dict[str, bytes | str] | None = None, links: dict[str, str] | None = None, extra=None):
    """An archive folder: one good plan, and a.zip holding members (and symlink members)."""
    def make(d: Path) -> Path:
        root = d / "archive"
        root.mkdir()
        (root / "good.txt").write_text(PLAN, encoding="utf-8")
        if members is not None or links:
            with zipfile.ZipFile(root / "a.zip", "w", zipfile.ZIP_DEFLATED) as z:
                for name, data in (members or {}).items():
                    z.writestr(name, data)
                for name, target in (links or {}).items():
                    info = zipfile.ZipInfo(name)
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    z.writestr(info, target)
        if extra:
            extra(root)
        return root
    return make


def nested_zip() -> bytes:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("plan.txt", PLAN)
    return inner.getvalue()


def zip_declaring(size: int):
    def make(d: Path) -> Path:
        root = archive({"big.txt": PLAN})(d)
        declared_size(root, "a.zip", "big.txt", size, make=lambda _: root / "a.zip")
        return root
    return make


def zip_cut(fraction: float):
    def make(d: Path) -> Path:
        root = archive({"plan.txt": PLAN, "plan2.txt": PLAN.replace("节能", "减排")})(d)
        data = (root / "a.zip").read_bytes()
        (root / "a.zip").write_bytes(data[:int(len(data) * fraction)])
        return root
    return make


def symlink_loop_on_disk(root: Path) -> None:
    os.symlink("b.txt", root / "a.txt")
    os.symlink("a.txt", root / "b.txt")


def folder_loop_on_disk(root: Path) -> None:
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "loop")


def png_cut_short(d: Path) -> Path:
    from PIL import Image

    p = d / "scan.png"
    Image.effect_noise((600, 800), 60).convert("RGB").save(p)
    p.write_bytes(p.read_bytes()[:4000])
    return p


def png_bomb(d: Path) -> Path:
    """200 million one-bit pixels in a few kilobytes."""
    from PIL import Image

    p = d / "scan.png"
    Image.new("1", (20000, 10000)).save(p)
    return p
