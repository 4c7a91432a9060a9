"""Word .docx: body paragraphs and table cells in reading order, with automatic numbering
rendered into the text the way Word shows it.

The package is read here, not by a library: every member is inflated under a byte budget and
a time limit, and every XML part goes through xmlsafe (no DOCTYPE, no entities, deep trees).
"""
from __future__ import annotations


import posixpath
import re
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..document import Cell, Document, Notice, Paragraph
from ..errors import CorruptFileError, EmptyDocumentError, HostileFileError, UnsupportedFormatError
from . import xmlsafe
from .common import build_document
from .numbering import W, Definitions, NumberingError, Numberer, strict_int

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MAIN_TYPES = ("wordprocessingml.document.main", "ms-word.document.macroEnabled.main")

# A .docx of real policy text is a few MB at most.  Bombs are judged by what a member
# declares and by what inflating it really costs, not by its compression ratio: a document
# that repeats itself compresses hundreds to one and is still a document.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_INFLATE_SECONDS = 20.0
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error, NotImplementedError,
               RuntimeError, ValueError)

_SKIP = {W + "pPr", W + "rPr", W + "instrText", W + "delText", W + "del", W + "moveFrom",
         W + "footnoteReference", W + "endnoteReference", MC + "Fallback"}
_CONTAINERS = {W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"}


class _Package:
    """The zip members of one .docx, inflated under one byte budget and one deadline."""

    def __init__(self, path: Path, z: zipfile.ZipFile) -> None:
        self.path, self.z = path, z
        self.names = {i.filename: i for i in z.infolist()}
        self.left = MAX_TOTAL_BYTES
        self.deadline = time.monotonic() + MAX_INFLATE_SECONDS
        self.checked: dict[str, bytes | str] = {}

    def cache(self, name: str) -> None:
        """Inflate an XML part and check it (DOCTYPE, encoding) whether or not it is read."""
        self.checked[name] = xmlsafe.check(self.bytes(name), self.path, name)

    def bytes(self, name: str) -> bytes:
        info = self.names[name]
        out = bytearray()
        with self.z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > min(MAX_MEMBER_BYTES, self.left):
                    raise HostileFileError(self.path, f"refused: {name} inflates past {MAX_MEMBER_BYTES >> 20} MB "
                                                      f"(or the package past {MAX_TOTAL_BYTES >> 20} MB; zip bomb?)")
                if time.monotonic() > self.deadline:
                    raise HostileFileError(self.path, f"refused: inflating the package took more than "
                                                      f"{MAX_INFLATE_SECONDS:g} s (zip bomb?)")
        self.left -= len(out)
        return bytes(out)

    def xml(self, name: str):
        if name not in self.checked:
            self.cache(name)
        return xmlsafe.parse(self.checked[name], self.path, name)

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (its last word) -> target part name, for the part ("" = package)."""
        folder, base = posixpath.split(part)
        name = posixpath.join(folder, "_rels", base + ".rels")
        if name not in self.names:
            return {}
        out: dict[str, str] = {}
        for r in self.xml(name).iterchildren(REL + "Relationship"):
            target, kind = r.get("Target"), (r.get("Type") or "").rsplit("/", 1)[-1]
            if not target or r.get("TargetMode") == "External" or kind in out:
                continue
            full = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
            out[kind] = full
        return out


def check_package(path: Path) -> None:
    """Refuse what is not a .docx, or declares more than a document can need."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        raise UnsupportedFormatError(path, "this is a legacy Word .doc (OLE2) file, not a .docx; rename it to .doc (read through LibreOffice) or save it as .docx")
    if not head.startswith(b"PK"):
        raise CorruptFileError(path, "not a .docx: the file is not a zip package")


def _declared(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise HostileFileError(path, f"refused: {len(infos)} zip members (limit {MAX_MEMBERS})")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise HostileFileError(path, f"refused: declares more than {MAX_TOTAL_BYTES >> 20} MB once inflated "
                                         f"({info.filename}: {info.file_size >> 20} MB; zip bomb?)")


def _main_part(pkg: _Package) -> str:
    types = pkg.xml("[Content_Types].xml") if "[Content_Types].xml" in pkg.names else None
    overrides = {} if types is None else {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or "" for o in types.iterchildren(CT + "Override")}
    defaults = {} if types is None else {
        (d.get("Extension") or "").lower(): d.get("ContentType") or "" for d in types.iterchildren(CT + "Default")}
    mains = [n for n, t in overrides.items() if any(m in t for m in MAIN_TYPES)]
    main = pkg.rels("").get("officeDocument")
    if main is not None and main not in overrides and any(
            m in defaults.get(posixpath.splitext(main)[1][1:].lower(), "") for m in MAIN_TYPES):
        mains.append(main)  # typed by extension rather than by name: rare, but valid
    if not mains:
        raise UnsupportedFormatError(pkg.path, "a zip file but not a Word document (no Word main part)")
    if main not in mains:
        main = mains[0]
    if main not in pkg.names:
        raise CorruptFileError(pkg.path, f"damaged Word document: its main part {main} is missing from the package")
    return main


def _ilvl(el, path: Path, part: str) -> int | None:
    lvl = el.find(W + "ilvl")
    if lvl is None:
        return None
    try:
        return strict_int(lvl.get(W + "val", "0"), "w:ilvl")
    except NumberingError as e:
        raise CorruptFileError(path, f"{part}: {e}") from None


def _style_numbering(styles_root, path: Path, part: str) -> dict[str, tuple[str, int | None]]:
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
            if nid is not None:
                direct[sid] = (nid.get(W + "val"), _ilvl(num_pr, path, part))
    resolved = {}
    for sid in set(direct) | set(based):
        cur, seen = sid, set()
        while cur and cur not in direct and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in direct:
            resolved[sid] = direct[cur]
    return resolved


_NUMBER_HEADERS = ("序号", "编号", "序")
_ROW_NUMBER = re.compile(r"[0-9０-９]{1,3}")


class _Walker:
    """Paragraphs in reading order.  Loops over explicit stacks, not recursion, so content
    controls or tables nested however deep the parser allows are read, never a RecursionError."""

    def __init__(self, numberer: Numberer, path: Path, part: str) -> None:
        self.numberer, self.path, self.part = numberer, path, part
        self.items: list[tuple[str, bool, str, Cell | None]] = []  # (text, auto_number, source, cell)
        self.tables = 0

    def block(self, el, source: str) -> None:
        # (children, source, children are table cells, the cell they are in)
        stack: list = [(el.iterchildren(), source, False, None)]
        while stack:
            children, src, cells, cell = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                continue
            if cells:
                tc, at = child
                stack.append((tc.iterchildren(), "table", False, at))
                continue
            tag = child.tag
            if tag == W + "p":
                boxes = self.paragraph(child, src, cell)
                stack.extend((box.iterchildren(), "textbox", False, None) for box in reversed(boxes))
            elif tag == W + "tbl":
                rows = self._task_rows(child)
                self.tables += 1
                if rows is None:
                    stack.append((self._cells(child, self.tables - 1), "table", True, None))
                else:
                    self.items.extend((line, False, "table", None) for line in rows)
            elif tag in _CONTAINERS:
                stack.append((child.iterchildren(), src, False, cell))

    def _task_rows(self, tbl) -> list[str] | None:
        """A task table (its first column 序号, numbered 1, 2, 3…) read as numbered items, one
        line per row: 1．任务（牵头单位：市生态环境局；责任单位：各区分局；完成时限：2024年3月底前）, the
        other columns labelled by their headers; its header row stays a line of its own.  None
        for any other table (or one with merged cells), whose cells are read one by one."""
        rows: list[list[str]] = []
        for tr in tbl.iterchildren(W + "tr"):
            cells = []
            for tc in tr.iterchildren(W + "tc"):
                if tc.find(f"{W}tcPr/{W}vMerge") is not None or tc.find(f"{W}tcPr/{W}gridSpan") is not None:
                    return None
                texts = []
                for p in tc.iter(W + "p"):
                    out: list[str] = []
                    self._text(p, out, [])
                    texts.append("".join(out).strip())
                cells.append("".join(texts))
            rows.append(cells)
        if len(rows) < 2 or len(rows[0]) < 3 or rows[0][0].strip() not in _NUMBER_HEADERS:
            return None
        head = [h.strip() for h in rows[0]]
        if not all(len(r) == len(head) and _ROW_NUMBER.fullmatch(r[0].strip()) for r in rows[1:]):
            return None
        lines = ["\t".join(head)]
        for r in rows[1:]:
            rest = [f"{h}：{v.strip()}" for h, v in zip(head[2:], r[2:]) if v.strip()]
            task = r[1].strip()
            # 6．3个政府采购项目… would read as the number 6.3: a task opening with a digit takes 、
            lines.append(f"{r[0].strip()}{'、' if task[:1].isdigit() else '．'}{task}"
                         + (f"（{'；'.join(rest)}）" if rest else ""))
        return lines

    @staticmethod
    def _cells(tbl, table: int):
        """Each cell with its place (table, row, column); a cell spanning columns (gridSpan)
        takes its first column's number, and the next cell counts on after the span."""
        for r, tr in enumerate(tbl.iterchildren(W + "tr")):
            col = 0
            for tc in tr.iterchildren(W + "tc"):
                at = Cell(table, r, col)
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                col += int(span.get(W + "val", "1")) if span is not None and span.get(W + "val", "1").isdigit() else 1
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(W + "val", "continue") == "continue":
                    continue  # the merged cell's text sits in the first cell of the merge
                yield tc, at

    @staticmethod
    def _text(p, out: list[str], boxes: list) -> None:
        stack = [p.iterchildren()]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
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
                stack.append(node.iterchildren())

    def paragraph(self, p, source: str, cell: "Cell | None" = None) -> list:
        """Adds the paragraph; returns its text boxes, read after it."""
        label = self._label(p)
        out: list[str] = []
        boxes: list = []
        self._text(p, out, boxes)
        text = "".join(out)
        if label is not None:
            text = label[0] + label[1] + text
        self.items.append((text, label is not None and bool(label[0]), source, cell))
        return boxes

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
                num_id = None if nid is None else nid.get(W + "val")
                ilvl = _ilvl(num_pr, self.path, self.part)
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
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            _declared(path, infos)
            pkg = _Package(path, z)
            for info in infos:  # every XML part, read or not, is checked for a DOCTYPE
                if info.filename.lower().endswith((".xml", ".rels")):
                    pkg.cache(info.filename)
            main = _main_part(pkg)
            root = pkg.xml(main)
            parts = pkg.rels(main)
            styles = pkg.xml(parts["styles"]) if parts.get("styles") in pkg.names else None
            numbering = pkg.xml(parts["numbering"]) if parts.get("numbering") in pkg.names else None
    except _ZIP_ERRORS as e:
        raise CorruptFileError(path, f"damaged .docx package: {type(e).__name__}: {e}") from None
    if root.tag == STRICT_W + "document":
        raise UnsupportedFormatError(path, "a Strict Open XML document; save it as a Word Document (.docx)")
    if root.tag != W + "document":
        name = root.tag.replace(W, "w:") if isinstance(root.tag, str) else "?"
        raise CorruptFileError(path, f"damaged Word document: the root of {main} is <{name}>, not <w:document>")
    body = root.find(W + "body")
    if body is None:
        raise CorruptFileError(path, f"damaged Word document: {main} has no <w:body>")
    try:
        defs = Definitions.parse(numbering)
    except NumberingError as e:
        raise CorruptFileError(path, f"{parts['numbering']}: {e}") from None
    numberer = Numberer(defs, _style_numbering(styles, path, parts.get("styles", "styles.xml")))
    walker = _Walker(numberer, path, main)
    walker.block(body, "body")
    return _assemble(path, walker.items, numberer)


def _assemble(path: Path, items: list[tuple[str, bool, str, Cell | None]], numberer: Numberer) -> Document:
    chunks: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    for text, auto, source, cell in items:
        for i, line in enumerate(text.split("\n")):
            stripped = line.strip(" \t\u3000\u00a0")
            if stripped:
                lead = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
                paras.append(Paragraph(pos + lead, pos + lead + len(stripped), auto_number=auto and i == 0, source=source,
                                       cell=cell))
            chunks.append(line)
            pos += len(line) + 1
    text = "\n".join(chunks)
    if not text.strip():
        raise EmptyDocumentError(path, "the Word document has no text")
    meta: dict[str, Any] = {"auto_numbered_paragraphs": sum(p.auto_number for p in paras)}
    warnings = [Notice("numbering_format_unsupported",
                       f"Word numbering format {fmt} is not rendered natively; shown as decimal")
                for fmt in sorted(numberer.unknown_formats)]
    return build_document(text, paras, path=str(path), format="docx", encoding=None, meta=meta, warnings=warnings)
