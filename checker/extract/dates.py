"""Date mentions in English and Arabic captions.

A small hand-written grammar, not a general date parser: general parsers are slow and read
model names ("SU-24M") or ranks ("Gen.") as dates. What is read:

- English: ``Saturday, Oct. 3, 2015``, ``Sept. 13``, ``September 14, 2025``,
  ``16 January 2025``, ``March 2009``, Getty datelines ``CAIRO, EGYPT - FEBRUARY 08:``,
  ISO ``2015-10-03``, a weekday alone (``on Tuesday``: relative), ``yesterday``/``today``;
- Arabic: day + month (+ year) in every month family, dual forms ``يوليو/تموز`` and
  ``آذار (مارس)``, a weekday before the date, Hijri dates with ``هـ`` (converted with
  hijridate), relative days (``أمس``, ``صباح اليوم``, ``الأحد الماضي``).

Traps that are not photo dates are skipped: named events (``ثورة 25 يناير``, ``the Jan. 25
revolution``), a month name that is a verb (``مارس`` = "practised") without day or year, and
``May`` without a day. A two-digit year is kept as a defective date (reported, never guessed).
Yearless dates take their year from a reference date when one is known.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from checker.data import (
    grammar_words,
    months_ar,
    months_en,
    months_hijri,
    number_words,
    ordinal_days,
    relative_days,
    relative_periods,
    weekdays_ar,
    weekdays_en,
)
from checker.models import DateMention
from checker.normalize import Normalized, ar_bare, key_ar, key_en

YEAR = r"(?:19|20)\d{2}"


@cache
def _event_en() -> re.Pattern[str]:
    """ "the Jan. 25 revolution": the event nouns of grammar_words.toml after a date."""
    words = "|".join(re.escape(w) for w in grammar_words().date_events_en)
    return re.compile(rf"\s*(?:{words})\b", re.IGNORECASE)  # used with match(text, pos)


@cache
def _named_day_en() -> re.Pattern[str]:
    """ "Good Friday": the words before a weekday that make it a day of the calendar."""
    words = "|".join(re.escape(w) for w in grammar_words().named_days_en)
    return re.compile(rf"(?:{words})\s+$", re.IGNORECASE)


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def _en_patterns() -> tuple[re.Pattern[str], ...]:
    month_forms: list[str] = []
    for form in months_en():
        title = form[:1].upper() + form[1:]
        month_forms += [title, title.upper()]
    month = rf"(?P<month>{_alt(month_forms)})(?![A-Za-z])"
    weekday_forms = [f[:1].upper() + f[1:] for f in weekdays_en()]
    weekday = rf"(?P<wd>{_alt(weekday_forms + [f.upper() for f in weekday_forms])})(?![A-Za-z])"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    year = rf"(?P<year>{YEAR}|'\d{{2}})(?![\d,]\d)"
    return (
        # Saturday, Oct. 3, 2015 / Sept. 13 / Monday (Jan. 27) / FEBRUARY 08:
        # (every form starts with a capital or a digit: the lookahead spares the engine a try at
        # each other position, which made these patterns the dearest part of a check)
        # (a range, "Sept. 13-14, 2025" / "14-15 April 2024", is dated by its first day)
        re.compile(
            rf"(?=[A-Z])(?:{weekday},?\s*\(?\s*)?{month}(?:\s+|(?<=\.)){day}"
            rf"(?:\s*-\s*[0-3]?\d(?!\d))?(?:\)?,?\s+{year})?"
        ),
        # 16 January 2025 / Monday 16 January
        re.compile(
            rf"(?=[A-Z0-9])(?:{weekday},?\s+)?(?:(?P<day0>[0-3]?\d)\s*-\s*)?{day}\s+{month}"
            rf"(?:,?\s+{year})?"
        ),
        # March 2009
        re.compile(rf"(?=[A-Z]){month},?\s+{year}"),
        # 2015-10-03
        re.compile(r"(?<![\d-])(?P<iso>" + YEAR + r")-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])"),
        # a weekday alone: relative
        re.compile(rf"(?=[A-Z])(?<![\w-]){weekday}"),
    )


def _impossible(nt: Normalized, start: int, end: int, month: int) -> DateMention:
    """A date that does not exist ("31 June", "30 فبراير"): kept as a defective mention, with
    its month but no day or year, so that no rule reads it as a date."""
    span = nt.span(start, end)
    return DateMention(nt.original[span.start : span.end], span, None, month, None,
                       defective=True)  # fmt: skip


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return 1 <= month <= 12
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year accepts Feb 29 when yearless
    except ValueError:
        return False
    return True


def resolve_year(month: int, day: int | None, reference: dt.date) -> int:
    """The year that puts a yearless date nearest before (or just after) the reference date."""
    best = reference.year
    best_gap: int | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day or 1)
        except ValueError:
            continue
        gap = (reference - candidate).days
        # captions describe the past: a date up to a week after the reference is still plausible
        score = gap if gap >= -7 else 10_000 - gap
        if best_gap is None or score < best_gap:
            best, best_gap = year, score
    return best


def _mention(
    nt: Normalized,
    start: int,
    end: int,
    year: int | None,
    month: int | None,
    day: int | None,
    weekday: int | None,
    reference: dt.date | None,
    *,
    relative: bool = False,
    defective: bool = False,
    calendar: str = "gregorian",
    core_start: int | None = None,
) -> DateMention:
    while end > start and nt.text[end - 1] in " ,(/-":
        end -= 1
    if year is None and month is not None and not defective and reference is not None:
        year = resolve_year(month, day, reference)
    return DateMention(
        text=nt.original_text(start, end),
        span=nt.span(start, end),
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        calendar="hijri" if calendar == "hijri" else "gregorian",
        relative=relative,
        defective=defective,
        date_span=nt.span(core_start, end)
        if core_start is not None and core_start > start
        else None,
    )


def _same_day_years(found: list[DateMention]) -> list[DateMention]:
    """A yearless date that repeats the month and day of a full date in the same caption takes
    its year: Getty's "KHAN YUNIS, GAZA - OCTOBER 14:" above "on October 14, 2024"."""
    from dataclasses import replace

    years = {(d.month, d.day): d.year for d in found if d.is_full and not d.relative}
    if not years:
        return found
    return [
        replace(d, year=years[(d.month, d.day)])
        if d.year is None and not d.relative and not d.defective and (d.month, d.day) in years
        else d
        for d in found
    ]


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def extract_en(nt: Normalized, reference: dt.date | None = None) -> list[DateMention]:
    text = nt.text
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    months = months_en()
    weekdays = weekdays_en()
    full, day_first, month_year, iso, weekday_only = _en_patterns()

    for pattern in (full, day_first, month_year):
        for m in pattern.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            month = months[m.group("month").casefold()]
            day = int(m.group("day")) if "day" in m.groupdict() and m.group("day") else None
            if m.groupdict().get("day0"):
                day = int(m.group("day0"))  # "14-15 April 2024": the range's first day
            raw_year = m.group("year") if "year" in m.groupdict() else None
            if m.group("month").casefold() == "may" and day is None:
                continue  # "may" the verb
            if m.group("month").casefold().startswith("mar") and day is None and raw_year is None:
                continue
            if pattern is full and raw_year is None and _event_en().match(text, m.end()):
                continue  # "the Jan. 25 revolution"
            defective = raw_year is not None and raw_year.startswith("'")
            year = int(raw_year) if raw_year and not defective else None
            if not _valid(year, month, day):
                if day is not None and day <= 31 and 1 <= month <= 12:
                    # "June 31, 2024": a date that does not exist is reported, never read
                    taken.append((m.start(), m.end()))
                    found.append(_impossible(nt, m.start(), m.end(), month))
                continue
            wd_text = m.groupdict().get("wd")
            weekday = weekdays[wd_text.casefold()] if wd_text else None
            taken.append((m.start(), m.end()))
            core = min(
                m.start(g) for g in ("month", "day", "day0") if g in m.groupdict() and m.group(g)
            )
            found.append(
                _mention(
                    nt,
                    m.start(),
                    m.end(),
                    year,
                    month,
                    day,
                    weekday,
                    reference,
                    defective=defective,
                    core_start=core,
                )
            )
    for m in iso.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        year, month, day = int(m.group("iso")), int(m.group("im")), int(m.group("id"))
        if _valid(year, month, day):
            taken.append((m.start(), m.end()))
            found.append(_mention(nt, m.start(), m.end(), year, month, day, None, reference))
    found += _numeric(nt, "en", taken, reference)
    for m in weekday_only.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if _named_day_en().search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if re.match(r"\s+prayers?\b", text[m.end() :], re.IGNORECASE):
            continue
        taken.append((m.start(), m.end()))
        weekday = weekdays[m.group("wd").casefold()]
        found.append(_relative(nt, m.start(), m.end(), weekday, None, reference))
    offsets, pattern = _relative_en()
    low = text.casefold()
    for m in pattern.finditer(text) if any(w in low for w in offsets) else ():
        if not _overlaps(taken, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(
                _relative(nt, m.start(), m.end(), None, offsets[m.group(0).casefold()], reference)
            )
    found += _periods(nt, "en", taken)
    found += _days_ago(nt, "en", taken, reference)
    found += _years(nt, "en", taken)
    return _same_day_years(sorted(found, key=lambda d: d.span.start))


@cache
def _relative_en() -> tuple[dict[str, int], re.Pattern[str]]:
    """English relative day words (yesterday, today...) and one pattern for all of them."""
    table = {w.casefold(): offset for w, offset in relative_days("en").items()}
    words = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _relative(
    nt: Normalized,
    start: int,
    end: int,
    weekday: int | None,
    offset: int | None,
    reference: dt.date | None,
) -> DateMention:
    """A relative mention; resolved to a date only when a reference date is known."""
    if reference is not None:
        if offset is not None:
            day = reference + dt.timedelta(days=offset)
        elif weekday is not None:
            back = (reference.weekday() - weekday) % 7
            day = reference - dt.timedelta(days=back)
        else:
            day = None
        if day is not None:
            return DateMention(
                nt.original_text(start, end),
                nt.span(start, end),
                day.year,
                day.month,
                day.day,
                weekday=weekday,
            )
    return DateMention(
        nt.original_text(start, end),
        nt.span(start, end),
        None,
        None,
        None,
        weekday=weekday,
        relative=True,
    )


# --- Arabic ---------------------------------------------------------------------------------------


@cache
def _ar_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = _alt([m.replace(" ", "\u0020") for m in months_ar()])
    weekday = _alt(list(weekdays_ar()))
    hijri = _alt(list(months_hijri()))
    clitic = r"(?:[وفبل]?(?:ال)?)"
    ordinals = _alt(list(ordinal_days()))
    day = r"(?P<day>[0-3]?\d)(?!\d)"
    year = rf"(?P<year>{YEAR})(?!\d)"
    # a date starts a word: the lookbehind spares the engine a try inside every word
    start = r"(?<![\u0621-\u064a0-9])"
    greg = re.compile(
        rf"{start}(?:(?:يوم\s+)?{clitic}?(?P<wd>{weekday})\s*,?\s*)?"
        # "الـ25 من يناير", "14-15 أبريل" (a range: its first day), "العاشر من محرم" (an ordinal)
        rf"(?:(?:ال\s*)?(?:(?P<day0>[0-3]?\d)\s*-\s*)?{day}\s*(?:من\s+)?|"
        rf"(?P<dayword>{ordinals})\s+(?:من\s+)?|و(?=\S))?(?:شهر\s+)?"  # "ويوليو/تموز 2017"
        rf"(?P<m1>{months})(?![\u0621-\u064a])"
        # the month in a second family: "يوليو/تموز", "مايو (أيار)", "فبراير شباط"
        rf"(?:\s*[/(-]\s*(?P<m2>{months})(?![\u0621-\u064a])\s*\)?"
        rf"|\s+(?P<m3>{months})(?![\u0621-\u064a]))?"
        rf"(?:\s*,?\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*{year})?"
    )
    hij = re.compile(
        rf"{start}(?:{day}\s+(?:من\s+)?|(?P<dayword>{ordinals})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<m1>{hijri})(?![\u0621-\u064a])\s*(?:(?P<year>1[34]\d{{2}})\s*"
        r"(?P<h>ه(?![\u0621-\u064a])|هجري|هجريه|للهجره)?)?"
    )
    bare = _alt(sorted({w[2:] if w.startswith("ال") else w for w in weekdays_ar()}))
    # "أمس الخميس", "صباح اليوم السبت": a relative day named with its weekday is one mention
    wd = re.compile(
        rf"(?<![\u0621-\u064a])(?P<pre>يوم\s+|[وفب])?"
        rf"ال(?P<wd>{bare})(?![\u0621-\u064a])"
        r"(?P<post>\s+(?:الماضي|المقبل|الفائت|القادم)ه?)?"  # "الجمعة الماضية": feminine too
    )
    return greg, hij, wd


def extract_ar(nt: Normalized, reference: dt.date | None = None) -> list[DateMention]:
    text = nt.text
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    greg, hij, wd_only = _ar_patterns()
    months = months_ar()
    weekdays = weekdays_ar()
    hijri_months = months_hijri()

    ordinals = ordinal_days()
    for m in greg.finditer(text):
        day = _ar_day(m, ordinals)
        year = int(m.group("year")) if m.group("year") else None
        second = m.group("m2") or m.group("m3")
        dual = second is not None
        before = text[max(0, m.start() - 12) : m.start()].split()
        part = bool(before) and key_ar(before[-1]) in grammar_words().month_parts_ar
        if day is None and year is None and not dual and not part:
            continue  # "مارس" alone is as often the verb "practised" ("أوائل مارس" is a date)
        events = grammar_words().date_events_ar
        if before and (key_ar(before[-1]) in events or ar_bare(key_ar(before[-1])) in events):
            continue  # "ثورة 25 يناير"
        month = months[m.group("m1")]
        if second is not None and months[second] != month:
            continue  # two different months: not one date
        if not _valid(year, month, day):
            if day is not None and day <= 31:
                taken.append((m.start(), m.end()))
                found.append(_impossible(nt, m.start(), m.end(), month))
            continue
        weekday = weekdays.get(m.group("wd")) if m.group("wd") else None
        start = m.start("wd") if m.group("wd") else m.start()
        if m.group("wd") and text[max(0, start - 2) : start] == "ال":
            start -= 2  # "الاثنين 6 مايو": the weekday's article belongs to the mention
        if (
            m.group("wd") is None
            and m.group("day") is None
            and text[m.start() : m.start() + 3] == "شهر"
        ):
            start = m.start()
        if m.group("wd") is None and text[start] == "و":
            start += 1  # "ويوليو/تموز 2017": the conjunction is not part of the date
        taken.append((start, m.end()))
        core = next(m.start(g) for g in ("day0", "day", "dayword", "m1") if m.group(g))
        found.append(
            _mention(nt, start, m.end(), year, month, day, weekday, reference, core_start=core)
        )

    for m in hij.finditer(text):
        hday = _ar_day(m, ordinals)
        if _overlaps(taken, m.start(), m.end()) or not m.group("year") or hday is None:
            continue
        if not m.group("h") and int(m.group("year")) < 1300:
            continue
        g = _hijri_to_gregorian(int(m.group("year")), hijri_months[m.group("m1")], hday)
        if g is None:
            continue
        taken.append((m.start(), m.end()))
        found.append(
            DateMention(
                nt.original_text(m.start(), m.end()),
                nt.span(m.start(), m.end()),
                g.year,
                g.month,
                g.day,
                calendar="hijri",
            )
        )

    found += _numeric(nt, "ar", taken, reference)
    for m in wd_only.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        name = m.group("wd")
        weekday = weekdays.get("ال" + name)
        if weekday is None:
            continue
        # "أمس الخميس", "صباح اليوم السبت": a relative day named with its weekday is one mention
        rel = _relative_before().search(text, max(0, m.start() - 14), m.start())
        if name in ("اثنين", "احد") and not (m.group("pre") or m.group("post") or rel):
            continue  # also "the two", "the one"
        if text[max(0, m.start() - 5) : m.start()].strip().endswith("صلاه"):
            continue  # "صلاة الجمعة": Friday prayers name the day of a rite, not of the photo
        start = rel.start() if rel else m.start()
        taken.append((start, m.end()))
        # "أمس الخميس" counts from the day of writing, the reference from the photo: the weekday
        # is the surer guide, so it alone resolves the mention, as a weekday written alone does
        found.append(_relative(nt, start, m.end(), weekday, None, reference))

    offsets, pattern = _relative_ar()
    for m in pattern.finditer(text):
        if re.match(r"\s+(?:ال)?حاج", text[m.end() : m.end() + 8]):
            continue  # "في أمس الحاجة": in dire need, not yesterday
        if not _overlaps(taken, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(_relative(nt, m.start(), m.end(), None, offsets[m.group("r")], reference))
    found += _periods(nt, "ar", taken)
    found += _days_ago(nt, "ar", taken, reference)
    found += _years(nt, "ar", taken)
    return _same_day_years(sorted(found, key=lambda d: d.span.start))


# a year alone: "in 2011", "في عام 2011", "العام 2014"; never after "since"/"منذ" (a span) nor
# before an event noun ("the 2011 uprising", "in 2011 elections")
_YEAR_DIGITS = re.compile(r"(?<![\d/.,-])(?:19|20)\d\d(?![\d/.-]?\d)")
_YEAR_LEAD_EN = re.compile(r"(?<![\w-])[Ii]n\s+(?:early\s+|late\s+|mid-)?$")
_YEAR_LEAD_AR = re.compile(r"(?<![\u0621-\u064a])(?:(?:في\s+)?(?:عام|العام|سنه|لعام)|في)\s+$")


def _years(nt: Normalized, lang: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """Year-only dates, when the words before them make them the time of the photo or event: "in
    2011", "في عام 2011", "العام 2014"; never after "since"/"منذ" (a span) nor next to an event
    noun ("the 2011 uprising", "in 2011 elections", "حرب عام 2006"). The year is found first and
    the words before it read backwards: most years sit inside a full date already taken."""
    text = nt.text
    out: list[DateMention] = []
    lead = _YEAR_LEAD_EN if lang == "en" else _YEAR_LEAD_AR
    words = grammar_words()
    for m in _YEAR_DIGITS.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        cue = lead.search(text, max(0, m.start() - 16), m.start())
        if cue is None:
            continue
        before = text[max(0, cue.start() - 16) : cue.start()]
        if lang == "en":
            if before.casefold().rstrip().endswith(words.background_en):
                continue  # "the war that began in 2011"
            if _event_en().match(text, m.end()):
                continue  # "in 2011 elections"
        else:
            prev = before.split()[-1] if before.split() else ""
            if key_ar(prev) in words.duration_ar or key_ar(prev) in words.date_events_ar:
                continue  # "منذ عام 2011", "حرب عام 2006"
        taken.append((m.start(), m.end()))
        out.append(_mention(nt, m.start(), m.end(), int(m.group(0)), None, None, None, None))
    return out


@cache
def _period_heads() -> frozenset[str]:
    return frozenset(p.split()[0] for p in relative_periods("en"))


@cache
def _periods_pattern(lang: str) -> re.Pattern[str]:
    forms = [r"\s+".join(re.escape(w) for w in p.split()) for p in relative_periods(lang)]
    alt = "|".join(sorted(forms, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)
    return re.compile(rf"(?<![\u0621-\u064a])[وفب]?(?:{alt})(?![\u0621-\u064a])")


def _periods(nt: Normalized, lang: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """Loosely dated periods ("last summer", "الشهر الماضي"): relative dates without a day.
    After "the" or a word of duration ("over the last year", "خلال العام الماضي") they are a
    span of time, not a date."""
    out: list[DateMention] = []
    if lang == "en":
        low = nt.text.casefold()
        if not any(w in low for w in _period_heads()):
            return out  # the pattern is dear; most captions have none of its first words
    for m in _periods_pattern(lang).finditer(nt.text):
        before = nt.text[max(0, m.start() - 16) : m.start()].split()
        word = before[-1].casefold() if before else ""
        if lang == "ar" and word[:1] in ("و", "ف") and len(word) > 3:
            word = word[1:]  # "وخلال"
        words = grammar_words()
        if word in (words.duration_en if lang == "en" else words.duration_ar):
            continue
        if _overlaps(taken, m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        out.append(_relative(nt, m.start(), m.end(), None, None, None))
    return out


@cache
def _days_ago_pattern(lang: str) -> re.Pattern[str]:
    units = number_words(lang).units
    counts = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"\b(?P<n>\d{{1,2}}|{counts})\s+days?\s+ago\b", re.IGNORECASE)
    # "قبل ثلاثة أيام", "قبل 3 أيام", "قبل يومين"
    return re.compile(
        rf"(?<![\u0621-\u064a])قبل\s+(?:(?P<n>\d{{1,2}}|{counts})\s+(?:ايام|يوما)|(?P<two>يومين))"
    )


def _days_ago(
    nt: Normalized, lang: str, taken: list[tuple[int, int]], reference: dt.date | None
) -> list[DateMention]:
    """ "three days ago", "قبل ثلاثة أيام": a day counted back from the reference date."""
    out: list[DateMention] = []
    if ("ago" if lang == "en" else "قبل") not in nt.text:
        return out
    units = number_words(lang).units
    for m in _days_ago_pattern(lang).finditer(nt.text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m.groupdict().get("two"):
            count = 2
        else:
            raw = m.group("n")
            count = (
                int(raw)
                if raw.isdigit()
                else int(units.get(key_en(raw) if lang == "en" else raw, 0))
            )
        if not 1 <= count <= 31:
            continue
        taken.append((m.start(), m.end()))
        out.append(_relative(nt, m.start(), m.end(), None, -count, reference))
    return out


@cache
def _relative_before() -> re.Pattern[str]:
    """A relative day word ending right before a weekday ("أمس الخميس"), searched backwards
    from the weekday only: a leading optional group would be tried at every position."""
    relative = _alt(list(relative_days("ar")))
    return re.compile(rf"(?<![\u0621-\u064a])[وفب]?(?:{relative})\s+$")


@cache
def _relative_ar() -> tuple[dict[str, int], re.Pattern[str]]:
    """Arabic relative day words and one pattern for all of them, longest first ("صباح أمس"
    before "أمس"). "اليوم" alone is left out: "Syria today" in the general sense is no date."""
    table = {w: offset for w, offset in relative_days("ar").items() if w != key_ar("اليوم")}
    return table, re.compile(
        rf"(?<![\u0621-\u064a])[وفب]?(?P<r>{_alt(list(table))})(?![\u0621-\u064a])"
    )


def _ar_day(m: re.Match[str], ordinals: dict[str, int]) -> int | None:
    """The day of an Arabic date match: its figure, the first day of a range, or an ordinal."""
    groups = m.groupdict()
    if groups.get("day0"):
        return int(groups["day0"])
    if groups.get("day"):
        return int(groups["day"])
    if groups.get("dayword"):
        return ordinals.get(groups["dayword"])
    return None


# 12/3/2024 (Arabic captions write the day first), 2024/05/12; never a two-digit year
# the separator is one of / - . and the same twice: "16-6-2024", "16.6.2024"
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d/.-]?\d)")


def _numeric(
    nt: Normalized, lang: str, taken: list[tuple[int, int]], reference: dt.date | None
) -> list[DateMention]:
    """Dates written in figures. Year first is unambiguous; otherwise Arabic is day first, and
    English is read only when one figure cannot be a month (31/12/2024, 12/31/2024)."""
    out: list[DateMention] = []
    for m in _NUMERIC.finditer(nt.text):
        a, b, c = m.group(1), m.group(3), m.group(4)
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(c) == 4:
            first, second = int(a), int(b)
            if lang == "ar" or first > 12:
                day, month = first, second
            elif second > 12:
                month, day = first, second
            else:
                continue  # 05/06/2024 in English: May 6 or 5 June
            year = int(c)
        else:
            continue
        if not 1900 <= year <= 2100 or not _valid(year, month, day):
            continue
        start, weekday = m.start(), None
        if lang == "ar":  # "يوم الثلاثاء 12/3/2024": the weekday belongs to the date
            wd = _ar_weekday_before().search(nt.text, max(0, start - 20), start)
            if wd:
                start, weekday = wd.start("wd"), weekdays_ar().get(wd.group("wd"))
        if _overlaps(taken, start, m.end()):
            continue
        taken.append((start, m.end()))
        out.append(
            _mention(nt, start, m.end(), year, month, day, weekday, reference, core_start=m.start())
        )
    return out


@cache
def _ar_weekday_before() -> re.Pattern[str]:
    return re.compile(rf"(?P<wd>{_alt(list(weekdays_ar()))})\s*,?\s*$")


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        from hijridate import Hijri

        return Hijri(year, month, day).to_gregorian()
    except (ImportError, ValueError, OverflowError):
        return None
