"""caption-checker: find where an English wire caption and its Arabic counterpart drift apart.

The stable API::

    from checker import check
    report = check(en="... (AP Photo/Alexander Kots)", ar="... (أسوشيتد برس)")
    for finding in report.findings:
        print(finding.code, finding.message)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from checker.engine import InputError, error_report, run
from checker.models import SCHEMA, CaptionPair, Category, Finding, Report, Severity, Span
from checker.settings import Settings, SettingsError

__version__ = "0.1.0"


def check(
    en: str | None = None,
    ar: str | None = None,
    *,
    id: str | None = None,
    date: str | None = None,
    image: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
) -> Report:
    """Check one caption pair (either caption may be None), and the image's metadata against it
    when ``image`` is a path (the image's own caption fills a missing one). Raises InputError on
    bad input; an unreadable image is a finding (MD001), not an exception."""
    return run(
        CaptionPair(en=en, ar=ar, id=id, date=date, image=os.fspath(image) if image else None),
        settings,
    )


def check_many(
    pairs: Iterable[CaptionPair], *, settings: Settings | None = None
) -> Iterator[Report]:
    """Check pairs lazily, in order; a bad item gives an error report and the rest go on."""
    for pair in pairs:
        try:
            yield run(pair, settings)
        except InputError as exc:
            yield error_report(pair.id, str(exc))


__all__ = [
    "SCHEMA",
    "CaptionPair",
    "Category",
    "Finding",
    "InputError",
    "Report",
    "Settings",
    "SettingsError",
    "Severity",
    "Span",
    "__version__",
    "check",
    "check_many",
]
