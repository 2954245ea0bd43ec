"""Spelling rules: real-word confusions gated by context ("runaway" for "runway")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.data import allowed_words, confusions
from checker.models import Category, Severity
from checker.rules.base import Context, Hit, rule


@rule("SP001", "real-word-confusion", Category.SPELLING, Severity.WARNING, needs_both=False)
def real_word_confusion(ctx: Context) -> Iterator[Hit]:
    """A correctly spelled word that is the wrong word here.

    What it checks: a word from the confusion table (``confusions.toml``) with a word near it
    that makes the confusion likely, and no word that clears it: "runaway" near "takes off",
    "jet" or "airbase" is a slip for "runway"; "a runaway train" is fine.
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
    for i, token in enumerate(tokens):
        pair = table.get(token.key)
        if pair is None or token.key in allowed:
            continue
        window = keys[max(0, i - pair.window) : i] + keys[i + 1 : i + 1 + pair.window]
        near = " ".join(window)
        padded = f" {near} "
        trigger = next((w for w in pair.when if f" {w} " in padded), None)
        if trigger is None or any(f" {w} " in padded for w in pair.unless):
            continue
        right = pair.right if token.text[:1].islower() else pair.right.capitalize()
        yield Hit(
            f'"{token.text}" is probably a slip for "{right}" (next to "{trigger}").',
            en=(token.span,),
            confidence=0.85,
            suggestion=right,
            evidence={"wrong": token.text, "right": right, "context": trigger},
        )


RULES = (real_word_confusion,)
