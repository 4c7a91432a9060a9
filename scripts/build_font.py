"""Rebuild models/fonts/PolicyTextSansSC-Regular.otf: the font plot labels are set in.

A subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1) holding ASCII, Latin-1,
general and CJK punctuation, full-width forms, enclosed numbers (①), every character of
GB 2312 (6,763 hanzi) and every character of corpus/ (its splits too) and models/lexicons/, renamed so that it
never shadows a full Noto Sans CJK installed on the system.  At 3 MB it is small enough to
ship, and it is what makes plots legible on a machine with no Chinese font at all; a character
it lacks falls back to a system CJK font when there is one (policytext.plot.fonts).

    apt-get install fonts-noto-cjk fonts-noto-cjk-extra   # the source font
    python scripts/build_font.py [--source NotoSansCJK-Regular.ttc]
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FAMILY = "PolicyText Sans SC"
OUT = ROOT / "models" / "fonts" / "PolicyTextSansSC-Regular.otf"
RANGES = [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x2100, 0x2200), (0x2460, 0x2500),
          (0x25A0, 0x2600), (0x3000, 0x3040), (0x3200, 0x3400), (0xFE30, 0xFE50), (0xFF00, 0xFFF0)]


def _gb2312() -> set[str]:
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def characters() -> set[str]:
    import policytext

    chars = {chr(c) for a, b in RANGES for c in range(a, b)} | _gb2312()
    # every document under corpus/, its splits included, as the package reads it (.docx too)
    chars |= {c for d in policytext.read_many(ROOT / "corpus") for c in d.text}
    for folder, pattern in ((ROOT / "corpus", "*.txt"), (ROOT / "models" / "lexicons", "*.txt")):
        for f in sorted(folder.glob(pattern)):
            data = f.read_bytes()
            try:
                chars |= set(data.decode("utf-8"))
            except UnicodeDecodeError:  # corpus/ also holds a GB18030 file on purpose
                chars |= set(data.decode("gb18030"))
    return {c for c in chars if c.isprintable()}


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    ap = argparse.ArgumentParser()
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    font = next(f for f in TTCollection(str(args.source)).fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.hinting = False
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(c) for c in characters()))
    sub.subset(font)
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 4, 16):
            names.setName(FAMILY if rec.nameID != 4 else f"{FAMILY} Regular", rec.nameID, rec.platformID,
                          rec.platEncID, rec.langID)
        elif rec.nameID in (3, 6):
            names.setName("PolicyTextSansSC-Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    font["CFF "].cff.fontNames = ["PolicyTextSansSC-Regular"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.out))
    print(f"{args.out}: {len(font.getBestCmap())} characters, {args.out.stat().st_size >> 10} KB")


if __name__ == "__main__":
    main()
