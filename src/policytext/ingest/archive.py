"""Archives: the documents under a folder, recursively, including those inside .zip files.

A zip member is never written under its own name: its bytes are read (with the declared size
and compression ratio checked first, and the bytes actually inflated counted) into a private
temporary file, so a member named ../../etc/x cannot reach outside, and a bomb is refused
before it is inflated.  Every source has a stable key (where it is, its size and date or CRC)
for resuming, and a document id (the SHA-256 of its bytes) for joining tables.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..document import Document
from ..errors import CorruptFileError, HostileFileError, PolicyTextError, TooLargeError
from . import SUPPORTED, read

# Kinds a batch picks up: the readable ones, and document formats it should report rather
# than pass over in silence (a .doc in an archive is a document nobody audited).
DOCUMENT_SUFFIXES = SUPPORTED + (".doc", ".wps", ".rtf", ".odt")
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1 << 20


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
            data_id = _file_hash(self.file)
            doc = read(self.file)
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


def walk(root: str | os.PathLike[str]) -> Iterator[Source | PolicyTextError]:
    """Every document under root, in a fixed order (by path, zip members by name),
    and an error for every zip that cannot be opened or member that is refused."""
    base = Path(root)
    if base.is_file():
        yield from _entry(base, base.name)
        return
    if not base.is_dir():
        raise PolicyTextError(base, "no such folder or file")
    found = sorted((Path(d, f).relative_to(base).as_posix() for d, _, files in os.walk(base) for f in files))
    for shown in found:
        yield from _entry(base / shown, shown)


def _entry(full: Path, shown: str) -> Iterator[Source | PolicyTextError]:
    suffix = full.suffix.lower()
    if suffix != ".zip" and suffix not in DOCUMENT_SUFFIXES:
        return
    try:
        st = full.stat()
    except OSError as e:
        yield PolicyTextError(shown, f"cannot read: {e.strerror}")
        return
    if not stat.S_ISREG(st.st_mode):
        return
    if suffix == ".zip":
        yield from _members(full, shown)
    else:
        yield Source(shown, str(full), None, st.st_size, str(st.st_mtime_ns))


def _members(full: Path, shown: str) -> Iterator[Source | PolicyTextError]:
    try:
        with zipfile.ZipFile(full) as z:
            infos = sorted(z.infolist(), key=lambda i: i.filename)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield CorruptFileError(shown, f"not a readable zip archive ({e})")
        return
    for info in infos:
        name = info.filename
        if info.is_dir() or PurePosixPath(name).suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        where = f"{shown}!{name}"
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            yield HostileFileError(where, "refused: the member's path points outside the archive")
            continue
        yield Source(where, str(full), name, info.file_size, f"{info.CRC:08x}")


def _member_bytes(src: Source) -> bytes:
    try:
        with zipfile.ZipFile(src.file) as z:
            info = z.getinfo(src.member)
            if info.file_size > MAX_MEMBER_BYTES:
                raise TooLargeError(src.path, f"{info.file_size >> 20} MB once inflated (limit {MAX_MEMBER_BYTES >> 20} MB)")
            if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise HostileFileError(src.path, f"refused: compresses {info.file_size // max(info.compress_size, 1)}:1 (zip bomb?)")
            out = bytearray()
            with z.open(info) as f:  # a lying header cannot make this read past the limit
                while chunk := f.read(_CHUNK):
                    out += chunk
                    if len(out) > min(info.file_size, MAX_MEMBER_BYTES):
                        raise HostileFileError(src.path, "refused: inflates past its declared size")
            return bytes(out)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, NotImplementedError, RuntimeError, zlib.error) as e:
        raise CorruptFileError(src.path, f"cannot read from the zip archive ({e})") from None


def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
    except OSError as e:
        raise PolicyTextError(path, f"cannot read: {e.strerror}") from None
    return h.hexdigest()
