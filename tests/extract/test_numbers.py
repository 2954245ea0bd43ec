"""Counts and figures in both languages, and the numbers that are not counts."""

from __future__ import annotations

import pytest

from checker.extract.numbers import extract
from checker.normalize import normalize


def _values(text: str, lang: str) -> list[tuple[str, float, bool, bool]]:
    return [(n.text, n.value, n.approximate, n.vague) for n in extract(normalize(text), lang)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("More than 250,000 people fled.", "en", [("250,000", 250000.0, True, False)]),
        ("فر أكثر من 250 ألف شخص", "ar", [("250 ألف", 250000.0, True, False)]),
        ("Some 2.5 million live there.", "en", [("2.5 million", 2500000.0, True, False)]),
        ("At least six were killed.", "en", [("six", 6.0, True, False)]),
        ("مقتل ستة على الأقل", "ar", [("ستة", 6.0, True, False)]),
        ("Hundreds gathered.", "en", [("Hundreds", 100.0, True, True)]),
        ("إصابة العشرات في القصف", "ar", [("العشرات", 10.0, True, True)]),
        ("دخلت نحو مئة شاحنة", "ar", [("مئة", 100.0, True, False)]),
    ],
)
def test_counts(text: str, lang: str, want: list[tuple[str, float, bool, bool]]) -> None:
    assert _values(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The SU-24M jet took off in 2015.", "en"),  # a model name and a year
        ("A 12-year-old boy and the 6th brigade.", "en"),
        ("طفل في الثانية عشرة من عمره", "ar"),  # an ordinal: twelfth
        ("One of the men waved.", "en"),
    ],
)
def test_not_counts(text: str, lang: str) -> None:
    assert _values(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ar", "أكثر من مليون ونصف المليون شخص", ("مليون ونصف المليون", 1_500_000)),
        ("ar", "نحو 3 ملايين ونصف", ("3 ملايين ونصف", 3_500_000)),
        ("ar", "فر نصف مليون شخص", ("نصف مليون", 500_000)),
        ("ar", "أكثر من مليوني شخص", ("مليوني", 2_000_000)),
        ("en", "Half a million people fled", ("Half a million", 500_000)),
        ("en", "a million and a half people", ("million and a half", 1_500_000)),
    ],
)
def test_halves_and_duals(lang: str, text: str, want: tuple[str, float]) -> None:
    found = extract(normalize(text), lang)  # type: ignore[arg-type]
    assert [(n.text, n.value) for n in found] == [want]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "Tens of thousands rally", ("Tens of thousands", 10_000)),
        ("en", "hundreds of thousands fled", ("hundreds of thousands", 100_000)),
        ("ar", "عشرات الآلاف يتظاهرون", ("عشرات الآلاف", 10_000)),
        ("ar", "نزوح مئات الآلاف", ("مئات الآلاف", 100_000)),
    ],
)
def test_vague_orders_multiply(lang: str, text: str, want: tuple[str, float]) -> None:
    found = extract(normalize(text), lang)  # type: ignore[arg-type]
    assert [(n.text, n.value) for n in found] == [want]
    assert all(n.vague for n in found)


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "Twenty-five people were killed", ("Twenty-five", 25)),
        ("ar", "مقتل ثلاثة عشر شخصا", ("ثلاثة عشر", 13)),
        ("ar", "مقتل أحد عشر شخصا", ("أحد عشر", 11)),
        ("ar", "مقتل اثني عشر شخصا", ("اثني عشر", 12)),
        ("ar", "مقتل خمسة وعشرين شخصا", ("خمسة وعشرين", 25)),
        ("ar", "تجمع ثلاثمئة شخص", ("ثلاثمئة", 300)),
        ("ar", "يرعون نحو ألفين و200 حيوان", ("ألفين و200", 2200)),
    ],
)
def test_numbers_written_in_two_words(lang: str, text: str, want: tuple[str, float]) -> None:
    found = extract(normalize(text), lang)  # type: ignore[arg-type]
    assert [(n.text, n.value) for n in found] == [want]


def test_a_figure_after_a_glued_conjunction() -> None:
    found = extract(normalize("خمسة رجال و20 امرأة"), "ar")
    assert [(n.text, n.value) for n in found] == [("خمسة", 5), ("20", 20)]
