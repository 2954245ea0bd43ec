"""Text rules: characters that are unsafe or broken, whatever the language says.

They read each caption's ORIGINAL text (normalisation drops invisible characters, so the
extracted fields never see them) and point at the exact characters; most suggest the repair.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from checker.models import Category, Lang, Severity, Span
from checker.rules.base import LANG_NAME, Context, Hit, rule

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# (the lookbehinds come after the first character: a pattern that starts with one is tried at
# every position of the caption)
_MARKS_IN_WORD = re.compile(r"[\u200e\u200f\u061c](?<=\w.)(?=\w)")
_ZERO_WIDTH_IN_WORD = re.compile(
    r"[\u200b\u2060\ufeff\u00ad\u200c\u200d](?<=\w.)[\u200b\u2060\ufeff\u00ad\u200c\u200d]*(?=\w)"
)
_BIDI_NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
}


def _hit(lang: Lang, span: Span, message: str, confidence: float, suggestion: str | None = None,
         evidence: dict[str, object] | None = None) -> Hit:  # fmt: skip
    return Hit.at(message, {lang: (span,)}, confidence=confidence, suggestion=suggestion,
                  evidence=dict(evidence or {}))  # fmt: skip


def _sides(ctx: Context) -> Iterator[tuple[Lang, str]]:
    for lang, fields in ctx.sides():
        yield lang, fields.text


@rule("TX001", "bidi-control", Category.TEXT, Severity.WARNING, needs_both=False)
def bidi_control(ctx: Context) -> Iterator[Hit]:
    """An invisible bidirectional control character that can reorder what the reader sees.

    What it checks: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) anywhere,
    and the direction marks LRM, RLM and ALM inside a word, where they only split it.
    Why it matters: they are invisible, yet they reorder the text around them (an override
    shows "2015" as "5102"), hide text from search, and survive copy and paste into the CMS.
    Example: a caption pasted from a word processor with U+202B before a date.
    Use instead: the same text without the control characters.
    """
    for lang, text in _sides(ctx):
        for m in [*_BIDI.finditer(text), *_MARKS_IN_WORD.finditer(text)]:
            name = _BIDI_NAMES.get(m.group(0), "bidi control")
            yield _hit(lang, Span(m.start(), m.end()),
                       f"The {LANG_NAME[lang]} caption holds an invisible {name} (U+{ord(m.group(0)):04X}).",
                       0.95, "", {"character": f"U+{ord(m.group(0)):04X}"})  # fmt: skip


@rule("TX002", "invisible-in-word", Category.TEXT, Severity.WARNING, needs_both=False)
def invisible_in_word(ctx: Context) -> Iterator[Hit]:
    """A zero-width or invisible character inside a word.

    What it checks: zero-width space, word joiner, byte-order mark, soft hyphen, zero-width
    joiner and non-joiner between two letters of a word.
    Why it matters: the word looks right but does not match a search, a spell check or a name
    list ("Gaza" with a zero-width space is not "Gaza").
    Example: "Ga\\u200bza" (a zero-width space inside Gaza).
    Use instead: "Gaza".
    """
    for lang, text in _sides(ctx):
        for m in _ZERO_WIDTH_IN_WORD.finditer(text):
            codes = ", ".join(f"U+{ord(c):04X}" for c in m.group(0))
            yield _hit(lang, Span(m.start(), m.end()),
                       f"An invisible character ({codes}) splits a word of the {LANG_NAME[lang]} caption.",
                       0.9, "", {"characters": codes})  # fmt: skip


_TATWEEL = re.compile(r"(?<=[\u0621-\u064a])\u0640+|\u0640+(?=[\u0621-\u064a])")


@rule("TX003", "tatweel-padding", Category.TEXT, Severity.INFO, needs_both=False)
def tatweel_padding(ctx: Context) -> Iterator[Hit]:
    """Tatweel (ـ) stretching an Arabic word.

    What it checks: the kashida U+0640 joined to Arabic letters ("جـــداً"), in the Arabic
    caption. A tatweel standing alone between spaces (used as a dash), the "الـ" before a
    Latin abbreviation and a one-letter abbreviation ("1446 هـ") are left alone.
    Why it matters: stretched words do not match search or names, and the stretch that fits
    one layout breaks another.
    Example: "دمـــار واسع في المدينة"
    Use instead: "دمار واسع في المدينة"
    """
    fields = ctx.ar
    if fields is None:
        return
    text = fields.text
    if "\u0640" not in text:
        return
    for m in _TATWEEL.finditer(text):
        if text[m.end() : m.end() + 1].isascii() and text[m.end() : m.end() + 1].isalpha():
            continue  # الـCIA: the article before a Latin abbreviation
        if m.start() >= 1 and not text[m.start() - 2 : m.start() - 1].isalpha():
            continue  # "1446 هـ": a one-letter abbreviation is written with its tatweel
        word = re.search(r"[\u0621-\u064a\u0640]+", text[max(0, m.start() - 20) : m.end() + 20])
        yield _hit("ar", Span(m.start(), m.end()), "A tatweel (ـ) stretches an Arabic word.", 0.85,
                   word.group(0).replace("\u0640", "") if word else "", {})  # fmt: skip


_CYRILLIC_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
_PERSIAN = re.compile("[\u06a9\u06cc\u06c0\u06d5\u06af\u067e\u0686\u0698]")
_LATIN_WORD = re.compile(r"[^\W\d_]+")


@rule("TX004", "look-alike-letter", Category.TEXT, Severity.WARNING, needs_both=False)
def homoglyph(ctx: Context) -> Iterator[Hit]:
    """A letter from another alphabet that looks the same: Cyrillic "а" in a Latin word, or a
    Persian letter in Arabic text.

    What it checks: words mixing Latin letters with Cyrillic or Greek ones; in the Arabic
    caption, Persian keh (ک), yeh (ی) and their kin where Arabic ك and ي are meant.
    Why it matters: the word looks right to the eye and is wrong to every machine: search,
    names, links and this checker's own lookups.
    Example: "Gаza" with a Cyrillic а.
    Use instead: "Gaza" typed in Latin letters.
    """
    for lang, text in _sides(ctx):
        if not _CYRILLIC_GREEK.search(text):
            continue
        for m in _LATIN_WORD.finditer(text):
            word = m.group(0)
            if not _CYRILLIC_GREEK.search(word) or not re.search("[A-Za-z]", word):
                continue
            odd = [c for c in word if _CYRILLIC_GREEK.match(c)]
            yield _hit(lang, Span(m.start(), m.end()),
                       f"“{word}” mixes Latin letters with {', '.join(unicodedata.name(c, '?') for c in odd[:2])}.",
                       0.95, "".join(_fold_homoglyph(c) for c in word), {"letters": odd})  # fmt: skip
    fields = ctx.ar
    if fields is not None:
        for m in _PERSIAN.finditer(fields.text):
            arabic = {"\u06a9": "ك", "\u06cc": "ي", "\u06c0": "ة", "\u06d5": "ه", "\u06af": "ك", "\u067e": "ب",
                      "\u0686": "ج", "\u0698": "ز"}[m.group(0)]  # fmt: skip
            yield _hit("ar", Span(m.start(), m.end()),
                       f"A Persian letter ({unicodedata.name(m.group(0), '?')}) in the Arabic caption.", 0.8, arabic,
                       {"letter": f"U+{ord(m.group(0)):04X}"})  # fmt: skip


_HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "ο": "o", "α": "a", "ν": "v", "Ο": "O", "Α": "A", "Β": "B", "Ε": "E", "Ι": "I", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ρ": "P", "Τ": "T", "Χ": "X",
}  # fmt: skip


def _fold_homoglyph(ch: str) -> str:
    return _HOMOGLYPHS.get(ch, ch)


# UTF-8 read as Windows-1252 / Latin-1 leaves these marks: "Ø§Ù„" for "ال", "â€™" for "’"
_MOJIBAKE_HINT = re.compile("[ÃÂØÙÐÑâ][\u0080-\u00bf\u2018-\u203a\u0152-\u0192\u02c6\u02dc]")
_MAC_APOSTROPHE = re.compile(r"\b([A-Za-z]{2,})ís\b")


@rule("TX005", "garbled-encoding", Category.TEXT, Severity.ERROR, needs_both=False)
def mojibake(ctx: Context) -> Iterator[Hit]:
    """Text decoded with the wrong character set ("Ø§Ù„Ø¬Ø²ÙŠØ±Ø©" for "الجزيرة").

    What it checks: runs of characters that are UTF-8 bytes read as Windows-1252 or Latin-1,
    repaired with ftfy (the repaired text is the suggestion), and the apostrophe that
    Mac Roman turns into "í" ("Navyís" for "Navy's").
    Why it matters: the reader sees garbage; an Arabic caption turned to mojibake is unreadable.
    Example: "Ø¯Ù…Ø§Ø± ÙÙŠ ØºØ²Ø©"
    Use instead: the text decoded as UTF-8: "دمار في غزة".
    """
    for lang, text in _sides(ctx):
        if _MOJIBAKE_HINT.search(text):
            import ftfy  # only when the text shows the marks of mojibake: it costs 25 ms to import

            for start, end, repaired in _repairs(text, ftfy.fix_encoding(text)):
                yield _hit(lang, Span(start, end),
                           f"“{text[start:end][:40]}” is garbled text (UTF-8 read with the wrong character set).",
                           0.9, repaired, {"repaired": repaired})  # fmt: skip
        if lang == "en" and "í" in text:
            for m in _MAC_APOSTROPHE.finditer(text):
                from checker.data.english import known

                if known(m.group(1).lower()) and not known((m.group(1) + "is").lower()):
                    yield _hit(lang, Span(m.end() - 2, m.end() - 1),
                               f"“{m.group(0)}”: an apostrophe turned into “í” by a wrong character set.", 0.8,
                               "’", {})  # fmt: skip


def _repairs(text: str, fixed: str) -> Iterator[tuple[int, int, str]]:
    if fixed == text:
        return
    import difflib

    matcher = difflib.SequenceMatcher(a=text, b=fixed, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal" and a2 > a1:
            yield a1, a2, fixed[b1:b2]


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
_TAG = re.compile(
    r"</?(?:p|br|b|i|u|em|strong|span|div|a|img|figure|figcaption|font|sup|sub|h[1-6])\b[^<>]{0,200}/?>",
    re.IGNORECASE,
)
_SEMICOLON_RESIDUE = re.compile(
    r"(?:(?<=\s)|^);(?=[\u0621-\u064a])|(?<=[\u0621-\u064a]);(?=[\s،.]|$)"
)


@rule("TX006", "markup-residue", Category.TEXT, Severity.WARNING, needs_both=False)
def markup_residue(ctx: Context) -> Iterator[Hit]:
    """HTML left in a caption: an entity (&quot;), a tag (<br>), or what is left of an entity.

    What it checks: HTML entities and common tags in either caption, and in Arabic text a
    Latin ";" glued to a word on one side and space on the other (";تسليم السلطة;"), which is
    what remains of "&quot;" when an editor strips the "&quot" by hand.
    Why it matters: the reader sees "&quot;" or a stray ";" where quotation marks belong.
    Example: "Protesters chant &quot;freedom&quot; in the square."
    Use instead: "Protesters chant “freedom” in the square."
    """
    import html

    for lang, text in _sides(ctx):
        for m in _ENTITY.finditer(text):
            shown = html.unescape(m.group(0))
            if shown == m.group(0):
                continue
            yield _hit(lang, Span(m.start(), m.end()), f"An HTML entity “{m.group(0)}” is left in the caption.", 0.95,
                       shown, {})  # fmt: skip
        for m in _TAG.finditer(text):
            yield _hit(lang, Span(m.start(), m.end()), f"An HTML tag “{m.group(0)[:30]}” is left in the caption.",
                       0.9, "", {})  # fmt: skip
    fields = ctx.ar
    if fields is not None and ";" in fields.text:
        for m in _SEMICOLON_RESIDUE.finditer(fields.text):
            yield _hit("ar", Span(m.start(), m.end()),
                       "A Latin “;” glued to Arabic text: the remains of an HTML entity where quotation marks stood?",
                       0.75, "\"", {})  # fmt: skip


_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ufffe\uffff]")


# "Israel?s", "doesn?t": a curly apostrophe that a Latin-1 or ASCII step turned into "?"
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=(?:s|t|re|ll|ve|d|m)\b)")


@rule("TX007", "control-character", Category.TEXT, Severity.WARNING, needs_both=False)
def control_character(ctx: Context) -> Iterator[Hit]:
    """A control character or the replacement character (�) in a caption.

    What it checks: C0 and C1 control characters other than tab and line breaks, and U+FFFD,
    the mark a decoder leaves where bytes could not be read; in English, a "?" inside a word
    where a curly apostrophe was lost on the way ("Israel?s", "doesn?t").
    Why it matters: control characters break feeds and XML; a � or such a "?" means text was
    lost.
    Example: "Smoke rises over Gaza\\x07 City."
    Use instead: the text without the control character; for � or "?", the original text.
    """
    if ctx.en is not None:
        text = ctx.en.text
        for m in _LOST_APOSTROPHE.finditer(text):
            left = re.search(r"[A-Za-z]+$", text[max(0, m.start() - 30) : m.start()])
            right = re.match(r"[A-Za-z]+", text[m.end() :])
            word = f"{left.group(0) if left else ''}?{right.group(0) if right else ''}"
            yield _hit("en", Span(m.start(), m.end()),
                       f'The English caption has "?" where an apostrophe was lost ("{word}").',
                       0.9, "\u2019", {"word": word})  # fmt: skip
    for lang, text in _sides(ctx):
        for m in _CONTROL.finditer(text):
            what = (
                "a replacement character (text lost in decoding)"
                if m.group(0) == "\ufffd"
                else f"a control character U+{ord(m.group(0)):04X}"
            )
            yield _hit(lang, Span(m.start(), m.end()), f"The {LANG_NAME[lang]} caption holds {what}.", 0.95,
                       None if m.group(0) == "\ufffd" else "", {})  # fmt: skip


_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,٫٬][0-9\u0660-\u0669\u06f0-\u06f9]+)*")


def _systems(number: str) -> set[str]:
    out = set()
    for ch in number:
        if "0" <= ch <= "9":
            out.add("Western")
        elif "\u0660" <= ch <= "\u0669":
            out.add("Eastern Arabic")
        elif "\u06f0" <= ch <= "\u06f9":
            out.add("Persian")
    return out


@rule("TX008", "mixed-digits", Category.TEXT, Severity.WARNING, needs_both=False)
def mixed_digits(ctx: Context) -> Iterator[Hit]:
    """A number written with digits from two systems (٢٠15), or Persian digits in Arabic text.

    What it checks: each number of either caption: Western (0-9), Eastern Arabic (٠-٩) and
    Persian (۰-۹) digits mixed in one number; Persian digits (whose 4, 5 and 6 differ) in the
    Arabic caption.
    Why it matters: a mixed number is a typing slip that readers may misread, and search
    treats it as no number at all.
    Example: "قتل ١2 شخصا"
    Use instead: "قتل ١٢ شخصا" or "قتل 12 شخصا", one system throughout.
    """
    for lang, text in _sides(ctx):
        if not _OTHER_DIGITS.search(text):
            continue  # Western digits alone cannot mix
        for m in _NUMBER.finditer(text):
            systems = _systems(m.group(0))
            if len(systems) > 1:
                yield _hit(lang, Span(m.start(), m.end()),
                           f"“{m.group(0)}” mixes {' and '.join(sorted(systems))} digits.", 0.9,
                           "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in m.group(0)), {})  # fmt: skip
            elif systems == {"Persian"} and lang == "ar":
                yield _hit(lang, Span(m.start(), m.end()), f"“{m.group(0)}” is written in Persian digits.", 0.7,
                           "".join(chr(0x0660 + unicodedata.digit(c)) if c.isdigit() else c for c in m.group(0)), {})  # fmt: skip


# a short Latin run inside or at the edge of an Arabic word (a keyboard left in the wrong layout);
# a whole Latin word glued to an Arabic one is a missing space, often a scraped credit ("Reutersسوق")
_ASCII_LETTER = re.compile("[A-Za-z]")
_MIXED_SCRIPT_WORD = re.compile(
    r"[\u0621-\u064a][A-Za-z]{1,2}(?![A-Za-z])|(?<![A-Za-z])[A-Za-z]{1,2}[\u0621-\u064a]"
)


@rule("TX009", "latin-in-arabic-word", Category.TEXT, Severity.WARNING, needs_both=False)
def latin_in_arabic_word(ctx: Context) -> Iterator[Hit]:
    """Latin letters typed inside an Arabic word.

    What it checks: one or two Latin letters typed inside or at the edge of an Arabic word in the
    Arabic caption. The article written "الـ" before a Latin abbreviation (الـCIA) is fine, and a
    whole Latin word glued to an Arabic one is a missing space, not this slip.
    Why it matters: a keyboard left in the wrong layout; the word is unreadable and unsearchable.
    Example: "انفجار فيmبيروت"
    Use instead: "انفجار في بيروت"
    """
    fields = ctx.ar
    if fields is None:
        return
    text = fields.text
    if not _ASCII_LETTER.search(text):
        return
    for m in _MIXED_SCRIPT_WORD.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalpha()):
            start -= 1
        end = m.end()
        while end < len(text) and text[end].isalpha():
            end += 1
        yield _hit("ar", Span(start, end), f"“{text[start:end]}” mixes Arabic and Latin letters in one word.", 0.85,
                   None, {})  # fmt: skip


RULES = (
    bidi_control,
    invisible_in_word,
    tatweel_padding,
    homoglyph,
    mojibake,
    markup_residue,
    control_character,
    mixed_digits,
    latin_in_arabic_word,
)
