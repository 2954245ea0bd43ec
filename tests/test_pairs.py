"""Whole pairs, as a newsroom sends them: pairs that agree raise no warning, and each pair that
disagrees on one thing raises the finding for that thing. The pairs are written for the project
(fixtures/agreeing_pairs.jsonl, fixtures/disagreeing_pairs.jsonl), in the style of wire captions
and their Arabic versions; they are not copied from the development corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker import check
from checker.models import Severity

FIXTURES = Path(__file__).parent / "fixtures"


def _load(name: str) -> list[dict[str, Any]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("item", _load("agreeing_pairs.jsonl"), ids=lambda i: i["id"])
def test_agreeing_pair_raises_no_warning(item: dict[str, Any]) -> None:
    report = check(en=item["en"], ar=item["ar"])
    loud = [(f.code, f.message) for f in report.findings if f.severity >= Severity.WARNING]
    assert loud == []


@pytest.mark.parametrize("item", _load("disagreeing_pairs.jsonl"), ids=lambda i: i["id"])
def test_disagreeing_pair_raises_its_finding(item: dict[str, Any]) -> None:
    report = check(en=item["en"], ar=item["ar"])
    codes = {f.code for f in report.findings}
    assert set(item["expect"]) <= codes
