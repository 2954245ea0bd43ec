"""Content rules: drift between the captions that can be shown from the words themselves.

Only what is decidable is reported, and never as an error: the same figure attached to a
different outcome ("five killed" / "إصابة خمسة", five wounded). Meaning beyond that is left to
the editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from checker.data import load_toml
from checker.models import Category, Fields, NumberMention, Severity, Span
from checker.normalize import ar_stems, key_ar, key_en
from checker.rules.base import Context, Hit, rule
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


RULES = (outcome_differs,)
