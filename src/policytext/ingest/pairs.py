"""Plan/summary pair files: FOLDER/NAME.pair.json names a plan and its summary (and, for the
labelled pairs of corpus/, what an inspector concluded task by task)."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import LabelError

PAIR_SUFFIX = ".pair.json"


def pair_body(path: Path) -> dict:
    try:
        body = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(body.get("plan"), str) or not isinstance(body.get("summary"), str):
            raise KeyError("plan and summary must be file names")
        return body
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise LabelError(path, f"not a pair file ({type(e).__name__}: {e})") from None


def pair_files(folder: str | Path) -> list[Path]:
    files = sorted(Path(folder).glob("*" + PAIR_SUFFIX))
    if not files:
        raise LabelError(folder, f"no plan/summary pairs (*{PAIR_SUFFIX}) here")
    return files


def read_pair_names(path: Path) -> tuple[str, Path, Path]:
    """(pair name, plan path, summary path) of a pair file; the labels may be absent."""
    body = pair_body(path)
    return path.name[: -len(PAIR_SUFFIX)], path.parent / body["plan"], path.parent / body["summary"]
