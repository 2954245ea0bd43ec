"""SARIF 2.1.0, as GitHub code scanning and other CI dashboards take it.

Rule ids are the stable rule codes; each result carries a fingerprint built from the rule, the
item and the words it points at (not their offsets), so that a finding keeps its identity when
text elsewhere in the caption moves. Columns count Unicode code points, as the spans do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from checker import __version__
from checker.formatters.locate import excerpt, places
from checker.models import Report, Severity
from checker.rules import ALL_RULES

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary()},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.doc},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"category": r.category.value, "tags": [r.category.value]},
        }
        for r in ALL_RULES
    ]


def render(reports: Iterable[Report]) -> str:
    index = {r.code: i for i, r in enumerate(ALL_RULES)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: dict[str, int] = {}
    for report in reports:
        if report.error is not None:
            notifications.append(
                {"level": "error", "message": {"text": f"{report.id}: {report.error}"}}
            )
            continue
        for finding in report.findings:
            locations = []
            words = []
            for place in places(report, finding):
                uri = place.uri or f"caption/{report.id or 'pair'}.{place.lang}"
                artifacts.setdefault(uri, len(artifacts))
                region: dict[str, Any] = {
                    "startLine": place.line,
                    "startColumn": place.column,
                    "endLine": place.end_line,
                    "endColumn": place.end_column,
                }
                text = excerpt(report, place)
                if text:
                    region["snippet"] = {"text": text}
                    words.append(text)
                location: dict[str, Any] = {
                    "physicalLocation": {"artifactLocation": {"uri": uri, "index": artifacts[uri]}}
                }
                if place.span is not None:
                    location["physicalLocation"]["region"] = region
                locations.append(location)
            seed = "\x1f".join(
                [finding.code, report.id or "", *words, *(() if words else (finding.message,))]
            )
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": locations,
                "partialFingerprints": {
                    "captionChecker/v1": hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
                },
                "properties": {
                    "confidence": round(finding.confidence, 2),
                    "category": finding.category.value,
                },
            }
            if finding.suggestion:
                result["properties"]["suggestion"] = finding.suggestion
            results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "caption-checker",
                "version": __version__,
                "informationUri": "https://github.com/caption-checker/caption-checker",
                "rules": _rules(),
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
        "results": results,
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": True, "toolExecutionNotifications": notifications}
        ]
    return json.dumps(
        {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=1
    )
