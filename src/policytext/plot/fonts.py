"""Chinese labels that are not boxes: the font families every plot's text is set in.

First the font policytext ships (models/fonts/PolicyTextSansSC-Regular.otf, a GB 2312 subset
of Noto Sans CJK SC), so a plot looks the same on every machine; then any CJK font the system
has, for the rare character the subset lacks (matplotlib falls back glyph by glyph); then
DejaVu Sans.  Registering the shipped file with matplotlib's font list is the one change made
outside a figure, and it only adds a font: no rcParams are touched."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..fonts import SHIPPED, SHIPPED_FAMILY
from ..lexicon import models_dir

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

# Family names of CJK fonts common on Linux, macOS and Windows, best first.
SYSTEM_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "SimHei", "Noto Sans SC",
              "Droid Sans Fallback", "AR PL UMing CN")


def require_matplotlib():
    try:
        import matplotlib
    except ImportError as e:
        raise ImportError("policytext's plots need matplotlib: pip install 'policytext[plot]' "
                          "(or pip install matplotlib)") from e
    return matplotlib


def families(font: str | Path | None = None) -> list[str]:
    """The font families to set text in, best first.  font: a font file or a family name to
    put first (a file is registered with matplotlib)."""
    require_matplotlib()
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    chosen: list[str] = []
    if font is not None:
        chosen.append(_register(Path(font)) if Path(str(font)).suffix.lower() in (".otf", ".ttf", ".ttc")
                      else str(font))
    shipped = models_dir() / SHIPPED  # models_dir looked up here, so a test can point it elsewhere
    if shipped.is_file():
        chosen.append(_register(shipped) if SHIPPED_FAMILY not in known else SHIPPED_FAMILY)
    chosen += [f for f in SYSTEM_CJK if f in known]
    if not chosen:
        raise FileNotFoundError(f"{shipped}: the shipped CJK font is missing and no system CJK font was found; "
                                "reinstall policytext or pass font='path/to/a/CJK/font.otf'")
    return list(dict.fromkeys(chosen + ["DejaVu Sans"]))


def _register(path: Path) -> str:
    from matplotlib import font_manager

    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such font file")
    for f in font_manager.fontManager.ttflist:
        if Path(f.fname) == path:
            return f.name
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def apply(fig: "Figure", font: str | Path | None = None) -> "Figure":
    """Set every text of fig (titles, labels, ticks, legends, annotations) in the CJK families.
    Ticks made later copy the first tick's font, so zooming keeps them legible."""
    from matplotlib.text import Text

    fams = families(font)
    for t in fig.findobj(Text):
        t.set_fontfamily(fams)
    return fig
