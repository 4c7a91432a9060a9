"""Render Word automatic numbering (numbering.xml) as Word shows it.

Counters follow Word: numbers (w:num) that share an abstract definition share its
counters, a w:startOverride restarts them the first time that number is used, and a
level restarts whenever a shallower level is used unless w:lvlRestart says otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import cn_numbers as cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: A…Z, AA…ZZ


def _table(chars: str, n: int) -> str:
    return chars[n - 1] if 0 < n <= len(chars) else str(n)


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _full_width(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def _offset(base: int, limit: int) -> Callable[[int], str]:
    return lambda n: chr(base + n - 1) if 1 <= n <= limit else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedFullstop": _offset(0x2488, 20),
    "decimalEnclosedParen": _offset(0x2474, 20),
    "ideographEnclosedCircle": _offset(0x3220, 10),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": cn.chinese_counting,
    "chineseCountingThousand": cn.chinese_counting,
    "japaneseCounting": cn.chinese_counting,
    "taiwaneseCounting": cn.chinese_counting,
    "taiwaneseCountingThousand": cn.chinese_counting,
    "chineseLegalSimplified": cn.chinese_legal_simplified,
    "ideographLegalTraditional": cn.ideograph_legal_traditional,
    "ideographDigital": cn.ideograph_digital,
    "taiwaneseDigital": cn.ideograph_digital,
    "ideographTraditional": lambda n: _table("甲乙丙丁戊己庚辛壬癸", n),
    "ideographZodiac": lambda n: _table("子丑寅卯辰巳午未申酉戌亥", n),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str | None:
    """n in Word's numFmt; None when the format is not one we know."""
    f = FORMATS.get(fmt)
    return None if f is None else f(n)


@dataclass(frozen=True)
class Level:
    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: 1-based level that restarts this one, 0 = never
    legal: bool = False  # w:isLgl: show every level's number as decimal
    suffix: str = "\t"
    pstyle: str | None = None


def _val(el, name: str) -> str | None:
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


class NumberingError(ValueError):
    """A numbering value Word would refuse (the caller names the part)."""


def strict_int(s: str, what: str) -> int:
    """A w:ST_DecimalNumber: a 32-bit integer, or the document is damaged (Word refuses it too)."""
    try:
        n = int(s.strip())
    except (ValueError, AttributeError):
        raise NumberingError(f"{what} {s!r} is not an integer") from None
    if not -(1 << 31) <= n < 1 << 31:
        raise NumberingError(f"{what} {s!r} is out of range")
    return n


def _int(s: str | None, default: int | None, what: str = "value") -> int | None:
    return default if s is None else strict_int(s, what)


def _level(el) -> Level:
    suff = _val(el, "suff")
    is_lgl = el.find(W + "isLgl")
    return Level(
        ilvl=_int(el.get(W + "ilvl"), 0, "w:ilvl") or 0,
        start=_int(_val(el, "start"), 1, "w:start") or 0,
        fmt=_val(el, "numFmt") or "decimal",
        text=_val(el, "lvlText") or "",
        restart=_int(_val(el, "lvlRestart"), None, "w:lvlRestart"),
        legal=is_lgl is not None and is_lgl.get(W + "val", "true") not in ("0", "false", "off"),
        suffix={"space": " ", "nothing": ""}.get(suff or "tab", "\t"),
        pstyle=_val(el, "pStyle"),
    )


@dataclass(frozen=True)
class Definitions:
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> numStyleLink style
    num_abstract: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    num_starts: dict[str, dict[int, int]] = field(default_factory=dict)
    num_levels: dict[str, dict[int, Level]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root) -> "Definitions":
        d = cls()
        if root is None:
            return d
        for a in root.iterchildren(W + "abstractNum"):
            aid = a.get(W + "abstractNumId")
            d.abstracts[aid] = {lv.ilvl: lv for lv in map(_level, a.iterchildren(W + "lvl"))}
            link = _val(a, "numStyleLink")
            if link:
                d.style_links[aid] = link
        for n in root.iterchildren(W + "num"):
            nid = n.get(W + "numId")
            d.num_abstract[nid] = _val(n, "abstractNumId")
            for o in n.iterchildren(W + "lvlOverride"):
                ilvl = _int(o.get(W + "ilvl"), 0, "w:ilvl") or 0
                start = _val(o, "startOverride")
                if start is not None:
                    d.num_starts.setdefault(nid, {})[ilvl] = _int(start, 1, "w:startOverride") or 0
                lvl = o.find(W + "lvl")
                if lvl is not None:
                    d.num_levels.setdefault(nid, {})[ilvl] = _level(lvl)
        return d


class Numberer:
    """Numbering state for one pass over one document (never shared between documents)."""

    def __init__(self, defs: Definitions, style_num: dict[str, tuple[str, int | None]]) -> None:
        self.defs = defs
        self.style_num = style_num  # paragraph style id -> (numId, ilvl) from styles.xml
        self.counts: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.unknown_formats: set[str] = set()

    def _resolve(self, num_id: str) -> tuple[str | None, dict[int, Level]]:
        aid = self.defs.num_abstract.get(num_id)
        for _ in range(4):  # numStyleLink → style → numId → the abstract that holds the levels
            link = self.defs.style_links.get(aid or "")
            if not link or link not in self.style_num:
                break
            aid = self.defs.num_abstract.get(self.style_num[link][0], aid)
        levels = dict(self.defs.abstracts.get(aid or "", {}))
        levels.update(self.defs.num_levels.get(num_id, {}))
        return aid, levels

    def level_for_style(self, num_id: str, style: str | None) -> int:
        _, levels = self._resolve(num_id)
        for lv in levels.values():
            if style and lv.pstyle == style:
                return lv.ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(rendered label, suffix) for the next paragraph of num_id at ilvl."""
        if num_id in ("0", "", None):
            return None
        aid, levels = self._resolve(num_id)
        if aid is None or ilvl not in levels:
            return None
        counts = self.counts.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl_no, start in self.defs.num_starts.get(num_id, {}).items():
                counts[lvl_no] = start - 1
                for deeper in [k for k in counts if k > lvl_no]:
                    del counts[deeper]
        lvl = levels[ilvl]
        counts[ilvl] = lvl.start if ilvl not in counts else counts[ilvl] + 1
        for deeper, dl in levels.items():
            if deeper > ilvl and deeper in counts:
                restart = deeper if dl.restart is None else dl.restart
                if restart and ilvl < restart:
                    del counts[deeper]
        if lvl.fmt == "bullet":
            return lvl.text, lvl.suffix
        out, i, t = [], 0, lvl.text
        while i < len(t):
            if t[i] == "%" and i + 1 < len(t) and t[i + 1].isdigit():
                k = int(t[i + 1]) - 1
                ref = levels.get(k)
                if ref is not None:
                    value = counts.get(k, ref.start)
                    fmt = "decimal" if (lvl.legal and ref.fmt != "none") else ref.fmt
                    rendered = format_number(value, fmt)
                    if rendered is None:
                        self.unknown_formats.add(fmt)
                        rendered = str(value)
                    out.append(rendered)
                i += 2
            else:
                out.append(t[i])
                i += 1
        return "".join(out), lvl.suffix
