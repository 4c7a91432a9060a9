"""The lexicons kept as data in models/lexicons: unit and role words, fixed formulations,
and quoted names that are not formulations.  Loaded on first use, never at import time."""
from __future__ import annotations

import operator
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from pathlib import Path

from .errors import ModelsNotFoundError

ENV_VAR = "POLICYTEXT_MODELS"


def models_dir() -> Path:
    """$POLICYTEXT_MODELS, else the repository's models/ (editable install), else the copy
    installed under sys.prefix/share/policytext/models by a wheel."""
    env = os.environ.get(ENV_VAR)
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[2] / "models",
                   Path(sys.prefix) / "share" / "policytext" / "models"]
    for c in candidates:
        if (c / "lexicons").is_dir():
            return c
    raise ModelsNotFoundError(candidates[0], f"no lexicons/ folder here; set {ENV_VAR} to the models/ folder")


def _rows(name: str) -> list[list[str]]:
    path = models_dir() / "lexicons" / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ModelsNotFoundError(path, f"cannot read lexicon ({e.strerror})") from None
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class UnitLexicon:
    suffixes: tuple[str, ...]  # longest first, so 党支部 wins over 部
    roles: tuple[str, ...]
    names: frozenset[str]
    not_names: tuple[str, ...] = ()  # words that end with a suffix and name no unit (家庭, 全部)

    def is_unit_name(self, name: str) -> bool:
        if name.endswith(self.not_names):  # 区妇联家庭 (和儿童工作部): a family is no 庭
            return False
        return name in self.names or name.endswith(self.suffixes) or name.endswith(self.roles)


@lru_cache(maxsize=None)
def units() -> UnitLexicon:
    by_kind: dict[str, list[str]] = {"suffix": [], "role": [], "name": [], "not": []}
    for row in _rows("units.txt"):
        by_kind[row[1].strip()].append(row[0].strip())
    key = lambda w: (-len(w), w)  # noqa: E731
    return UnitLexicon(tuple(sorted(by_kind["suffix"], key=key)), tuple(sorted(by_kind["role"], key=key)),
                       frozenset(by_kind["name"]), tuple(sorted(by_kind["not"], key=key)))


@lru_cache(maxsize=None)
def slogans() -> tuple[str, ...]:
    """Fixed formulations recognised without quotes, longest first."""
    return tuple(sorted({row[0].strip() for row in _rows("slogans.txt")}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def slogan_set() -> frozenset[str]:
    return frozenset(slogans())


@lru_cache(maxsize=None)
def slogan_regex() -> re.Pattern[str]:
    """All lexicon formulas in one alternation, longest first: one pass over the text."""
    from .patterns import literal_alternation

    return literal_alternation(slogans())


@dataclass(frozen=True)
class NotSlogans:
    names: frozenset[str]
    suffixes: tuple[str, ...]

    def __contains__(self, text: str) -> bool:
        return text in self.names or text.endswith(self.suffixes)


@lru_cache(maxsize=None)
def not_slogans() -> NotSlogans:
    rows = [r[0].strip() for r in _rows("not_slogans.txt")]
    return NotSlogans(frozenset(r for r in rows if not r.startswith("*")),
                      tuple(r[1:] for r in rows if r.startswith("*")))


@dataclass(frozen=True)
class Concepts:
    """Synonym groups for the comparison: word → the group's first word."""

    of: dict[str, str]
    regex: re.Pattern[str]


@lru_cache(maxsize=None)
def concepts() -> Concepts:
    from .patterns import literal_alternation

    of: dict[str, str] = {}
    for row in _rows("concepts.txt"):
        words = [w.strip() for w in row if w.strip()]
        for w in words:
            of.setdefault(w, words[0])
    return Concepts(of, literal_alternation(of))


@lru_cache(maxsize=None)
def generic_words() -> frozenset[str]:
    """Words too common in plans and summaries to count as shared content."""
    return frozenset(r[0].strip() for r in _rows("generic.txt"))


@dataclass(frozen=True)
class Audiences:
    """Groups of whom or what a task is for (models/lexicons/audiences.txt): word → (category,
    group), one regex for all words, longest first.  A group may stand inside one of another
    category too (新生 are students): `groups` and `mask` give both."""

    of: dict[str, tuple[str, str]]
    regex: re.Pattern[str]
    bits: dict[tuple[str, str], int]  # each group's bit
    categories: dict[str, int]  # each category's bits together
    implies: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    masks: dict[str, int] = field(default_factory=dict)  # each word's bits, worked out once

    def groups(self, word: str) -> tuple[tuple[str, str], ...]:
        """The word's group, then the groups that one stands inside."""
        own = self.of[word]
        return (own, *self.implies.get(own, ()))

    def mask(self, word: str) -> int:
        """The bits of the word's groups."""
        return self.masks[word]


@lru_cache(maxsize=None)
def audiences() -> Audiences:
    from .patterns import literal_alternation

    of: dict[str, tuple[str, str]] = {}
    bits: dict[tuple[str, str], int] = {}
    cats: dict[str, int] = {}
    implies: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in _rows("audiences.txt"):
        cat, group, *words = [w.strip() for w in row if w.strip()]
        if cat == _IMPLIES:  # implies<TAB>cohort/freshmen<TAB>people/students
            implies.setdefault(_group_name(group), []).extend(_group_name(w) for w in words)
            continue
        bit = bits.setdefault((cat, group), 1 << len(bits))
        cats[cat] = cats.get(cat, 0) | bit
        for w in words:
            of.setdefault(w, (cat, group))
    if len(bits) > _MAX_GROUPS:  # a mask keeps the groups named and, above them, the groups served
        raise ValueError(f"audiences.txt: {len(bits)} groups, at most {_MAX_GROUPS} fit an audience mask")
    unknown = [g for g in (*implies, *(x for v in implies.values() for x in v)) if g not in bits]
    if unknown:
        raise ValueError(f"audiences.txt: 'implies' names unknown groups: {', '.join('/'.join(g) for g in unknown)}")
    implied = {g: tuple(v) for g, v in implies.items()}
    masks = {w: reduce(operator.or_, (bits[x] for x in implied.get(g, ())), bits[g]) for w, g in of.items()}
    return Audiences(of, literal_alternation(of), bits, cats, implied, masks)


_IMPLIES = "implies"


def _group_name(text: str) -> tuple[str, str]:
    cat, _, group = text.partition("/")
    return cat, group


_MAX_GROUPS = 128  # the groups named, and apart from them the groups served, are each two uint64 words
