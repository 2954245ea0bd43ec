"""Comparing a name written in Latin letters with one written in Arabic letters.

Both are reduced to a consonant skeleton over shared sound classes (ح ه h -> H, ق ك k q c -> K,
ت ط د ض ث ذ t d -> T, ...); vowels, w/y and ayn/hamza drop out, doubled classes collapse, and an
initial article (al-, el-, ال) is removed. Two skeletons are compared with rapidfuzz. Short
skeletons collide easily (Syria ``SR`` vs سيرغي ``SRG``), so the threshold rises as length falls
and a skeleton of three classes or fewer must match exactly. Tables come first: this is for
names that no table holds (photographers, people, small places).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from checker.normalize import fold

_AR_CLASS = {
    "ب": "B",
    "ت": "T",
    "ث": "T",
    "ج": "G",
    "ح": "H",
    "خ": "K",
    "د": "T",
    "ذ": "T",
    "ر": "R",
    "ز": "S",
    "س": "S",
    "ش": "S",
    "ص": "S",
    "ض": "T",
    "ط": "T",
    "ظ": "T",
    "ع": "",
    "غ": "G",
    "ف": "F",
    "ق": "K",
    "ك": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H",
    "و": "",
    "ي": "",
    "ا": "",
    "ء": "",
    "پ": "B",
    "چ": "S",
    "ژ": "S",
    "گ": "G",
    "ڤ": "F",
}
_EN_DIGRAPHS = (
    ("kh", "K"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "T"),
    ("dh", "T"),
    ("gh", "G"),
    ("ph", "F"),
    ("ck", "K"),
    ("ci", "S"),
    ("ce", "S"),
    ("cy", "S"),
    ("ou", ""),
)
_EN_CLASS = {
    "b": "B",
    "p": "B",
    "t": "T",
    "d": "T",
    "j": "G",
    "g": "G",
    "h": "H",
    "k": "K",
    "q": "K",
    "c": "K",
    "x": "KS",
    "r": "R",
    "z": "S",
    "s": "S",
    "f": "F",
    "v": "F",
    "l": "L",
    "m": "M",
    "n": "N",
}
_EN_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad-|ul)[- ]", re.IGNORECASE)


def _collapse(classes: list[str]) -> str:
    out: list[str] = []
    for c in classes:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=16384)
def skeleton_en(name: str) -> str:
    words = []
    for word in anyascii(name).lower().replace("'", "").replace("`", "").split():
        word = _EN_ARTICLE.sub("", word)
        i = 0
        classes: list[str] = []
        while i < len(word):
            pair = word[i : i + 2]
            mapped = next((c for d, c in _EN_DIGRAPHS if d == pair), None)
            if mapped is not None:
                classes.append(mapped)
                i += 2
                continue
            classes.append(_EN_CLASS.get(word[i], ""))
            i += 1
        words.append(_collapse(classes))
    return " ".join(w for w in words if w)


@lru_cache(maxsize=16384)
def skeleton_ar(name: str) -> str:
    words = []
    for word in fold(name).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word.endswith("ه") and len(word) > 2:
            word = word[:-1]  # ta marbuta, folded to heh by normalisation: a vowel, not /h/
        words.append(_collapse([_AR_CLASS.get(ch, "") for ch in word]))
    return " ".join(w for w in words if w)


def skeleton(name: str) -> str:
    """The skeleton of a name in either script."""
    return (
        skeleton_ar(name) if any("\u0600" <= ch <= "\u06ff" for ch in name) else skeleton_en(name)
    )


_GLUED_ARTICLE = re.compile(r"\b(?:al|el)(?=[bcdfghjklmnpqrstvwxz]{1}[aeiouy])", re.IGNORECASE)


# Persian names in English: "gh" is often ق (Araghchi عراقجي, Ghalibaf قاليباف) and "ch" is چ,
# which Arabic writes ج (Araghchi)
_PERSIAN_READING = (("gh", "q"), ("ch", "j"))
# Italian names: "cc" or "c" before e or i sounds "tsh", which Arabic writes تش
_ITALIAN_C = re.compile(r"c{1,2}(?=[ie])")


def _readings(name: str) -> list[str]:
    """A name's skeletons: an English name may glue the article on (Alsayed = Al-Sayed = السيد),
    and a Persian one may write ق as gh and ج as ch."""
    first = skeleton(name).replace(" ", "")
    if any("\u0600" <= ch <= "\u06ff" for ch in name):
        return [first]
    out = [first]
    unglued = _GLUED_ARTICLE.sub("", name)
    if unglued != name:
        out.append(skeleton_en(unglued).replace(" ", ""))
    lower = name.lower()
    if _ITALIAN_C.search(lower):  # Vucci فوتشي, Luciano لوتشيانو: c before e or i is "tsh"
        out.append(skeleton_en(_ITALIAN_C.sub("tch", lower)).replace(" ", ""))
    if "gh" in lower or "ch" in lower:
        persian = lower
        for latin, sound in _PERSIAN_READING:
            persian = persian.replace(latin, sound)
        out.append(skeleton_en(persian).replace(" ", ""))
    return out


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0-100: how alike two names sound, across scripts. Spaces are ignored in the comparison."""
    best = 0.0
    for sa in _readings(a):
        for sb in _readings(b):
            if not sa or not sb:
                continue
            if min(len(sa), len(sb)) <= 3:
                score = 100.0 if sa == sb else 0.0
            else:
                score = float(ratio(sa, sb))
            best = max(best, score)
    return best


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """True when two names are very probably the same name written in two scripts."""
    sa = skeleton(a).replace(" ", "")
    threshold = 90.0 if len(sa) <= 5 else 80.0
    return similarity(a, b) >= threshold
