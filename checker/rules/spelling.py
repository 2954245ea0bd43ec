"""Spelling rules: real-word confusions gated by context ("runaway" for "runway")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.data import (
    allowed_words,
    ar_place_key,
    confusion_phrases,
    confusions,
    country_of_demonym,
    country_of_nisba,
    gazetteer,
    grammar_words,
    months_en,
    phrase_word,
    register_dependent,
)
from checker.data.english import (
    arabic_frequencies,
    frequencies,
    known,
    suggestions,
    transpositions,
)
from checker.extract.places import place_words
from checker.models import Category, Fields, Severity, Span, Token
from checker.normalize import key_ar, key_en
from checker.rules.base import Context, Hit, per_caption, rule

_CLAUSE_END = re.compile(r"[.!?;:()\[\]\"“”]|\s[-–—]\s|\n")


@per_caption
def clauses(fields: Fields) -> list[int]:
    """A clause number for each token: context words count only inside the token's clause."""
    out: list[int] = []
    clause = 0
    previous_end = 0
    # clause ends lie between words: walk them alongside the tokens
    ends = [m.start() for m in _CLAUSE_END.finditer(fields.text)]
    k = 0
    for token in fields.tokens:
        start = token.span.start
        while k < len(ends) and ends[k] < previous_end:
            k += 1
        if previous_end and k < len(ends) and ends[k] < start:
            clause += 1
        out.append(clause)
        previous_end = token.span.end
    return out


def _case_like(model: str, text: str) -> str:
    if model.isupper() and len(model) > 1:
        return text.upper()
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


@rule("SP001", "real-word-confusion", Category.SPELLING, Severity.WARNING, needs_both=False)
def real_word_confusion(ctx: Context) -> Iterator[Hit]:
    """A correctly spelled word that is the wrong word here.

    What it checks: a word from the confusion table (``confusions.toml``, 60+ pairs) with a word
    near it, in the same clause, that makes the confusion likely and no word that clears it:
    "runaway" near "takes off", "jet" or "airbase" is a slip for "runway"; "a runaway train" is
    fine. Also fixed expressions written wrongly: "free reign", "more then", "on sunset".
    Why it matters: spell checkers accept both words, so the slip reaches readers.
    Example: "jet fighter ... takes off from a runaway at Hmeimim airbase".
    Use instead: "takes off from a runway at Hmeimim airbase".
    """
    fields = ctx.en
    if fields is None:
        return
    table = confusions()
    allowed = allowed_words()
    tokens = fields.tokens
    keys = [t.key for t in tokens]
    claimed: list[Span] = []
    yield from _phrases(tokens, claimed)
    for i, token in enumerate(tokens):
        pair = table.get(token.key)
        if pair is None or token.key in allowed or any(token.span.overlaps(c) for c in claimed):
            continue
        clause = clauses(fields)  # only for a word of the table: most captions have none
        lo, hi = max(0, i - pair.window), i + 1 + pair.window
        window = [
            keys[j] for j in range(lo, min(hi, len(keys))) if j != i and clause[j] == clause[i]
        ]
        padded = f" {' '.join(window)} "
        trigger = next((w for w in pair.when if f" {w} " in padded), None)
        if trigger is None or any(f" {w} " in padded for w in pair.unless):
            continue
        right = _case_like(token.text, pair.right)
        yield Hit(
            f'"{token.text}" is probably a slip for "{right}" (next to "{trigger}").',
            en=(token.span,),
            confidence=0.85,
            suggestion=right,
            evidence={"wrong": token.text, "right": right, "context": trigger},
        )


def _phrases(tokens: tuple[Token, ...], claimed: list[Span]) -> Iterator[Hit]:
    """Fixed expressions written wrongly ("free reign", "more then")."""
    table = confusion_phrases()
    words = [phrase_word(t.text) for t in tokens]
    i = 0
    while i < len(tokens):
        match = next(
            (p for p in table.get(words[i], ()) if tuple(words[i : i + len(p.keys)]) == p.keys),
            None,
        )
        if match is None:
            i += 1
            continue
        span = Span(tokens[i].span.start, tokens[i + len(match.keys) - 1].span.end)
        claimed.append(span)
        right = (
            _case_like(tokens[i].text, match.right) if match.right[:1].islower() else match.right
        )
        yield Hit(
            f'"{match.wrong}" is a slip for "{match.right}".',
            en=(span,),
            confidence=0.9,
            suggestion=right,
            evidence={"wrong": match.wrong, "right": match.right},
        )
        i += len(match.keys)


# --- non-words ---------------------------------------------------------------------------------

_WORD_PART = re.compile(r"[a-z]{4,}")


def _exempt_spans(fields: Fields) -> list[Span]:
    """Where words are names or codes, not prose: the credit block, URLs, hashtags, handles."""
    spans = [fields.credit.span] if fields.credit else []
    for m in re.finditer(r"(?:https?://|www\.)\S+|[#@]\w+|\S+@\S+\.\w+", fields.text):
        spans.append(Span(m.start(), m.end()))
    return spans


@rule("SP002", "non-word-typo", Category.SPELLING, Severity.WARNING, needs_both=False)
def non_word_typo(ctx: Context) -> Iterator[Hit]:
    """A word that is not English, one letter away from one that is; or a misspelt place name.

    What it checks: lower-case words of the English caption that no English word list knows (US
    and British spellings, the newsroom vocabulary in ``newsroom_words.txt`` and the
    configuration's allowed words), reported only when a known word lies one edit away
    ("withdran" -> withdrawn); and capitalised words that become a gazetteer place name with two
    letters swapped ("Biet Hanoun" -> Beit Hanoun). Capitalised words are otherwise names and are
    left alone, as are the credit block, URLs, hashtags and handles.
    Why it matters: a misspelt word in a caption is the first thing a reader notices, and a
    misspelt place cannot be searched or linked.
    Example: "Israeli forces have withdran from the area."
    Use instead: "Israeli forces have withdrawn from the area."
    """
    fields = ctx.en
    if fields is None:
        return
    text = fields.text
    by_en = gazetteer().by_en
    tokens = fields.tokens
    common = frequencies()
    exempt: list[Span] | None = None
    capitalised: set[str] | None = None
    reported_to = -1  # the end of the last place misspelling: its later words are in it
    for i, token in enumerate(tokens):
        word = token.text
        if token.span.start < reported_to:
            continue
        if word in common or (word[:1].isupper() and word.casefold() in common):
            continue  # most words: one lookup
        if exempt is None:
            exempt = _exempt_spans(fields)
        if any(token.span.overlaps(s) for s in exempt):
            continue
        if (
            text[token.span.end : token.span.end + 1] == "?"
            and text[token.span.end + 1 : token.span.end + 2].isalpha()
        ):
            continue  # "doesn?t": an apostrophe lost on the way (TX007), not a misspelling
        if word[:1].isupper() and word[1:].islower() and len(word) >= 4:
            if any(token.span.overlaps(p.span) and key_en(p.text) in by_en for p in fields.places):
                continue  # part of a place written as the gazetteer writes it: "Beit Hanoun"

            fixed = _place_swap(word.casefold(), [t.key for t in tokens[i + 1 : i + 3]], by_en)
            if fixed:
                name, length = fixed
                span = Span(token.span.start, tokens[i + length - 1].span.end)
                reported_to = span.end
                yield Hit(
                    f'"{text[span.start : span.end]}" looks like a misspelling of the place name "{name}".',
                    en=(span,),
                    confidence=0.8,
                    suggestion=name,
                    evidence={"word": word, "place": name},
                )
                continue
            nationality = _nationality_slip(word)
            if nationality:
                yield Hit(
                    f'"{word}" looks like a misspelling of "{nationality}".',
                    en=(token.span,),
                    confidence=0.8,
                    suggestion=nationality,
                    evidence={"word": word, "nationality": nationality},
                )
            continue
        for m in _WORD_PART.finditer(word):
            part = m.group(0)
            if (m.start() > 0 and word[m.start() - 1].isalpha()) or (
                m.end() < len(word) and word[m.end()].isalpha()
            ):
                continue  # part of a mixed-case word (iPhone): a name
            if capitalised is None:
                capitalised = {t.text.casefold() for t in tokens if t.text[:1].isupper()}
            if part in capitalised:
                continue
            if known(part):
                slip = _plural_slip(part, common)
                if slip is None:
                    continue
                span = Span(token.span.start + m.start(), token.span.start + m.end())
                yield Hit(
                    f'"{part}" is probably a slip for "{slip}".',
                    en=(span,),
                    confidence=0.75,
                    suggestion=slip,
                    evidence={"word": part, "candidates": [slip]},
                )
                continue
            candidates = suggestions(part)
            if not candidates:
                continue  # nothing close: a rare or foreign word, not a slip
            span = Span(token.span.start + m.start(), token.span.start + m.end())
            listed = " or ".join(f'"{c}"' for c in candidates[:2])
            yield Hit(
                f'"{part}" is not an English word; did you mean {listed}?',
                en=(span,),
                confidence=0.75,
                suggestion=candidates[0],
                evidence={"word": part, "candidates": candidates},
            )


def _nationality_slip(word: str) -> str | None:
    """A capitalised word no list knows, one edit from a nationality ("Isreali" -> Israeli,
    "Palestinains" -> Palestinians, "Syrain" -> Syrian); other capitalised words are names."""
    low = word.casefold()
    if len(word) < 5 or known(low) or low in gazetteer().by_en:
        return None
    for candidate in suggestions(low):
        singular = candidate[:-1] if candidate.endswith("s") else candidate
        if country_of_demonym(candidate.capitalize()) or country_of_demonym(singular.capitalize()):
            return candidate.capitalize()
    return None


def _plural_slip(word: str, common: dict[str, int]) -> str | None:
    """A word known only as the plural of another ("soliders": solider + s) that is, with two
    letters swapped, a word fifty times commoner ("soldiers"): the swap is the slip."""
    if word in common or not word.endswith("s") or len(word) <= 5 or word[:-1] not in common:
        return None
    base = common.get(word[:-1], 0)
    best = max(transpositions(word), key=lambda t: common.get(t, 0), default="")
    if best == word[:-3] + "ers" and word.endswith("res"):
        return None  # "kilometres", "centres": the British spelling, not a swap
    found = common.get(best, 0)
    return best if found >= 1000 and found > 50 * max(base, 1) else None


def _place_swap(
    word: str, following: list[str], by_en: dict[str, tuple[str, ...]]
) -> tuple[str, int] | None:
    """A gazetteer name that the word (and the words after it) make with two letters swapped."""
    if word in by_en or known(word):
        return None
    heads = gazetteer().heads_en
    for candidate in transpositions(word):
        if candidate not in heads:
            continue  # no gazetteer name starts with this word
        for n in (len(following), 1, 0) if following else (0,):
            key = " ".join([candidate, *following[:n]])
            ids = by_en.get(key)
            if ids and (n > 0 or len(candidate) >= 6):
                return gazetteer().places[ids[0]].name_en, n + 1
    return None


# --- doubled words, articles, punctuation ------------------------------------------------------------


@rule("SP003", "doubled-word", Category.SPELLING, Severity.WARNING, needs_both=False)
def doubled_word(ctx: Context) -> Iterator[Hit]:
    """The same word twice in a row.

    What it checks: a lower-case English word repeated ("the the"), or an Arabic function word
    repeated ("في في"), within one clause. Names that repeat ("Ali Ali") and the few English
    doubles that are grammar ("had had", "that that") are left alone.
    Why it matters: the classic slip of an edit left half done.
    Example: "Children play in the the rubble of their school."
    Use instead: "Children play in the rubble of their school."
    """
    for lang, fields in ctx.sides():
        tokens = fields.tokens
        for i in range(1, len(tokens)):
            a, b = tokens[i - 1], tokens[i]
            if a.text != b.text:
                continue
            clause = clauses(fields)
            if clause[i] != clause[i - 1]:
                continue
            gap = fields.text[a.span.end : b.span.start]
            if gap.strip():
                continue
            if lang == "en" and (
                not a.text.isalpha()
                or not a.text.islower()
                or a.text in grammar_words().doubled_ok_en
            ):
                continue
            if lang == "ar" and a.text not in grammar_words().function_words_ar:
                continue
            yield Hit.at(
                f'"{a.text}" is written twice.',
                {lang: (Span(a.span.start, b.span.end),)},
                confidence=0.9,
                suggestion=a.text,
            )


_AN_BEFORE = re.compile(r"^(?:[aeio]|[AEIO][a-z]|8|11\b|18\b|11\d\d\d|18\d\d\d)")
_A_BEFORE_EXCEPT = re.compile(
    r"^(?:eu|ewe|one\b|once|ouija|uni|use|usu|ur[aio]|uti|uk|euro|Eu|One\b|Uni|Use|Eur)",
    re.IGNORECASE,
)
_AN_CONSONANT_OK = re.compile(r"^(?:h|[aeiou]|[AEIOU]|8|11\b|18\b)", re.IGNORECASE)
_YOU_SOUND = re.compile(
    r"^(?:uni|use|usu|uti|ura|uri|ure|uro|ukr|ufo|euro|eu|ewe|one\b|once)", re.IGNORECASE
)


def _you_sound(word: str, pattern: re.Pattern[str]) -> bool:
    """Does the word start with a "you" or "wo" sound? Not "un-" before a word of its own:
    "an unidentified", "an uninhabited" (but "a unit", "a union", "a university")."""
    if not pattern.match(word):
        return False
    rest = word[2:].casefold()
    return not (word[:2].casefold() == "un" and len(rest) >= 5 and known(rest))


@rule("SP004", "a-or-an", Category.SPELLING, Severity.WARNING, needs_both=False)
def a_or_an(ctx: Context) -> Iterator[Hit]:
    """ "a" before a vowel sound, or "an" before a consonant sound.

    What it checks: "a" before a word that starts with a, e, i or o (or an 8, 11, 18 that is
    read with a vowel), and "an" before a word that starts with a consonant. Words read with a
    "you" or "wo" sound (a university, a European, a one-year-old), words starting with h (an
    hour, an historic), all-capital abbreviations and other languages' words are left alone.
    Why it matters: a small slip, but readers and editors notice it at once.
    Example: "A Israeli soldier stands guard at a checkpoint."
    Use instead: "An Israeli soldier stands guard at a checkpoint."
    """
    fields = ctx.en
    if fields is None:
        return
    tokens = fields.tokens
    for i in range(len(tokens) - 1):
        article, word = tokens[i], tokens[i + 1]
        if (
            article.text not in ("a", "A", "an", "An")
            or fields.text[article.span.end : word.span.start] != " "
        ):
            continue
        nxt = word.text
        if (nxt.isupper() and len(nxt) > 1) or not (nxt[:1].isalpha() or nxt[:1].isdigit()):
            continue  # abbreviations: "a UN", "an FBI" are read letter by letter
        if article.text.lower() == "a":
            if _AN_BEFORE.match(nxt) and not _you_sound(nxt, _A_BEFORE_EXCEPT):
                right = "an" if article.text == "a" else "An"
            else:
                continue
        else:
            if _AN_CONSONANT_OK.match(nxt) and not _you_sound(nxt, _YOU_SOUND):
                continue
            right = "a" if article.text == "an" else "A"
        yield Hit(
            f'"{article.text} {nxt}" should be "{right} {nxt}".',
            en=(article.span,),
            confidence=0.8,
            suggestion=right,
        )


_LEAD_PREPOSITIONS = frozenset(
    ["In", "On", "At", "From", "For", "With", "During", "After", "Before", "Under", "Near"]
)
_DETERMINERS = frozenset(["This", "The", "That", "These", "Those", "A", "An"])


@rule("SP009", "capitalised-determiner", Category.SPELLING, Severity.INFO, needs_both=False)
def capitalised_determiner(ctx: Context) -> Iterator[Hit]:
    """A determiner capitalised after the opening preposition of a sentence ("In This photo").

    What it checks: a sentence of the English caption that opens with a preposition followed by
    a capitalised "This", "The", "That", "These", "Those", "A" or "An" and then a lower-case
    word or a date ("In This April 21, 2014, file photo"); titles in title case ("In The
    Heights", every word capitalised) are left alone.
    Why it matters: a common slip when a caption template is retyped; it looks careless.
    Example: "FILE - In This June 5, 2019, file photo, a man walks past the mosque."
    Use instead: "FILE - In this June 5, 2019, file photo, a man walks past the mosque."
    """

    fields = ctx.en
    if fields is None:
        return
    tokens = fields.tokens
    months = months_en()
    for i in range(len(tokens) - 2):
        first, second, third = tokens[i], tokens[i + 1], tokens[i + 2]
        if first.text not in _LEAD_PREPOSITIONS or second.text not in _DETERMINERS:
            continue
        before = fields.text[: first.span.start].rstrip()
        if before and before[-1] not in ".!?-–—:\n" and not before.endswith("FILE"):
            continue  # not the start of a sentence
        following = third.text
        if not (
            following[:1].islower()
            or following.casefold().rstrip(".") in months
            or following.isdigit()
        ):
            continue
        yield Hit(
            f'"{first.text} {second.text}": the determiner needs no capital here.',
            en=(second.span,),
            confidence=0.7,
            suggestion=second.text.lower(),
        )


_AR_CLITICS = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")


@rule("SP010", "arabic-place-misspelt", Category.SPELLING, Severity.WARNING, needs_both=False)
def arabic_place_misspelt(ctx: Context) -> Iterator[Hit]:
    """An Arabic place name with two letters swapped.

    What it checks: a word after a place cue (في، مدينة، بلدة، قرية، مخيم، قرب، شمال...) that the
    gazetteer does not know, but that becomes a gazetteer name when two neighbouring letters
    are swapped ("خان ينوس" -> خان يونس), clitics (ب، ل، و، ال) set aside.
    Why it matters: a misspelt place cannot be searched, linked or matched to the English
    caption, and readers notice.
    Example: "قصف في خان ينوس جنوب قطاع غزة"
    Use instead: "قصف في خان يونس جنوب قطاع غزة"
    """
    fields = ctx.ar
    if fields is None:
        return
    cues = place_words().cues_ar
    tokens = fields.tokens
    for i, token in enumerate(tokens):
        if i == 0 or key_ar(tokens[i - 1].text) not in cues:
            continue
        for n in (2, 1):
            if i + n > len(tokens):
                continue
            found = _ar_swap_fix(tuple(t.text for t in tokens[i : i + n]))
            if found is None:
                continue
            if not found:
                break  # the words are a place as written, or too short to judge
            fixed, place, cut = found
            span = Span(token.span.start + cut, tokens[i + n - 1].span.end)
            yield Hit(
                f"“{fields.text[span.start : span.end]}” looks like a misspelling of “{fixed}”.",
                ar=(span,),
                confidence=0.75,
                suggestion=fixed,
                evidence={"place": place},
            )
            break


# An Arabic word this frequent in the word list is spelt right, whatever place a swap would make
_AR_WORD_FREQ = 20


def _more_common_ar(word: str, other: str) -> bool:
    """Is ``word`` an everyday word, at least a third as common as ``other``?"""
    common = arabic_frequencies()
    seen = common.get(key_ar(word), 0)
    return seen >= _AR_WORD_FREQ and seen * 3 >= common.get(key_ar(other), 0)


def _everyday_ar(word: str) -> bool:
    """Is the word common in the Arabic word list? Asked only once a swap has made a place, so
    that the list (15 MB in memory) is loaded only for the rare caption that needs it."""
    return arabic_frequencies().get(key_ar(word), 0) >= _AR_WORD_FREQ


@register_dependent
@lru_cache(maxsize=16384)
def _ar_swap_fix(words: tuple[str, ...]) -> tuple[str, str, int] | tuple[()] | None:
    """The gazetteer name these words make with two letters swapped: (name, place id, length of
    the clitic before it); ``()`` when the words need no fix or are too short to judge; None
    when no swap makes a place."""
    by_ar = gazetteer().by_ar
    prefix = _AR_CLITICS.match(words[0])
    cut = prefix.end() if prefix else 0
    stem = words[0][cut:]
    if (
        len(stem) + sum(len(w) for w in words[1:]) < 5
        or ar_place_key(" ".join(words)) in by_ar
        or ar_place_key(" ".join([stem, *words[1:]])) in by_ar
    ):
        return ()
    for j, word in enumerate(words):
        core = stem if j == 0 else word
        if len(core) < 4 or (len(words) == 1 and len(core) < 5):
            continue
        for swapped in transpositions(core):
            candidate = [*words[:j], swapped, *words[j + 1 :]] if j else [swapped, *words[1:]]
            ids = by_ar.get(ar_place_key(" ".join(candidate)))
            if ids:
                if _everyday_ar(core) or _everyday_ar(word):
                    break  # "المباني" (the buildings) is a word, not a slip for a village بماني
                return " ".join(candidate), ids[0], cut
    return None


_WASL = re.compile(
    r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?"
    r"(إ(?:[^\s]ت[^\s]ا[^\s]|ن[^\s][^\s]ا[^\s]|ست[^\s][^\s]ا[^\s])[^\s]*|إبن|إسم|إثنين|إثنان|إمرأة)$"
)


@rule(
    "SP011", "arabic-hamza-style", Category.SPELLING, Severity.INFO, needs_both=False, opt_in=True
)
def arabic_hamza_style(ctx: Context) -> Iterator[Hit]:
    """House style for hamza, madda and final alef maqsura (opt-in: select SP011 to use it).

    What it checks: hamzat al-wasl written as a hamza on the alef in the verbal nouns of forms
    VII, VIII and X and in ابن، اسم، اثنين، امرأة ("إنتخابات" -> "انتخابات", "إستقبال" ->
    "استقبال"), and a few common slips of madda and alef maqsura ("اذار" -> "آذار",
    "الى" -> "إلى", "حتي" -> "حتى"). Off unless selected: many newsrooms write without hamzas.
    Why it matters: in a newsroom that writes hamzas, these are errors a proofreader marks.
    Example: "طوابير أمام مراكز الإقتراع في الإنتخابات"
    Use instead: "طوابير أمام مراكز الاقتراع في الانتخابات"
    """
    fields = ctx.ar
    if fields is None:
        return
    for m in re.finditer(r"[\u0621-\u064a]+", fields.text):
        word = m.group(0)
        fixed = None
        wasl = _WASL.match(word)
        if wasl:
            start = wasl.start(1)
            fixed = word[:start] + "ا" + word[start + 1 :]
        elif word in grammar_words().house_style_ar:
            fixed = grammar_words().house_style_ar[word]
        if fixed and fixed != word:
            yield Hit(f"“{word}” is written “{fixed}” in the house style.", ar=(Span(m.start(), m.end()),),
                      confidence=0.7, suggestion=fixed)  # fmt: skip


_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("«", "»"), ("{", "}"))


_BRACKET = re.compile(r'[()\[\]“”«»{}"]')
_OPENING_OF = {closing: opening for opening, closing in _PAIRS}


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Offsets of brackets and quotes that have no partner (one pass over the marks)."""
    out: list[tuple[int, str]] = []
    stacks: dict[str, list[int]] = {opening: [] for opening, _ in _PAIRS}
    # ”…“ written right-to-left is balanced
    curly_balanced = text.count("“") == text.count("”")
    straight: list[int] = []
    for m in _BRACKET.finditer(text):
        ch, i = m.group(0), m.start()
        if ch == '"':
            straight.append(i)
        elif ch in stacks:
            stacks[ch].append(i)
        else:
            opening = _OPENING_OF[ch]
            if stacks[opening]:
                stacks[opening].pop()
            elif not (opening == "“" and curly_balanced):
                out.append((i, ch))
    for opening, stack in stacks.items():
        if not (opening == "“" and curly_balanced):
            out.extend((i, opening) for i in stack)
    if len(straight) % 2:
        out.append((straight[-1], '"'))
    return sorted(out)


@rule(
    "SP005", "unbalanced-brackets-or-quotes", Category.SPELLING, Severity.WARNING, needs_both=False
)
def unbalanced(ctx: Context) -> Iterator[Hit]:
    """A bracket or quotation mark without its partner.

    What it checks: ( ) [ ] “ ” « » and straight double quotes in either caption; a caption that
    writes its quotes ”…“ (right to left) is balanced.
    Why it matters: a quotation left open or a credit with one parenthesis is a visible slip,
    and often a sign that text was cut.
    Example: "Protesters chant “We want our land back at the rally."
    Use instead: "Protesters chant “We want our land back” at the rally."
    """
    for lang, fields in ctx.sides():
        for offset, ch in _unbalanced(fields.text):
            spans = {lang: (Span(offset, offset + 1),)}
            yield Hit.at(
                f"The {'opening' if ch in '([“«{' else 'closing'} {ch} has no partner.",
                spans,
                confidence=0.85,
            )


# (each pattern starts with a literal character and looks behind after it: a pattern that
# starts with a lookbehind is tried at every position of the caption, three times slower)
_SLIPS = (
    (re.compile(r"\.(?<!\.\.)\s+\.(?![.])"), "a stray doubled period", ".", ("en", "ar")),
    (re.compile(r"\.(?<!\.\.)\.(?![.])"), "a doubled period", ".", ("en",)),
    (re.compile(r",\s*,|،\s*،"), "a doubled comma", ",", ("en", "ar")),
    (
        re.compile(r"[.,;:!?](?<=[\w\d][.,;:!?])(?=\()"),
        "no space before the parenthesis",
        None,
        ("en", "ar"),
    ),
    (
        re.compile(r"U(?<!\wU)\.(?:S|N|K|A\.E)(?=\s+[A-Za-z])"),
        "an abbreviation without its last period",
        None,
        ("en",),
    ),
    (
        re.compile(r"-(?<=[\u0621-\u064a]-)(?=\s)"),
        "a dash glued to the word before it",
        " -",
        ("ar",),
    ),
    (re.compile(r" (?<=[^\s.!?:؟] ) +(?=\S)"), "a doubled space", " ", ("en", "ar")),
)


@rule("SP006", "punctuation-slip", Category.SPELLING, Severity.WARNING, needs_both=False)
def punctuation_slip(ctx: Context) -> Iterator[Hit]:
    """Punctuation typed twice, a missing space, an abbreviation missing its last period.

    What it checks: ". ." and ".." (not an ellipsis "..."; in Arabic ".." is a style and is left
    alone), ",," and "،،", punctuation glued to the next parenthesis ("2025.(AP Photo"),
    "U.S" / "U.N" / "U.K" without their last period before a word ("U.S Army"), a dash glued to
    the Arabic word before it ("لجمعية- "), and doubled spaces between words (two spaces after a
    sentence are a style and are left alone).
    Why it matters: small slips that a reader sees before the content.
    Example: "A U.S Marine directs traffic in Kabul, Aug. 20, 2021.(AP Photo/Omar Nasser)"
    Use instead: "A U.S. Marine directs traffic in Kabul, Aug. 20, 2021. (AP Photo/Omar Nasser)"
    """
    for lang, fields in ctx.sides():
        for pattern, what, fix, langs in _SLIPS:
            if lang not in langs:
                continue
            for m in pattern.finditer(fields.text):
                found = m.group(0)
                suggestion: str | None
                if what.startswith("an abbreviation"):
                    suggestion = found + "."
                elif what.startswith("no space"):
                    suggestion = found + " "
                else:
                    suggestion = fix
                spans = {lang: (Span(m.start(), m.end()),)}
                yield Hit.at(
                    f"{what.capitalize()}: “{found}”.",
                    spans,
                    confidence=0.85,
                    suggestion=suggestion,
                )


_BROKEN_DECIMAL = re.compile(
    r"\b(\d{1,3})\.\s+(\d{1,3})(?=\s*(?:million|billion|trillion|thousand|percent|per cent|%|km|kilometers|kilometres|miles))",
    re.IGNORECASE,
)
_AR_WORD_DIGITS = re.compile(
    r"(?:ألفين|ألفا|ألف|آلاف|مئتين|مئتان|مائتين|مئة|مائة|مليون|ملايين|مليار|مليارات)\s*و\s?[0-9٠-٩]+"
)


@rule("SP007", "broken-number", Category.SPELLING, Severity.WARNING, needs_both=False)
def broken_number(ctx: Context) -> Iterator[Hit]:
    """A figure broken by a space after its decimal point, or written half in words, half in
    digits.

    What it checks: "7. 26 million" (a decimal split by a space, read as two numbers) in
    English, and "ألفين و200" (a number word joined to digits) in Arabic.
    Why it matters: the figure a reader sees is not the figure meant; numbers are what
    corrections are made of.
    Example: "Fighting has displaced 7. 26 million people, the agency said."
    Use instead: "Fighting has displaced 7.26 million people, the agency said."
    """
    en, ar = ctx.en, ctx.ar
    if en is not None:
        for m in _BROKEN_DECIMAL.finditer(en.text):
            yield Hit(
                f"“{m.group(0)}” reads as two numbers: the space after the decimal point breaks it.",
                en=(Span(m.start(), m.end()),),
                confidence=0.9,
                suggestion=f"{m.group(1)}.{m.group(2)}",
            )
    if ar is not None:
        for m in _AR_WORD_DIGITS.finditer(ar.text):
            yield Hit(
                f"“{m.group(0)}” mixes a number word and digits; write the figure in one form.",
                ar=(Span(m.start(), m.end()),),
                confidence=0.75,
            )


_DETACHED_WAW = re.compile(r"(?:(?<=\s)|^)و\s+(?=[\u0621-\u064a]{2,})")


@rule("SP008", "detached-waw", Category.SPELLING, Severity.WARNING, needs_both=False)
def detached_waw(ctx: Context) -> Iterator[Hit]:
    """The Arabic conjunction و written apart from the word it joins.

    What it checks: a lone و followed by a space and an Arabic word ("و طاردوا").
    Why it matters: و is written joined to the next word; apart, it looks like a stray letter
    and breaks search.
    Example: "هدموا الخيام و طاردوا المعتصمين"
    Use instead: "هدموا الخيام وطاردوا المعتصمين"
    """
    fields = ctx.ar
    if fields is None:
        return
    for m in _DETACHED_WAW.finditer(fields.text):
        word = re.match(r"[\u0621-\u064a]+", fields.text[m.end() :])
        yield Hit(
            "The conjunction و is written apart from the next word.",
            ar=(Span(m.start(), m.end()),),
            confidence=0.8,
            suggestion=f"و{word.group(0)}" if word else None,
        )


_AR_PLURAL_IN = re.compile(r"(?<![\u0621-\u064a])[\u0621-\u064a]{3,}(?<!ي)ين(?![\u0621-\u064a])")
_AR_PLURAL_PREFIX = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل|[وف]?[بلك]?)")


@rule("SP012", "arabic-nisba-plural", Category.SPELLING, Severity.WARNING, needs_both=False)
def arabic_nisba_plural(ctx: Context) -> Iterator[Hit]:
    """The plural of a country's adjective written with one ي where it takes two.

    What it checks: an Arabic word ending in ـين whose stem with ي is the adjective of a
    country the gazetteer knows ("الليبين": ليبي, Libya), when the word itself is no place
    (البحرين is Bahrain) nor a common word as written ("مصرين": insisting). The plural of a
    nisba is ـيين.
    Why it matters: a common slip in fast copy ("الفلسطينين"), and search misses the word.
    Example: "احتفالات الليبين في طرابلس"
    Use instead: "احتفالات الليبيين في طرابلس"
    """
    fields = ctx.ar
    if fields is None:
        return
    by_ar = gazetteer().by_ar
    for m in _AR_PLURAL_IN.finditer(fields.text):
        word = m.group(0)
        if ar_place_key(word) in by_ar:
            continue  # "البحرين", "فلسطين": places, not plurals
        body = word[:-2]
        # the clitics and article may be read off or not: "فلسطينين" begins with ف, not و/ف
        read_off = _AR_PLURAL_PREFIX.match(body)
        prefixes = (read_off.group(0), "") if read_off and read_off.group(0) else ("",)
        for prefix in prefixes:  # the clitics read off first, then the word whole
            stem = body[len(prefix) :]
            if len(stem) < 3 or ar_place_key(stem + "ين") in by_ar:
                continue
            if country_of_nisba("ال" + key_ar(stem) + "ي") is None:
                continue
            fixed = f"{prefix}{stem}يين"
            if _more_common_ar(word, fixed):
                break  # "مصرين على البقاء" (insisting), not Egyptians; "سورين", a name
            yield Hit(
                f"“{word}” is missing a ي: the plural of the adjective is “{fixed}”.",
                ar=(Span(m.start(), m.end()),),
                confidence=0.85,
                suggestion=fixed,
            )
            break


RULES = (
    real_word_confusion,
    non_word_typo,
    doubled_word,
    a_or_an,
    unbalanced,
    punctuation_slip,
    broken_number,
    detached_waw,
    capitalised_determiner,
    arabic_place_misspelt,
    arabic_hamza_style,
    arabic_nisba_plural,
)
