"""Place mentions: gazetteer lookups over word n-grams, longest match first.

English: an n-gram is tried when it starts with a capital (``Gaza City``, ``Tahrir square``,
``al-Muthana``). Arabic: the first word of an n-gram is tried with its clitics peeled off
(``باللاذقية`` -> ``اللاذقية``, ``وبمدينة غزة`` -> ``مدينة غزة``); the article is optional on
both sides of the lookup. An ambiguous name (Tripoli, Rafah) takes the candidate whose country
the caption names elsewhere, else the most important candidate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.data import (
    Gazetteer,
    Place,
    agency_by_en,
    ar_place_key,
    ar_skeleton,
    ar_skeleton_index,
    article_key_en,
    capitals,
    clitic_words_ar,
    country_of_demonym,
    country_of_name_ar,
    country_of_nisba,
    gazetteer,
    grammar_words,
    load_toml,
    months_en,
    place_skeleton,
    register_dependent,
    skeleton_index,
    weekdays_en,
)
from checker.data.english import arabic_frequencies, frequencies, known
from checker.models import Lang, PlaceMention, Span
from checker.normalize import Normalized, ar_bare, ar_stems, key_ar, key_en

_ARTICLE_PREFIX = re.compile(r"(?i)(?:al|el|ad|ar|as|ash|az)-[A-Z]")
_AR_QUOTED_NAME = re.compile(r"\s*[«\"]([^»\"\n]{2,30})[»\"]")  # normalised text: «» are "
_AR_NAME_WORDS = re.compile(r"\s+([\u0621-\u064a]{3,})(?:\s+([\u0621-\u064a]{3,}))?")
_AR_LETTERS = re.compile(r"[\u0621-\u064a]+")
_AR_MORE_QUOTED = re.compile(r"\s*(?:،|,)?\s*و?\s*\"([^\"\n]{2,30})(?=\")")
# an apostrophe joins a name ("Sana'a", "Ma'arrat") but not a possessive ("Iraq's", "Gaza's")
_EN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+|'(?!s\b)[^\W\d_]+)*")
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_BREAK = re.compile(r"[,.;:!?()\"\n|/]")


@dataclass(frozen=True)
class PlaceWords:
    """The words of ``place_words.toml``, folded as the normaliser folds caption text."""

    cues_en: frozenset[str]
    nouns_before_of: frozenset[str]
    after_possessive: frozenset[str]
    before_title_en: frozenset[str]
    before_title_ar: frozenset[str]
    cues_ar: frozenset[str]
    nouns_ar: frozenset[str]
    admin_nouns_ar: frozenset[str]
    not_names_ar: frozenset[str]
    organisation_nouns_ar: frozenset[str]
    region_of_city_en: dict[str, str]
    name_prefixes_ar: frozenset[str]
    actor_verbs_en: frozenset[str]
    street_nouns_en: frozenset[str]
    street_nouns_ar: frozenset[str]
    facility_nouns_en: frozenset[str]
    facility_nouns_ar: frozenset[str]
    core: frozenset[str]
    plural_nouns_ar: frozenset[str]
    group_heads_en: frozenset[str]
    organisation_nouns_en: frozenset[str]
    group_nouns_ar: frozenset[str]
    not_place_phrases_ar: tuple[str, ...]
    given_names_en: frozenset[str]
    given_names_ar: frozenset[str]
    actor_verbs_ar: frozenset[str]
    compass_en: frozenset[str]
    plural_adjectives_ar: frozenset[str]


@cache
def place_words() -> PlaceWords:
    table = load_toml("place_words.toml")
    en, ar = table["english"], table["arabic"]
    given = load_toml("given_names.toml")
    return PlaceWords(
        cues_en=frozenset(w.casefold() for w in en["cues"]),
        nouns_before_of=frozenset(w.casefold() for w in en["nouns_before_of"]),
        after_possessive=frozenset(w.casefold() for w in en["after_possessive"]),
        before_title_en=frozenset(w.casefold() for w in en["before_title"]),
        before_title_ar=frozenset(key_ar(w) for w in ar["before_title"]),
        cues_ar=frozenset(key_ar(w) for w in ar["cues"]),
        nouns_ar=frozenset(key_ar(w) for w in ar["nouns"]),
        admin_nouns_ar=frozenset(key_ar(w) for w in ar["admin_nouns"]),
        not_names_ar=frozenset(key_ar(w) for w in ar["not_names"]),
        organisation_nouns_ar=frozenset(key_ar(w) for w in ar["organisation_nouns"]),
        region_of_city_en={key_en(k): v for k, v in en["region_of_city"].items()},
        name_prefixes_ar=frozenset(key_ar(w) for w in ar["name_prefixes"]),
        actor_verbs_en=frozenset(en["actor_verbs"]),
        street_nouns_en=frozenset(en["street_nouns"]),
        street_nouns_ar=frozenset(key_ar(w) for w in ar["street_nouns"]),
        facility_nouns_en=frozenset(en["facility_nouns"]),
        facility_nouns_ar=frozenset(key_ar(w) for w in ar["facility_nouns"]),
        actor_verbs_ar=frozenset(key_ar(w) for w in ar["actor_verbs"]),
        compass_en=frozenset(en["compass"]),
        core=frozenset(table["core_countries"]),
        plural_nouns_ar=frozenset(key_ar(w) for w in ar["plural_nouns"]),
        group_heads_en=frozenset(en["group_heads"]),
        organisation_nouns_en=frozenset(en["organisation_nouns"]),
        group_nouns_ar=frozenset(key_ar(w) for w in ar["group_nouns"]),
        not_place_phrases_ar=tuple(key_ar(w) for w in ar["not_place_phrases"]),
        given_names_en=frozenset(given["english"]),
        given_names_ar=frozenset(key_ar(w) for w in given["arabic"]),
        plural_adjectives_ar=frozenset(key_ar(w) for w in ar["plural_adjectives"]),
    )


@cache
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    table = load_toml("place_stopwords.toml")
    return (
        frozenset(key_en(w) for w in table["english"]["words"]),
        frozenset(ar_place_key(w) for w in table["arabic"]["words"]),
    )


def _lookup_en(words: list[re.Match[str]], text: str, i: int, n: int) -> tuple[str, ...] | None:
    first = words[i].group(0)
    if not (first[0].isupper() or _ARTICLE_PREFIX.match(first)) and not (
        n > 1 and first in place_words().compass_en  # "east Jerusalem", as AP writes it
    ):
        return None
    if n == 1 and first.isupper() and _agency_acronym(first):
        return None  # "news agency SANA" is not Sanaa
    start, end = words[i].start(), words[i + n - 1].end()
    if _BREAK.search(text, start, end):
        return None
    key = key_en(text[start:end])
    if len(key) < 3 or key in _stopwords()[0]:
        return None
    ids = gazetteer().by_en.get(key) or _silent_h(key)
    if not ids and n > 2:
        ids = gazetteer().by_en.get(article_key_en(key))  # "Jisr el-Shughur"
    if not ids:
        return None
    if _word_before(text, start, "en") in place_words().group_heads_en:
        return None  # "Ahrar al-Sham", "Saraya al-Quds": an armed group's name
    caps = _FACILITY_AFTER.match(text, end)
    if caps and any(w in place_words().organisation_nouns_en for w in caps.group(0).split()):
        return None  # "Quds Force", "Jerusalem Post", "Qatar Airways"
    if ids and n == 1 and _name_goes_on_before(text, start, ids):
        return None  # "Goz Beida" (Chad) is not Beida (Libya): the name began a word earlier
    if ids and n == 1 and _ARABIC_NAME_GOES_ON.match(text, end):
        places = gazetteer().places
        if not any(places[i].kind == "country" or places[i].population >= 500_000 for i in ids):
            return None  # "Tal al-Sultan", "Deir al-Asafir": the name goes on; "Tal" is no town
    if ids and n == 1 and _demonym_before_noun(text, i, words, ids):
        return None
    return ids


def _words_before(text: str, start: int, width: int) -> list[str]:
    """The words in the ``width`` characters before ``start``, a lone opening quote dropped:
    'في مدينة «جرابلس»' has مدينة right before the name."""
    return [w for w in text[max(0, start - width) : start].split() if w not in _QUOTE_MARKS]


_QUOTE_MARKS = frozenset(['"', "«", "'", "“", "("])
_NOT_IN_WORD = re.compile(r"[,.;:(«\"'\s]")


def _word_before(text: str, start: int, lang: Lang) -> str:
    """The word right before ``start`` when one space alone parts them (no comma, no cue in
    between), without an English article ("al-Jabha" -> "Jabha"); Arabic words folded."""
    if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
        return ""
    cut = text.rfind(" ", max(0, start - 30), start - 1)
    word = text[cut + 1 : start - 1].lstrip("(«\"'")
    if not word or _NOT_IN_WORD.search(word):
        return ""
    if lang == "ar":
        return key_ar(word)
    return word[3:] if word[:3] in ("al-", "Al-", "el-", "El-") else word


def _after_given_name(text: str, start: int, end: int, places: list[Place], lang: Lang) -> bool:
    """Is the mention the rest of a person's name, a given name right before it ("محمد سالم",
    "حسين سالم أبو غوش", "Ahmed Homs")? Countries are never surnames here; in Arabic the name
    must stand bare (a preposition glued to it makes it a place: "محمد بغزة")."""
    if any(p.kind == "country" for p in places):
        return False
    words = place_words()
    prev = _word_before(text, start, lang)
    if lang == "en":
        return prev in words.given_names_en
    # Arabic puts the verb first, its object after the subject: "زار محمود عباس رام الله" keeps a
    # town of some size; only a small one is taken for a surname
    return (
        prev in words.given_names_ar
        and ar_place_key(text[start:end]) in gazetteer().by_ar
        and all(p.kind == "city" and p.population < _CORE_SMALL_TOWN for p in places)
    )


def _name_goes_on_before(text: str, start: int, ids: tuple[str, ...]) -> bool:
    """Is the town's name the end of a longer name the gazetteer lacks ("Goz Beida", "Tel
    Tamr")? So when a capitalised word that is no English word stands right before it; a
    country or a city of 500,000 keeps its reading."""
    word = _word_before(text, start, "en")
    if not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()):
        return False
    if known(word.casefold()) or word in place_words().given_names_en:
        return False  # "Mourners in ...", "Palestinian ...": English; "Ahmed Homs": a surname
    places = gazetteer().places
    return all(places[i].kind == "city" and places[i].population < 500_000 for i in ids)


_ARABIC_NAME_GOES_ON = re.compile(r" (?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]", re.IGNORECASE)


def _other_h_spelling(key: str) -> str | None:
    """The Arabic ta marbuta is written with or without a final h: Hodeidah / Hodeida, Falluja /
    Fallujah, Nabatieh / Nabatie. The other spelling of a key, tried when the first is unknown."""
    if len(key) < 5:
        return None
    if key.endswith(("ah", "eh")):
        return key[:-1]
    if key.endswith(("a", "e")):
        return key + "h"
    return None


def _silent_h(key: str) -> tuple[str, ...] | None:
    other = _other_h_spelling(key)
    if other is None or frequencies().get(other, 0) >= _ENGLISH_WORD_FREQ:
        return None  # "Saleh" (a name) without its h is "sale", a word, not Salé in Morocco
    return gazetteer().by_en.get(other)


def _demonym_before_noun(
    text: str, i: int, words: list[re.Match[str]], ids: tuple[str, ...]
) -> bool:
    """A country's short name that is also its adjective, used as one: "Saudi Crown Prince",
    "the Saudi Press Agency", "Saudi-led" (but "in Saudi, ..." is the country)."""
    word = words[i]
    if country_of_demonym(word.group(0)) not in ids or i + 1 >= len(words):
        return False
    gap = text[word.end() : words[i + 1].start()]
    if gap not in (" ", "-"):
        return False
    before = text[max(0, word.start() - 20) : word.start()].split()
    return not (before and before[-1].casefold() in place_words().cues_en)


@register_dependent
@lru_cache(maxsize=4096)
def _agency_acronym(word: str) -> bool:
    return key_en(word) in agency_by_en() and word.isupper() and len(word) <= 6


def _lookup_ar(words: list[re.Match[str]], text: str, i: int, n: int) -> tuple[str, ...] | None:
    start, end = words[i].start(), words[i + n - 1].end()
    if _BREAK.search(text, start, end):
        return None
    rest = text[words[i].end() : end]
    stop = _stopwords()[1]
    token = words[i].group(0)
    for stem in ar_stems(token):
        key = ar_place_key(stem + rest)
        if len(key) < 2 or key in stop:
            continue
        ids = gazetteer().by_ar.get(key)
        if (
            ids
            and n == 1
            and stem != token
            and token != "ال" + stem  # the article alone: "الحدود السورية" is handled below
            and _word_with_its_clitic(token)
        ):
            return None  # "باكرا" (early) is no ب + Accra, "للأمان" (for safety) no ل + Amman
        if ids:
            before = _words_before(text, start, 12)
            prev = before[-1] if before else ""
            on_border = prev.endswith("حدود")  # الحدود السورية: a place
            if not on_border and not stem.startswith("ال") and ("ال" + stem) in token:
                continue  # the caption's article is part of the word: "المسجد" is no village مسجد
            if _in_organisation_name(prev, text, start, end):
                return None
            if n == 1 and not on_border:
                if _nisba(token, stem):
                    return None
                if (
                    stem.startswith("ال")
                    and stem.endswith(("يه", "ي"))
                    and prev.startswith("ال")
                    and prev not in place_words().cues_ar  # "الى السعودية": a preposition
                    # "القاهرة فالإسكندرية", "دمشق والسويداء": a place after a place, joined
                    and not (token[:1] in "وف" and ar_place_key(prev) in gazetteer().by_ar)
                ):
                    return None  # "السلطات السعودية": after a definite noun, an adjective
                if (
                    stem == token
                    and token.endswith("يه")
                    and not prev.startswith("ال")
                    and key_ar(prev) not in place_words().cues_ar
                    and (prev.endswith(("ه", "ات")) or _plural_adjective_after(text, end))
                ):
                    # after an indefinite noun ("طفلة سورية", "عائلات سورية"), or before the
                    # adjective of a plural ("مدن سورية كثيرة"): an adjective, not the country
                    return None
            return ids
    return None


def _word_with_its_clitic(token: str) -> bool:
    """Is the whole token, clitic and all, an everyday Arabic word rather than a place with a
    preposition glued to it ("باكرا" early, not ب + Accra)? See ``clitic_words_ar``."""
    return key_ar(token) in clitic_words_ar()


def _plural_adjective_after(text: str, end: int) -> bool:
    after = text[end : end + 14].split()
    return bool(after) and key_ar(after[0]) in place_words().plural_adjectives_ar


def _in_organisation_name(prev: str, text: str, start: int, end: int) -> bool:
    """A place inside an organisation's name: "قوات سوريا الديمقراطية", "وجيش لبنان الجنوبي" (a
    noun of organisations before it, an adjective with its article after it); an armed group's
    "سرايا القدس", "فيلق القدس", "هيئة تحرير الشام" (a group noun before it, or a word that
    follows a group or organisation noun)."""
    words = place_words()

    def bare(word: str) -> str:
        word = key_ar(word)
        return word[1:] if word[:1] in "ولب" and len(word) > 3 else word

    nouns = words.organisation_nouns_ar
    groups = words.group_nouns_ar
    if not prev:
        return False
    if key_ar(prev) in groups or bare(prev) in groups:
        return True
    before = _words_before(text, start, 30)
    if (
        len(before) >= 2
        and (bare(before[-2]) in nouns or bare(before[-2]) in groups)
        and not key_ar(prev).startswith("ال")
        and key_ar(prev) not in words.cues_ar
        and key_ar(prev) not in words.admin_nouns_ar
        and key_ar(prev) not in words.nouns_ar
    ):
        return True  # "هيئة تحرير الشام", "جبهة فتح الشام"
    if key_ar(prev) not in nouns and bare(prev) not in nouns:
        return False
    after = text[end : end + 20].split()
    return bool(after) and after[0].startswith("ال") and len(after[0]) > 3


def _with_marks(nt: Normalized, start: int, end: int) -> str:
    """The original text of a match with the diacritics that follow its last letter."""
    span = nt.span(start, end)
    stop = span.end
    while stop < len(nt.original) and "\u064b" <= nt.original[stop] <= "\u0652":
        stop += 1
    return nt.original[span.start : stop]


def _nisba(token: str, stem: str) -> bool:
    """ "السورية" (the Syrian) is an adjective, not Syria: the token carries the article that the
    matched name lacks, and ends like a nisba adjective (ي، ية)."""
    return not stem.startswith("ال") and ("ال" + stem) in token and stem.endswith(("يه", "ي"))


@register_dependent
@lru_cache(maxsize=65536)
def _longest(word: str, lang: Lang) -> int:
    """The most words a gazetteer name starting with this word has (0: none starts with it)."""
    if lang == "en":
        if not (
            word[0].isupper()
            or word[:3].casefold() in ("al-", "el-", "ad-", "ar-", "as-", "az-")
            or word in place_words().compass_en
        ):
            return 0
        key = key_en(word)
        if not key:
            return 0
        heads = gazetteer().heads_en
        head = key.split(" ")[0]
        other = _other_h_spelling(head)  # "Hodeidah" for Hodeida
        return heads.get(head, 0) or (heads.get(other, 0) if other else 0)
    heads = gazetteer().heads_ar
    best = 0
    for stem in ar_stems(word):
        key = ar_place_key(stem)
        best = max(best, heads.get(key, 0), heads.get(key.split(" ")[0], 0))
    return best


# A small town whose name is also a word or a person's name ("مسن" an old man, "مشهد" a scene,
# Mubarak, Salam) is taken only with evidence: a place cue before it, its country or region named
# in the caption, or a name of several words. Distinctive kinds (countries, regions, camps, sites)
# and big cities need none.
_SMALL_TOWN = 150_000
# in the core countries (``core_countries`` in place_words.toml) a smaller town is plausible
_CORE_SMALL_TOWN = 50_000
_AR_PREP_CLITIC = ("ب", "وب", "فب", "لل", "ول")
_ADJECTIVE_MARKS = re.compile("\u064a\u0651|\u064b\u0627?$|\u0627\u064b$")


def _name_goes_on(text: str, nxt: re.Match[str], end: int) -> bool:
    """Does a capitalised word that is no English word follow right after ``end``?"""
    word = nxt.group(0)
    return (
        text[end : nxt.start()] == " "
        and word[:1].isupper()
        and not known(word.casefold())
        and word.casefold().rstrip(".") not in months_en()
    )


def _variant_spellings(
    words: list[re.Match[str]],
    text: str,
    found: list[tuple[int, int, tuple[str, ...]]],
    skip: list[Span],
    nt: Normalized,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Place names spelt another way than the gazetteer's ("Sulaimaniyah" for Sulaymaniyah): a
    capitalised word after a place cue whose consonant skeleton is a gazetteer name's, in a
    country the caption names. Without that country the guess is not made."""
    gaz = gazetteer()
    countries = {gaz.places[ids[0]].country for _, _, ids in found}
    taken = [(s, e) for s, e, _ in found]
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for i, w in enumerate(words):
        if i == 0 or not w.group(0)[:1].isupper():
            continue
        cue = words[i - 1]
        if text[cue.end() : w.start()].strip():
            continue
        cued = cue.group(0).casefold() in place_words().cues_en or (
            # "the port of Hodeidah", "the town of Khiam"
            cue.group(0) == "of"
            and i > 1
            and words[i - 2].group(0).casefold() in place_words().nouns_before_of
        )
        if not cued:
            continue
        if any(s <= w.start() < e for s, e in taken):
            continue
        if any(nt.span(w.start(), w.end()).overlaps(s) for s in skip) or known(
            w.group(0).casefold()
        ):
            continue  # an English word (Ramadan, Hebrew) is not a misspelt place
        for n in (2, 1):
            if i + n > len(words) or not all(x.group(0)[:1].isupper() for x in words[i : i + n]):
                continue
            start, end = w.start(), words[i + n - 1].end()
            if _BREAK.search(text, start, end) or any(s < end and start < e for s, e in taken):
                continue
            if n == 1 and i + 1 < len(words) and _name_goes_on(text, words[i + 1], end):
                continue  # "the town of Sulaiman Pek" is no Sulaymaniyah
            ids = skeleton_index().get(place_skeleton(text[start:end]))
            matching = tuple(x for x in ids or () if gaz.places[x].country in countries)
            if matching:
                out.append((start, end, matching))
                taken.append((start, end))
                break
    return out


# "the Lebanese capital", "العاصمة اللبنانية" / "بالعاصمة السورية": a capital named by its country
_EN_CAPITAL = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+capital\b")
_AR_NAME_THEN_CAPITAL = re.compile(
    r"(?<![\u0621-\u064a])[وفب]?([\u0621-\u064a]{3,})\s+العاصمه(?![\u0621-\u064a])"
)
_AR_CAPITAL = re.compile(r"(?<![\u0621-\u064a])[وف]?[بلك]?(?:ال)?عاصمه\s+([\u0621-\u064a]{4,})")


def _capitals(text: str, lang: Lang) -> list[tuple[int, int, tuple[str, ...]]]:
    if lang == "en":
        if "capital" not in text:
            return []
        matches = [(m, country_of_demonym(m.group(1))) for m in _EN_CAPITAL.finditer(text)]
    else:
        if "عاصمه" not in text:
            return []
        # "العاصمة اللبنانية"; "بالعاصمة تونس", "العاصمة الكويت": a capital named like its country
        matches = [
            (m, country_of_nisba(m.group(1)) or country_of_name_ar(m.group(1)))
            for m in _AR_CAPITAL.finditer(text)
            if "ال" in m.group(0)[: m.start(1) - m.start()]  # "العاصمة" with its article
        ]
        # "تونس العاصمة", "الجزائر العاصمة": the country's name, then "the capital"
        matches += [
            (m, country_of_name_ar(ar_place_key(m.group(1))))
            for m in _AR_NAME_THEN_CAPITAL.finditer(text)
        ]
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for m, country in matches:
        city = capitals().get(country or "")
        if city and city in gazetteer().places:
            start = m.start() if lang == "ar" else m.start() + 4  # "the " is not the place
            out.append((start, m.end(), (city,)))
    return out


_POSSESSIVE = re.compile(r"'s\s+([\w-]+)")


def _state_possessive(text: str, end: int) -> bool:
    """ "Syria's President", "Israel's decision": a country's possessive names the state, not a
    place; "Iraq's northern Kurdish region" is still a place (and "Baghdad's Tahrir Square",
    a city's, always is)."""
    m = _POSSESSIVE.match(text, end)
    return m is not None and m.group(1).casefold() not in place_words().after_possessive


_COUNTRY_POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][\w.-]+(?: [A-Z][\w.-]+)?)['’]s\s+$")


def _country_possessive_before(text: str, start: int) -> str | None:
    """The country whose possessive stands right before a name ("Libya's Zuwara"), or None."""
    m = _COUNTRY_POSSESSIVE_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return None
    ids = gazetteer().by_en.get(key_en(m.group(1)))
    return ids[0] if ids and gazetteer().places[ids[0]].kind == "country" else None


_DEMONYM_BORDER = re.compile(r"\b([A-Z][a-z]+)(?:-([A-Z][a-z]+))?\s+(?=border)")


# "الحدود السورية التركية", "الشريط الحدودي السوري التركي": a border named by its countries'
# adjectives, each one a place
_AR_BORDER = re.compile(
    r"(?<![\u0621-\u064a])[وب]?(?:ال)?حدود(?:ي|يه)?\s+(ال[\u0621-\u064a]{3,})(?:\s+(ال[\u0621-\u064a]{3,}))?"
)


def _ar_borders(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for m in _AR_BORDER.finditer(text):
        for g in (1, 2):
            if m.group(g) is None:
                break
            country = _nisba_country(m.group(g))
            if country is None:
                break
            out.append((m.start(g), m.end(g), (country,)))
    return out


def _demonym_borders(
    text: str, found: list[tuple[int, int, tuple[str, ...]]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """ "near the Syrian border", "the Lebanese-Israeli border": the countries of a border named by
    their adjectives are places, as "الحدود السورية التركية" is in Arabic."""
    if "border" not in text:
        return []

    out: list[tuple[int, int, tuple[str, ...]]] = []
    for m in _DEMONYM_BORDER.finditer(text):
        for g in (1, 2):
            word = m.group(g)
            country = country_of_demonym(word) if word else None
            if country and not any(s < m.end(g) and m.start(g) < e for s, e, _ in found):
                out.append((m.start(g), m.end(g), (country,)))
    return out


def _hyphen_pairs(
    words: list[re.Match[str]], found: list[tuple[int, int, tuple[str, ...]]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """ "the Israel-Gaza border", "Syria-Turkey border": two places joined by a hyphen, each a
    country, region or province. "Saudi-led", "Israel-Hamas war" are not both places."""
    gaz = gazetteer()
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for w in words:
        word = w.group(0)
        if "-" not in word or not word[:1].isupper():
            continue
        if any(s < w.end() and w.start() < e for s, e, _ in found):
            continue
        parts = word.split("-")
        if len(parts) != 2 or not all(p[:1].isupper() and len(p) > 2 for p in parts):
            continue
        hits = []
        offset = w.start()
        for part in parts:
            ids = gaz.by_en.get(key_en(part))
            if not ids or gaz.places[ids[0]].kind not in ("country", "region", "admin1"):
                break
            hits.append((offset, offset + len(part), ids))
            offset += len(part) + 1
        else:
            out.extend(hits)
    return out


def _ar_variant_spellings(
    words: list[re.Match[str]],
    text: str,
    found: list[tuple[int, int, tuple[str, ...]]],
    skip: list[Span],
    nt: Normalized,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """A foreign place written with other long vowels than the gazetteer's ("خاركيف" for خاركوف):
    a word after a place cue, not an everyday Arabic word, whose skeleton (ar_skeleton) is a
    gazetteer name's in a country the caption names, by name or by adjective ("الأوكرانية")."""
    from rapidfuzz.distance import Levenshtein

    gaz = gazetteer()
    cues = place_words().cues_ar
    taken = [(s, e) for s, e, _ in found]
    countries: set[str] | None = None  # worked out only once a word could be a variant
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for i, w in enumerate(words):
        word = w.group(0)
        if i == 0 or len(word) < 5:
            continue
        cue = words[i - 1].group(0)
        if cue not in cues and ar_bare(cue) not in cues:
            continue
        if any(s < w.end() and w.start() < e for s, e in taken):
            continue
        if any(nt.span(w.start(), w.end()).overlaps(s) for s in skip):
            continue
        for n in (2, 1):
            if i + n > len(words):
                continue
            start, end = w.start(), words[i + n - 1].end()
            if _BREAK.search(text, start, end):
                continue
            written = text[start:end]
            candidates = ar_skeleton_index().get(ar_skeleton(written), ())
            if not candidates:
                continue
            if countries is None:
                countries = {gaz.places[ids[0]].country for _, _, ids in found}
                countries.update(
                    c
                    for x in words
                    if "ال" in x.group(0)[:4] and (c := country_of_nisba(x.group(0)))
                )
            ids: tuple[str, ...] = tuple(
                x
                for x in candidates
                if gaz.places[x].country in countries
                and any(
                    Levenshtein.distance(key_ar(name), written) <= 2
                    for name in gaz.places[x].names_ar
                )
            )
            # last, as it loads a word list: an everyday word ("زراعية") is no misspelt name
            if ids and arabic_frequencies().get(word, 0) < 20:
                out.append((start, end, ids))
                taken.append((start, end))
                break
    return out


def _everyday_name(mention: str) -> bool:
    """Is this one-word Arabic mention a place name that is also an everyday word?"""
    gaz = gazetteer()
    if not gaz.common_ar or " " in mention.strip():
        return False
    for stem in ar_stems(key_ar(mention)):
        if gaz.by_ar.get(stem):
            return stem in gaz.common_ar
    return False


def _anchored(
    text: str,
    start: int,
    end: int,
    places: list[Place],
    found: list[tuple[int, int, tuple[str, ...]]],
) -> bool:
    """May this Arabic name that is also a word be read as a place here? Yes after a place noun
    ("مدينة صور", "بلدة جنين"), as a dateline, or after a preposition when another place of its
    country follows within a few words ("في الرمادي غرب العراق") or comes right before it ("قباطية
    قرب جنين")."""
    gaz = gazetteer()
    words = place_words()
    before = _words_before(text, start, 20)
    prev = ar_bare(before[-1]) if before else ""
    if prev in words.nouns_ar or prev in words.admin_nouns_ar:
        return True
    if start < 3 and re.match(r"\s*[-ـ–—:,]", text[end : end + 4]):
        return True  # a dateline
    cued = (before and before[-1] in words.cues_ar) or text[start:end].startswith(_AR_PREP_CLITIC)
    if not cued:
        return False
    countries = {p.country for p in places}
    # another place of its country follows ("في الرمادي غرب العراق"), or stands just before the
    # preposition ("قباطية قرب جنين")
    return any(
        (end < s <= end + 30 or start - 20 <= e < start)
        and any(gaz.places[i].country in countries for i in other)
        for s, e, other in found
    )


def _vouches(text: str, start: int, end: int, ids: tuple[str, ...], lang: Lang) -> bool:
    """May this mention make another place of its country plausible: a big town, a camp or a
    site, a name of several words, or a name after a place cue or place noun?"""
    gaz = gazetteer()
    words = place_words()
    if " " in text[start:end].strip() or any(
        gaz.places[i].kind != "city"
        or gaz.places[i].population
        >= (_CORE_SMALL_TOWN if gaz.places[i].country in words.core else _SMALL_TOWN)
        for i in ids
    ):
        return True
    return cued(text, start, lang)


def _plausible(
    found: list[tuple[int, int, tuple[str, ...]]], text: str, lang: Lang
) -> list[tuple[int, int, tuple[str, ...]]]:
    gaz = gazetteer()
    words = place_words()
    # what the caption names besides each mention: countries and regions, and the country of any
    # unambiguous place ("دمشق" makes a Syrian town plausible)
    # A bare small town vouches for no other: "قبة مسجد عمر بن الخطاب" is no pair of Iranian
    # villages (مسجد, بن) that make each other plausible
    named_by: list[set[str]] = []
    for start, end, ids in found:
        if (
            lang == "ar"
            and _everyday_name(text[start:end])
            and not _anchored(text, start, end, [gaz.places[i] for i in ids], found)
        ):
            named_by.append(set())  # "في حديثه" (in his talk) names no Haditha, nor Iraq
            continue
        here = {i for i in ids if gaz.places[i].kind in ("country", "admin1", "region")}
        countries = {gaz.places[i].country for i in ids}
        if len(countries) == 1 and (here or _vouches(text, start, end, ids, lang)):
            here |= countries
        named_by.append(here)
    keep = []
    for n, (start, end, ids) in enumerate(found):
        places = [gaz.places[i] for i in ids]
        if lang == "ar" and _everyday_name(text[start:end]):
            # "الخليل" (the friend), "صور" (pictures), "العلم" (the flag): a place only after a
            # place noun ("مدينة صور"), or after a preposition with another place of its country
            # right after it ("في صور جنوب لبنان"), or as a dateline
            if _anchored(text, start, end, places, found):
                keep.append((start, end, ids))
            continue
        if _after_given_name(text, start, end, places, lang):
            continue  # "Ahmed Homs", "محمد سالم": the rest of a person's name
        named = set().union(*(s for m, s in enumerate(named_by) if m != n))
        # "Nice", "Reading", "Van", "Salt": a town named like a common English word is taken
        # only with its country or region named, or as a dateline
        if (
            lang == "en"
            and _english_word_city(text[start:end], places)
            and not any(p.country in named or p.parent in named for p in places)
            and not (text[start:end].isupper() and start < 40)
        ):
            continue
        distinctive = any(
            p.kind != "city"
            or p.population >= (_CORE_SMALL_TOWN if p.country in words.core else _SMALL_TOWN)
            for p in places
        )
        if distinctive or " " in text[start:end].strip():
            keep.append((start, end, ids))
            continue
        in_context = (
            any(p.country in named or p.parent in named for p in places)
            or any(
                _near(p, other) for p in places for m, (_, _, other) in enumerate(found) if m != n
            )
            or (
                lang == "en"
                and _country_possessive_before(text, start) in {p.country for p in places}
            )
        )
        before = _words_before(text, start, 30)
        cue = before[-1].casefold().strip("(«\"'") if before else ""
        cued = cue in (words.cues_en if lang == "en" else words.cues_ar)
        if lang == "en" and cue == "of" and len(before) > 1:
            cued = before[-2].casefold() in words.nouns_before_of  # "the village of Johar a-Deek"
        if lang == "ar":
            word = text[start:end]
            # "بدوما": a preposition glued to the name (but "بند" is a name of its own)
            cued = cued or (
                word.startswith(_AR_PREP_CLITIC) and ar_place_key(word) not in gaz.by_ar
            )
        dateline = (lang == "en" and text[start:end].isupper() and start < 40) or (
            start < 3 and re.match(r"\s*[-ـ–—:,]", text[end : end + 4]) is not None
        )
        if lang == "en" and not in_context and not dateline and known(text[start:end].casefold()):
            continue  # "in Hope", "near Salem": an English word needs the place's country named
        if cued and not in_context and not dateline and _countries_named(named, gaz):
            continue  # "the village of Johar ... central Gaza Strip" is not Jawhar, Somalia
        if in_context or cued or dateline:
            keep.append((start, end, ids))
    return keep


# An English word this frequent (pyspellchecker's list) is a word first: "rest" 391,975, "nice"
# 698,611; the names of cities sit far below (London 1,088). The gazetteer build drops variant
# spellings above it; a town's own name above it needs its country named.
_ENGLISH_WORD_FREQ = 5000


def _english_word_city(mention: str, places: list[Place]) -> bool:
    if " " in mention or not all(p.kind in ("city", "admin1") for p in places):
        return False
    return frequencies().get(mention.casefold(), 0) >= _ENGLISH_WORD_FREQ


_ARTICLE_BEFORE = re.compile(r"(?:al|el)[- ]$")
_AR_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)\s+$")
_AR_TWO_BEFORE = re.compile(r"([\u0621-\u064a]+)\s+[\u0621-\u064a]+\s+$")
_STREET_AFTER = re.compile(r"\s+([A-Z][a-z]*\.?)")
_LOWER_STREET_AFTER = re.compile(r"\s+(?:street|road|avenue)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|along|off|in|at|near)\s+$")
_AR_DEFINITE_AFTER = re.compile(r"\s+ال[\u0621-\u064a]{3,}")
_FACILITY_AFTER = re.compile(r"(?:\s+[A-Z][\w'-]*){1,3}")


def _street_or_building(
    text: str, mention: tuple[int, int, tuple[str, ...]], lang: Lang
) -> tuple[int, int] | None:
    """The span of a street, square or building named after a place ("Salah al-Din Street",
    "شارع صلاح الدين", "Al-Aqsa Martyrs Hospital"), or None when the mention is no such name."""
    start, end, _ = mention
    words = place_words()
    if lang == "en":
        m = _STREET_AFTER.match(text, end)
        if m and m.group(1) in words.street_nouns_en:
            article = _ARTICLE_BEFORE.search(text[max(0, start - 3) : start])
            return (start - len(article.group(0)) if article else start, m.end())
        low = _LOWER_STREET_AFTER.match(text, end)
        if low and _PREPOSITION_BEFORE.search(text, max(0, start - 8), start):
            return (start, low.end())  # "on Baghdad street" (but "a Baghdad street" is in Baghdad)
        # "Al-Aqsa Martyrs Hospital": a building named after the place
        caps = _FACILITY_AFTER.match(text, end)
        if caps:
            for w in re.finditer(r"\S+", caps.group(0)):
                if w.group(0) in words.facility_nouns_en:
                    return (start, end + w.end())
        return None
    before = _AR_WORD_BEFORE.search(text, max(0, start - 12), start)
    if before and key_ar(before.group(1)) in words.street_nouns_ar:
        return (start - len(before.group(0)), end)
    if (
        before
        and key_ar(before.group(1)) in words.facility_nouns_ar
        and text[start] != "ب"
        and (adjective := _AR_DEFINITE_AFTER.match(text, end)) is not None
    ):
        return (start - len(before.group(0)), adjective.end())  # "مجمع فلسطين الطبي"
    two = _AR_TWO_BEFORE.search(text, max(0, start - 24), start)
    if two and key_ar(two.group(1)) in words.facility_nouns_ar and text[start] != "ب":
        return (start - len(two.group(0)), end)  # "مستشفى شهداء الأقصى"
    return None


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Z][\w'-]*))?")


def _country_as_actor(
    text: str,
    mention: tuple[int, int, tuple[str, ...]],
    found: list[tuple[int, int, tuple[str, ...]]],
    lang: Lang,
) -> bool:
    """A country named as the one who acts, not where the photo is: "Israel has withdrawn",
    "Iran launched", "the ceasefire between Israel and Hamas", "قالت إسرائيل"."""
    start, end, ids = mention
    if gazetteer().places[ids[0]].kind != "country":
        return False
    words = place_words()
    before = _words_before(text, start, 20)
    prev = before[-1] if before else ""
    if lang == "ar":
        return key_ar(prev) in words.actor_verbs_ar
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    verb, other = after.group(1), after.group(2)
    if prev.casefold() == "between" and verb == "and" and other is not None:
        # "between Israel and Hamas": a state paired with a party that is no place
        return not any(s == after.start(2) for s, _, _ in found)
    if prev.casefold() in words.cues_en:
        return False  # "in Israel has ...": a place first
    return verb in words.actor_verbs_en or (
        verb.endswith("ed") and verb.islower() and len(verb) > 4 and known(verb)
    )


def cued(text: str, start: int, lang: Lang) -> bool:
    """Do the words right before ``start`` (original text) say that a place follows: a place cue
    ("in", "في", "قرب"), a place noun ("حي", "مدينة") or a preposition glued to the name?"""
    words = place_words()
    before = _words_before(text, start, 20)
    if not before:
        return False
    prev = before[-1].casefold().strip("(«\"'")
    if lang == "en":
        return prev in words.cues_en or prev in words.nouns_before_of
    prev = key_ar(prev)
    return prev in words.cues_ar or prev in words.nouns_ar or ar_bare(prev) in words.nouns_ar


def _countries_named(named: set[str], gaz: Gazetteer) -> bool:
    """Does the caption name a country (by itself, through a governorate or region, or through
    one of its places)? Countries are kept in ``named`` by their codes, which are their ids."""
    return any(
        i in gaz.places and gaz.places[i].kind in ("country", "admin1", "region") for i in named
    )


# A small town this close to a place the caption names is that town, whatever country each is
# filed under: "مخيم قلنديا ... شمالي القدس" (Qalandiya, 11 km from Jerusalem)
_NEAR_KM = 40.0


def _near(place: Place, others: tuple[str, ...]) -> bool:
    """Is the place within ``_NEAR_KM`` of a reading of another mention (its first three)?"""
    if place.lat is None or place.lon is None:
        return False
    gaz = gazetteer()
    for i in others[:3]:
        other = gaz.places[i]
        if other.lat is None or other.lon is None or other.id == place.id:
            continue
        dy = (place.lat - other.lat) * 111.0
        dx = (place.lon - other.lon) * 111.0 * math.cos(math.radians(place.lat))
        if dx * dx + dy * dy <= _NEAR_KM * _NEAR_KM:
            return True
    return False


def _compass_region(text: str, start: int, end: int, best: str) -> str:
    """ "northern Gaza": the Gaza Strip's north, not Gaza City (``region_of_city`` in
    place_words.toml)."""
    words = place_words()
    region = words.region_of_city_en.get(key_en(text[start:end]))
    if region is None or region not in gazetteer().places:
        return best
    before = _words_before(text, start, 12)
    return region if before and before[-1].casefold() in words.compass_en else best


def _nisba_country(word: str) -> str | None:
    """The country a nisba adjective names, with or without its article and in the plural:
    "الأردني", "أردنيون", "أردنيات" (only to choose between homonyms, never as a mention)."""
    found = country_of_nisba(word)
    if found or word.startswith("ال"):
        return found
    for ending, singular in (("يون", "ي"), ("يين", "ي"), ("يات", "يه")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return country_of_nisba("ال" + word[: -len(ending)] + singular)
    return None


def _namesake_city(gaz: Gazetteer, city: str, admin: str) -> bool:
    """Is ``city`` the town a governorate is named after: inside it, and either a big city (Sanaa
    in "Amanat Alasimah") or of the same English name (Janin, Jenin)? A small town that merely shares
    an Arabic name (Pirmam, also called صلاح الدين) is not."""
    place = gaz.places[city]
    if place.kind != "city" or place.parent != admin:
        return False
    from checker.translit import same_name

    admin_name = gaz.places[admin].name_en
    return (
        place.population >= 100_000
        or same_name(place.name_en, admin_name)
        or admin_name.startswith(place.name_en + " ")  # Ramallah in "Ramallah and al-Bireh"
    )


def _choose(
    mentions: list[tuple[int, int, tuple[str, ...]]], text: str = "", lang: Lang = "en"
) -> list[str]:
    """Pick one candidate per mention, preferring countries and places the caption names, and in
    Arabic the countries its adjectives name ("العاهل الأردني ... في عمان": Amman, not Oman)."""
    gaz = gazetteer()
    context: set[str] = set()
    ambiguous = False
    for _, _, ids in mentions:
        if len({gaz.places[i].country for i in ids}) == 1:
            context.add(gaz.places[ids[0]].country)
            context.update(ids)
            context.update(gaz.ancestors(ids[0]))
        else:
            ambiguous = True
    if ambiguous and lang == "ar":
        context.update(c for m in _AR_WORD.finditer(text) if (c := _nisba_country(m.group(0))))
    chosen = []
    for _, _, ids in mentions:
        best = ids[0]
        for cand in ids:
            place = gaz.places[cand]
            if place.country in context or any(a in context for a in gaz.ancestors(cand)):
                best = cand
                break
        if gaz.places[best].kind == "admin1":
            # "صنعاء", "الدوحة": a governorate named after its capital; the caption means the city
            # (Doha, not the municipality "Baladiyat ad Dawhah"); both readings stay in ids
            best = next((c for c in ids if _namesake_city(gaz, c, best)), best)
        chosen.append(best)
    return chosen


def extract(nt: Normalized, lang: Lang, skip: Iterable[Span] = ()) -> list[PlaceMention]:
    """Place mentions of a caption; ``skip`` holds spans of the original text to leave alone
    (the credit block, date mentions)."""
    gaz = gazetteer()
    text = nt.text
    words = list((_EN_WORD if lang == "en" else _AR_WORD).finditer(text))
    skip_spans = list(skip)
    lookup = _lookup_en if lang == "en" else _lookup_ar
    found: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        longest = _longest(words[i].group(0), lang)
        if not longest:
            i += 1
            continue
        here = nt.span(words[i].start(), words[i].end())
        if any(here.overlaps(s) for s in skip_spans):
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            ids = lookup(words, text, i, n)
            if ids:
                found.append((words[i].start(), words[i + n - 1].end(), ids))
                i += n
                break
        else:
            i += 1
    if lang == "en":
        found = sorted(found + _hyphen_pairs(words, found) + _demonym_borders(text, found))
    capital = _capitals(text, lang)
    if capital:
        found = [f for f in found if not any(f[0] < e and s < f[1] for s, e, _ in capital)]
        found = sorted(found + capital)
    if lang == "en" and found:
        found = sorted(found + _variant_spellings(words, text, found, skip_spans, nt))
    if lang == "ar":
        found = sorted(found + _ar_variant_spellings(words, text, found, skip_spans, nt))
        phrases = place_words().not_place_phrases_ar
        found = [f for f in found if not key_ar(text[f[0] : f[0] + 24]).startswith(phrases)]
    if lang == "en":
        found = [
            f
            for f in found
            if not (gaz.places[f[2][0]].kind == "country" and _state_possessive(text, f[1]))
        ]
    found = _plausible(found, text, lang)
    found = [f for f in found if not _country_as_actor(text, f, found, lang)]
    streets = [street for f in found if (street := _street_or_building(text, f, lang)) is not None]
    if streets:
        found = [f for f in found if not any(s <= f[0] and f[1] <= e for s, e in streets)]
    if lang == "ar":  # "سورياً" / "سوريّا" (Syrian, with tanween or shadda): an adjective
        found = [f for f in found if not _ADJECTIVE_MARKS.search(_with_marks(nt, f[0], f[1]))]
        borders = [
            b for b in _ar_borders(text) if not any(b[0] < e and s < b[1] for s, e, _ in found)
        ]
        found = sorted(found + borders)
    chosen = _choose(found, text, lang)
    if lang == "en":
        chosen = [
            _compass_region(text, s, e, best) for (s, e, _), best in zip(found, chosen, strict=True)
        ]
    out = []
    for (start, end, ids), best in zip(found, chosen, strict=True):
        place = gaz.places[best]
        ordered = (best, *[x for x in ids if x != best])
        out.append(
            PlaceMention(
                text=nt.original_text(start, end),
                span=nt.span(start, end),
                ids=ordered,
                name=place.name_en,
                country=place.country or None,  # a sea or a river is in no one country
            )
        )
    streets_out = [
        PlaceMention(nt.original_text(s, e), nt.span(s, e), ids=(), name=None, country=None)
        for s, e in streets
    ]
    taken = [(s, e) for s, e, _ in found] + streets
    unknown = _unknown_places(nt, lang, taken, skip_spans)
    return sorted(out + streets_out + unknown, key=lambda p: p.span.start)


# Names the gazetteer does not know, told by the words around them: "بلدة كفربطنا", "حي «باب
# النيرب»", "in Jubar, Damascus", "the Rusafa district". They are reported (ids empty: no
# country, no containment) so that the report lists every place, but the place rules, which
# need to know where a place is, leave them alone.
_EN_AFTER = re.compile(
    r"\s+(?:district|neighborhood|neighbourhood|quarter|refugee camp|camp|village|town|area)\b"
)
_EN_NAME = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")
_COMMA = re.compile(r",\s*")


def _unknown_places(
    nt: Normalized, lang: Lang, taken: list[tuple[int, int]], skip: list[Span]
) -> list[PlaceMention]:
    if lang == "ar":
        tokens = list(_AR_LETTERS.finditer(nt.text))
        spans = _unknown_ar(nt.text)
        spans += _ar_such_as(nt.text, spans)
        spans += _ar_prefixed_names(nt.text, tokens, spans)
        spans += _ar_from_to(nt.text, tokens, [*taken, *spans])
    else:
        spans = _unknown_en(nt.text, taken)
    out = []
    for start, end in spans:
        if any(start < e and s < end for s, e in taken):
            continue
        span = nt.span(start, end)
        if any(span.overlaps(s) for s in skip):
            continue
        taken.append((start, end))
        out.append(
            PlaceMention(
                text=nt.original_text(start, end), span=span, ids=(), name=None, country=None
            )
        )
    return out


def _quoted_list_end(text: str, quoted: re.Match[str]) -> int:
    """Where a list of quoted names that begins with ``quoted`` ends (before the last closing
    quote): «الطويلة» و«كورما» و«تينا»."""
    end = quoted.end(1)
    while (more := _AR_MORE_QUOTED.match(text, end + 1)) is not None:
        end = more.end(1)
    return end


_AR_SUCH_AS = re.compile(r"(?<![\u0621-\u064a])(?:مثل|ومنها|منها|بينها|ومن بينها)\s*(?=[\"«])")


def _ar_such_as(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted names listed after "مثل" (such as) in a sentence about villages, towns or camps:
    "القرى التي تعرضت لأعمال عنف، مثل «الطويلة» و«كورما» و«تينا»"."""
    out = []
    for m in _AR_SUCH_AS.finditer(text):
        sentence = text[max(0, m.start() - 90) : m.start()].split(".")[-1]
        if not any(key_ar(w) in place_words().plural_nouns_ar for w in sentence.split()):
            continue
        quoted = _AR_QUOTED_NAME.match(text, m.end())
        if quoted is None:
            continue
        end = _quoted_list_end(text, quoted)
        if not any(quoted.start(1) < e and s < end for s, e in taken):
            out.append((quoted.start(1), end))
    return out


_AR_CLITIC_CUE = re.compile(r"^(?:[وف]?ب|[وف]?ل|و)(?=..)")
_RARE = 50  # at most this frequent in the Arabic word list: not an everyday word


def _rare_ar(word: str) -> bool:
    return arabic_frequencies().get(key_ar(word), 0) < _RARE


def _ar_prefixed_names(
    text: str, tokens: list[re.Match[str]], known: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "في حوش الأشعري", "قرب كفر نبل": a village-name word after a place cue (or a preposition
    glued to it), with a rare word after it."""
    words = place_words()
    prefixes = words.name_prefixes_ar
    out = []
    for i in range(len(tokens) - 1):
        word = tokens[i].group(0)
        if word in prefixes:
            bare = word
        elif word[1:] in prefixes or word[2:] in prefixes:  # "بكفر", "وبدير"
            bare = _AR_CLITIC_CUE.sub("", word)
            if bare not in prefixes:
                continue
        else:
            continue
        # a preposition glued to it ("بكفر"), not "و" alone ("ومزرعة": and a farm)
        glued = word[: len(word) - len(bare)]
        cued = ("ب" in glued or "ل" in glued) or (
            i > 0 and key_ar(tokens[i - 1].group(0)) in words.cues_ar
        )
        second = tokens[i + 1]
        if (
            not cued
            or text[tokens[i].end() : second.start()].strip()
            or key_ar(second.group(0)) in words.cues_ar
            or key_ar(second.group(0)) in words.not_names_ar
            or key_ar(second.group(0)) in grammar_words().name_stop_ar
            or not _rare_ar(second.group(0))  # last: the only test that reads the word list
        ):
            continue
        start = tokens[i].start() + (len(word) - len(bare))
        if not any(start < e and s < second.end() for s, e in known):
            out.append((start, second.end()))
    return out


_AR_BEFORE_NAME = frozenset(["من", "في", "الى", "الي", "إلى"])  # the prepositions of "from ... to"


def _ar_from_to(
    text: str, tokens: list[re.Match[str]], places: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A rare word between a preposition and a place it lies in or leads to: "نزحوا من حمورية
    إلى حوش الأشعري", "من حمورية في الغوطة الشرقية", "في كفرنبل بريف إدلب" (a word the
    everyday word list lacks, so a name)."""
    starts = {s for s, _ in places}
    out = []
    for i in range(len(tokens) - 3):
        if tokens[i].group(0) not in _AR_BEFORE_NAME:
            continue
        word, link = tokens[i + 1], tokens[i + 2]
        name = word.group(0)
        if (
            len(name) < 4
            or name.startswith("ال")
            or name.endswith(("ات", "ون"))  # "في اشتباكات ببغداد": a plural noun, no village
            or any(s < word.end() and word.start() < e for s, e in places)
        ):
            continue
        if key_ar(link.group(0)) in place_words().cues_ar:
            leads = tokens[i + 3].start() in starts
        else:  # "بريف إدلب", "بمحافظة حمص": the preposition glued to a place noun
            noun = key_ar(link.group(0)[1:])
            leads = (
                link.group(0).startswith("ب")
                and (
                    noun == "ريف"
                    or noun in place_words().admin_nouns_ar
                    or country_of_name_ar(noun) is not None  # "في سديروت بإسرائيل"
                )
                and (link.start() + 1 in starts or link.start() in starts)
            )
        if leads and _rare_ar(name):  # last: the only test that reads the word list
            out.append((word.start(), word.end()))
    return out


def _unknown_ar(text: str) -> list[tuple[int, int]]:
    nouns, not_names = place_words().nouns_ar, place_words().not_names_ar
    spans = []
    for m in _AR_LETTERS.finditer(text):
        # "بلدة X", "وبمخيم X": the noun without its article introduces a name ("المخيم" does not)
        word = m.group(0)
        if len(word) > 7 or (word not in nouns and ar_bare(word) not in nouns):
            continue
        quoted = _AR_QUOTED_NAME.match(text, m.end())
        if quoted:
            # «الطويلة» و«كورما» و«تينا»: a list of names after one noun
            spans.append((quoted.start(1), _quoted_list_end(text, quoted)))
            continue
        name = _AR_NAME_WORDS.match(text, m.end())
        if not name:
            continue
        first = name.group(1)
        if (
            first in not_names
            or first in place_words().cues_ar  # "في مخيم قرب بلدة ...": no camp named قرب
            or first in grammar_words().name_stop_ar
            or first.startswith("ل")
            # "ناحية وقرية ومزرعة": another place noun joined by و, no name
            or (
                first.startswith("و")
                and (first[1:] in nouns or first[1:] in place_words().name_prefixes_ar)
            )
            # "مخيم السوري" is an adjective; "حي الصبرة"-like rare names are names
            or (first.startswith("ال") and first.endswith(("ي", "يه")) and not _rare_ar(first))
        ):
            continue
        end = name.end(1)
        second = name.group(2)
        if (
            second
            and not second.startswith(("ال", "ب", "في", "و", "ل"))  # "مخيم العطشان للنازحين"
            and second not in not_names
            and second not in grammar_words().name_stop_ar  # "معبر أدري على الحدود"
            and second not in place_words().cues_ar  # "كيبوتس بئيري جنوب إسرائيل"
        ):
            end = name.end(2)  # "حي حارة حريك": a name of two words
        spans.append((name.start(1), end))
    return spans


# a named facility or landform: "al-Muthana airfield", "the Presidential Palace", "Combat Outpost
# 402", "Dome of the Rock Mosque", "Mountain of Mercy", "Plain of Arafat"
_EN_FACILITY = re.compile(
    r"\b((?:al-|el-)?[A-Z][\w'-]++(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'-]++){0,3})\s+"
    r"(?:airfield|air base|airbase|[Aa]irport|[Pp]alace|[Mm]osque|[Cc]hurch|[Cc]athedral|[Oo]utpost\s+\d+|"
    r"[Ss]tadium|[Cc]rossing|[Bb]order [Cc]rossing)\b"
    r"|\b(?:Mountain|Mount|Plain|Valley|Gulf|Bay|Strait|Straits|Hill)\s+of\s+(?:the\s+)?[A-Z][\w'-]+"
)


_FACILITY_WORDS = ("airfield", "air base", "airbase", "airport", "palace", "mosque", "church",
                   "cathedral", "outpost", "stadium", "crossing", "mountain of", "mount of",
                   "plain of", "valley of", "gulf of", "bay of", "strait of", "straits of",
                   "hill of")  # fmt: skip


def _unknown_en(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    low = text.casefold()
    spans = (
        [(m.start(), m.end()) for m in _EN_FACILITY.finditer(text)]
        if any(word in low for word in _FACILITY_WORDS)  # the pattern is dear: try it only then
        else []
    )
    starts = {s for s, _ in taken}
    for m in _EN_NAME.finditer(text):
        start, end = m.start(), m.end()
        second = m.group(0).split()[1:]
        if second and (
            second[0].casefold().rstrip(".") in months_en() or second[0].casefold() in weekdays_en()
        ):
            end = start + len(m.group(0).split()[0])  # "the town of Amerli September 5": a date
        before = _words_before(text, start, 12)
        if not before:
            continue
        cued = before[-1] in ("in", "near", "at", "outside", "from")
        comma = _COMMA.match(text, end)
        comma_place = comma is not None and comma.end() in starts
        kind_noun = before[-1] in ("the", "in", "at") and _EN_AFTER.match(text, end) is not None
        # "the town of Khiam", "the village of Johar a-Deek"
        kind_noun = kind_noun or (
            len(before) > 1
            and before[-1] == "of"
            and before[-2].casefold() in place_words().nouns_before_of
        )
        if ((cued and comma_place) or kind_noun) and not known(text[start:end].casefold()):
            spans.append((start, end))  # "Iraqi", "Western": words, not names
    return spans
