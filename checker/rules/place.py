"""Place rules: the photo's place named on one side only, and places that conflict.

Containment is agreement: Hmeimim Air Base is in Latakia, which is in Syria, so "Hmeimim
airbase in Syria" and "مطار حميميم باللاذقية" agree. Only the places of the first sentence are
the photo's place; later sentences give background ("Russia has insisted...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checker.data import gazetteer
from checker.models import Category, Fields, PlaceMention, Severity
from checker.rules.base import LANG_NAME, Context, Hit, first_sentence_end, other, per_caption, rule
from checker.translit import same_name


@per_caption
def photo_places(fields: Fields) -> list[PlaceMention]:
    """The known places of the first sentence: where the photo was taken."""
    end = first_sentence_end(fields)
    return [p for p in fields.places if p.span.start < end and p.ids]


@per_caption
def finest_photo_places(fields: Fields) -> list[PlaceMention]:
    return _finest(photo_places(fields))


def compatible(a: PlaceMention, b: PlaceMention) -> bool:
    """Same place, or one contains the other, for any reading of either name. A sea, gulf or
    river borders several countries: it conflicts with no place ("the Red Sea port of Hodeidah")."""
    gaz = gazetteer()
    if any(gaz.places[i].kind == "water" for i in (*a.ids, *b.ids)):
        return True
    if _part_of_town(a.name, b.name) or _part_of_town(b.name, a.name):
        return True
    return any(gaz.contains(x, y) or gaz.contains(y, x) for x in a.ids for y in b.ids)


_QUARTER = re.compile(r"(?:East|West|North|South|Eastern|Western|Northern|Southern)\s+(.+)")


def _part_of_town(part: str | None, whole: str | None) -> bool:
    """ "East Jerusalem" is part of Jerusalem, whatever country each is filed under."""
    m = _QUARTER.fullmatch(part or "")
    return m is not None and m.group(1) == whole


def _named_in_text(place: PlaceMention, fields: Fields) -> bool:
    """The place is written in the other caption even if the gazetteer does not know that spelling."""
    names = [place.name or place.text, place.text]
    tokens = fields.tokens
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(t.key for t in tokens[i : i + n])
            if any(same_name(phrase, name) for name in names):
                return True
    return False


@rule("PL001", "place-only-in-one-language", Category.PLACE, Severity.INFO)
def place_only_in_one_language(ctx: Context) -> Iterator[Hit]:
    """The photo's place is named in one caption and the other names no place.

    What it checks: a place in the first sentence of one caption, while the other caption names
    no place at all (and does not write the same name in another spelling).
    Why it matters: readers of the other language do not learn where the photo was taken.
    Example: EN "Smoke rises over Gaza City" / AR "دخان يتصاعد بعد القصف".
    Use instead: "دخان يتصاعد فوق مدينة غزة بعد القصف".
    """
    for lang, here, there in ctx.directions():
        places = photo_places(here)
        if not places or there.places:
            continue
        missing = [p for p in places if not _named_in_text(p, there)]
        if not missing:
            continue
        names = ", ".join(dict.fromkeys(p.name or p.text for p in missing))
        spans = {lang: tuple(p.span for p in missing)}
        yield Hit.at(
            f"The {LANG_NAME[lang]} caption says where the photo was taken ({names}); the "
            f"{LANG_NAME[other(lang)]} caption names no place.",
            spans,
            confidence=0.7,
        )


@rule("PL002", "places-conflict", Category.PLACE, Severity.WARNING)
def places_conflict(ctx: Context) -> Iterator[Hit]:
    """The captions put the photo in places that cannot both be right.

    What it checks: each caption names the photo's place, and a place of the English caption's
    first sentence neither equals, contains nor lies inside any place named in the Arabic
    caption (and the reverse). Places in different countries give a higher confidence. When the
    captions agree only on a region, their towns are compared too: "Khan Younis, southern Gaza
    Strip" and "رفح جنوب قطاع غزة" name different towns (a lower confidence).
    Why it matters: a photo placed in the wrong town or country is misinformation.
    Example: EN "in Khan Younis, southern Gaza Strip" / AR "في مخيم جنين".
    Use instead: "في خان يونس جنوب قطاع غزة".
    """
    pair = ctx.both()
    if pair is None:
        return
    gaz = gazetteer()
    en_photo, ar_photo = photo_places(pair[0]), photo_places(pair[1])
    if not en_photo or not ar_photo:
        return
    en_all = [p for p in pair[0].places if p.ids]
    ar_all = [p for p in pair[1].places if p.ids]
    en_bad = [p for p in en_photo if not any(compatible(p, q) for q in ar_all)]
    ar_bad = [p for p in ar_photo if not any(compatible(p, q) for q in en_all)]
    town_level = False
    if not en_bad or not ar_bad:
        # agreement at the level of a region may hide different towns: "Khan Younis, southern
        # Gaza Strip" against "رفح جنوب قطاع غزة"
        en_bad = _towns_unmatched(en_photo, pair[1].places)
        ar_bad = _towns_unmatched(ar_photo, pair[0].places)
        if not en_bad or not ar_bad:
            return  # one side's photo places are all accounted for by the other side
        town_level = True
    en_countries = {p.country for p in en_photo}
    ar_countries = {p.country for p in ar_photo}
    other_country = not (en_countries & ar_countries)
    en_names = ", ".join(dict.fromkeys(p.name or p.text for p in en_bad))
    ar_names = ", ".join(dict.fromkeys(p.name or p.text for p in ar_bad))
    where = ""
    if other_country:
        where = (
            f" ({', '.join(sorted(gaz.country_name(c) for c in en_countries if c))} vs "
            f"{', '.join(sorted(gaz.country_name(c) for c in ar_countries if c))})"
        )
    yield Hit(
        f"The captions place the photo differently: {en_names} in English, {ar_names} in "
        f"Arabic{where}.",
        en=tuple(p.span for p in en_bad),
        ar=tuple(p.span for p in ar_bad),
        confidence=0.85 if other_country else 0.5 if town_level else 0.6,
        evidence={"en": [p.ids[0] for p in en_bad], "ar": [p.ids[0] for p in ar_bad]},
    )


_TOWN_KINDS = ("city", "camp")


def _towns_unmatched(
    photo: list[PlaceMention], other: tuple[PlaceMention, ...]
) -> list[PlaceMention]:
    """The towns and camps among one side's photo places when the other side names towns too,
    and none of them is the same as, or contains, or lies in, any of the other side's towns."""
    gaz = gazetteer()

    def towns(places: Iterable[PlaceMention]) -> list[PlaceMention]:
        return [p for p in places if p.ids and gaz.places[p.ids[0]].kind in _TOWN_KINDS]

    mine, theirs = towns(photo), towns(other)
    if not mine or not theirs:
        return []
    if any(compatible(a, b) for a in mine for b in theirs):
        return []
    return mine


def _finer(a: PlaceMention, b: PlaceMention) -> bool:
    """Is a strictly inside b (for some reading of each)?"""
    gaz = gazetteer()
    return any(x != y and gaz.contains(y, x) for x in a.ids for y in b.ids)


def _finest(places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a place that contains another of the list: "Gaza City, ... Gaza Strip" -> Gaza City."""
    # a name written twice ("Aleppo ... Aleppo", city or governorate each time) is not finer than
    # itself, nor is one of two readings that contain each other
    return [
        p
        for p in places
        if not any(
            q is not p and set(q.ids) != set(p.ids) and _finer(q, p) and not _finer(p, q)
            for q in places
        )
    ]


def _same(a: PlaceMention, b: PlaceMention) -> bool:
    return bool(set(a.ids) & set(b.ids))


@rule("PL003", "place-less-specific", Category.PLACE, Severity.INFO)
def place_less_specific(ctx: Context) -> Iterator[Hit]:
    """One caption names a wider area than the other for the photo's place.

    What it checks: every photo place of one caption contains a place of the other's first
    sentence, and none is the same or finer: the English says Gaza City, the Arabic only قطاع
    غزة (the Gaza Strip). The two agree; one tells the reader less.
    Why it matters: the place a photo was taken is news; an Arabic reader learns less than an
    English one. Sometimes the wider area is a deliberate choice, hence only information.
    Example: EN "Smoke rises over Gaza City" / AR "دخان يتصاعد فوق قطاع غزة".
    Use instead: "دخان يتصاعد فوق مدينة غزة".
    """
    for lang, here, there in ctx.directions():
        wide, fine = finest_photo_places(here), finest_photo_places(there)
        if not wide or not fine:
            continue
        if not all(any(_finer(f, w) for f in fine) for w in wide):
            continue
        if any(_same(f, w) or _finer(w, f) for f in fine for w in wide):
            continue
        finest = [f for f in fine if any(_finer(f, w) for w in wide)]
        if all(_named_in_text(f, here) for f in finest):
            continue  # "سديروت" is Sderot, though the gazetteer has no Arabic name for it
        spans = {lang: tuple(w.span for w in wide), other(lang): tuple(f.span for f in finest)}
        names = ", ".join(dict.fromkeys(f.name or f.text for f in finest))
        wider = ", ".join(dict.fromkeys(w.name or w.text for w in wide))
        yield Hit.at(
            f"The {LANG_NAME[lang]} caption names only {wider}; the {LANG_NAME[other(lang)]} caption "
            f"places the photo more precisely ({names}).",
            spans,
            confidence=0.7,
            evidence={"wider": [w.ids[0] for w in wide], "finer": [f.ids[0] for f in finest]},
        )


RULES = (place_only_in_one_language, places_conflict, place_less_specific)
