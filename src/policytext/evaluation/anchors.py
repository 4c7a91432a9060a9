"""Gold items located by their text, not by offsets: white space is ignored on both sides, so
one gold file fits the analysed text however the reader joins hard-wrapped lines."""
from __future__ import annotations

from dataclasses import dataclass

_WHITE = frozenset(" \t\n\r\f\v\u3000\u00a0\u2028\u2029")


class AnchorError(ValueError):
    """A gold item that cannot be found, or found more than once, in its document."""


@dataclass(frozen=True)
class Squashed:
    """text without white space, and where each of its characters sits in the original."""

    text: str
    at: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> "Squashed":
        at = tuple(i for i, ch in enumerate(original) if ch not in _WHITE)
        return cls("".join(original[i] for i in at), at)

    def span(self, s: int, e: int) -> tuple[int, int]:
        """The original span of squashed[s:e]."""
        return self.at[s], self.at[e - 1] + 1


def squash(s: str) -> str:
    return "".join(ch for ch in s if ch not in _WHITE)


def _all(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def locate(doc: Squashed, text: str, context: str | None = None) -> tuple[int, int]:
    """(start, end) in the original text of an item given by its text and, when the text is
    not unique, a context that is.  Raises AnchorError saying what is wrong."""
    needle = squash(text)
    if not needle:
        raise AnchorError("empty text")
    if context:
        ctx = squash(context)
        hits = _all(doc.text, ctx)
        if len(hits) != 1:
            raise AnchorError(f"context {context!r} occurs {len(hits)} times (must be once)")
        inner = _all(ctx, needle)
        if len(inner) != 1:
            raise AnchorError(f"{text!r} occurs {len(inner)} times in its context (must be once)")
        s = hits[0] + inner[0]
    else:
        hits = _all(doc.text, needle)
        if len(hits) != 1:
            raise AnchorError(f"{text!r} occurs {len(hits)} times: add a context that occurs once"
                              if hits else f"{text!r} is not in the document")
        s = hits[0]
    return doc.span(s, s + len(needle))
