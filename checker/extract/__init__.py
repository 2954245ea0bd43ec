"""Extraction: one caption's text -> its ``Fields`` (credit, dates, places, numbers, tokens).

Each field has its own module, for both languages; this module runs them in order so that a
later field can leave alone the text an earlier one claimed (numbers skip dates and credits).
"""

from __future__ import annotations

import datetime as dt

from checker.extract import credits, dates, numbers, people, places
from checker.extract.tokens import tokenize
from checker.models import Fields, Lang, Span
from checker.normalize import normalize


def extract_fields(text: str, lang: Lang, reference: dt.date | None = None) -> Fields:
    """Everything the rules need from one caption."""
    nt = normalize(text)
    credit = credits.find_en_credit(nt) if lang == "en" else credits.find_ar_credit(nt)
    found_dates = (dates.extract_en if lang == "en" else dates.extract_ar)(nt, reference)
    credit_spans = [credit.span] if credit else []
    found_dates = [d for d in found_dates if not any(d.span.overlaps(c) for c in credit_spans)]
    found_people = [
        p for p in people.extract(nt, lang) if not any(p.span.overlaps(c) for c in credit_spans)
    ]
    taken = credit_spans + [d.span for d in found_dates]
    names = taken + [p.span for p in found_people]  # a name is not a place ("جورجيا ميلوني")
    body = Span(0, credit.span.start) if credit and credit.span.start > 0 else Span(0, len(text))
    return Fields(
        lang=lang,
        text=text,
        body=body,
        credit=credit,
        dates=tuple(found_dates),
        places=tuple(places.extract(nt, lang, names)),
        numbers=tuple(numbers.extract(nt, lang, taken)),
        tokens=tokenize(nt, lang),
        people=tuple(found_people),
    )


__all__ = ["extract_fields"]
