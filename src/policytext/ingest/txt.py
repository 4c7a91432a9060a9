"""Plain text: strict encoding detection, line ends normalised, nothing decoded with 'ignore'."""
from __future__ import annotations

import codecs
import re

from ..errors import DecodeError, EmptyDocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Category Cc (C0, DEL, C1) except the white-space controls \t \n \v \f \r.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _plausible_chinese(text: str) -> bool:
    """GB18030 maps almost any byte string to *some* characters; real GBK text stays
    within CJK, ASCII and CJK punctuation."""
    if not text:
        return True
    common = 0
    for ch in text:
        o = ord(ch)
        if (o < 0x80 or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
                or 0x2000 <= o <= 0x206F or 0x2460 <= o <= 0x24FF or 0x25A0 <= o <= 0x25FF
                or 0x00A0 <= o <= 0x00FF or 0x0370 <= o <= 0x045F or 0x2100 <= o <= 0x218F):
            common += 1
    return common / len(text) >= 0.97


def _check_controls(text: str, path: str, encoding: str) -> None:
    m = _CONTROL.search(text, 0, 200000)
    if m:
        raise DecodeError(path, f"not a text file: control character U+{ord(m.group()):04X} at character {m.start()} "
                                f"(decoded as {encoding})")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: its ASCII characters (line ends, digits)
    put NULs in the file; read only if exactly one byte order decodes strictly to plausible
    Chinese text without control characters."""
    if len(data) % 2:
        return None
    found = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text) and not _CONTROL.search(text):
            found.append((text, enc))
    return found[0] if len(found) == 1 else None


_UTF8_CJK = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){4}")


def _utf8_line(data: bytes) -> int | None:
    """The number of a line that is UTF-8 Chinese in a file that is not UTF-8 as a whole.  Four
    CJK characters in a row as UTF-8 do not happen by chance in GBK text, so such a file mixes
    encodings, and decoding it either way would garble part of it."""
    for no, line in enumerate(data.split(b"\n"), 1):
        if _UTF8_CJK.search(line):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return no
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name). Raises DecodeError rather than guess."""
    if not data:
        raise EmptyDocumentError(path, "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(path, f"starts with a {enc} byte-order mark but byte {e.start} is invalid {enc}") from None
            text = text.lstrip("\ufeff")
            name = "utf-8-sig" if enc == "utf-8-sig" else ("utf-16-le" if bom == codecs.BOM_UTF16_LE else
                   "utf-16-be" if bom == codecs.BOM_UTF16_BE else enc)
            _check_controls(text, path, name)
            return text, name
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError(path, "not a text file: contains NUL bytes (binary data, or UTF-16 without a byte-order mark)")
        _check_controls(found[0], path, found[1])
        return found
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as utf8_err:
        mixed = _utf8_line(data)
        if mixed is not None:
            bad = data.count(b"\n", 0, utf8_err.start) + 1
            raise DecodeError(path, f"mixed encodings: line {mixed} is UTF-8 but line {bad} (byte {utf8_err.start}) "
                                    f"is not; save the whole file in one encoding")
        try:
            text = data.decode("gbk")
            enc = "gbk"
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
                enc = "gb18030"
            except UnicodeDecodeError:
                raise DecodeError(path, f"undecodable: byte {utf8_err.start} is neither UTF-8 nor GB18030") from None
        if not _plausible_chinese(text):
            raise DecodeError(path, f"undecodable: not UTF-8 (byte {utf8_err.start}), and as {enc} it is not plausible Chinese text")
    _check_controls(text, path, enc)
    return text, enc


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A .txt copied out of a PDF: lines cut at the page width in the middle of sentences (and of
# numbers: 全年集中走访1⏎2次), page numbers between pages.  Such a text is rejoined into its
# paragraphs, as the PDF reader does, and every character kept traceable to the file's text.
_TERMINAL = "。！？；：!?;:”’」』）)"
_CLOSING_QUOTES = "”’」』"


def _ends_sentence(s: str) -> bool:
    """A closing quote ends a sentence only after a stop (…工作。”); 紧扣“三教” at a cut goes on."""
    if s[-1] in _CLOSING_QUOTES:
        return len(s) > 1 and s[-2] in _TERMINAL
    return s[-1] in _TERMINAL
_INDENT = (" ", "\u3000", "\t")
_ITEM_NUMBER = re.compile(r"[0-9０-９]+\s*[.．、)）]")
_MIN_LINES = 10
_SHORT_CUT = 0.6  # a line this share of the width, ending mid-sentence, was cut too
_HEADING_START = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|第[一二三四五六七八九十]+[章条节部分]")
_ITEM_OPENS = re.compile(r"[0-9]+[.．、]")
# …but not a decimal cut by the wrap (增长⏎2.5%)
_DECIMAL_START = re.compile(r"[0-9]+[.．][0-9]")
# a line ending in a number, or in a number and its decimal point (非税收入1280.⏎5万元)
_NUMBER_CUT = re.compile(r"[0-9](?:[.．])?$")


def _wrap_width(lengths: list[int]) -> int | None:
    """The width the lines were cut at, when most lines are about that long; None otherwise."""
    if len(lengths) < _MIN_LINES:
        return None
    width = sorted(lengths)[len(lengths) * 3 // 4]  # long lines are the cut ones
    if not 18 <= width <= 45:
        return None
    near = sum(width * 0.8 <= n <= width * 1.15 for n in lengths)
    return width if near >= 0.5 * len(lengths) else None


def _indented_paragraphs(lines: list[tuple[str, int]], width: int) -> bool:
    """Paragraphs open indented (　　…): most lines after a short one that ends a sentence are."""
    after_end, indented, prev_end = 0, 0, False
    for raw, _ in lines:
        s = raw.strip()
        if not s:
            continue
        if prev_end:
            after_end += 1
            indented += raw.startswith(_INDENT)
        prev_end = _ends_sentence(s) and len(raw.rstrip()) < width * 0.8
    return after_end >= _MIN_INDENTED and indented >= 0.7 * after_end


_MIN_INDENTED = 3
_STOP_CUT = 0.9  # (a cut counts characters, not their widths: 1.56万 is narrower than its six)


_TITLE_END = re.compile(r"(?:总结|报告|方案|要点|计划|意见|通知|汇报|办法|规定|细则|安排)$")
_TITLE_LINES = 3  # the title is among the first lines (under a 文号 or an issuer line)


def dewrap(text: str) -> tuple[str, list[tuple[int, int, int]], int] | None:
    """(the rejoined text, its runs (start, end, offset in text) copied verbatim, page-number
    lines dropped), or None when text is not hard-wrapped.  A line goes on the paragraph before
    it when that one ran to the cut width without ending a sentence, and the line itself is not
    indented; page numbers (— 3 —) are dropped."""
    from .. import patterns as P

    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((raw, pos))
        pos += len(raw) + 1
    body = [(raw.strip(), at) for raw, at in lines if raw.strip()]
    lengths = [len(s) for s, _ in body]
    width = _wrap_width(lengths)
    if width is None:
        return None
    cut = sum(len(s) >= width * 0.8 and not _ends_sentence(s) for s, _ in body)  # lines cut mid-sentence
    if cut < max(3, 0.25 * len(body)):
        return None
    indented = _indented_paragraphs(lines, width)
    out: list[str] = []
    runs: list[tuple[int, int, int]] = []
    n, dropped, prev_full, prev_stop = 0, 0, False, False
    for raw, at in lines:
        s = raw.strip()
        if not s:
            continue
        if P.PAGE_NUMBER.match(s):
            dropped += 1
            continue
        lead = len(raw) - len(raw.lstrip(" \t\u3000"))
        # a number cut by the wrap (…抽检62 / 15批次…, 1280. / 5万元) joins whatever the line's length
        split_number = (bool(out) and _NUMBER_CUT.search(out[-1]) is not None and s[:1].isdigit()
                        and not _ITEM_NUMBER.match(s))  # 3.加强… opens an item
        # where paragraphs open indented, a stop that fell on the cut (…一是组织生活更加规范。/
        # 各党支部…) ends no paragraph: an unindented line that is text, not a heading, goes on
        stop_cut = prev_stop and not _HEADING_START.match(s) and (
            _ends_sentence(s) or len(raw.rstrip()) >= width * 0.8)
        # (a line that opens a numbered item, 2.每周对玩具…, or is a short heading, 二、教育教学, starts
        # its own paragraph after a line that ends without a stop: …负责人：保健医生周晓岚; not a
        # wrapped line that happens to open so: 五一、端午等节点前，… at the full width)
        opens = (bool(_ITEM_OPENS.match(s)) and not _DECIMAL_START.match(s)) \
            or (bool(_HEADING_START.match(s)) and len(s) < width * _SHORT_CUT)
        joins = (prev_full or split_number or stop_cut) and not (opens and not split_number) \
            and not raw.startswith(_INDENT) and bool(out)
        if not joins and out:
            out.append("\n")
            n += 1
        piece = raw[lead:].rstrip() if joins else raw.rstrip()
        start_in_raw = lead if joins else 0
        out.append(piece)
        runs.append((n, n + len(piece), at + start_in_raw))
        n += len(piece)
        # (an indent counts; a line cut short mid-sentence goes on too unless it is a heading:
        # 、巡察整改等工作作出安排。二是3月中旬召开集团党风 / 廉政建设和…)
        prev_full = not _ends_sentence(s) and (len(raw.rstrip()) >= width * 0.8 or (
            len(raw.rstrip()) >= width * _SHORT_CUT and not _HEADING_START.match(s)))
        prev_stop = indented and _ends_sentence(s) and len(raw.rstrip()) >= width * _STOP_CUT
        if len(runs) <= _TITLE_LINES and _TITLE_END.search(s):
            prev_full = False  # the title line (…2024年度森林防火工作总结) ends where its kind is named
    return "".join(out), runs, dropped
