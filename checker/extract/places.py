"""Place mentions: gazetteer lookups over word n-grams, longest match first.

English: an n-gram is tried when it starts with a capital (``Gaza City``, ``Tahrir square``,
``al-Muthana``). Arabic: the first word of an n-gram is tried with its clitics peeled off
(``باللاذقية`` -> ``اللاذقية``, ``وبمدينة غزة`` -> ``مدينة غزة``); the article is optional on
both sides of the lookup. An ambiguous name (Tripoli, Rafah) takes the candidate whose country
the caption names elsewhere, else the most important candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from checker.data import ar_place_key, gazetteer, load_toml
from checker.models import Lang, PlaceMention, Span
from checker.normalize import Normalized, ar_stems, key_en

_EN_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_BREAK = re.compile(r"[,.;:!?()\"\n|/]")


@cache
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    table = load_toml("place_stopwords.toml")
    return (
        frozenset(key_en(w) for w in table["english"]["words"]),
        frozenset(ar_place_key(w) for w in table["arabic"]["words"]),
    )


def _lookup_en(words: list[re.Match[str]], text: str, i: int, n: int) -> tuple[str, ...] | None:
    first = words[i].group(0)
    if not (first[0].isupper() or re.match(r"(?i)(?:al|el|ad|ar|as|ash|az)-[A-Z]", first)):
        return None
    start, end = words[i].start(), words[i + n - 1].end()
    if _BREAK.search(text, start, end):
        return None
    key = key_en(text[start:end])
    if len(key) < 3 or key in _stopwords()[0]:
        return None
    return gazetteer().by_en.get(key)


def _lookup_ar(words: list[re.Match[str]], text: str, i: int, n: int) -> tuple[str, ...] | None:
    start, end = words[i].start(), words[i + n - 1].end()
    if _BREAK.search(text, start, end):
        return None
    rest = text[words[i].end() : end]
    stop = _stopwords()[1]
    for stem in ar_stems(words[i].group(0)):
        key = ar_place_key(stem + rest)
        if len(key) < 2 or key in stop:
            continue
        ids = gazetteer().by_ar.get(key)
        if ids:
            return ids
    return None


def _longest(word: str, lang: Lang, heads: dict[str, int]) -> int:
    """The most words a gazetteer name starting with this word has (0: none starts with it)."""
    if lang == "en":
        if not (
            word[0].isupper() or word[:3].casefold() in ("al-", "el-", "ad-", "ar-", "as-", "az-")
        ):
            return 0
        return heads.get(key_en(word).split(" ")[0], 0) if key_en(word) else 0
    best = 0
    for stem in ar_stems(word):
        key = ar_place_key(stem)
        best = max(best, heads.get(key, 0), heads.get(key.split(" ")[0], 0))
    return best


def _choose(mentions: list[tuple[int, int, tuple[str, ...]]]) -> list[str]:
    """Pick one candidate per mention, preferring countries and places the caption names."""
    gaz = gazetteer()
    context: set[str] = set()
    for _, _, ids in mentions:
        if len({gaz.places[i].country for i in ids}) == 1:
            context.add(gaz.places[ids[0]].country)
            context.update(ids)
            context.update(gaz.ancestors(ids[0]))
    chosen = []
    for _, _, ids in mentions:
        best = ids[0]
        for cand in ids:
            place = gaz.places[cand]
            if place.country in context or any(a in context for a in gaz.ancestors(cand)):
                best = cand
                break
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
    heads = gaz.heads_en if lang == "en" else gaz.heads_ar
    found: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        longest = _longest(words[i].group(0), lang, heads)
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
    chosen = _choose(found)
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
                country=place.country,
            )
        )
    return out
