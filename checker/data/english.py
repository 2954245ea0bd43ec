"""Word lists. English words for the non-word typo rule: pyspellchecker's English frequency
list (US spelling), British spellings by rule, and the newsroom vocabulary in
``newsroom_words.txt``. Arabic everyday words (pyspellchecker's Arabic list), which the place
extractor uses to tell a word from a place name spelt another way.

Each list is read from pyspellchecker once and kept as a marshal file in the user's cache
directory (beside the gazetteer index): loading it then takes ~20 ms instead of ~100 ms.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from pathlib import Path

from checker.data import (
    _cache_path,
    _read_text,
    allowed_words,
    cache_load,
    cache_store,
    register_dependent,
)
from checker.normalize import fold

_BRITISH = (
    (re.compile(r"our(s|ed|ing|ful|hood|hoods|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"tre(s|d)?$"), r"ter\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"programme(s)?$"), r"program\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oeu"), "eu"),
    (re.compile(r"oe"), "e"),
)


def _cache_file(language: str = "en") -> Path:
    import importlib.util

    spec = importlib.util.find_spec("spellchecker")  # found, not imported: importing costs time
    origin = spec.origin if spec and spec.origin else ""
    try:
        version = str(
            os.stat(
                os.path.join(os.path.dirname(origin), "resources", f"{language}.json.gz")
            ).st_mtime_ns
        )
    except OSError:
        version = "0"
    return _cache_path(version, "english" if language == "en" else f"words-{language}")


def _word_list(language: str) -> dict[str, int]:
    path = _cache_file(language)
    loaded = cache_load(path)
    if isinstance(loaded, dict):
        return loaded
    from spellchecker import SpellChecker

    table: dict[str, int] = {}
    for w, n in SpellChecker(language=language).word_frequency.dictionary.items():
        key = str(w) if language == "en" else fold(str(w))  # Arabic: as captions are folded
        table[key] = table.get(key, 0) + int(n)
    cache_store(path, table)
    return table


@cache
def frequencies() -> dict[str, int]:
    """Word -> frequency (pyspellchecker's English list)."""
    return _word_list("en")


@cache
def arabic_frequencies() -> dict[str, int]:
    """Folded Arabic word -> frequency (pyspellchecker's Arabic list, from OpenSubtitles): tells
    an everyday word from a name."""
    return _word_list("ar")


@cache
def newsroom_words() -> frozenset[str]:
    lines = _read_text("newsroom_words.txt").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@register_dependent
@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """Is this (lower-case) word English, in US or British spelling, or newsroom vocabulary?"""
    table = frequencies()
    if word in table or word in newsroom_words() or word in allowed_words():
        return True
    for pattern, us in _BRITISH:
        variant = pattern.sub(us, word)
        if variant != word and variant in table:
            return True
    return word.endswith("s") and (
        word[:-1] in newsroom_words() or (word[:-1] in table and len(word) > 4)
    )


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Known words one edit away (insert, delete, replace, swap), most frequent first."""
    table = frequencies()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    found = [w for w in edits if w in table and w != word]
    return sorted(found, key=lambda w: -table[w])[:limit]


def transpositions(word: str) -> list[str]:
    """The word with two neighbouring letters swapped, every way."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]
