"""The command line: exit codes, formats, bad input handled without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
EN_FILE = str(ROOT / "captions" / "hmeimim-2015.en.txt")
AR_FILE = str(ROOT / "captions" / "hmeimim-2015.ar.txt")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_seed_text_exit_zero_by_default(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--en-file", EN_FILE, "--ar-file", AR_FILE])
    assert result.exit_code == 0, result.output
    assert "runway" in result.output
    assert "Alexander Kots" in result.output


def test_fail_on_warning_exits_one(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["check", "--en-file", EN_FILE, "--ar-file", AR_FILE, "--fail-on", "warning"]
    )
    assert result.exit_code == 1


def test_json_format_is_the_contract(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["check", "--en-file", EN_FILE, "--ar-file", AR_FILE, "--format", "json"]
    )
    data = json.loads(result.output)
    assert data["schema"] == "caption-checker/1"
    assert {f["code"] for f in data["findings"]} == {"SP001", "DT001", "CR003", "CR004"}


def test_select_and_ignore(runner: CliRunner) -> None:
    out = runner.invoke(
        main,
        ["check", "--en-file", EN_FILE, "--ar-file", AR_FILE, "--format", "json", "--select", "CR"],
    )
    assert {f["code"] for f in json.loads(out.output)["findings"]} == {"CR003", "CR004"}
    out = runner.invoke(
        main,
        [
            "check",
            "--en-file",
            EN_FILE,
            "--ar-file",
            AR_FILE,
            "--format",
            "json",
            "--ignore",
            "CR,SP",
        ],
    )
    assert {f["code"] for f in json.loads(out.output)["findings"]} == {"DT001"}
    bad = runner.invoke(main, ["check", "--en", "x", "--select", "ZZ"])
    assert bad.exit_code == 2
    assert "ZZ" in bad.output


def test_missing_file_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["check", "--en-file", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_wrong_encoding_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("طائرة سوخوي روسية".encode("cp1256"))
    result = runner.invoke(main, ["check", "--ar-file", str(path)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


def test_utf8_bom_and_utf16_are_read(runner: CliRunner, tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffA jet on Friday, Oct. 3, 2015.".encode())
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("طائرة في 3 أكتوبر 2015".encode("utf-16"))
    result = runner.invoke(
        main, ["check", "--en-file", str(bom), "--ar-file", str(utf16), "--format", "json"]
    )
    assert result.exit_code == 1  # DT003: 3 October 2015 was a Saturday
    data = json.loads(result.output)
    assert data["ar"]["dates"][0]["date"] == "2015-10-03"


def test_empty_and_huge_captions(runner: CliRunner) -> None:
    empty = runner.invoke(main, ["check", "--en", "  ", "--ar", ""])
    assert empty.exit_code == 2
    assert "no caption" in empty.output
    huge = runner.invoke(main, ["check", "--en", "word " * 10_000])
    assert huge.exit_code == 2
    assert "characters long" in huge.output


def test_batch_streams_one_record_per_line_and_goes_on(runner: CliRunner) -> None:
    result = runner.invoke(main, ["batch", str(FIXTURES / "manifest.jsonl")])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["good", "line 2", "empty", "english-only", "number", "last"]
    assert "error" not in lines[0]
    assert "not JSON" in lines[1]["error"]
    assert "no caption" in lines[2]["error"]
    assert lines[3]["ar"] is None
    assert any(f["code"] == "DT003" for f in lines[3]["findings"])
    assert "must be text" in lines[4]["error"]
    assert lines[5]["findings"] == [] or all(f["severity"] != "error" for f in lines[5]["findings"])
    assert result.exit_code == 1  # errors in the batch


def test_rules_and_rule(runner: CliRunner) -> None:
    listing = runner.invoke(main, ["rules"])
    assert "DT001" in listing.output
    assert "date-only-in-one-language" in listing.output
    page = runner.invoke(main, ["rule", "SP001"])
    assert "## What it checks" in page.output
    assert runner.invoke(main, ["rule", "XX999"]).exit_code == 2


def test_bidi_controls_do_not_break_spans(runner: CliRunner) -> None:
    ar = "\u202bطائرة تقلع من مطار\u200f حميميم\u202c في 3 أكتوبر 2015 (رويترز)"
    result = runner.invoke(main, ["check", "--ar", ar, "--format", "json"])
    data = json.loads(result.output)
    date = data["ar"]["dates"][0]
    s, e = date["span"]
    assert ar[s:e] == "3 أكتوبر 2015"
