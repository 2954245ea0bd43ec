"""Frozen records shared by every pipeline stage.

Each stage takes the previous stage's immutable output: ``CaptionPair`` -> ``Fields`` per side
-> ``Finding`` list -> ``Report``. Spans are ``[start, end)`` code-point offsets into the
ORIGINAL caption text, never into a normalised copy.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "caption-checker/1"

Lang = Literal["en", "ar"]
LANGS: tuple[Lang, Lang] = ("en", "ar")


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``>=`` compares with a fail level."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


class Category(enum.StrEnum):
    DATE = "date"
    CREDIT = "credit"
    PLACE = "place"
    NUMBER = "number"
    NAME = "name"
    SPELLING = "spelling"
    TEXT = "text"
    METADATA = "metadata"
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Credit:
    text: str
    span: Span
    agency: str | None
    photographers: tuple[str, ...] = ()
    photographer_spans: tuple[Span, ...] = ()
    source: str | None = None
    source_span: Span | None = None
    file: bool = False
    handout: bool = False
    pool: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": self.span.as_list(),
            "agency": self.agency,
            "photographers": list(self.photographers),
            "source": self.source,
            "file": self.file,
            "handout": self.handout,
            "pool": self.pool,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    span: Span
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None  # 0 = Monday, as datetime.weekday()
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    relative: bool = False  # "on Tuesday", "أمس": no absolute date of its own
    defective: bool = False  # e.g. a two-digit year: reported, never guessed
    date_span: Span | None = None  # the date proper, without a weekday written before it

    @property
    def iso(self) -> str | None:
        if self.year is None or self.relative:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def core_span(self) -> Span:
        return self.date_span or self.span

    @property
    def is_full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def to_json(self) -> dict[str, Any]:
        from checker.data import WEEKDAYS_EN

        return {
            "text": self.text,
            "span": self.span.as_list(),
            "date": self.iso,
            "weekday": WEEKDAYS_EN[self.weekday] if self.weekday is not None else None,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    span: Span
    ids: tuple[str, ...]  # gazetteer candidates, best first; empty when not in the gazetteer
    name: str | None
    country: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": self.span.as_list(),
            "name": self.name,
            "country": self.country,
        }


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named after a title ("President Bashar Assad"); ``role`` is the title's role."""

    text: str
    span: Span
    role: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.as_list(), "role": self.role}


@dataclass(frozen=True, slots=True)
class NumberMention:
    text: str
    span: Span
    value: float
    approximate: bool = False  # "about", "nearly", "نحو"
    vague: bool = False  # "hundreds", "مئات": any figure of that order
    at_least: bool = False  # "at least 12", "12 على الأقل": a lower bound (also approximate)

    def to_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "span": self.span.as_list(), "value": value}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the caption with its span and its comparison key (folded, clitics off)."""

    text: str
    span: Span
    key: str


@dataclass(frozen=True, slots=True)
class Fields:
    """Everything extracted from one caption."""

    lang: Lang
    text: str
    body: Span
    credit: Credit | None
    dates: tuple[DateMention, ...]
    places: tuple[PlaceMention, ...]
    numbers: tuple[NumberMention, ...]
    tokens: tuple[Token, ...] = ()
    people: tuple[PersonMention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "credit": self.credit.to_json() if self.credit else None,
            "dates": [d.to_json() for d in self.dates],
            "places": [p.to_json() for p in self.places],
            "numbers": [n.to_json() for n in self.numbers],
            "people": [p.to_json() for p in self.people],
        }


@dataclass(frozen=True, slots=True)
class CaptionPair:
    """The input of one check: either caption may be absent."""

    en: str | None = None
    ar: str | None = None
    id: str | None = None
    image: str | None = None
    date: str | None = None  # reference date (YYYY-MM-DD) for relative and yearless dates


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: Category
    severity: Severity
    confidence: float
    message: str
    spans: dict[Lang, tuple[Span, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.label,
            "confidence": round(self.confidence, 2),
            "message": self.message,
            "spans": {lang: [s.as_list() for s in self.spans.get(lang, ())] for lang in LANGS},
            "suggestion": self.suggestion,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Report:
    id: str | None
    en: Fields | None
    ar: Fields | None
    findings: tuple[Finding, ...]
    image: dict[str, Any] | None = None
    error: str | None = None  # set when the item could not be checked at all
    sources: dict[str, str] = field(default_factory=dict)  # "en"/"ar"/"image" -> file path

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "en": self.en.to_json() if self.en else None,
            "ar": self.ar.to_json() if self.ar else None,
            "image": self.image,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.error is not None:
            out["error"] = self.error
        if self.sources:
            out["sources"] = dict(self.sources)
        return out
