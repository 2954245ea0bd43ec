"""Normalisation of English and Arabic caption text, with an offset map back to the original.

Extraction runs its patterns over the normalised text; every span it reports is mapped back
through :class:`Normalized` so that findings point at what the editor actually wrote.

What normalisation does (per original character, so the map stays exact):

- compatibility decomposition (NFKD) and removal of combining marks: Latin accents, Arabic
  harakat, and the hamza/madda carried by alef, waw and yeh (أ إ آ -> ا, ؤ -> و, ئ -> ي);
- Arabic letter folding: ٱ -> ا, ى -> ي, ة -> ه, Persian ی ک -> ي ك;
- removal of tatweel, and of invisible format characters (bidi controls, zero-width joiners,
  soft hyphen, BOM);
- Eastern Arabic and Persian digits -> ASCII; Arabic comma, semicolon, question mark, percent,
  decimal and thousands separators -> ASCII; curly quotes, guillemets and dashes -> ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from checker.models import Span

TATWEEL = "\u0640"
_LETTER_FOLD = {
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> yeh
    "\u0629": "\u0647",  # ta marbuta -> heh
    "\u06cc": "\u064a",  # Persian yeh
    "\u06a9": "\u0643",  # keheh -> kaf
    "\u060c": ",",
    "\u061b": ";",
    "\u061f": "?",
    "\u066a": "%",
    "\u066b": ".",
    "\u066c": ",",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The normalised form of one original character ('' when it is dropped)."""
    if ch == TATWEEL:
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cf":  # bidi controls, ZWJ/ZWNJ, soft hyphen, BOM
        return ""
    if cat == "Nd":
        return str(unicodedata.digit(ch))
    if ch in _LETTER_FOLD:
        return _LETTER_FOLD[ch]
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.category(part) == "Mn":
            continue
        out.append(_LETTER_FOLD.get(part, part))
    return "".join(out)


class _FoldTable(dict[int, str]):
    """str.translate's table: each code point's folded form, worked out on first sight."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch if ch.isascii() else _fold_char(ch)
        if len(value) != 1:
            _IRREGULAR.add(ch)  # dropped (tatweel, marks) or expanded (ligatures)
        self[code] = value
        return value


_IRREGULAR: set[str] = set()
_FOLD_TABLE = _FoldTable()


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original offset it came from."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """Map a ``[start, end)`` range of the normalised text back to the original text."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return Span(pos, pos)
        stop = self.index[end - 1] + 1
        if self.text is not self.original:
            # the marks and tatweel that normalisation dropped belong to the letter before them:
            # "هـ" and the last harakat of a word stay inside its span
            original = self.original
            while stop < len(original) and (
                original[stop] == TATWEEL or "\u064b" <= original[stop] <= "\u0652"
                or (original[stop] > "\u02ff" and unicodedata.category(original[stop]) == "Mn")
            ):  # fmt: skip
                stop += 1
        return Span(self.index[start], stop)

    def original_text(self, start: int, end: int) -> str:
        s = self.span(start, end)
        return self.original[s.start : s.end]


def normalize(text: str) -> Normalized:
    """Normalise ``text`` keeping an exact map from normalised to original offsets."""
    if text.isascii():  # English captions mostly: nothing to fold, the map is the identity
        return Normalized(text, text, tuple(range(len(text))))
    folded = text.translate(_FOLD_TABLE)  # (which also records the characters not folded 1:1)
    if len(folded) == len(text) and _IRREGULAR.isdisjoint(text):
        # every character folds to one: the map is the identity (most Arabic captions)
        return Normalized(text, folded, tuple(range(len(text))))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            index.append(i)
            continue
        folded = _fold_char(ch)
        for part in folded:
            out.append(part)
            index.append(i)
    return Normalized(text, "".join(out), tuple(index))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The normalised text alone (for data tables and lookups)."""
    return "".join(ch if ch.isascii() else _fold_char(ch) for ch in text)


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def key_en(text: str) -> str:
    """Lookup key of an English name: folded, case-folded, punctuation and hyphens as spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text).casefold().replace("'", "")).split())


@lru_cache(maxsize=65536)
def key_ar(text: str) -> str:
    """Lookup key of an Arabic name: folded, punctuation dropped, single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def is_arabic_letter(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def script_of(text: str) -> str:
    """'ar' when most letters are Arabic, 'en' when most are Latin, '' when there are none."""
    arabic = latin = 0
    for ch in text:
        if ch.isalpha():
            if is_arabic_letter(ch):
                arabic += 1
            else:
                latin += 1
    if arabic == latin == 0:
        return ""
    return "ar" if arabic > latin else "en"


# Arabic clitics: conjunctions و ف, prepositions ب ل ك, and the article ال. A token is looked
# up as written and with these peeled off, longest form first.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


_AR_CLITIC_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?")


@lru_cache(maxsize=65536)
def ar_bare(word: str) -> str:
    """A folded Arabic word without a leading conjunction and preposition (وب، فل، ك...):
    "وبمدينة" -> "مدينه"; the article stays."""
    return _AR_CLITIC_PREFIX.sub("", word)


@lru_cache(maxsize=65536)
def ar_stems(token: str) -> tuple[str, ...]:
    """Candidate stems of a folded Arabic token, the token itself first.

    ``باللاذقيه`` -> (``باللاذقيه``, ``اللاذقيه``, ``لاذقيه``); ``للاذقيه`` (li + al-) ->
    (..., ``اللاذقيه``, ``لاذقيه``). Stems shorter than two letters are never produced.
    """
    out: list[str] = [token]

    def push(form: str) -> None:
        if len(form) >= 2 and form not in out:
            out.append(form)

    forms = [token]
    if len(token) > 3 and token[0] in _CONJ:
        forms.append(token[1:])
    for form in list(forms):
        if len(form) > 3 and form[0] in _PREP:
            rest = form[1:]
            if form[0] == "ل" and rest.startswith("ل"):
                # li + al- contracts: للمدينة = li + al + مدينة; للاذقية = li + اللاذقية
                forms.append("ال" + rest[1:])
                forms.append("ال" + rest)
            forms.append(rest)
    for form in forms:
        push(form)
        if form.startswith("ال") and len(form) > 3:
            push(form[2:])
    return tuple(out)
