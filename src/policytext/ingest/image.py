"""Scanned pages saved as images (.png, .jpg, .tif, multi-page .tif): read by OCR like the
scanned pages of a PDF, one page a frame, through the same cleaning (letterhead, page numbers,
rejoined lines).  Every character of Document.text is one character of a page's OCR reading,
and Document.runs says which page and where, as for a PDF."""
from __future__ import annotations

import itertools
from pathlib import Path

from ..document import Document
from ..errors import CorruptFileError, EmptyDocumentError, NoTextLayerError, TooLargeError
from .ocr import INSTALL

MAX_FRAMES = 1000

def read_image(path: Path, ocr: str = "auto") -> Document:
    """ocr: "auto" and "always" read the image by OCR (the extra must be installed);
    "off" refuses it, since an image has no text but what OCR reads."""
    from . import ocr as O
    from .pdf import _assemble, _drop_furniture, _Scans

    if ocr not in ("auto", "off", "always"):
        raise ValueError(f"ocr must be 'auto', 'off' or 'always', not {ocr!r}")
    frames = _frames(path)
    first = next(frames)  # a file that is not a readable image is refused as such, OCR or not
    if ocr == "off":
        raise NoTextLayerError(path, "an image has no text layer and OCR is off (--ocr off)")
    if not O.available():
        raise NoTextLayerError(path, f"an image is read by OCR, which is not installed: {INSTALL}")
    scans = _Scans(O.engine(O.threads_from_env()))
    pages = [scans.read_image(rgb, i + 1, scale) for i, (rgb, scale) in enumerate(itertools.chain([first], frames))]
    n = len(pages)
    pages, dropped = _drop_furniture(pages)
    if not any(pages):
        raise EmptyDocumentError(path, f"OCR found no text on {'the image' if n == 1 else f'any of its {n} pages'} (blank?)")
    return _assemble(path, pages, n, {}, dropped, scans, format="image")

def _frames(path: Path):
    """Each frame as (RGB array, scale): shrunk to the OCR's long side when larger, scale the
    factor, so line positions stay in the image's own pixels.  Refuses what is not an image,
    and images past Pillow's decompression-bomb limit (about 179 million pixels; a page at
    600 dpi has 35 million)."""
    import warnings

    import numpy as np
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .ocr import long_side

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
            im.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise TooLargeError(path, f"too many pixels for a scanned page (a decompression bomb?): {e}") from None
    except UnidentifiedImageError:
        raise CorruptFileError(path, "not a readable image (unknown or damaged format)") from None
    except (OSError, SyntaxError, ValueError) as e:  # Pillow's truncated / broken file errors
        raise CorruptFileError(path, f"damaged image: {e}") from None
    with im:
        frames = getattr(im, "n_frames", 1)
        if frames > MAX_FRAMES:
            raise TooLargeError(path, f"{frames} pages (limit {MAX_FRAMES})")
        try:
            for frame in ImageSequence.Iterator(im):
                page = frame.convert("RGB")
                f = min(1.0, long_side() / max(page.size))
                if f < 1.0:
                    page = page.resize((max(1, round(page.width * f)), max(1, round(page.height * f))),
                                       Image.Resampling.LANCZOS)
                yield np.asarray(page), f
        except (OSError, SyntaxError, ValueError) as e:
            raise CorruptFileError(path, f"damaged image: {e}") from None
