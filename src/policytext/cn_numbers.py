"""Chinese numerals: parse the number slot of a marker or quota, and render Word's Chinese numFmts.

Only ever applied to a slot that a pattern has already delimited: converting whole
sentences would turn fixed phrases (两个确立, 三会一课, 十九大) into digits.
"""
from __future__ import annotations

from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
          "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
          "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG_UNITS)

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_WIDE = frozenset("０１２３４５６７８９")


def to_ascii_digits(s: str) -> str:
    # str.translate with a dict table costs microseconds even when nothing changes.
    return s if s.isascii() or not any(c in _WIDE for c in s) else s.translate(_FULLWIDTH)


@lru_cache(maxsize=4096)  # a pure function of short slots that recur: 1, 2, 一, 十二
def parse_int(s: str) -> int | None:
    """Value of an Arabic (half- or full-width) or Chinese numeral; None if it is neither."""
    s = to_ascii_digits(s.strip())
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if any(c not in DIGITS and c not in UNITS and c not in BIG_UNITS for c in s):
        return None
    if all(c in DIGITS for c in s) and len(s) > 1:  # digit by digit: 二〇二四
        return int("".join(str(DIGITS[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in UNITS:
            section += (1 if digit is None else digit) * UNITS[c]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * BIG_UNITS[c]
            section, digit = 0, None
    return total + section + (digit or 0)


_LOWER = "零一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"


def _counting(n: int, digits: str, units: tuple[str, str, str], short_ten: bool) -> str:
    """Positional Chinese counting for 0 < n < 10000 (十 for 10-19 when short_ten)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    places = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    zero_pending = False
    for value, unit in places:
        d = (n // value) % 10
        if d == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        if value == 10 and d == 1 and not parts and short_ten:
            parts.append(unit)
        else:
            parts.append(digits[d] + unit)
    return "".join(parts)


def chinese_counting(n: int) -> str:
    """Word's chineseCounting: 一…十, 十一, 二十一, 一百零一."""
    return _counting(n, _LOWER, ("十", "百", "千"), short_ten=True)


def chinese_legal_simplified(n: int) -> str:
    return _counting(n, _LEGAL_SIMPLIFIED, ("拾", "佰", "仟"), short_ten=False)


def ideograph_legal_traditional(n: int) -> str:
    return _counting(n, _LEGAL_TRADITIONAL, ("拾", "佰", "仟"), short_ten=False)


def ideograph_digital(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
