"""The machine contract: ``caption-checker/1`` JSON (one object; one per line for jsonl)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from checker.models import Report


def render(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=indent)


def render_many(reports: Iterable[Report]) -> str:
    """A JSON array of reports (``--format json`` over a batch)."""
    return "[\n" + ",\n".join(render(r) for r in reports) + "\n]"


def render_line(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, separators=(",", ":"))
