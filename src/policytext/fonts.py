"""The font policytext ships (models/fonts/PolicyTextSansSC-Regular.otf, a GB 2312 subset of
Noto Sans CJK SC), found in one place: the plots register it with matplotlib and the HTML
report embeds a subset of it, and neither should depend on the other to find it."""
from __future__ import annotations

from pathlib import Path

from .lexicon import models_dir

SHIPPED = "fonts/PolicyTextSansSC-Regular.otf"  # relative to models/
SHIPPED_FAMILY = "PolicyText Sans SC"


def shipped_font() -> Path:
    """Where the shipped font should be; the caller decides what a missing file means."""
    return models_dir() / SHIPPED
