"""Build .docx files with real Word automatic numbering (numbering.xml), for the corpus
and the test fixtures. Developer tool: needs python-docx; not part of the package."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

# One abstract list: per level (numFmt, lvlText, start).
CHINESE_OFFICIAL = [
    ("chineseCounting", "%1、", 1),
    ("chineseCounting", "（%2）", 1),
    ("decimal", "%3.", 1),
    ("decimal", "（%4）", 1),
    ("decimalEnclosedCircle", "%5", 1),
]


def _abstract_xml(aid: int, levels, suffix: str = "nothing") -> str:
    lvls = []
    for i, (fmt, text, start) in enumerate(levels):
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')


def _num_xml(nid: int, aid: int, starts: dict[int, int] | None) -> str:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                        for k, v in (starts or {}).items())
    return f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


class DocxBuilder:
    def __init__(self, font: str = "Noto Serif CJK SC", size: float = 16) -> None:
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(size)
        rpr = normal.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = parse_xml(f'<w:rFonts {nsdecls("w")}/>')
            rpr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        self.numbering = self.doc.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100

    def add_list(self, levels, starts: dict[int, int] | None = None, abstract: int | None = None,
                 suffix: str = "nothing") -> tuple[int, int]:
        """Register a numbering (a new abstract unless one is given); returns (numId, abstractId)."""
        if abstract is None:
            abstract = self.next_abstract
            self.next_abstract += 1
            first_num = self.numbering.find(qn("w:num"))
            el = parse_xml(_abstract_xml(abstract, levels, suffix))
            if first_num is not None:
                first_num.addprevious(el)
            else:
                self.numbering.append(el)
        nid = self.next_num
        self.next_num += 1
        self.numbering.append(parse_xml(_num_xml(nid, abstract, starts)))
        return nid, abstract

    def para(self, text: str, num: tuple[int, int] | None = None, center: bool = False, bold: bool = False):
        p = self.doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if num is not None:
            num_id, ilvl = num
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return p

    def table(self, rows: list[list[str]]) -> None:
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                t.cell(r, c).text = value

    def header_footer(self, header: str | None, page_numbers: bool) -> None:
        section = self.doc.sections[0]
        if header:
            section.header.paragraphs[0].text = header
        if page_numbers:
            p = section.footer.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run("— ")
            for inner in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                          '<w:fldChar w:fldCharType="separate"/>', '<w:t>1</w:t>', '<w:fldChar w:fldCharType="end"/>'):
                wrapper = parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>')
                p.add_run()._r.append(wrapper[0])
            p.add_run(" —")

    def save(self, path) -> None:
        self.doc.save(str(path))

    def save_pdf(self, out: Path) -> None:
        """Print through LibreOffice, as a clerk exporting to PDF would."""
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / (Path(out).stem + ".docx")
            self.save(docx)
            shutil.copy(soffice_convert(docx, "pdf", Path(tmp)), out)


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice in a throwaway profile; returns the converted file."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}/p", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=180)
    return outdir / f"{src.stem}.{target.split(':')[0]}"
