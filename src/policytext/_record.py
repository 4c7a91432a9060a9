"""frozen: @dataclass(frozen=True) for the records made by the ten thousand per document.

A frozen dataclass's __init__ sets each field through object.__setattr__, which costs about
a microsecond per record of a dozen fields; over a megabyte of text (tasks, paragraphs,
quotas) that was a twentieth of the whole analysis.  The __init__ made here writes the
instance dict directly, with the same signature and defaults.  Everything else (eq, hash,
repr, immutability, pickling) is the dataclass's own.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import TypeVar

T = TypeVar("T", bound=type)


def frozen(cls: T) -> T:
    cls = dataclass(frozen=True)(cls)
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: frozen() does not run __post_init__; use @dataclass(frozen=True)")
    params, names, defaults = [], [], {}
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: frozen() takes plain fields only")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
        names.append(f.name)
    body = "".join(f"    d[{n!r}] = {n}\n" for n in names)
    src = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{body}"
    namespace: dict = {}
    exec(src, defaults, namespace)  # noqa: S102 - generated from the field names alone, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


class Record:
    """What every extracted item (Quota, Deadline, Unit, Slogan…) offers: its JSON object, made
    from its fields in declaration order, and the spans it covers in document.text."""

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def places(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of every place the item occurs: its one span, or a slogan's every occurrence."""
        return getattr(self, "spans", None) or ((self.start, self.end),)
