"""People named with a title: "Syrian President Bashar Assad", "الرئيس السوري بشار الأسد".

Only names introduced by a title of ``titles.toml`` are taken: they are the people a caption
pair must agree on (the president shown, the minister speaking), and the title says which role
to compare. A bare capitalised pair of words is too often a place, a party or a ship.
"""

from __future__ import annotations

import re
from functools import cache

from checker.data import (
    country_of_name_ar,
    country_of_nisba,
    gazetteer,
    grammar_words,
    load_toml,
)
from checker.extract.places import place_words
from checker.models import Lang, PersonMention
from checker.normalize import Normalized, ar_bare, key_ar, key_en

_EN_NAME = re.compile(
    r"\s+((?:(?:al-|el-|Al-|El-|bin |ibn |Abu |Abou |de |van |von )?[A-Z][\w'’-]+(?:\s+|$|(?=[,;:)]|\.(?:\s|$)))){1,4})"
)
_AR_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652]+")


@cache
def _titles() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(title form, role) pairs, longest form first, for English and Arabic."""
    en: list[tuple[str, str]] = []
    ar: list[tuple[str, str]] = []
    for role, forms in load_toml("titles.toml").items():
        en += [(f, role) for f in forms["en"]]
        ar += [(key_ar(f), role) for f in forms["ar"]]
    return sorted(en, key=lambda t: -len(t[0])), sorted(ar, key=lambda t: -len(t[0]))


@cache
def _ar_titles_by_first_word() -> dict[str, list[tuple[list[str], str]]]:
    """Arabic title forms by their first word, longest first: a lookup per word, not a scan."""
    out: dict[str, list[tuple[list[str], str]]] = {}
    for form, role in _titles()[1]:
        words = form.split()
        out.setdefault(words[0], []).append((words, role))
    return out


@cache
def _en_title_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f, _ in _titles()[0])
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])")


def extract(nt: Normalized, lang: Lang) -> list[PersonMention]:
    return _extract_en(nt) if lang == "en" else _extract_ar(nt)


_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:neighbou?rhoods?|district|area|quarter|camp|village|town|suburb)\b"
)


def _extract_en(nt: Normalized) -> list[PersonMention]:
    text = nt.text
    roles = dict(_titles()[0])
    out: list[PersonMention] = []
    before_title = place_words().before_title_en
    resume = 0
    for m in _en_title_pattern().finditer(text):
        if m.start() < resume:
            continue  # the second title of "Emir Sheikh Tamim": the first one's person
        name = _EN_NAME.match(text, m.end())
        second = _en_title_pattern().match(text, name.start(1)) if name else None
        if second is not None:  # "Qatar's Emir Sheikh Tamim bin Hamad Al Thani"
            name = _EN_NAME.match(text, second.end())
            resume = second.end()
        if name is None:
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1] in before_title:
            continue  # "in Sheikh Jarrah": a place named after a title
        found = list(re.finditer(r"\S+", name.group(1)))
        words = [w.group(0) for w in found]
        for k, word in enumerate(words[1:], 1):
            if _headline_verb(word):  # "Prime Minister Meloni Visits Berlin"
                words = words[:k]
                break
        while words and words[-1] in grammar_words().name_stop_en:
            words.pop()
        if words and words[0] in grammar_words().name_stop_en:
            continue
        # "President of Syria": a title without a name
        if not words or key_en(words[0]) in ("of", "for"):
            continue
        if roles[m.group(0)] == "general" and all(_common_word(w) for w in words):
            continue  # "the UN General Assembly", "General Motors": no general named
        building = place_words().facility_nouns_en | place_words().street_nouns_en
        if any(w in building for w in words):
            continue  # "the King Hussein Bridge", "King Fahd Road": a crossing, a street
        end = name.start(1) + found[len(words) - 1].end()
        if key_en(text[m.start() : end]) in gazetteer().by_en or _PLACE_NOUN_AFTER.match(text, end):
            continue  # "the Sheikh Jarrah neighborhood", "Sheikh Zayed": a place named after a title
        start = name.start(1)
        span = nt.span(start, start + found[len(words) - 1].end())  # the name's own spacing kept
        out.append(PersonMention(nt.original[span.start : span.end], span, roles[m.group(0)]))
    return out


def _common_word(word: str) -> bool:
    from checker.data.english import known

    return known(word.casefold())


def _headline_verb(word: str) -> bool:
    """A capitalised English verb form in a title-case line ("Visits", "Meets", "Arrives")."""
    from checker.data.english import frequencies

    table = frequencies()
    lower = word.casefold()
    for ending in ("s", "ed", "ing"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            # a common verb form, not a rare word that happens to end so (Abbas, Moses)
            if table.get(lower, 0) >= 1000 and (stem in table or stem + "e" in table):
                return True
    return False


_ALI = "علي\u200d"  # the name Ali, kept apart from the folded preposition على


def _second_title(
    keys: list[str], j: int, titles: dict[str, list[tuple[list[str], str]]]
) -> int | None:
    """Where the name starts when a second title stands at word ``j`` ("العاهل الأردني الملك
    عبد الله"), else None."""
    for form, _ in titles.get(keys[j] if j < len(keys) else "", []):
        if keys[j : j + len(form)] == list(form):
            return j + len(form)
    return None


def _title_adjective(keys: list[str], j: int) -> bool:
    """Is word ``j`` an adjective of the title before it ("الرئيس السوري", "المبعوث الأممي
    الخاص")? A word like a nisba with nothing name-like after it is the name: "الرئيس السيسي"."""
    word = keys[j]
    if not word.startswith("ال"):
        return False
    if word in grammar_words().title_adjectives_ar or country_of_nisba(word):
        return True  # "الرئيس السوري": a country's adjective is never the name
    if not word.endswith(("ي", "يه")):
        return False
    after = keys[j + 1] if j + 1 < len(keys) else ""
    return bool(after) and after not in grammar_words().name_stop_ar


def _of_complement(keys: list[str], j: int) -> int:
    """Where the name starts after a title's complement with ل ("الأمين العام للأمم المتحدة
    أنطونيو غوتيريش", "المبعوث الأممي الخاص لسوريا غير بيدرسون"); ``j`` when there is none."""
    stop = grammar_words().name_stop_ar
    if j >= len(keys) or not keys[j].startswith("ل") or keys[j] in stop:
        return j
    k = j + 1
    while k < len(keys) and k - j < 4 and keys[k].startswith("ال") and keys[k] not in stop:
        k += 1  # "لجامعة الدول العربية"
    if k < len(keys) and not keys[k].startswith(("ال", "ل")) and keys[k] not in stop:
        return k
    return j


def _given_as_written(nt: Normalized, word: re.Match[str], key: str) -> bool:
    """A given name that folds onto a verb of the stop list, told apart by its own final letter:
    the name يحيى ends in alef maqsura, the verb يحيي ("salutes") in ya."""
    return key in place_words().given_names_ar and nt.original_text(
        word.start(), word.end()
    ).endswith("ى")


# a present-tense verb in the dual or plural ("يلتقيان", "يتصافحون"): no name is shaped so
_DUAL_OR_PLURAL_VERB = re.compile(r"[يت][\u0621-\u064a]{2,}(?:ان|ون)")


def _extract_ar(nt: Normalized) -> list[PersonMention]:
    text = nt.text
    words = list(_AR_WORD.finditer(text))
    keys = [key_ar(w.group(0)) for w in words]
    for j, w in enumerate(words):
        # folding makes the name علي the preposition على; the caption's own letters tell them apart
        if keys[j] == "علي" and nt.original_text(w.start(), w.end()).endswith("ي"):
            keys[j] = _ALI
    titles = _ar_titles_by_first_word()
    out: list[PersonMention] = []
    i = 0
    while i < len(words):
        role = None
        size = 0
        first = keys[i]
        candidates = titles.get(first, [])
        if not candidates and first[:1] in ("و", "ل"):  # "والرئيس", "للرئيس"
            candidates = titles.get(first[1:], [])
        for form, r in candidates:
            if keys[i + 1 : i + len(form)] == form[1:]:
                role, size = r, len(form)
                break
        if role is None or (i > 0 and ar_bare(keys[i - 1]) in place_words().before_title_ar):
            i += 1  # "حي الشيخ جراح", "شارع الملك فيصل": a place named after a title
            continue
        j = i + size
        # "الرئيس السوري", "رئيسة الوزراء الإيطالية": nationality adjectives before the name
        while j < len(words) and j - i - size < 3 and _title_adjective(keys, j):
            j += 1
        if (
            j == i + size
            and j < len(words)
            and not keys[j - 1].startswith("ال")
            and (country_of_name_ar(keys[j]) or keys[j].startswith("ال"))
        ):
            # "أمير قطر الشيخ تميم", "أمير الكويت الجديد الشيخ مشعل", "زعيم الحوثيين عبد الملك": a
            # title without its article takes what it is of, a country or a definite noun (but
            # "رئيسة الوزراء جورجيا ميلوني" names Giorgia); then perhaps an adjective and a
            # second title
            adjective = j + 1 < len(keys) and keys[j + 1].startswith("ال")  # "الجديد"
            j = (
                _second_title(keys, j + 1, titles)
                or (_second_title(keys, j + 2, titles) if adjective else None)
                or j + 1
            )
        else:
            j = _second_title(keys, j, titles) or j
        j = _of_complement(keys, j)
        given = place_words().given_names_ar
        for skip in (1, 2):  # "زعيم حماس يحيى السنوار", "زعيم حركة حماس يحيى السنوار": what the
            # title leads, then the name
            if (
                j + skip < len(keys)
                and keys[j + skip] in given
                and not any(k in given for k in keys[j : j + skip])
                and not any(k.startswith("ال") for k in keys[j : j + skip])
            ):
                j += skip
                break
        name: list[re.Match[str]] = []
        parts = 0  # "عبد الله" and "بن سلمان" are one part of a name each
        joiners = grammar_words().name_joiners_ar
        while (
            j < len(words)
            # a fourth part only when it is a family name: "مشعل الأحمد الجابر الصباح"
            and (parts < 3 or (parts == 3 and keys[j].startswith("ال")))
            and (
                keys[j] not in grammar_words().name_stop_ar
                or _given_as_written(nt, words[j], keys[j])
            )
            and not keys[j].startswith(("بال", "لل", "وبال"))  # "... بالقدس": in Jerusalem
            # "ماكرون ورئيس الوزراء ...": "and" with a title begins the next person
            and not (keys[j][:1] == "و" and keys[j][1:] in titles)
            and not _DUAL_OR_PLURAL_VERB.fullmatch(keys[j])  # "... ميقاتي يلتقيان"
        ):
            gap = text[(name[-1] if name else words[j - 1]).end() : words[j].start()]
            if name and gap.strip():
                break  # punctuation ends the name
            name.append(words[j])
            parts += keys[j] not in joiners
            j += 1
        if name:
            span = nt.span(name[0].start(), name[-1].end())
            out.append(PersonMention(nt.original[span.start : span.end], span, role))
        i = max(j, i + 1)
    return out
