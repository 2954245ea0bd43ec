"""People named with a title: "Syrian President Bashar Assad", "الرئيس السوري بشار الأسد".

Only names introduced by a title of ``titles.toml`` are taken: they are the people a caption
pair must agree on (the president shown, the minister speaking), and the title says which role
to compare. A bare capitalised pair of words is too often a place, a party or a ship.
"""

from __future__ import annotations

import re
from functools import cache

from checker.data import grammar_words, load_toml
from checker.extract.places import place_words
from checker.models import Lang, PersonMention
from checker.normalize import Normalized, ar_bare, key_ar, key_en

_EN_NAME = re.compile(
    r"\s+((?:(?:al-|el-|Al-|El-|bin |ibn |Abu |Abou |de |van |von )?[A-Z][\w'’-]+(?:\s+|$)){1,4})"
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


def _extract_en(nt: Normalized) -> list[PersonMention]:
    text = nt.text
    roles = dict(_titles()[0])
    out: list[PersonMention] = []
    before_title = place_words().before_title_en
    for m in _en_title_pattern().finditer(text):
        name = _EN_NAME.match(text, m.end())
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
        start = name.start(1)
        span = nt.span(start, start + found[len(words) - 1].end())  # the name's own spacing kept
        out.append(PersonMention(nt.original[span.start : span.end], span, roles[m.group(0)]))
    return out


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


def _extract_ar(nt: Normalized) -> list[PersonMention]:
    text = nt.text
    words = list(_AR_WORD.finditer(text))
    keys = [key_ar(w.group(0)) for w in words]
    titles = _ar_titles_by_first_word()
    out: list[PersonMention] = []
    i = 0
    while i < len(words):
        role = None
        size = 0
        first = keys[i]
        candidates = titles.get(first, [])
        if not candidates and first[:1] in ("و", "ل"):  # "والرئيس", "للرئيس"
            candidates = [(f, r) for f, r in titles.get(first[1:], []) if len(f) == 1]
        for form, r in candidates:
            if keys[i + 1 : i + len(form)] == form[1:]:
                role, size = r, len(form)
                break
        if role is None or (i > 0 and ar_bare(keys[i - 1]) in place_words().before_title_ar):
            i += 1  # "حي الشيخ جراح", "شارع الملك فيصل": a place named after a title
            continue
        j = i + size
        # "الرئيس السوري", "رئيسة الوزراء الإيطالية": nationality adjectives before the name
        while (
            j < len(words)
            and keys[j].startswith("ال")
            and keys[j].endswith(("ي", "يه"))
            and j - i - size < 2
        ):
            j += 1
        # "العاهل الأردني الملك عبد الله": a second title before the name
        for form, r in titles.get(keys[j] if j < len(words) else "", []):
            if keys[j : j + len(form)] == list(form):
                role, j = r, j + len(form)
                break
        name: list[re.Match[str]] = []
        while (
            j < len(words)
            and len(name) < 3
            and keys[j] not in grammar_words().name_stop_ar
            and not keys[j].startswith(("بال", "لل", "وبال"))  # "... بالقدس": in Jerusalem
        ):
            gap = text[(name[-1] if name else words[j - 1]).end() : words[j].start()]
            if name and gap.strip():
                break  # punctuation ends the name
            name.append(words[j])
            j += 1
        if name:
            span = nt.span(name[0].start(), name[-1].end())
            out.append(PersonMention(nt.original[span.start : span.end], span, role))
        i = max(j, i + 1)
    return out
