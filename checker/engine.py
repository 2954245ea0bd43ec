"""The pipeline: CaptionPair -> extract each side -> run the rules -> filter -> Report.

The CLI, the batch runner and the library all call :func:`run`; none holds logic of its own.
"""

from __future__ import annotations

import datetime as dt

from checker.extract import extract_fields
from checker.models import CaptionPair, Fields, Finding, Report
from checker.rules import ALL_RULES, Context
from checker.settings import Settings, SettingsError, parse_date

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


def run(pair: CaptionPair, settings: Settings | None = None) -> Report:
    """Check one caption pair."""
    settings = settings or Settings()
    reference = settings.reference_date
    if pair.date:
        try:
            reference = parse_date(pair.date, "date")
        except SettingsError as exc:
            raise InputError(str(exc)) from None
    en = _side(pair.en, "en", reference)
    ar = _side(pair.ar, "ar", reference)
    if en is None and ar is None:
        raise InputError("no caption to check: give an English caption, an Arabic one, or both")
    ctx = Context(en=en, ar=ar)
    findings: list[Finding] = []
    for rule in ALL_RULES:
        if not settings.enabled(rule.code):
            continue
        if rule.needs_both and (en is None or ar is None):
            continue
        severity = settings.severity.get(rule.code, rule.severity)
        if severity < settings.min_severity:
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
    return Report(id=pair.id, en=en, ar=ar, findings=tuple(findings))


def error_report(item_id: str | None, message: str) -> Report:
    """The report of an item that could not be checked: the batch goes on."""
    return Report(id=item_id, en=None, ar=None, findings=(), error=message)
