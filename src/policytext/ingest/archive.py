"""Archives: the documents under a folder, recursively, including those inside .zip files.

A zip member is never written under its own name: its bytes are read (with the declared size
checked first, and the bytes actually inflated and the time it takes counted) into a private
temporary file, so a member named ../../etc/x cannot reach outside, and a bomb is refused
before it is inflated or while it is.  Symbolic links and zips inside a zip are refused, not
followed.  A file that changes while it is read is an error of its own ("changed"), never a
document whose id belongs to other bytes.  Every source has a stable key (where it is, its
size and date or CRC) for resuming, and a document id (the SHA-256 of its bytes) for joining
tables.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..document import Document
from ..errors import (ChangedFileError, CorruptFileError, FileAccessError, HostileFileError, PolicyTextError,
                      TooLargeError, UnsupportedFormatError)
from . import _LEGACY, SUPPORTED, read

# Kinds a batch picks up: the readable ones, and document formats it should report rather
# than pass over in silence (a .doc in an archive is a document nobody audited).
DOCUMENT_SUFFIXES = SUPPORTED + (".doc", ".wps", ".rtf", ".odt")
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_INFLATE_SECONDS = 30.0
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Skipped:
    """A file under the archive that is not read, and why: it is listed, never passed over."""

    path: str
    size: int
    reason: str

    @property
    def key(self) -> str:
        return f"{self.path}|skipped"


def _not_a_document(name: str) -> str:
    base = PurePosixPath(name)
    suffix = base.suffix.lower()
    if base.name.startswith(".") and not suffix:
        return "not a document: a hidden file"
    if not suffix:
        return "not a document: the file has no extension"
    what = _LEGACY.get(suffix, f"a '{suffix}' file")
    return f"not a document: {what} (policytext reads {', '.join(SUPPORTED)})"


@dataclass(frozen=True)
class Source:
    """One document to read: a file, or a member of a zip file."""

    path: str  # as shown in tables: relative to the archive root, zip members as a.zip!dir/b.txt
    file: str  # the file on disk (the zip itself for a member)
    member: str | None = None
    size: int = 0
    stamp: str = ""  # mtime in ns for a file, CRC for a member: a changed source gets a new key

    @property
    def key(self) -> str:
        return f"{self.path}|{self.size}|{self.stamp}"

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.member or self.file).suffix.lower()

    def read(self) -> tuple[Document, str]:
        """(document, document id).  Raises a PolicyTextError naming self.path."""
        if self.member is None:
            self._unchanged()
            data_id = _file_hash(self.file)
            doc = read(self.file)
            self._unchanged()
            return dataclasses.replace(doc, path=self.path), data_id
        data = _member_bytes(self)
        with tempfile.TemporaryDirectory(prefix="policytext-") as tmp:
            local = Path(tmp) / f"member{self.suffix}"
            local.write_bytes(data)
            try:
                doc = read(local)
            except PolicyTextError as e:  # name the member, not the temporary copy
                raise type(e)(self.path, e.reason) from None
        return dataclasses.replace(doc, path=self.path), hashlib.sha256(data).hexdigest()

    def _unchanged(self) -> None:
        try:
            st = os.stat(self.file)
        except FileNotFoundError:
            raise ChangedFileError(self.path, "deleted during the batch (it was listed, then gone)") from None
        except OSError as e:
            raise FileAccessError(self.path, f"cannot read: {e.strerror}") from None
        if (st.st_size, str(st.st_mtime_ns)) != (self.size, self.stamp):
            raise ChangedFileError(self.path, "changed during the batch; run the batch again to read the new version")


def walk(root: str | os.PathLike[str]) -> Iterator[Source | Skipped | PolicyTextError]:
    """Every document under root, in a fixed order (by path, zip members by name), an error
    for every zip that cannot be opened or member that is refused, and a Skipped for every
    other file (a spreadsheet, a pipe, a .DS_Store), so that nothing in it goes unlisted."""
    base = Path(root)
    if base.is_file():
        yield from _entry(base, base.name)
        return
    if not base.is_dir():
        raise PolicyTextError(base, "no such folder or file")
    found = sorted((Path(d, f).relative_to(base).as_posix() for d, _, files in os.walk(base) for f in files))
    for shown in found:
        yield from _entry(base / shown, shown)


def _entry(full: Path, shown: str) -> Iterator[Source | Skipped | PolicyTextError]:
    suffix = full.suffix.lower()
    try:
        st = full.stat()
    except OSError as e:  # a dangling link, a symlink loop (ELOOP), no permission on the folder
        yield FileAccessError(shown, f"cannot read: {e.strerror}")
        return
    if not stat.S_ISREG(st.st_mode):
        yield Skipped(shown, 0, "not a regular file (a pipe, socket or device)")
        return
    if suffix != ".zip" and suffix not in DOCUMENT_SUFFIXES:
        yield Skipped(shown, st.st_size, _not_a_document(shown))
        return
    if suffix == ".zip":
        yield from _members(full, shown)
    else:
        yield Source(shown, str(full), None, st.st_size, str(st.st_mtime_ns))


def _members(full: Path, shown: str) -> Iterator[Source | Skipped | PolicyTextError]:
    try:
        with zipfile.ZipFile(full) as z:
            infos = sorted(z.infolist(), key=lambda i: i.filename)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield CorruptFileError(shown, f"not a readable zip archive ({e})")
        return
    for info in infos:
        name = info.filename
        suffix = PurePosixPath(name).suffix.lower()
        if info.is_dir():
            continue
        where = f"{shown}!{name}"
        if suffix not in DOCUMENT_SUFFIXES and suffix != ".zip":
            yield Skipped(where, info.file_size, _not_a_document(name))
            continue
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            yield HostileFileError(where, "refused: the member's path points outside the archive")
        elif stat.S_ISLNK(info.external_attr >> 16):
            yield HostileFileError(where, "refused: the member is a symbolic link (links in archives are not followed)")
        elif suffix == ".zip":  # nested zips are how bombs multiply; unpacking one level is the user's call
            yield UnsupportedFormatError(where, "a zip inside a zip archive is not opened; unpack it into the archive folder")
        else:
            yield Source(where, str(full), name, info.file_size, f"{info.CRC:08x}")


def _member_bytes(src: Source) -> bytes:
    try:
        with zipfile.ZipFile(src.file) as z:
            try:
                info = z.getinfo(src.member)
            except KeyError:
                raise ChangedFileError(src.path, "the zip archive changed during the batch (the member is gone)") from None
            if f"{info.CRC:08x}" != src.stamp or info.file_size != src.size:
                raise ChangedFileError(src.path, "the zip archive changed during the batch; run the batch again")
            if info.file_size > MAX_MEMBER_BYTES:
                raise TooLargeError(src.path, f"{info.file_size >> 20} MB once inflated (limit {MAX_MEMBER_BYTES >> 20} MB)")
            # Judged by size and time, not by ratio: repetitive text compresses 1000:1 and is text.
            deadline = time.monotonic() + MAX_INFLATE_SECONDS
            out = bytearray()
            with z.open(info) as f:  # a lying header cannot make this read past the limit
                while chunk := f.read(_CHUNK):
                    out += chunk
                    if len(out) > min(info.file_size, MAX_MEMBER_BYTES):
                        raise HostileFileError(src.path, "refused: inflates past its declared size")
                    if time.monotonic() > deadline:
                        raise HostileFileError(src.path, f"refused: inflating took more than {MAX_INFLATE_SECONDS:g} s (zip bomb?)")
            return bytes(out)
    except FileNotFoundError:
        raise ChangedFileError(src.path, "the zip archive was deleted during the batch") from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError, zlib.error) as e:
        raise CorruptFileError(src.path, f"cannot read from the zip archive ({e})") from None


def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
    except OSError as e:
        raise FileAccessError(path, f"cannot read: {e.strerror}") from None
    return h.hexdigest()
