"""Output formats: SARIF 2.1.0 (validated against the schema), GitHub annotations (10 per type,
the rest summarised), JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "fixtures" / "sarif-2.1.0-rtm.4.json"


def _seed_args() -> list[str]:
    return ["check", "--en-file", str(ROOT / "captions/hmeimim-2015.en.txt"),
            "--ar-file", str(ROOT / "captions/hmeimim-2015.ar.txt")]  # fmt: skip


def test_sarif_validates_and_points_into_the_files() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = CliRunner().invoke(main, [*_seed_args(), "--format", "sarif"])
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text("utf-8")))
    run = log["runs"][0]
    ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    results = run["results"]
    assert {r["ruleId"] for r in results} <= ids
    spelling = next(r for r in results if r["ruleId"] == "SP001")
    region = spelling["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "runaway"
    assert spelling["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "hmeimim-2015.en.txt"
    )
    text = (ROOT / "captions/hmeimim-2015.en.txt").read_text("utf-8")
    assert text.splitlines()[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(
        "runaway"
    )
    fingerprints = [r["partialFingerprints"]["captionChecker/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    again = json.loads(CliRunner().invoke(main, [*_seed_args(), "--format", "sarif"]).stdout)
    assert [r["partialFingerprints"] for r in again["runs"][0]["results"]] == [
        r["partialFingerprints"] for r in results
    ]


def test_github_annotations_are_capped_and_summarised(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    seed_en = (ROOT / "captions/hmeimim-2015.en.txt").read_text("utf-8")
    seed_ar = (ROOT / "captions/hmeimim-2015.ar.txt").read_text("utf-8")
    manifest.write_text(
        "\n".join(
            json.dumps({"id": f"p{i}", "en": seed_en, "ar": seed_ar}, ensure_ascii=False)
            for i in range(5)
        ),
        "utf-8",
    )
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(main, ["batch", str(manifest), "--format", "github"],
                                env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    lines = result.stdout.splitlines()
    warnings = [line for line in lines if line.startswith("::warning")]
    assert len(warnings) == 10  # 5 pairs x 4 warnings = 20; GitHub would drop the rest
    assert any("10 more warnings not shown" in line for line in lines)
    assert summary.read_text("utf-8").count("| p") == 20


def test_github_escapes_message_and_properties() -> None:
    from checker.formatters.github import _data, _prop

    assert _data("a%b\nc") == "a%25b%0Ac"
    assert _prop("x:y,z") == "x%3Ay%2Cz"


def test_junit_is_xml_with_failures() -> None:
    result = CliRunner().invoke(main, [*_seed_args(), "--format", "junit", "--fail-on", "warning"])
    suite = ET.fromstring(result.stdout)
    assert suite.get("tests") == "1"
    assert suite.get("failures") == "1"
    assert "SP001" in suite.find("testcase/failure").text  # type: ignore[union-attr]
