"""The pipeline: CaptionPair -> extract each side -> run the rules -> filter -> Report.

The CLI, the batch runner and the library all call :func:`run`; none holds logic of its own.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import TYPE_CHECKING

from checker.extract import extract_fields, reconcile
from checker.models import CaptionPair, Fields, Finding, Lang, Report, Severity
from checker.rules import ALL_RULES, Context, Rule
from checker.settings import Settings, SettingsError, parse_date

if TYPE_CHECKING:  # the reader is imported only when an image is checked
    from checker.metadata import ImageMetadata

MAX_CAPTION_CHARS = 20_000  # a caption is a paragraph; anything longer is an input error


class InputError(ValueError):
    """An item that cannot be checked; the message says why, for the person who sent it."""


def _side(text: str | None, lang: str, reference: dt.date | None) -> Fields | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise InputError(f"the {lang} caption must be text, not {type(text).__name__}")
    if len(text) > MAX_CAPTION_CHARS:
        raise InputError(
            f"the {lang} caption is {len(text):,} characters long; captions over "
            f"{MAX_CAPTION_CHARS:,} are not checked"
        )
    if not text.strip():
        return None
    return extract_fields(text, "en" if lang == "en" else "ar", reference)


def _is_arabic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    return bool(letters) and arabic * 2 > len(letters)


def _embedded_caption(
    pair: CaptionPair, image: ImageMetadata | None
) -> tuple[str | None, str | None, dict[Lang, str]]:
    """Fill a missing caption from the image's own caption, on the side its script says."""
    en, ar = pair.en, pair.ar
    used: dict[Lang, str] = {}
    if image is None:
        return en, ar, used
    found = image.caption()
    if found is None:
        return en, ar, used
    text = found.value if isinstance(found.value, str) else " ".join(map(str, found.value))
    tag = next(name for name, value in image.tags.items() if value is found)
    if _is_arabic(text):
        if not (ar and ar.strip()):
            ar, used["ar"] = text, tag
    elif not (en and en.strip()):
        en, used["en"] = text, tag
    return en, ar, used


@cache
def _default_settings() -> Settings:
    return Settings()


_ACTIVE: dict[int, tuple[Settings, tuple[tuple[Rule, Severity], ...]]] = {}


def _active_rules(settings: Settings) -> tuple[tuple[Rule, Severity], ...]:
    """The rules these settings run, each with its severity (worked out once per settings)."""
    known = _ACTIVE.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    selected = {c.upper() for c in settings.select}
    active = []
    for rule in ALL_RULES:
        if not settings.enabled(rule.code) or (rule.opt_in and rule.code not in selected):
            continue
        severity = settings.severity.get(rule.code, rule.severity)
        if severity >= settings.min_severity:
            active.append((rule, severity))
    if len(_ACTIVE) > 64:
        _ACTIVE.clear()
    _ACTIVE[id(settings)] = (settings, tuple(active))
    return _ACTIVE[id(settings)][1]


def run(
    pair: CaptionPair, settings: Settings | None = None, image: ImageMetadata | None = None
) -> Report:
    """Check one caption pair, and its image when ``pair.image`` names one (or ``image`` is an
    image already read, e.g. an upload)."""
    settings = settings or _default_settings()
    reference = settings.reference_date
    if pair.date:
        try:
            reference = parse_date(pair.date, "date")
        except SettingsError as exc:
            raise InputError(str(exc)) from None
    if image is None and pair.image is not None:
        if not isinstance(pair.image, (str, os.PathLike)):
            raise InputError("the image must be given as a file path")
        from checker.metadata import read_image

        image = read_image(pair.image)
    if reference is None and image is not None:
        # the photo's own capture date resolves "on Tuesday", "أمس" and "14 اذار/مارس"
        captured = image.capture_time()
        if captured is not None and captured[0].year >= 1990:
            reference = captured[0].date()
    en_text, ar_text, embedded = _embedded_caption(pair, image)
    en = _side(en_text, "en", reference)
    ar = _side(ar_text, "ar", reference)
    if en is None and ar is None:
        raise InputError(
            "no caption to check: give an English caption, an Arabic one, or both"
            + (" (the image carries no caption of its own)" if image is not None else "")
        )
    if en is not None and ar is not None:
        en, ar = reconcile(en, ar)
    ctx = Context(en=en, ar=ar, image=image, embedded=embedded)
    findings: list[Finding] = []
    for rule, severity in _active_rules(settings):
        if rule.needs_both and (en is None or ar is None):
            continue
        if rule.needs_image and image is None:
            continue
        for hit in rule.func(ctx):
            spans = {k: v for k, v in (("en", hit.en), ("ar", hit.ar)) if v}
            findings.append(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    category=rule.category,
                    severity=severity,
                    confidence=hit.confidence,
                    message=hit.message,
                    spans=spans,  # type: ignore[arg-type]
                    suggestion=hit.suggestion,
                    evidence=hit.evidence,
                )
            )
    findings.sort(key=lambda f: (-f.severity, f.code))
    image_json = None
    if image is not None:
        image_json = image.to_json() | {"captions_taken": dict(embedded)}
    return Report(id=pair.id, en=en, ar=ar, findings=tuple(findings), image=image_json)


def error_report(item_id: str | None, message: str) -> Report:
    """The report of an item that could not be checked: the batch goes on."""
    return Report(id=item_id, en=None, ar=None, findings=(), error=message)
