"""Date rules: a date given in one language only, dates that differ, a weekday that
contradicts its date or the other caption's, a date that does not exist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.data import WEEKDAYS_EN, load_toml
from checker.models import Category, DateMention, Fields, Severity
from checker.rules.base import LANG_NAME, Context, Hit, first_sentence_end, other, rule

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def describe(d: DateMention) -> str:
    """A date as an editor reads it: 3 October 2015, October 2015, 2015."""
    if d.year is None or d.month is None:
        return d.text
    if d.day is None:
        return f"{_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def as_arabic(d: DateMention) -> str:
    """The date written the way Arabic newsrooms write it, with both month families."""
    if d.month is None:
        return f"عام {d.year}" if d.year else d.text  # a year alone: "عام 2011"
    months = load_toml("months.toml")["arabic"]
    name = f"{months['egyptian'][str(d.month)][0]}/{months['levantine'][str(d.month)][0]}"
    parts = [str(d.day)] if d.day else []
    parts.append(name)
    if d.year:
        parts.append(str(d.year))
    return " ".join(parts)


def as_english(d: DateMention) -> str:
    ap = (
        "Jan.",
        "Feb.",
        "March",
        "April",
        "May",
        "June",
        "July",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    )
    if d.month is None:
        return str(d.year)
    if d.day is None:
        return f"{_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{ap[d.month - 1]} {d.day}, {d.year}"


def absolute(fields: Fields) -> list[DateMention]:
    return [d for d in fields.dates if d.iso is not None and not d.defective]


def agree(a: DateMention, b: DateMention) -> bool:
    """Equal at the precision both give (2015-10 agrees with 2015-10-03)."""
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is None or y is None:
            return True
        if x != y:
            return False
    return True


@rule("DT001", "date-only-in-one-language", Category.DATE, Severity.WARNING)
def date_only_in_one_language(ctx: Context) -> Iterator[Hit]:
    """A date given in one caption is missing from the other.

    What it checks: one caption gives an absolute date (day, month or year) for the photo and
    the other caption gives no date at all.
    Why it matters: readers of the Arabic caption lose when the photo was taken; an old photo
    can pass for a new one.
    Example: EN "taken on Saturday, Oct. 3, 2015" / AR "طائرة سوخوي روسية تقلع من مطار حميميم".
    Use instead: give the date in both captions: "... في 3 أكتوبر/تشرين الأول 2015".
    """
    for lang, here, there in ctx.directions():
        dates = absolute(here)
        if not dates or there.dates:
            continue
        first = dates[0]
        suggestion = as_arabic(first) if lang == "en" else as_english(first)
        spans = {lang: (first.core_span,)}
        yield Hit.at(
            f"The date {describe(first)} is given in the {LANG_NAME[lang]} caption only; "
            f"the {LANG_NAME[other(lang)]} caption has no date.",
            spans,
            confidence=0.9,
            suggestion=f"Add the date to the {LANG_NAME[other(lang)]} caption: {suggestion}",
            evidence={"date": first.iso},
        )


@rule("DT002", "dates-differ", Category.DATE, Severity.ERROR)
def dates_differ(ctx: Context) -> Iterator[Hit]:
    """The two captions give different dates.

    What it checks: both captions give absolute dates, and no date of the Arabic caption agrees
    with a date of the English one at the precision both give.
    Why it matters: a wrong date misdates the event for every reader.
    Example: EN "Sept. 13, 2025" / AR "في 14 سبتمبر/أيلول 2025".
    Use instead: copy the date from the wire caption: "في 13 سبتمبر/أيلول 2025".
    """
    pair = ctx.both()
    if pair is None:
        return
    en_dates, ar_dates = absolute(pair[0]), absolute(pair[1])
    if not en_dates or not ar_dates:
        return
    if any(agree(a, e) for a in ar_dates for e in en_dates):
        return
    e, a = en_dates[0], ar_dates[0]
    yield Hit(
        f"The dates differ: the English caption says {describe(e)}, the Arabic caption says "
        f"{describe(a)}.",
        en=(e.core_span,),
        ar=(a.core_span,),
        confidence=0.85,
        suggestion=f"Check the date against the wire caption: {as_arabic(e)}",
        evidence={"en": e.iso, "ar": a.iso},
    )


@rule("DT003", "weekday-contradicts-date", Category.DATE, Severity.ERROR, needs_both=False)
def weekday_contradicts_date(ctx: Context) -> Iterator[Hit]:
    """A weekday written next to a date is not that date's weekday.

    What it checks: a full date with a weekday before it ("Saturday, Oct. 3, 2015", "السبت
    3 أكتوبر 2015") where the date falls on another day of the week.
    Why it matters: one of the two is wrong, and the reader cannot tell which.
    Example: "Friday, Oct. 3, 2015" (3 October 2015 was a Saturday).
    Use instead: "Saturday, Oct. 3, 2015", after checking which of the two is right.
    """
    for lang, fields in ctx.sides():
        for d in fields.dates:
            actual = _weekday_of(d)
            if d.weekday is None or actual is None or actual == d.weekday:
                continue
            spans = {lang: (d.span,)}
            yield Hit.at(
                f"{describe(d)} was a {WEEKDAYS_EN[actual]}, but the {LANG_NAME[lang]} caption "
                f"says {WEEKDAYS_EN[d.weekday]}.",
                spans,
                confidence=0.95,
                suggestion=f"{WEEKDAYS_EN[actual]}, or correct the date",
                evidence={"date": d.iso, "weekday_named": WEEKDAYS_EN[d.weekday]},
            )


def _weekday_of(d: DateMention) -> int | None:
    """The day of the week a full Gregorian date fell on; None for anything else (a Hijri date's
    day hangs on the sighting of the moon, so its weekday is not judged)."""
    if d.year is None or d.month is None or d.day is None or d.relative:
        return None
    if d.calendar != "gregorian":
        return None
    try:
        return dt.date(d.year, d.month, d.day).weekday()
    except ValueError:
        return None


@rule("DT004", "weekday-differs", Category.DATE, Severity.WARNING)
def weekday_differs(ctx: Context) -> Iterator[Hit]:
    """One caption names only a weekday, and it is not the weekday of the other caption's date.

    What it checks: one caption gives a full date, the other gives no date but a weekday ("يوم
    السبت", "on Friday") in its first sentence, and that weekday is not the day the date fell on.
    Why it matters: the weekday is the Arabic reader's only date; when it is wrong the photo is
    placed on another day (often the day of a different strike or protest).
    Example: EN "Sunday, Jan. 7, 2024" / AR "يوم السبت".
    Use instead: "يوم الأحد 7 يناير/كانون الثاني 2024".
    """
    for lang, here, there in ctx.directions():
        full = [(d, w) for d in absolute(here) if (w := _weekday_of(d)) is not None]
        if not full or absolute(there):
            continue
        # the photo's weekday is in the first sentence; a later one dates the news around it
        end = first_sentence_end(there)
        named = [d for d in there.dates if d.weekday is not None and d.span.start < end]
        if not named or any(d.weekday == w for d in named for _, w in full):
            continue
        date, actual = full[0]
        said = named[0]
        assert said.weekday is not None
        yield Hit.at(
            f"The {LANG_NAME[lang]} caption dates the photo {WEEKDAYS_EN[actual]}, "
            f"{describe(date)}; the {LANG_NAME[other(lang)]} caption says "
            f"{WEEKDAYS_EN[said.weekday]}.",
            {lang: (date.core_span,), other(lang): (said.span,)},
            confidence=0.65,
            suggestion=f"{WEEKDAYS_EN[actual]}, or check the date",
            evidence={"date": date.iso, "weekday_named": WEEKDAYS_EN[said.weekday]},
        )


_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@rule("DT005", "date-malformed", Category.DATE, Severity.WARNING, needs_both=False)
def date_malformed(ctx: Context) -> Iterator[Hit]:
    """A date that does not exist, or whose year is written in two figures.

    What it checks: a day the month does not have ("June 31, 2024", "30 فبراير 2024", 29
    February of a common year) and a year cut to two figures ("Feb. 6 '23"). Neither is read
    as a date, so no other date rule can use it.
    Why it matters: an impossible date is a typo in a fact, and a two-digit year leaves the
    reader, and the archive search, to guess the century.
    Example: "Palestinians gather in Gaza City, June 31, 2024. (AP Photo/Omar Nasser)"
    Use instead: "Palestinians gather in Gaza City, June 30, 2024. (AP Photo/Omar Nasser)"
    """
    for lang, fields in ctx.sides():
        for d in fields.dates:
            if not d.defective:
                continue
            if d.day is None and d.year is None and d.month is not None:
                days = _DAYS_IN[d.month - 1]
                message = (
                    f"The date “{d.text}” does not exist: {_MONTHS_EN[d.month - 1]} has "
                    f"{days if d.month != 2 else '28 (29 in a leap year)'} days."
                )
                yield Hit.at(message, {lang: (d.span,)}, confidence=0.9)
            else:
                yield Hit.at(
                    f"The date “{d.text}” gives its year in two figures; write the year in full.",
                    {lang: (d.span,)},
                    confidence=0.7,
                )


RULES = (
    date_only_in_one_language,
    dates_differ,
    weekday_contradicts_date,
    weekday_differs,
    date_malformed,
)
