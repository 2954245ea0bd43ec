"""GitHub Actions workflow annotations (``::warning file=...::message``).

GitHub shows at most 10 annotations of each type (error, warning, notice) per step and drops the
rest silently, so the first 10 of each are emitted and the rest are counted in a closing notice;
the full list goes to the job summary (``$GITHUB_STEP_SUMMARY``) when GitHub provides one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from checker.formatters.locate import places
from checker.models import Report, Severity

LIMIT = 10
KIND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(reports: Iterable[Report]) -> tuple[str, str]:
    """(the annotation lines for stdout, a Markdown summary for the job summary)."""
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    lines: list[str] = []
    table = ["| item | rule | severity | message |", "|---|---|---|---|"]
    for report in reports:
        if report.error is not None:
            kind = "error"
            table.append(f"| {report.id} | - | error | cannot check: {report.error} |")
            if shown[kind] < LIMIT:
                lines.append(
                    f"::error title={_prop('caption-checker')}::{_data(f'{report.id}: {report.error}')}"
                )
                shown[kind] += 1
            else:
                hidden[kind] += 1
            continue
        for finding in report.findings:
            kind = KIND[finding.severity]
            table.append(f"| {report.id or ''} | {finding.code} | {finding.severity.label} | "
                         f"{finding.message.replace('|', '/')} |")  # fmt: skip
            if shown[kind] >= LIMIT:
                hidden[kind] += 1
                continue
            shown[kind] += 1
            place = places(report, finding)[0]
            props = [f"title={_prop(f'{finding.code} {finding.name}')}"]
            if place.uri:
                props.insert(0, f"file={_prop(place.uri)}")
                if place.span is not None:
                    props[1:1] = [f"line={place.line}", f"endLine={place.end_line}"]
                    if place.line == place.end_line:
                        props[3:3] = [f"col={place.column}", f"endColumn={place.end_column}"]
            message = finding.message + (
                f" Suggestion: {finding.suggestion}" if finding.suggestion else ""
            )
            lines.append(f"::{kind} {','.join(props)}::{_data(message)}")
    if hidden:
        more = ", ".join(f"{n} more {k}{'s' if n > 1 else ''}" for k, n in hidden.items())
        lines.append(
            f"::notice title=caption-checker::{_data(more + ' not shown (GitHub shows 10 of each type); see the job summary')}"
        )
    return "\n".join(lines), "\n".join(["## caption-checker", "", *table])
