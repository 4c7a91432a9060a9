"""Word .docx: body paragraphs and table cells in reading order, with automatic numbering
rendered into the text the way Word shows it."""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..document import Document, Paragraph
from ..errors import CorruptFileError, EmptyDocumentError, HostileFileError, UnsupportedFormatError
from .common import build_document
from .numbering import W, Definitions, Numberer

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# A .docx of real policy text is a few MB at most; these bounds refuse zip bombs before
# anything is decompressed (zipfile never inflates past a member's declared size).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 200  # larger members compressing better than this are bombs, not documents
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SKIP = {W + "pPr", W + "rPr", W + "instrText", W + "delText", W + "del", W + "moveFrom",
         W + "footnoteReference", W + "endnoteReference", MC + "Fallback"}


def check_package(path: Path) -> None:
    """Refuse what is not a .docx, or is built to exhaust memory or reach outside the file."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        raise UnsupportedFormatError(path, "this is a legacy Word .doc (OLE2) file, not a .docx; rename it to .doc (read through LibreOffice) or save it as .docx")
    if not head.startswith(b"PK"):
        raise CorruptFileError(path, "not a .docx: the file is not a zip package")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_MEMBERS:
                raise HostileFileError(path, f"refused: {len(infos)} zip members (limit {MAX_MEMBERS})")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                    raise HostileFileError(path, f"refused: expands to more than {MAX_TOTAL_BYTES >> 20} MB (zip bomb?)")
                if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise HostileFileError(path, f"refused: {info.filename} compresses {info.file_size // max(info.compress_size, 1)}:1 (zip bomb?)")
            types = z.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            if b"wordprocessingml.document.main" not in types and b"ms-word.document.macroEnabled.main" not in types:
                raise UnsupportedFormatError(path, "a zip file but not a Word document (no Word main part)")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with z.open(info) as fh:
                        start = fh.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise HostileFileError(path, f"refused: {info.filename} declares a DOCTYPE/ENTITY (XML entities are never resolved)")
    except zipfile.BadZipFile as e:
        raise CorruptFileError(path, f"damaged .docx package: {e}") from None
    except (OSError, EOFError, zlib.error, zipfile.LargeZipFile, NotImplementedError) as e:
        raise CorruptFileError(path, f"damaged .docx package: {e}") from None


def _style_numbering(styles_root) -> dict[str, tuple[str, int | None]]:
    """style id -> (numId, ilvl) of the numbering a paragraph style carries, basedOn resolved."""
    direct: dict[str, tuple[str, int | None]] = {}
    based: dict[str, str] = {}
    if styles_root is None:
        return {}
    for s in styles_root.iterchildren(W + "style"):
        sid = s.get(W + "styleId")
        b = s.find(W + "basedOn")
        if b is not None:
            based[sid] = b.get(W + "val")
        num_pr = s.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            nid = num_pr.find(W + "numId")
            ilvl = num_pr.find(W + "ilvl")
            if nid is not None:
                direct[sid] = (nid.get(W + "val"), None if ilvl is None else int(ilvl.get(W + "val", "0")))
    resolved = {}
    for sid in set(direct) | set(based):
        cur, seen = sid, set()
        while cur and cur not in direct and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in direct:
            resolved[sid] = direct[cur]
    return resolved


class _Walker:
    def __init__(self, numberer: Numberer) -> None:
        self.numberer = numberer
        self.items: list[tuple[str, bool, str]] = []  # (text, auto_number, source)

    def block(self, el, source: str) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, source)
            elif tag == W + "tbl":
                for tr in child.iterchildren(W + "tr"):
                    for tc in tr.iterchildren(W + "tc"):
                        merge = tc.find(f"{W}tcPr/{W}vMerge")
                        if merge is not None and merge.get(W + "val", "continue") == "continue":
                            continue  # the merged cell's text sits in the first cell of the merge
                        self.block(tc, "table")
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                self.block(child, source)

    def _text(self, el, out: list[str], boxes: list) -> None:
        for node in el.iterchildren():
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                out.append(node.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "txbxContent":
                boxes.append(node)
            else:
                self._text(node, out, boxes)

    def paragraph(self, p, source: str) -> None:
        label = self._label(p)
        out: list[str] = []
        boxes: list = []
        self._text(p, out, boxes)
        text = "".join(out)
        if label is not None:
            text = label[0] + label[1] + text
        self.items.append((text, label is not None and bool(label[0]), source))
        for box in boxes:
            self.block(box, "textbox")

    def _label(self, p) -> tuple[str, str] | None:
        ppr = p.find(W + "pPr")
        style = None
        num_id, ilvl = None, None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style = None if ps is None else ps.get(W + "val")
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                nid = num_pr.find(W + "numId")
                lvl = num_pr.find(W + "ilvl")
                num_id = None if nid is None else nid.get(W + "val")
                ilvl = None if lvl is None else int(lvl.get(W + "val", "0"))
        if num_id is None and style in self.numberer.style_num:
            num_id, ilvl = self.numberer.style_num[style]
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.numberer.level_for_style(num_id, style)
        return self.numberer.label(num_id, ilvl)


def read_docx(path: Path) -> Document:
    check_package(path)
    try:
        import docx  # python-docx: package, relationships and a parser that resolves no entities
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as e:  # pragma: no cover - a core dependency
        raise ImportError("reading .docx needs python-docx: pip install python-docx") from e
    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise CorruptFileError(path, f"not a readable Word document: {e}") from None
    except Exception as e:  # lxml XMLSyntaxError and friends from damaged parts
        raise CorruptFileError(path, f"damaged Word document: {type(e).__name__}: {e}") from None
    part = d.part
    try:
        numbering_root = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_root = None
    style_num = _style_numbering(d.styles.element)
    numberer = Numberer(Definitions.parse(numbering_root), style_num)
    walker = _Walker(numberer)
    walker.block(d.element.body, "body")
    return _assemble(path, walker.items, numberer)


def _assemble(path: Path, items: list[tuple[str, bool, str]], numberer: Numberer) -> Document:
    chunks: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    for text, auto, source in items:
        for i, line in enumerate(text.split("\n")):
            stripped = line.strip(" \t\u3000\u00a0")
            if stripped:
                lead = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
                paras.append(Paragraph(pos + lead, pos + lead + len(stripped), auto_number=auto and i == 0, source=source))
            chunks.append(line)
            pos += len(line) + 1
    text = "\n".join(chunks)
    if not text.strip():
        raise EmptyDocumentError(path, "the Word document has no text")
    meta: dict[str, Any] = {"auto_numbered_paragraphs": sum(p.auto_number for p in paras)}
    warnings = [{"code": "numbering_format_unsupported",
                 "message": f"Word numbering format {fmt} is not rendered natively; shown as decimal",
                 "start": None} for fmt in sorted(numberer.unknown_formats)]
    if warnings:
        meta["warnings"] = warnings
    return build_document(text, paras, path=str(path), format="docx", encoding=None, meta=meta)
