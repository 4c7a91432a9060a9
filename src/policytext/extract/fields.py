"""The field registry: one spec per extracted field, and everything that handles fields loops
over it — the JSON contract and Extraction, the batch tables, the notebook display, the spaCy
span groups and evaluation.  Adding a field is one extractor module and one line in FIELDS."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..document import Document, Notice
from ..structure import Outline
from .deadlines import KIND_LABELS, Date, Deadline, dates, is_deadline
from .quotas import Quota, quotas
from .slogans import Slogan, slogans
from .units import Unit, units

ROLE_LABELS = {"lead": "牵头", "responsible": "负责", "support": "配合"}


def _quota_tip(q: Quota) -> str:
    per_year = f"，折合每年{q.per_year:g}" if q.per_year is not None else ""
    return f"量化指标：{q.period} {q.comparator or ''}{q.value}{q.unit}{per_year}"


@dataclass(frozen=True)
class Field:
    """One extracted field.

    name: the key in the JSON and the name of the batch table; record: the item type (a
    frozen Record: to_dict gives its JSON object, its fields the table's columns); extract:
    (document, outline, notices) → items in document order, warnings appended to notices;
    key: the spaCy span group and the notebook mark; label and colours (background, underline)
    for the notebook; tip: an item's tooltip there; typed: the item's fields that must be equal
    for a strict match against gold."""

    name: str
    record: type
    extract: Callable[[Document, Outline, list[Notice]], Iterable[Any]]
    key: str
    label: str
    colours: tuple[str, str]
    tip: Callable[[Any], str]
    typed: tuple[str, ...]
    source: str | None = None  # a field that keeps some items of another (deadlines: the dates
    keep: Callable[[Any], bool] | None = None  # of kind deadline) runs no extractor of its own

    def span_label(self, item: Any) -> str:
        """The spaCy label of an item's spans: the key, or a unit's role (LEAD, SUPPORT, RESPONSIBLE)."""
        return item.role.upper() if self.record is Unit else self.key.upper()


FIELDS: tuple[Field, ...] = (
    Field("quotas", Quota, quotas, "quota", "量化指标", ("#ffe0b2", "#ef6c00"), _quota_tip,
          ("period", "every", "comparator", "value", "value_max", "unit", "per_year", "placeholder")),
    Field("deadlines", Deadline, dates, "deadline", "完成时限", ("#dbeafe", "#1d4ed8"),
          lambda d: f"完成时限：{d.date or d.recurring or '相对时限'}", ("date", "date_from", "recurring", "relative"),
          source="dates", keep=is_deadline),
    Field("units", Unit, units, "unit", "责任单位", ("#dcfce7", "#15803d"),
          lambda u: f"{ROLE_LABELS.get(u.role, u.role)}单位：{u.name}（{u.cue}）", ("name", "role")),
    Field("slogans", Slogan, slogans, "slogan", "固定提法", ("#fce7f3", "#be185d"),
          lambda s: f"固定提法：{s.text}" + (f"（{s.gloss}）" if s.gloss else ""), ("text", "kind", "count")),
    Field("dates", Date, dates, "date", "日期", ("#ede9fe", "#6d28d9"),
          lambda d: f"{KIND_LABELS[d.kind]}：{d.date or d.recurring or d.text}",
          ("kind", "date", "date_from", "recurring", "relative")),
)
BY_NAME = {f.name: f for f in FIELDS}
NAMES = tuple(f.name for f in FIELDS)
