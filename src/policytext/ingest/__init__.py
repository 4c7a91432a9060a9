"""ingest: files → Document. The only part of policytext that touches files."""
from __future__ import annotations

import os
from pathlib import Path

from ..document import Document, SourceRun
from ..errors import EmptyDocumentError, FileAccessError, TooLargeError, UnsupportedFormatError
from .common import build_document

MAX_TXT_BYTES = 200 * 1024 * 1024
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")  # scanned pages, read by OCR
SUPPORTED = (".txt", ".docx", ".pdf", ".doc", ".wps", *IMAGES)
_LEGACY = {".rtf": "an RTF document",
           ".odt": "an OpenDocument text", ".xls": "a spreadsheet", ".xlsx": "a spreadsheet",
           ".gif": "an animation", ".html": "a web page", ".htm": "a web page"}


def read(path: str | os.PathLike[str], *, ocr: str = "auto") -> Document:
    """Read a .txt, .docx or .pdf file (or a .doc/.wps, through LibreOffice, or a scanned
    page saved as .png/.jpg/.tif/.bmp, multi-page TIFF included, by OCR) into a Document.

    ocr: "auto" reads PDF pages that have no usable text layer, and images, by OCR when the
    extra ``policytext[ocr]`` is installed; "off" never uses OCR (an image is then refused);
    "always" reads every PDF page by OCR.  Raises a PolicyTextError subclass naming the file and the reason for anything that
    is not a readable document of those kinds.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        what = _LEGACY.get(suffix, f"a '{suffix or '(no extension)'}' file")
        raise UnsupportedFormatError(p, f"{what} is not supported; expected .txt, .docx, .pdf, .doc, .wps or a scanned image (.png, .jpg, .tif, .bmp)")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise FileAccessError(p, "no such file") from None
    except OSError as e:
        raise FileAccessError(p, f"cannot read: {e.strerror}") from None
    if p.is_dir():
        raise FileAccessError(p, "is a folder, not a file")
    if size == 0:
        raise EmptyDocumentError(p, "file is empty")
    try:
        if suffix == ".txt":
            return _read_txt(p, size)
        if suffix == ".docx":
            from .docx import read_docx
            return read_docx(p)
        if suffix in (".doc", ".wps"):
            from .convert import read_legacy
            return read_legacy(p)
        if suffix in IMAGES:
            from .image import read_image
            return read_image(p, ocr=ocr)
        from .pdf import read_pdf
        return read_pdf(p, ocr=ocr)
    except PermissionError:
        raise FileAccessError(p, "permission denied") from None
    except OSError as e:  # EIO on a failing disk, a file gone from a network share
        raise FileAccessError(p, f"cannot read: {e.strerror or e}") from None
    except MemoryError:
        raise TooLargeError(p, "too large to read into memory") from None


def _read_txt(p: Path, size: int) -> Document:
    from .txt import decode, dewrap, normalise_newlines
    if size > MAX_TXT_BYTES:
        raise TooLargeError(p, f"{size >> 20} MB of text (limit {MAX_TXT_BYTES >> 20} MB)")
    text, encoding = decode(p.read_bytes(), str(p))
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyDocumentError(p, "file contains only white space")
    wrapped = dewrap(text)
    if wrapped is None:
        return build_document(text, path=str(p), format="txt", encoding=encoding)
    # Copied out of a PDF: the rejoined text is analysed; doc.locate(i) gives (1, its index in
    # the file's text), kept as meta["source_text"].
    joined, runs, dropped = wrapped
    return build_document(joined, path=str(p), format="txt", encoding=encoding,
                          runs=tuple(SourceRun(s, e, 1, at) for s, e, at in runs),
                          meta={"source_text": text, "dewrapped": {"lines": len(runs), "page_numbers_dropped": dropped}})


def from_text(text: str, path: str | None = None) -> Document:
    """A Document from a string already in memory (notebooks, tests, other pipelines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyDocumentError(path, "text is empty")
    return build_document(text, path=path, format="text")


__all__ = ["read", "from_text", "SUPPORTED"]
