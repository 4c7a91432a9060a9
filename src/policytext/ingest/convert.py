"""Legacy Word .doc and WPS .wps files, converted to .docx by LibreOffice.

LibreOffice reads both (a Kingsoft WPS document is an OLE2 compound file like a .doc) and
writes the list numbering as numbering definitions, so the .docx reader renders it the way
Word shows it.  Every conversion runs soffice headless in a new temporary profile (two
conversions at once never share one, and the user's own LibreOffice settings are never
touched), in its own process group, under a time limit; a hung soffice is killed.
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ..document import Document
from ..errors import ConversionError, CorruptFileError, MissingToolError, TooLargeError

TIMEOUT = 120.0  # seconds; POLICYTEXT_SOFFICE_TIMEOUT overrides
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INSTALL = "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer)"
MAX_BYTES = 256 * 1024 * 1024
_STREAMS = ("WordDocument", "CONTENTS")
_WHAT = {".doc": "a legacy Word .doc", ".wps": "a WPS document"}


def soffice() -> str | None:
    """The LibreOffice program: POLICYTEXT_SOFFICE, else soffice or libreoffice on PATH."""
    given = os.environ.get("POLICYTEXT_SOFFICE", "").strip()
    if given:
        return given if os.access(given, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_from_env() -> float:
    v = os.environ.get("POLICYTEXT_SOFFICE_TIMEOUT", "").strip()
    try:
        return float(v) if v and float(v) > 0 else TIMEOUT
    except ValueError:
        return TIMEOUT


def _check_content(path: Path, what: str) -> str:
    """What the bytes are: "ole2", "docx" (a .docx under the old name) or "rtf"."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        # The compound file's directory names its streams in UTF-16: a Word or Kingsoft WPS
        # document has WordDocument, a Works .wps CONTENTS.  Anything else (a spreadsheet,
        # junk) LibreOffice would import as plain text without a word of complaint.
        data = path.read_bytes()[:MAX_BYTES]
        if not any(name.encode("utf-16-le") in data for name in _STREAMS):
            raise CorruptFileError(path, f"not {what}: an OLE2 file without a Word document stream "
                                         "(a spreadsheet, or damaged?)")
        return "ole2"
    if head.startswith(b"PK"):
        return "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    raise CorruptFileError(path, f"not {what}: the file is neither an OLE2 compound document nor RTF")


def read_legacy(path: Path, timeout: float | None = None) -> Document:
    """A .doc or .wps file as a Document (format "doc" or "wps")."""
    suffix = path.suffix.lower()
    what = _WHAT.get(suffix, "a Word document")
    if path.stat().st_size > MAX_BYTES:
        raise TooLargeError(path, f"{path.stat().st_size >> 20} MB (limit {MAX_BYTES >> 20} MB for {what})")
    kind = _check_content(path, what)
    from .docx import read_docx

    if kind == "docx":  # a .docx saved under a .doc name: no conversion needed
        doc = read_docx(path)
        return dataclasses.replace(doc, format=suffix[1:], meta={**doc.meta, "converted_by": None})
    exe = soffice()
    if exe is None:
        raise MissingToolError(path, f"{what} is read through LibreOffice, which is not installed: "
                                     f"{INSTALL}, or save the file as .docx")
    limit = timeout if timeout is not None else timeout_from_env()
    with tempfile.TemporaryDirectory(prefix="policytext-lo-") as tmp:
        work = Path(tmp)
        src = work / f"in{suffix}"
        shutil.copyfile(path, src)  # soffice names its output after the input; this name is safe
        out = work / "out"
        _run_soffice(exe, work / "profile", src, out, limit, path, what)
        converted = out / "in.docx"
        if not converted.exists():
            raise ConversionError(path, f"LibreOffice could not read {what} from this file (damaged?)")
        doc = read_docx(converted)
        by = _application(converted)
    return dataclasses.replace(doc, path=str(path), format=suffix[1:], meta={**doc.meta, "converted_by": by})


def _run_soffice(exe: str, profile: Path, src: Path, out: Path, limit: float, path: Path, what: str) -> None:
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
           "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
           "--outdir", str(out), str(src)]
    env = {**os.environ, "HOME": str(profile.parent)}  # LibreOffice writes under HOME too
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, env=env)
    except OSError as e:
        raise MissingToolError(path, f"cannot start LibreOffice ({exe}): {e.strerror}; {INSTALL}") from None
    try:
        _, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise ConversionError(path, f"LibreOffice did not convert {what} within {limit:g} s "
                                    "(POLICYTEXT_SOFFICE_TIMEOUT sets the limit)") from None
    except BaseException:
        _kill(proc)
        raise
    if proc.returncode != 0:
        last = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip() and "javaldx" not in l]
        raise ConversionError(path, f"LibreOffice failed on {what} (exit {proc.returncode})"
                                    + (f": {last[-1].strip()}" if last else ""))


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _application(docx: Path) -> str:
    """LibreOffice's name and version, from the .docx it wrote (docProps/app.xml)."""
    try:
        with zipfile.ZipFile(docx) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return "LibreOffice"
    m = re.search(r"<Application>([^<$]+)", app)
    return m.group(1).replace("/", " ") if m else "LibreOffice"
