"""Content rules: drift between the captions that can be shown from the words themselves.

Only what is decidable is reported, and never as an error: the same figure attached to a
different outcome ("five killed" / "إصابة خمسة", five wounded), a negation in one caption's
first sentence only ("did not enter" / "دخلت"), and different attackers named by the adjective
of an attack ("Israeli airstrike" / "غارة سورية"). Meaning beyond that is left to the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.data import country_of_demonym, country_of_nisba, gazetteer, grammar_words, load_toml
from checker.models import Category, Fields, NumberMention, Severity, Span
from checker.normalize import ar_stems, key_ar, key_en
from checker.rules.base import Context, Hit, first_sentence_end, rule
from checker.rules.number import fmt_number, numbers_agree
from checker.rules.spelling import clauses

WINDOW = 4  # words between a figure and its outcome word


@cache
def _outcomes() -> tuple[dict[str, str], dict[str, str]]:
    """Outcome word key -> outcome, for English and Arabic (multiword forms joined by spaces)."""
    en: dict[str, str] = {}
    ar: dict[str, str] = {}
    for outcome, forms in load_toml("casualties.toml").items():
        en.update({key_en(w): outcome for w in forms["en"]})
        ar.update({key_ar(w): outcome for w in forms["ar"]})
    return en, ar


def _outcome_near(fields: Fields, number: NumberMention) -> tuple[str, Span] | None:
    """The outcome word nearest to a figure, in its clause."""
    table = _outcomes()[0 if fields.lang == "en" else 1]
    tokens = fields.tokens
    clause = clauses(fields)
    at = [i for i, t in enumerate(tokens) if t.span.overlaps(number.span)]
    if not at:
        return None
    first, last = at[0], at[-1]
    best: tuple[tuple[int, int], str, Span] | None = None
    # on a tie, English tells the outcome after the figure ("five were wounded"), Arabic before
    # it ("مقتل خمسة")
    for i in range(max(0, first - WINDOW), min(len(tokens), last + WINDOW + 1)):
        if first <= i <= last or clause[i] != clause[first]:
            continue
        token = tokens[i]
        keys = (
            [key_en(token.text)]
            if fields.lang == "en"
            else [key_ar(s) for s in ar_stems(key_ar(token.text))]
        )
        for n in (3, 2):  # "lost their lives", "لقوا حتفهم"
            phrase = " ".join(t.text for t in tokens[i : i + n])
            keys.append(key_en(phrase) if fields.lang == "en" else key_ar(phrase))
        outcome = next((table[k] for k in keys if k in table), None)
        if outcome is None:
            continue
        before = i < first
        distance = (first - i if before else i - last, int(before == (fields.lang == "en")))
        if best is None or distance < best[0]:
            best = (distance, outcome, token.span)
    return (best[1], best[2]) if best else None


@rule("CT001", "outcome-differs", Category.CONTENT, Severity.WARNING)
def outcome_differs(ctx: Context) -> Iterator[Hit]:
    """The same figure is attached to a different outcome in the two captions.

    What it checks: a figure of the English caption and an agreeing figure of the Arabic one
    (five / خمسة), each with an outcome word near it in its clause (killed, wounded, arrested,
    missing, displaced, rescued / مقتل، إصابة، اعتقال ...), when the outcomes differ.
    Why it matters: "five killed" and "five wounded" are different news; the slip usually
    comes from translating the wrong sentence of the wire copy.
    Example: EN "Five people were killed in the strike" / AR "إصابة خمسة أشخاص في الغارة".
    Use instead: "مقتل خمسة أشخاص في الغارة".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair
    for a in ar.numbers:
        ar_outcome = _outcome_near(ar, a)
        if ar_outcome is None:
            continue
        # the English figures this one can be: equal, or close when approximate; "dozens" is
        # too loose to pin an outcome on
        same = [e for e in en.numbers if numbers_agree(a, e) and e.vague == a.vague]
        outcomes = [(e, o) for e in same if (o := _outcome_near(en, e)) is not None]
        if not outcomes or any(o[0] == ar_outcome[0] for _, o in outcomes):
            continue
        e, en_outcome = outcomes[0]
        en_word = en.text[en_outcome[1].start : en_outcome[1].end]
        ar_word = ar.text[ar_outcome[1].start : ar_outcome[1].end]
        yield Hit(
            f"The English caption has {fmt_number(e.value)} {en_outcome[0]} (“{e.text} … {en_word}”), the "
            f"Arabic caption {fmt_number(a.value)} {ar_outcome[0]} (“{a.text} … {ar_word}”): check which "
            "is right.",
            en=(e.span, en_outcome[1]),
            ar=(a.span, ar_outcome[1]),
            confidence=0.75,
            evidence={"figure": e.value, "en": en_outcome[0], "ar": ar_outcome[0]},
        )


@cache
def _any_of(lang: str, kind: str) -> re.Pattern[str]:
    """One pattern for the words of a list, to tell at once whether a caption has any (the
    word-by-word reading runs only then)."""
    words = grammar_words()
    table = {
        ("en", "negation"): words.negation_en,
        ("ar", "negation"): words.negation_ar,
        ("en", "attacks"): words.attacks_en,
        ("ar", "attacks"): words.attacks_ar,
    }[(lang, kind)]
    if lang == "en":
        alternatives = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
        extra = "|n't" if kind == "negation" else ""
        return re.compile(rf"\b(?:{alternatives}){extra}", re.IGNORECASE)
    # Arabic keys are folded (ة -> ه, أ -> ا, ى -> ي); the pattern unfolds them to read the
    # caption as written, with any clitic before the word
    unfold = {"ا": "[اأإآ]", "ه": "[هة]", "ي": "[يى]"}
    forms = ["".join(unfold.get(ch, re.escape(ch)) for ch in key) for key in table]
    alternatives = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064a])[وفبل]?(?:{alternatives})(?![\u0621-\u064a])")


def _mentions_any(fields: Fields, kind: str, end: int) -> bool:
    return _any_of(fields.lang, kind).search(fields.text, 0, end) is not None


def _negations(fields: Fields) -> list[Span]:
    """The negation words of the caption's first sentence ("not", "didn't", "لم", "لا"), set
    aside those in phrases that deny nothing ("not only", "لا يزال" still)."""
    words = grammar_words()
    end = first_sentence_end(fields)
    if not _mentions_any(fields, "negation", end):
        return []
    text = fields.text
    out = []
    for token in fields.tokens:
        if token.span.start >= end:
            break
        if fields.lang == "en":
            word = token.text.casefold()
            if word not in words.negation_en and not word.endswith("n't"):
                continue
            ahead = text[token.span.start : token.span.start + 20].casefold()
            behind = text[max(0, token.span.start - 12) : token.span.end].casefold()
            if ahead.startswith(words.not_negation_en) or behind.endswith("whether or not"):
                continue
        else:
            if key_ar(token.text) not in words.negation_ar:
                continue
            ahead = key_ar(text[token.span.start : token.span.start + 20])
            if ahead.startswith(words.not_negation_ar):
                continue
        out.append(token.span)
    return out


@rule("CT002", "negation-differs", Category.CONTENT, Severity.INFO)
def negation_differs(ctx: Context) -> Iterator[Hit]:
    """One caption's first sentence denies something, and the other's denies nothing.

    What it checks: negation words in the first sentence of each caption (not, never, no,
    didn't / لم، لن، لا، ليس), when only one of the two has any. Phrases that hold such a word
    but deny nothing are left alone ("not only", "لا يزال" still, "لا سيما" especially).
    Why it matters: "troops did not enter the camp" and "دخلت القوات المخيم" say opposite
    things; a dropped negation is the smallest edit with the largest change of meaning. The
    words themselves cannot say which caption is right, so this is a prompt to read both.
    Example: EN "Israeli troops did not enter the camp, the army said." / AR "دخلت القوات
    الإسرائيلية المخيم بحسب الجيش".
    Use instead: "لم تدخل القوات الإسرائيلية المخيم بحسب الجيش".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair
    en_neg, ar_neg = _negations(en), _negations(ar)
    if bool(en_neg) == bool(ar_neg):
        return
    side, spans = ("English", en_neg) if en_neg else ("Arabic", ar_neg)
    fields = en if en_neg else ar
    word = fields.text[spans[0].start : spans[0].end]
    other = "Arabic" if en_neg else "English"
    yield Hit.at(
        f"The {side} caption's first sentence has a negation (“{word}”) and the {other} one has "
        "none: check that both say the same thing.",
        {fields.lang: tuple(spans)},
        confidence=0.5,
        evidence={"negations": [fields.text[s.start : s.end] for s in spans]},
    )


def _country_word_en(word: str) -> str | None:
    """The country an English adjective or short name before an attack noun names: Israeli,
    Russian, U.S., Saudi-led."""
    word = word.removesuffix("-led")
    found = country_of_demonym(word)
    if found:
        return found
    ids = gazetteer().by_en.get(key_en(word))
    if ids and gazetteer().places[ids[0]].kind == "country":
        return ids[0]
    return None


def _attackers(fields: Fields) -> dict[str, Span]:
    """Who the first sentence says attacked: the country of the adjective of an attack noun
    ("Israeli airstrike", "غارة جوية إسرائيلية"), with the adjective's span."""
    words = grammar_words()
    end = first_sentence_end(fields)
    if not _mentions_any(fields, "attacks", end):
        return {}
    tokens = [t for t in fields.tokens if t.span.start < end]
    out: dict[str, Span] = {}
    if fields.lang == "en":
        for i, token in enumerate(tokens[:-1]):
            nxt = tokens[i + 1].text.casefold()
            two = f"{nxt} {tokens[i + 2].text.casefold()}" if i + 2 < len(tokens) else ""
            if nxt not in words.attacks_en and two not in words.attacks_en:
                continue
            if not token.text[:1].isupper() or token.text.endswith("-backed"):
                continue
            country = _country_word_en(token.text)
            if country:
                out.setdefault(country, token.span)
        return out
    for i, token in enumerate(tokens):
        if key_ar(token.text) not in words.attacks_ar:
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 2 and key_ar(tokens[j].text) in words.attacks_between_ar:
            j += 1
        if j >= len(tokens):
            continue
        word = key_ar(tokens[j].text)
        country = country_of_nisba(word) or (
            country_of_nisba("ال" + word) if not word.startswith("ال") else None
        )
        if country:
            out.setdefault(country, tokens[j].span)
    return out


@rule("CT003", "attacker-differs", Category.CONTENT, Severity.WARNING)
def attacker_differs(ctx: Context) -> Iterator[Hit]:
    """The two captions name different countries as the attacker.

    What it checks: the adjective of an attack noun in each caption's first sentence ("Israeli
    airstrike", "Russian shelling", "Saudi-led strikes" / "غارة إسرائيلية", "قصف روسي"), when
    both captions name an attacker and no country is named by both.
    Why it matters: whose strike it was is the heart of the caption; a swapped adjective turns
    the news around.
    Example: EN "Smoke rises after an Israeli airstrike on Khiam" / AR "دخان يتصاعد إثر غارة
    سورية على الخيام".
    Use instead: "دخان يتصاعد إثر غارة إسرائيلية على الخيام".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair
    en_by, ar_by = _attackers(en), _attackers(ar)
    if not en_by or not ar_by or set(en_by) & set(ar_by):
        return
    gaz = gazetteer()

    def names(found: dict[str, Span]) -> str:
        return ", ".join(gaz.places[c].name_en for c in found)

    yield Hit(
        f"The English caption names {names(en_by)} as the attacker, the Arabic caption "
        f"{names(ar_by)}: check who carried out the attack.",
        en=tuple(en_by.values()),
        ar=tuple(ar_by.values()),
        confidence=0.6,
        evidence={"en": sorted(en_by), "ar": sorted(ar_by)},
    )


RULES = (outcome_differs, negation_differs, attacker_differs)
