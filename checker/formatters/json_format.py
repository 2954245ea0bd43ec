"""The machine contract: ``caption-checker/1`` JSON (one object; one per line for jsonl)."""

from __future__ import annotations

import json

from checker.models import Report


def render(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=indent)


def render_line(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, separators=(",", ":"))
