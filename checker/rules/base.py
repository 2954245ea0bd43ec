"""What a rule is, and what it sees.

A rule is one small function registered with its stable code, kebab-case name, category and
default severity. Its docstring, written in fixed sections (What it checks / Why it matters /
Example / Use instead), is its documentation: ``caption-check rule CODE`` prints it.

Rules never read files, parse text or look at configuration: they get a :class:`Context`
holding both captions' extracted fields and yield :class:`Hit` records; the engine turns hits
into findings with the rule's code, name, category and (possibly overridden) severity.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from checker.models import Category, Fields, Lang, Severity, Span

if TYPE_CHECKING:  # the reader is imported only when an image is checked
    from checker.metadata import ImageMetadata

SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead")


@dataclass(frozen=True, slots=True)
class Context:
    en: Fields | None
    ar: Fields | None
    image: ImageMetadata | None = None
    # which caption came from the image's own metadata, and from which tag
    embedded: dict[Lang, str] = field(default_factory=dict)

    def side(self, lang: Lang) -> Fields | None:
        return self.en if lang == "en" else self.ar

    def both(self) -> tuple[Fields, Fields] | None:
        if self.en is None or self.ar is None:
            return None
        return self.en, self.ar

    def sides(self) -> Iterator[tuple[Lang, Fields]]:
        """Each caption that was given, English first."""
        for lang, fields in (("en", self.en), ("ar", self.ar)):
            if fields is not None:
                yield lang, fields  # type: ignore[misc]

    def directions(self) -> Iterator[tuple[Lang, Fields, Fields]]:
        """(language, its caption, the other caption) both ways round, when both are given."""
        if self.en is not None and self.ar is not None:
            yield "en", self.en, self.ar
            yield "ar", self.ar, self.en


@dataclass(frozen=True, slots=True)
class Hit:
    message: str
    en: tuple[Span, ...] = ()
    ar: tuple[Span, ...] = ()
    confidence: float = 0.9
    suggestion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def at(cls, message: str, spans: Mapping[Lang, tuple[Span, ...]], **kwargs: Any) -> Hit:
        """A hit whose spans are given by language: ``Hit.at(msg, {lang: (span,)})``."""
        return cls(message, en=spans.get("en", ()), ar=spans.get("ar", ()), **kwargs)


RuleFunc = Callable[[Context], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    func: RuleFunc
    needs_both: bool
    needs_image: bool = False
    opt_in: bool = False  # a style rule: runs only when its code is selected by name

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    def summary(self) -> str:
        """The first line of the rule's documentation."""
        return self.doc.splitlines()[0] if self.doc else ""


def rule(
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    *,
    needs_both: bool = True,
    needs_image: bool = False,
    opt_in: bool = False,
) -> Callable[[RuleFunc], Rule]:
    """Declare a rule. ``needs_both``: it compares the two captions, so it is skipped when
    one is absent. ``needs_image``: it reads the image's metadata, so it is skipped without one.
    ``opt_in``: a house-style rule that runs only when its code is named in ``select``."""

    def wrap(func: RuleFunc) -> Rule:
        return Rule(code, name, category, severity, func, needs_both, needs_image, opt_in)

    return wrap


LANG_NAME = {"en": "English", "ar": "Arabic"}

_T = TypeVar("_T")


def per_caption(func: Callable[[Fields], _T]) -> Callable[[Fields], _T]:
    """Remember a value computed from one caption's fields while the rules of a check run:
    several rules ask for the same clause or sentence boundaries. Keyed by the object itself,
    and only the last few captions are kept."""
    memo: dict[int, tuple[Fields, _T]] = {}

    def wrapper(fields: Fields) -> _T:
        hit = memo.get(id(fields))
        if hit is not None and hit[0] is fields:
            return hit[1]
        value = func(fields)
        if len(memo) > 64:
            memo.clear()
        memo[id(fields)] = (fields, value)
        return value

    wrapper.__doc__ = func.__doc__
    return wrapper


def other(lang: Lang) -> Lang:
    return "ar" if lang == "en" else "en"


_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Sgt|Lt|"
    r"Col|Capt|Maj|Mr|Mrs|Ms|Dr|St|Mt|No|Gov|Sen|Rep|Pres|Jr|Sr|Co|Corp|Inc|U\.S|"
    r"U\.N|U\.K))\.$"
)


_SENTENCE_END = re.compile(r"[.!?؟]\s+(?=\S)|\n")


@per_caption
def first_sentence_end(fields: Fields) -> int:
    """Where the caption's first sentence ends (its description of the photo)."""
    text = fields.text
    limit = fields.body.end
    for m in _SENTENCE_END.finditer(text, 0, limit):
        if m.group(0) == "\n" or not _ABBREV.search(text, max(0, m.start() - 12), m.start() + 1):
            return m.start()
    return limit
