"""JUnit XML: one test case per caption pair, failed by its findings at or above the fail level
(CI systems that read nothing else read this)."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from checker.models import Report, Severity


def render(reports: Iterable[Report], fail_on: Severity) -> str:
    cases: list[str] = []
    failures = errors = 0
    for report in reports:
        name = quoteattr(report.id or "caption pair")
        if report.error is not None:
            errors += 1
            cases.append(f'  <testcase classname="caption-checker" name={name}>'
                         f"<error message={quoteattr(report.error)}/></testcase>")  # fmt: skip
            continue
        bad = [f for f in report.findings if f.severity >= fail_on]
        if not bad:
            cases.append(f'  <testcase classname="caption-checker" name={name}/>')
            continue
        failures += 1
        body = escape("\n".join(f"{f.code} {f.severity.label}: {f.message}" for f in bad))
        first = quoteattr(f"{bad[0].code}: {bad[0].message}")
        cases.append(f'  <testcase classname="caption-checker" name={name}>'
                     f'<failure message={first} type="{bad[0].severity.label}">{body}</failure></testcase>')  # fmt: skip
    head = (f'<testsuite name="caption-checker" tests="{len(cases)}" failures="{failures}" '
            f'errors="{errors}">')  # fmt: skip
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *cases, "</testsuite>"])
