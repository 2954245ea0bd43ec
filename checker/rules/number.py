"""Number rules: a figure in the Arabic caption that no figure of the English caption matches."""

from __future__ import annotations

from collections.abc import Iterator

from checker.models import Category, NumberMention, Severity
from checker.rules.base import Context, Hit, rule


def fmt_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def numbers_agree(a: NumberMention, b: NumberMention) -> bool:
    """Exact figures must be equal; an approximate figure agrees within a quarter, a vague one
    ("hundreds") with any figure of its order. Two lower bounds ("at least 12" / "15 على
    الأقل") are two tolls: they must be equal."""
    if a.value == b.value:
        return True
    low, high = sorted((a.value, b.value))
    if low <= 0:
        return False
    if a.vague or b.vague:
        return high / low < 10
    if a.at_least and b.at_least:
        return False
    if a.approximate or b.approximate:
        return high / low <= 1.25
    return False


@rule("NM001", "numbers-differ", Category.NUMBER, Severity.WARNING)
def numbers_differ(ctx: Context) -> Iterator[Hit]:
    """A figure in the Arabic caption matches no figure in the English caption.

    What it checks: both captions give figures (counts, amounts), and a figure of the Arabic
    caption agrees with none of the English ones. An approximate figure ("nearly 100", "نحو
    مئة", "hundreds") agrees with a figure of its order; exact figures must be equal.
    Why it matters: casualty and crowd figures are the first thing readers quote.
    Example: EN "at least 25 people were killed" / AR "مقتل 52 شخصا على الأقل".
    Use instead: "مقتل 25 شخصا على الأقل".
    """
    pair = ctx.both()
    if pair is None:
        return
    en_numbers, ar_numbers = pair[0].numbers, pair[1].numbers
    if not en_numbers or not ar_numbers:
        return
    for a in ar_numbers:
        if any(numbers_agree(a, e) for e in en_numbers):
            continue
        figures = ", ".join(fmt_number(e.value) for e in en_numbers[:4])
        yield Hit(
            f"The Arabic caption gives {fmt_number(a.value)} (“{a.text}”), which matches no "
            f"figure in the English caption ({figures}).",
            en=tuple(e.span for e in en_numbers[:4]),
            ar=(a.span,),
            confidence=0.6 if a.approximate else 0.7,
            evidence={"ar": a.value, "en": [e.value for e in en_numbers]},
        )


RULES = (numbers_differ,)
