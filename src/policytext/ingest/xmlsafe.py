"""XML parts of a package parsed without ever declaring or resolving an entity.

A DOCTYPE can only stand in the prolog (before the root element), so looking at the prolog,
whatever its length, finds every one; a part that has one is refused before it is parsed.
The parser itself resolves no entities and fetches nothing, and it is allowed deep trees
(content controls nest hundreds deep in real documents), which is safe once no DOCTYPE is left.
Parts are UTF-8 or UTF-16 (the Open Packaging rule), so no other encoding can hide a DOCTYPE.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import CorruptFileError, HostileFileError

MAX_DEPTH = 2048  # libxml2's element depth limit for huge trees
_DECL_ENCODING = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_DECL_S = re.compile(r"\A\ufeff?<\?xml[^>]*\?>")


_SPACE = {bytes: re.compile(rb"[ \t\r\n]*"), str: re.compile(r"[ \t\r\n]*")}


def _declares_dtd(doc: bytes | str) -> bool:
    """Whether the prolog (what stands before the root element) holds a <!DOCTYPE ...>: the
    only place one can be.  One pass over white space, processing instructions and comments
    (a regular expression for the prolog backtracks through the whole part when it has none)."""
    t = (lambda s: s.encode()) if isinstance(doc, bytes) else (lambda s: s)
    space, n = _SPACE[type(doc)], len(doc)
    i = len(t("\ufeff")) if doc.startswith(t("\ufeff")) else 0
    while i < n:
        i = space.match(doc, i).end()
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if doc.startswith(t(opening), i):
                end = doc.find(t(closing), i + len(opening))
                i = n if end < 0 else end + len(closing)
                break
        else:
            return doc.startswith(t("<!"), i)
    return False


def _utf16(data: bytes) -> str | None:
    """The part as text if it is UTF-16 (with or without a byte-order mark), else None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or data[:4] in (b"\0\0\0<", b"<\0\0\0"):
        raise ValueError("UTF-32")
    if data.startswith(codecs.BOM_UTF16_LE) or data[:2] == b"<\0":
        enc = "utf-16-le"
    elif data.startswith(codecs.BOM_UTF16_BE) or data[:2] == b"\0<":
        enc = "utf-16-be"
    else:
        return None
    return data.decode(enc).lstrip("\ufeff")


def check(data: bytes, path: Path | str, part: str) -> bytes | str:
    """The part ready for the parser (bytes, or text for UTF-16); refuses a DOCTYPE/ENTITY
    and encodings a package may not use."""
    try:
        text = _utf16(data)
    except ValueError:
        raise CorruptFileError(path, f"{part} is encoded in UTF-32 (a package part must be UTF-8 or UTF-16)") from None
    except UnicodeDecodeError as e:
        raise CorruptFileError(path, f"{part} is not valid UTF-16 (byte {e.start})") from None
    if text is not None:
        if _declares_dtd(text):
            raise _hostile(path, part)
        return _DECL_S.sub("", text, count=1)  # lxml takes text only without an encoding declaration
    m = _DECL_ENCODING.match(data)
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise CorruptFileError(path, f"{part} declares encoding {m.group(1).decode('ascii', 'replace')!r} "
                                     f"(a package part must be UTF-8 or UTF-16)")
    if _declares_dtd(data):
        raise _hostile(path, part)
    return data


def _hostile(path, part: str) -> HostileFileError:
    return HostileFileError(path, f"refused: {part} declares a DOCTYPE/ENTITY (XML entities are never resolved)")


def parse(ready: bytes | str, path: Path | str, part: str):
    """The root element of a part check() returned; CorruptFileError for what is not
    well-formed XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(ready, parser)
    except etree.XMLSyntaxError as e:
        if "Excessive depth" in str(e):  # libxml2's own bound (2,048 with huge_tree); no document nests so
            raise HostileFileError(path, f"refused: {part} nests XML elements more than {MAX_DEPTH:,} deep") from None
        raise CorruptFileError(path, f"damaged Word document: {part} is not well-formed XML ({e})") from None
    if root.getroottree().docinfo.internalDTD is not None:  # the prolog check makes this unreachable
        raise _hostile(path, part)
    return root
