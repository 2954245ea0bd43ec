"""The case that started the project (captions/hmeimim-2015.*), pinned end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Report, check

ROOT = Path(__file__).resolve().parent.parent
EN = (ROOT / "captions" / "hmeimim-2015.en.txt").read_text(encoding="utf-8").strip()
AR = (ROOT / "captions" / "hmeimim-2015.ar.txt").read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module")
def report() -> Report:
    return check(en=EN, ar=AR)


def _text(text: str, span: object) -> str:
    return text[span.start : span.end]  # type: ignore[attr-defined]


def test_english_fields(report: Report) -> None:
    assert report.en is not None
    credit = report.en.credit
    assert credit is not None
    assert credit.agency == "AP"
    assert credit.photographers == ("Alexander Kots",)
    assert credit.source == "Komsomolskaya Pravda"
    assert credit.handout
    assert not credit.file
    assert not credit.pool
    photo_date = report.en.dates[0]
    assert photo_date.iso == "2015-10-03"
    assert photo_date.to_json()["weekday"] == "Saturday"
    names = [p.name for p in report.en.places]
    assert "Hmeimim Air Base" in names
    assert "Syria" in names


def test_arabic_fields(report: Report) -> None:
    assert report.ar is not None
    assert report.ar.credit is not None
    assert report.ar.credit.agency == "AP"
    assert report.ar.dates == ()
    texts = [p.text for p in report.ar.places]
    assert any("حميميم" in t for t in texts)
    assert "باللاذقية" in texts


def test_findings(report: Report) -> None:
    by_code = {f.code: f for f in report.findings}
    spelling = by_code["SP001"]
    assert [_text(EN, s) for s in spelling.spans["en"]] == ["runaway"]
    assert spelling.suggestion == "runway"

    date = by_code["DT001"]
    assert [_text(EN, s) for s in date.spans["en"]] == ["Oct. 3, 2015"]
    assert "ar" not in date.spans

    assert "Alexander Kots" in by_code["CR003"].message
    assert "Komsomolskaya Pravda" in by_code["CR004"].message
    assert not [f for f in report.findings if f.category == "place"]
    assert set(by_code) == {"SP001", "DT001", "CR003", "CR004"}


def test_json_contract(report: Report) -> None:
    data = report.to_json()
    assert data["schema"] == "caption-checker/1"
    assert data["image"] is None
    for finding in data["findings"]:
        assert set(finding) == {
            "code",
            "name",
            "category",
            "severity",
            "confidence",
            "message",
            "spans",
            "suggestion",
            "evidence",
        }
        assert set(finding["spans"]) == {"en", "ar"}
    assert data["en"]["credit"]["span"] == [report.en.credit.span.start, report.en.credit.span.end]  # type: ignore[union-attr]
