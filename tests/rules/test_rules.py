"""Every rule's named pass and fail cases (tests/rules/cases/CODE.toml), and meta-tests that
every rule is documented and has both kinds of case."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from c2pa_fixture import sign_jpeg
from imagegen import write_jpeg

from checker import Settings, check
from checker.models import Category
from checker.rules import ALL_RULES, BY_CODE, find_rule
from checker.rules.base import SECTIONS

CASES = Path(__file__).parent / "cases"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            out.append((path.stem, case))
    return out


@pytest.mark.parametrize(
    ("code", "case"), _cases(), ids=lambda v: v if isinstance(v, str) else v["name"]
)
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    image = _image(case.get("image"), tmp_path)
    settings = Settings(select=tuple(case["select"])) if case.get("select") else None
    report = check(en=case.get("en"), ar=case.get("ar"), image=image, settings=settings)
    hits = [f for f in report.findings if f.code == code]
    if case["expect"] == "fail":
        assert hits, (
            f"{code} should fire on {case['name']}; findings: {[f.code for f in report.findings]}"
        )
        if "count" in case:  # one slip, one finding: no second report of a part of it
            assert len(hits) == case["count"], [f.message for f in hits]
        for f in hits:
            assert f.message, "a finding needs a message"
            if f.category is Category.METADATA and not f.spans:
                assert f.evidence, "a finding about the image alone names its tags in evidence"
            else:
                assert f.spans, "a finding needs at least one span"
            for lang, spans in f.spans.items():
                text = case[lang]
                for s in spans:
                    assert 0 <= s.start < s.end <= len(text)
    else:
        assert not hits, f"{code} should not fire on {case['name']}: {[f.message for f in hits]}"


def _image(spec: Any, tmp_path: Path) -> Path | None:
    """A case's image: a table of tags to write into a JPEG, or a named broken file."""
    if spec is None:
        return None
    path = tmp_path / "photo.jpg"
    if spec == "missing":
        return path
    if spec in ("c2pa-signed", "c2pa-tampered"):
        return sign_jpeg(path, tamper=spec == "c2pa-tampered")
    if spec == "broken-png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x04tEXtabcd\x00\x00\x00\x00")
        return path
    return write_jpeg(path, spec)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_documented_and_has_cases(rule: Any) -> None:
    assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule.name)
    for section in SECTIONS:
        assert f"{section}:" in rule.doc, f"{rule.code} docstring lacks '{section}:'"
    path = CASES / f"{rule.code}.toml"
    assert path.exists(), f"{rule.code} has no case file"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert {c["expect"] for c in cases} == {"pass", "fail"}
    assert sum(bool(c.get("docs")) for c in cases) == 1, "exactly one case is the docs example"


def test_case_files_name_real_rules() -> None:
    assert {p.stem for p in CASES.glob("*.toml")} <= set(BY_CODE)


def test_find_rule_by_code_or_name() -> None:
    assert find_rule("dt001") is BY_CODE["DT001"]
    assert find_rule("date-only-in-one-language") is BY_CODE["DT001"]
    assert find_rule("XX999") is None
