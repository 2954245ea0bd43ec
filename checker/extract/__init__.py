"""Extraction: one caption's text -> its ``Fields`` (credit, dates, places, numbers, tokens).

Each field has its own module, for both languages; this module runs them in order so that a
later field can leave alone the text an earlier one claimed (numbers skip dates and credits).
"""

from __future__ import annotations

import datetime as dt

from checker.extract import credits, dates, numbers, people, places
from checker.extract.tokens import tokenize
from checker.models import Fields, Lang, PersonMention, PlaceMention, Span
from checker.normalize import normalize


def extract_fields(text: str, lang: Lang, reference: dt.date | None = None) -> Fields:
    """Everything the rules need from one caption."""
    nt = normalize(text)
    credit = credits.find_en_credit(nt) if lang == "en" else credits.find_ar_credit(nt)
    found_dates = (dates.extract_en if lang == "en" else dates.extract_ar)(nt, reference)
    credit_spans = [credit.span] if credit else []
    # "(Photo by Adem Altan / AFP) (Photo by ADEM ALTAN/AFP via Getty Images)": the credit is
    # one of them, and the other is no prose either
    credit_spans += [s for s in credits.other_credit_blocks(nt, lang) if s not in credit_spans]
    found_dates = [d for d in found_dates if not any(d.span.overlaps(c) for c in credit_spans)]
    found_people = [
        p for p in people.extract(nt, lang) if not any(p.span.overlaps(c) for c in credit_spans)
    ]
    taken = credit_spans + [d.span for d in found_dates]
    names = taken + [p.span for p in found_people]  # a name is not a place ("جورجيا ميلوني")
    body = Span(0, credit.span.start) if credit and credit.span.start > 0 else Span(0, len(text))
    found_places = places.extract(nt, lang, names)
    if found_people:
        found_places, found_people = _place_or_person(text, lang, found_places, found_people)
    return Fields(
        lang=lang,
        text=text,
        body=body,
        credit=credit,
        dates=tuple(found_dates),
        places=tuple(found_places),
        numbers=tuple(numbers.extract(nt, lang, taken)),
        tokens=tokenize(nt, lang),
        people=tuple(found_people),
    )


def _first_name_place(person: PersonMention, target: Fields) -> list[PersonMention]:
    """ "Prime Minister Meloni" / "جورجيا ميلوني": a surname named alone in one caption, found in
    the other right after a place name, makes that place the person's first name."""
    from checker.translit import same_name

    tokens = target.tokens
    out = []
    for i in range(1, len(tokens)):
        if len(person.text) < 4 or not same_name(tokens[i].text, person.text):
            continue
        before = tokens[i - 1]
        if any(p.span.overlaps(before.span) for p in target.places):
            span = Span(before.span.start, tokens[i].span.end)
            if not any(span.overlaps(p.span) for p in target.people):
                out.append(PersonMention(target.text[span.start : span.end], span, person.role))
    return out


def _place_or_person(
    text: str, lang: Lang, found_places: list[PlaceMention], found_people: list[PersonMention]
) -> tuple[list[PlaceMention], list[PersonMention]]:
    """A known place that starts with a title word, where the words before it say it is a place
    ("في حي الشيخ جراح", Sheikh Jarrah), is no person; without such words, the title's person
    wins ("الشيخ زايد بن سلطان" is no town)."""
    overlapping = [p for p in found_places if any(p.span.overlaps(q.span) for q in found_people)]
    if not overlapping:
        return found_places, found_people
    known = [p.span for p in overlapping if p.ids and places.cued(text, p.span.start, lang)]
    people = [p for p in found_people if not any(p.span.overlaps(k) for k in known)]
    kept = [p for p in found_places if p not in overlapping or p.span in known]
    return kept, people


def reconcile(en: Fields, ar: Fields) -> tuple[Fields, Fields]:
    """What one caption tells about the other: a person the English caption names after a title
    ("Prime Minister Giorgia Meloni") is that person in the Arabic caption too, even without a
    title there ("جورجيا ميلوني بعثت رسالة"), and so is not the place Georgia; and the reverse."""
    return _names_from(ar, en), _names_from(en, ar)


def _names_from(source: Fields, target: Fields) -> Fields:
    from dataclasses import replace

    from checker.translit import same_name

    if not source.people or not target.places:
        return target
    tokens = target.tokens
    found: list[PersonMention] = []
    for person in source.people:
        parts = person.text.split()
        if len(parts) < 2:
            found.extend(_first_name_place(person, target))
            continue
        for i in range(len(tokens) - len(parts) + 1):
            window = tokens[i : i + len(parts)]
            if all(same_name(w.text, p) for w, p in zip(window, parts, strict=True)):
                span = Span(window[0].span.start, window[-1].span.end)
                if not any(span.overlaps(p.span) for p in target.people):
                    found.append(
                        PersonMention(target.text[span.start : span.end], span, person.role)
                    )
    if not found:
        return target
    places = tuple(p for p in target.places if not any(p.span.overlaps(f.span) for f in found))
    return replace(
        target,
        places=places,
        people=tuple(sorted((*target.people, *found), key=lambda p: p.span.start)),
    )


__all__ = ["extract_fields", "reconcile"]
