"""Date mentions as wire and Arabic captions write them, and the traps that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.dates import extract_ar, extract_en
from checker.normalize import normalize


def _en(text: str, reference: dt.date | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in extract_en(normalize(text), reference)]


def _ar(text: str, reference: dt.date | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in extract_ar(normalize(text), reference)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Crowds gather on Tuesday, Feb. 4, 2020, in Tunis.",
            ("Tuesday, Feb. 4, 2020", "2020-02-04"),
        ),
        (
            "Rescuers search the rubble on March 12, 2021. REUTERS/Name",
            ("March 12, 2021", "2021-03-12"),
        ),
        ("Fishermen return to port, 7 June 2022. EPA/NAME", ("7 June 2022", "2022-06-07")),
        ("TUNIS, TUNISIA - JUNE 07: Fishermen return", ("JUNE 07", None)),
        ("Taken 2019-11-30 at the border.", ("2019-11-30", "2019-11-30")),
        ("The market reopened in August 2016.", ("August 2016", "2016-08")),
    ],
)
def test_english_forms(text: str, want: tuple[str, str | None]) -> None:
    assert want in _en(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("مظاهرة في تونس يوم 4 فبراير 2020", ("4 فبراير 2020", "2020-02-04")),
        ("مظاهرة في دمشق في 4 شباط/فبراير 2020", ("4 شباط/فبراير 2020", "2020-02-04")),
        ("مظاهرة في الجزائر يوم 4 جويلية 2019", ("4 جويلية 2019", "2019-07-04")),
        ("صورة التقطت في ١٢ أيلول/ سبتمبر ٢٠١٨", ("١٢ أيلول/ سبتمبر ٢٠١٨", "2018-09-12")),
        ("حجاج على جبل عرفات في 9 ذو الحجة 1444 هـ", ("9 ذو الحجة 1444 هـ", "2023-06-27")),
    ],
)
def test_arabic_forms(text: str, want: tuple[str, str | None]) -> None:
    assert want in _ar(text)


def test_yearless_date_takes_its_year_from_the_reference() -> None:
    assert _ar("نازحون في 14 آذار/مارس") == [("14 آذار/مارس", None)]
    assert _ar("نازحون في 14 آذار/مارس", dt.date(2019, 3, 20)) == [("14 آذار/مارس", "2019-03-14")]


def test_relative_days_resolve_only_against_a_reference() -> None:
    assert _en("Smoke rose over the port yesterday.") == [("yesterday", None)]
    assert _en("Smoke rose over the port yesterday.", dt.date(2024, 5, 2)) == [
        ("yesterday", "2024-05-01")
    ]
    assert _ar("قصف على المدينة مساء أمس", dt.date(2024, 5, 2)) == [("مساء أمس", "2024-05-01")]
    assert _ar("قصف على المدينة الأحد الماضي") == [("الأحد الماضي", None)]


def test_relative_periods_are_dates_without_a_day() -> None:
    assert _en("Homes destroyed in the fighting last winter, in Mosul.") == [("last winter", None)]
    assert _ar("منازل دمرها القصف الشتاء الماضي") == [("الشتاء الماضي", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose sharply over the last year in Beirut.",
        "Aid convoys have been stopped for the last month.",
    ],
)
def test_a_period_after_a_duration_word_is_not_a_date(text: str) -> None:
    assert _en(text) == []


def test_a_period_after_arabic_duration_words_is_not_a_date() -> None:
    assert _ar("ارتفعت الأسعار وخلال العام الماضي تضاعفت") == []
    assert _ar("لم تصل المساعدات منذ الشهر الماضي") == []


@pytest.mark.parametrize(
    "text",
    [
        "Protesters mark the anniversary of the Jan. 25 revolution in Cairo.",
        "Gen. 12 units were deployed.",  # a rank, not January
        "Residents may return after the ceasefire.",
    ],
)
def test_english_traps(text: str) -> None:
    assert all(iso is None for _, iso in _en(text)) or _en(text) == []


def test_arabic_named_event_is_not_a_date() -> None:
    assert _ar("متظاهرون يحيون ذكرى ثورة 25 يناير في القاهرة") == []


def test_arabic_weekday_keeps_its_article() -> None:
    assert _ar("مظاهرة في رفح، الاثنين 6 مايو/أيار 2024") == [
        ("الاثنين 6 مايو/أيار 2024", "2024-05-06")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Shelling went on Sept. 13-14, 2025, in Gaza.", ("Sept. 13-14, 2025", "2025-09-13")),
        ("On the night of 14-15 April 2024, drones flew.", ("14-15 April 2024", "2024-04-14")),
        ("Refugees in Chad, 25/05/2024.", ("25/05/2024", "2024-05-25")),
        ("Taken 2024/05/12 at the border.", ("2024/05/12", "2024-05-12")),
    ],
)
def test_english_ranges_and_figures(text: str, want: tuple[str, str]) -> None:
    assert want in _en(text)


def test_english_figures_that_could_be_either_order_are_not_read() -> None:
    assert _en("Refugees in Chad, 05/06/2024.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ليلة 14-15 أبريل 2024 فوق المدينة", ("14-15 أبريل 2024", "2024-04-14")),
        ("دمار في المدينة صباح 6 فبراير شباط 2023", ("6 فبراير شباط 2023", "2023-02-06")),
        ("متظاهرون في الـ25 من يناير 2011", ("الـ25 من يناير 2011", "2011-01-25")),
        ("في الخامس والعشرين من يناير 2011", ("الخامس والعشرين من يناير 2011", "2011-01-25")),
        ("مواكب العزاء في العاشر من محرم 1446 هـ", ("العاشر من محرم 1446 هـ", "2024-07-16")),
        ("الصورة بتاريخ 12/3/2024", ("12/3/2024", "2024-03-12")),
    ],
)
def test_arabic_ranges_ordinals_and_figures(text: str, want: tuple[str, str]) -> None:
    assert want in _ar(text)


def test_arabic_weekday_before_a_date_in_figures() -> None:
    found = extract_ar(normalize("قصف يوم الأربعاء 12/3/2024 على المدينة"))
    assert [(d.text, d.weekday) for d in found] == [("الأربعاء 12/3/2024", 2)]


def test_arabic_event_after_a_clitic_and_feminine_relative_day() -> None:
    assert _ar("في الذكرى الـ13 لثورة 25 يناير") == []
    assert _ar("قصف الجمعة الماضية") == [("الجمعة الماضية", None)]


def test_days_counted_back_from_the_reference() -> None:
    reference = dt.date(2024, 5, 10)
    assert _en("Photo taken three days ago in the camp.", reference) == [
        ("three days ago", "2024-05-07")
    ]
    assert _en("Photo taken three days ago in the camp.") == [("three days ago", None)]
    assert _ar("صورة التقطت قبل يومين في المخيم", reference) == [("قبل يومين", "2024-05-08")]


def test_dateline_takes_the_year_of_the_same_day_in_the_caption() -> None:
    found = _en(
        "KHAN YUNIS, GAZA - OCTOBER 14: Men search the rubble on October 14, 2024 in Khan "
        "Yunis, Gaza. (Photo by Sami Rauf/Getty Images)"
    )
    assert found == [("OCTOBER 14", "2024-10-14"), ("October 14, 2024", "2024-10-14")]
    # another day stays yearless: it may be an anniversary
    assert ("March 15", None) in _en("Crowds mark March 15 in Deraa on March 20, 2024.")


def test_arabic_relative_day_with_its_weekday_is_one_mention() -> None:
    assert _ar("الوزير يتحدث في موسكو أمس الخميس") == [("أمس الخميس", None)]
    # against a reference date the weekday decides (the day word counts from the day of writing)
    found = extract_ar(normalize("صباح اليوم السبت في غزة"), dt.date(2024, 3, 18))
    assert [(d.text, d.iso, d.weekday) for d in found] == [("صباح اليوم السبت", "2024-03-16", 5)]


def test_arabic_month_after_a_conjunction_or_a_part_of_the_month() -> None:
    assert _ar("بين أكتوبر/تشرين الأول 2016 ويوليو/تموز 2017") == [
        ("أكتوبر/تشرين الأول 2016", "2016-10"),
        ("يوليو/تموز 2017", "2017-07"),
    ]
    assert _ar("صورة التقطت في أوائل مارس الماضي") == [("مارس", None)]
    assert _ar("لاعب مارس الرياضة") == []  # the verb "practised"


def test_dates_in_figures_with_dashes_or_dots() -> None:
    assert _ar("احتفالات يوم 16-6-2024 في القاهرة") == [("16-6-2024", "2024-06-16")]
    assert _ar("بتاريخ 16.6.2024") == [("16.6.2024", "2024-06-16")]
    assert _en("Version 1.2.2024 was released.") == []  # English day and month unclear


def test_first_of_a_hijri_month() -> None:
    assert _ar("في غرة رمضان 1445") == [("غرة رمضان 1445", "2024-03-11")]
    assert _ar("في غرة شهر رمضان 1445 هـ") == [("غرة شهر رمضان 1445 هـ", "2024-03-11")]


def test_year_only_dates_and_years_that_are_not_the_photos() -> None:
    assert _en("Syrians protest in Homs in 2011.") == [("2011", "2011")]
    assert _en("In 2019, protesters filled the streets.") == [("2019", "2019")]
    assert _en("The war that began in 2011 has killed thousands.") == []
    assert _en("Voters queued in 2011 elections.") == []
    assert _ar("سوريون يتظاهرون في حمص عام 2011") == [("2011", "2011")]
    assert _ar("نازحون منذ عام 2011") == []  # a span of time
    assert _ar("دمار خلال حرب عام 2006") == []  # an event's name


def test_year_first_figures_with_a_one_figure_day() -> None:
    assert _ar("سيارات محترقة في بيروت بتاريخ 2020/8/4 (رويترز)") == [("2020/8/4", "2020-08-04")]
    assert _ar("نسبة 1/2/3 من السكان (رويترز)") == []
