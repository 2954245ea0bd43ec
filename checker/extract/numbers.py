"""Counts and figures: ``250,000``, ``2.5 million``, ``three``, ``250 ألف``, ``ثلاثة``,
``hundreds`` / ``مئات`` (vague), with ``nearly`` / ``نحو`` marking an approximate figure.

Not numbers for this purpose: digits inside words or model names (``SU-24M``, ``6th``), years,
and anything inside a date mention or the credit block (the caller passes those as ``skip``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from checker.data import number_words
from checker.models import Lang, NumberMention, Span
from checker.normalize import Normalized, key_ar, key_en

# a figure stands alone, or after the Arabic conjunction or preposition glued to it ("و20", "ب30")
_FIGURE = re.compile(
    r"(?:(?<![\w.,/-])|(?<=(?<![\w])[وب]))(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/]|-\w|\.\d|,\d)"
)
_TAIL_WORD = re.compile(r"\s*([^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d{2}")


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _number_word_forms(lang: Lang) -> frozenset[str]:
    """The words the number tables know, as a caption writes them (case-folded English, و
    before an Arabic unit): one set lookup decides a word, before any key is computed."""
    words = number_words(lang)
    forms = set(words.units) | set(words.vague)
    if lang == "ar":
        forms |= {"و" + w for w in words.units}
    return frozenset(forms)


def _skip(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in ranges)


_AR_AT_LEAST_AFTER = re.compile(r"\s*(?:[\u0621-\u064a]+\s+)?عل[يى] الاقل")


@cache
def _half_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = number_words(lang)
    before = "|".join(re.escape(w) for w in sorted(words.half_before, key=len, reverse=True))
    after = "|".join(re.escape(w) for w in sorted(words.half_after, key=len, reverse=True))
    units = "|".join(re.escape(w) for w in words.multipliers)
    return (
        re.compile(rf"(?:^|(?<=\s))(?:{before})\s+$", re.IGNORECASE),
        re.compile(rf"\s+(?:{after})(?:\s+(?:ال)?(?:{units}))?(?![\w])", re.IGNORECASE),
    )


def _halves(text: str, lang: str, start: int, end: int, value: float) -> tuple[int, int, float]:
    """ "half a million", "نصف مليون": half the figure; "مليون ونصف المليون", "3 ملايين ونصف":
    half its order more. The span takes the words in."""
    if "نصف" not in text and "half" not in text.casefold():
        return start, end, value
    before, after = _half_patterns(lang)
    m = before.search(text, max(0, start - 12), start)
    if m and value in (100, 1_000, 1_000_000, 1_000_000_000):
        return m.start(), end, value / 2
    m = after.match(text, end)
    if m and value >= 1:
        scale = next((s for s in (1e9, 1e6, 1e3, 100, 1) if value >= s and value % s == 0), 1)
        return start, m.end(), value + scale / 2
    return start, end, value


def _in(nt: Normalized, spans: list[Span], start: int, end: int) -> bool:
    here = nt.span(start, end)
    return any(here.overlaps(s) for s in spans)


def extract(nt: Normalized, lang: Lang, skip: Iterable[Span] = ()) -> list[NumberMention]:
    text = nt.text
    words = number_words(lang)
    keyf = key_en if lang == "en" else key_ar
    skip_spans = list(skip)
    taken: list[tuple[int, int]] = []
    out: list[NumberMention] = []

    def approx_before(start: int) -> bool:
        before = keyf(text[max(0, start - 24) : start])
        return any(before.endswith(a) for a in words.approx)

    def approx_after(end: int) -> bool:
        # "15 على الأقل", "15 شخصا على الأقل": after the figure or after the counted noun
        return lang == "ar" and _AR_AT_LEAST_AFTER.match(keyf(text[end : end + 30])) is not None

    def at_least(start: int, end: int) -> bool:
        before = keyf(text[max(0, start - 24) : start])
        return any(before.endswith(a) for a in words.at_least) or approx_after(end)

    for m in _FIGURE.finditer(text):
        if _in(nt, skip_spans, m.start(), m.end()):
            continue
        whole = m.group(1).replace(",", "")
        if m.group(2) is None and _YEAR.fullmatch(whole) and "," not in m.group(1):
            continue  # a year
        value: float = float(whole + ("." + m.group(2) if m.group(2) else ""))
        end = m.end()
        tail = _TAIL_WORD.match(text, end)
        if tail:
            mult = words.multipliers.get(keyf(tail.group(1)))
            if mult:
                value *= mult
                end = tail.end()
        start, end, value = _halves(text, lang, m.start(), end, value)
        taken.append((start, end))
        out.append(
            NumberMention(
                nt.original_text(start, end),
                nt.span(start, end),
                value,
                approximate=approx_before(start) or approx_after(end),
                at_least=at_least(start, end),
            )
        )

    forms = _number_word_forms(lang)
    for m in _WORD.finditer(text):
        if (m.group(0).casefold() if lang == "en" else m.group(0)) not in forms:
            continue  # most words: one set lookup
        key = keyf(m.group(0))
        if lang == "ar" and key.startswith("و") and key[1:] in words.units:
            key = key[1:]
        vague = words.vague.get(key)
        unit = words.units.get(key)
        if vague is None and unit is None:
            continue  # most words: decided by two lookups, before any span arithmetic
        if _in(nt, skip_spans, m.start(), m.end()) or _skip(taken, m.start(), m.end()):
            continue
        if lang == "en" and key == "one":
            continue  # "one of the...", "one man": a pronoun more often than a count
        if lang == "ar" and key in ("واحد", "واحده"):
            continue
        if lang == "ar" and key in ("عشر", "عشره"):
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and before[-1].startswith("ال"):
                continue  # "الثانية عشرة": an ordinal (twelfth), not ten
        end = m.end()
        value = vague if vague is not None else (unit or 0.0)
        tail = _TAIL_WORD.match(text, end)
        if tail and unit is not None:
            mult = words.multipliers.get(keyf(tail.group(1)))
            if mult and mult > value:
                value *= mult
                end = tail.end()
        start = m.start()
        if vague is None:
            start, end, value = _halves(text, lang, start, end, value)
        taken.append((start, end))
        out.append(
            NumberMention(
                nt.original_text(start, end),
                nt.span(start, end),
                value,
                approximate=vague is not None or approx_before(start) or approx_after(end),
                vague=vague is not None,
                at_least=at_least(start, end),
            )
        )
    ordered = sorted(out, key=lambda n: n.span.start)
    return _vague_products(text, nt, _compounds(nt, lang, ordered))


# "أحد عشر", "اثنا عشر": the first word of 11 and 12 is no number word of its own
_AR_ELEVEN_TWELVE = re.compile(
    r"(?<![\u0621-\u064a])(?:([أاإ]حد[ىي]?)|(اثن[تا]?[اي]|اثنت[اي]))\s+$"
)


def _compounds(nt: Normalized, lang: str, found: list[NumberMention]) -> list[NumberMention]:
    """Numbers written in two words: "twenty-five", "ثلاثة عشر" (13), "أحد عشر" (11), "خمسة
    وعشرين" (25). Read as one figure, not as two that match nothing on the other side."""
    out: list[NumberMention] = []
    for n in found:
        prev = out[-1] if out else None
        gap = nt.original[prev.span.end : n.span.start] if prev is not None else ""
        value: float | None = None
        if prev is not None and not prev.vague and not n.vague:
            if lang == "en" and gap in ("-", " ") and prev.value in _TENS and 1 <= n.value <= 9:
                value = prev.value + n.value  # "twenty-five"
            elif lang == "ar" and gap.strip() == "" and 1 <= prev.value <= 9:
                if n.value == 10 and key_ar(n.text) in ("عشر", "عشره"):
                    value = prev.value + 10  # "ثلاثة عشر"
                elif n.value in _TENS and n.text.startswith("و"):
                    value = prev.value + n.value  # "خمسة وعشرين"
            elif (
                lang == "ar"
                and gap.strip() == "و"
                and prev.value >= 100
                and 0 < n.value < prev.value
            ):
                value = prev.value + n.value  # "ألفين و200": 2,200
        if value is not None and prev is not None:
            out[-1] = NumberMention(
                nt.original[prev.span.start : n.span.end],
                Span(prev.span.start, n.span.end),
                value,
                approximate=prev.approximate or n.approximate,
                at_least=prev.at_least or n.at_least,
            )
            continue
        if lang == "ar" and n.value == 10 and key_ar(n.text) in ("عشر", "عشره"):
            m = _AR_ELEVEN_TWELVE.search(nt.original, max(0, n.span.start - 8), n.span.start)
            if m:
                start = m.start()
                out.append(
                    NumberMention(
                        nt.original[start : n.span.end],
                        Span(start, n.span.end),
                        11.0 if m.group(1) else 12.0,
                        approximate=n.approximate,
                        at_least=n.at_least,
                    )
                )
                continue
        out.append(n)
    return out


_TENS = frozenset(float(t) for t in range(20, 100, 10))


_OF = re.compile(r"\s+(?:of\s+)?")


def _vague_products(text: str, nt: Normalized, found: list[NumberMention]) -> list[NumberMention]:
    """ "tens of thousands", "عشرات الآلاف", "hundreds of thousands": two vague words in a row are
    one vague figure, their product (10,000, 100,000), not two."""
    out: list[NumberMention] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and prev.vague and n.vague and n.value > prev.value:
            gap = nt.original[prev.span.end : n.span.start]
            if _OF.fullmatch(gap):
                out[-1] = NumberMention(
                    nt.original[prev.span.start : n.span.end],
                    Span(prev.span.start, n.span.end),
                    prev.value * n.value,
                    approximate=True,
                    vague=True,
                    at_least=prev.at_least,
                )
                continue
        out.append(n)
    return out
