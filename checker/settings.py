"""Settings of a check: which rules run, at what severity, and what makes a check fail.

Plain, validated values. (Discovery of ``[tool.caption-checker]`` in pyproject.toml and
``.caption-checker.toml`` builds on this; an unknown key or bad value is an error that names
the file and the key.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from checker.models import Severity


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the setting."""


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()  # rule codes or code prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule overrides
    fail_on: Severity = Severity.ERROR
    min_severity: Severity = Severity.INFO  # findings below this are not reported
    reference_date: dt.date | None = None  # for relative and yearless dates

    def __post_init__(self) -> None:
        from checker.rules import BY_CODE

        for key, codes in (("select", self.select), ("ignore", self.ignore)):
            for code in codes:
                if not any(c.startswith(code.upper()) for c in BY_CODE):
                    raise SettingsError(f"{key}: no rule code starts with {code!r}")
        for code in self.severity:
            if code.upper() not in BY_CODE:
                raise SettingsError(f"severity: unknown rule code {code!r}")

    def enabled(self, code: str) -> bool:
        return _enabled(self.select, self.ignore, code)


@lru_cache(maxsize=4096)
def _enabled(select: tuple[str, ...], ignore: tuple[str, ...], code: str) -> bool:
    if select and not any(code.startswith(s.upper()) for s in select):
        return False
    return not any(code.startswith(s.upper()) for s in ignore)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request to the HTTP hook may ask (``caption-check serve`` flags default to these)."""

    max_body: int = 2_000_000  # bytes of a JSON body
    max_upload: int = 25_000_000  # bytes of a multipart body (an image upload)
    max_items: int = 100  # pairs in a batch, figures in an article
    timeout: float = 10.0  # seconds of checking per request


def parse_date(value: str, what: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise SettingsError(f"{what}: {value!r} is not a date (expected YYYY-MM-DD)") from None
