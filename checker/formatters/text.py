"""Findings for people: grouped by pair, severity coloured on a terminal, and Arabic excerpts
wrapped in Unicode isolates so that they read right-to-left inside a left-to-right line."""

from __future__ import annotations

from collections import Counter

import click

from checker.models import LANGS, Fields, Finding, Report, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"


def _excerpt(fields: Fields, start: int, end: int, *, context: int = 30) -> str:
    text = fields.text
    left = max(0, start - context)
    right = min(len(text), end + context)
    before = text[left:start].replace("\n", " ")
    hit = text[start:end].replace("\n", " ")
    after = text[end:right].replace("\n", " ")
    dots_l = "…" if left > 0 else ""
    dots_r = "…" if right < len(text) else ""
    body = f"{dots_l}{before}[{hit}]{after}{dots_r}"
    return f"{RLI}{body}{PDI}" if fields.lang == "ar" else body


def render_finding(report: Report, finding: Finding, *, colour: bool) -> list[str]:
    sev = finding.severity.label
    head = (
        click.style(sev.upper(), fg=_COLOURS[finding.severity], bold=True)
        if colour
        else sev.upper()
    )
    lines = [
        f"  {head} {finding.code} {finding.name} ({finding.confidence:.0%} sure)",
        f"    {finding.message}",
    ]
    for lang in LANGS:
        fields = report.en if lang == "en" else report.ar
        if fields is None:
            continue
        for span in finding.spans.get(lang, ()):
            lines.append(f"    {lang}: {_excerpt(fields, span.start, span.end)}")
    if finding.suggestion:
        suggestion = finding.suggestion
        if any("\u0600" <= ch <= "\u06ff" for ch in suggestion):
            suggestion = f"{FSI}{suggestion}{PDI}"
        lines.append(f"    suggestion: {suggestion}")
    return lines


def render(report: Report, *, colour: bool = False) -> str:
    title = report.id or "caption pair"
    if report.error is not None:
        return f"{title}: cannot check: {report.error}"
    taken = (report.image or {}).get("captions_taken") or {}
    notes = [
        f"  ({'English' if lang == 'en' else 'Arabic'} caption taken from the image's {tag})"
        for lang, tag in taken.items()
    ]
    if not report.findings:
        return "\n".join([f"{title}: no findings", *notes])
    counts = Counter(f.severity.label for f in report.findings)
    summary = ", ".join(f"{n} {label}{'s' if n > 1 else ''}" for label, n in sorted(counts.items()))
    lines = [f"{title}: {summary}", *notes]
    for finding in report.findings:
        lines.extend(render_finding(report, finding, colour=colour))
    return "\n".join(lines)
