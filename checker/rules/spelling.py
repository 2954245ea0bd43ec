"""Spelling rules: real-word confusions gated by context ("runaway" for "runway")."""

from __future__ import annotations

from collections.abc import Iterator

import re

from checker.data import allowed_words, confusion_phrases, confusions, phrase_word
from checker.models import Category, Fields, Severity, Span, Token
from checker.rules.base import Context, Hit, rule

_CLAUSE_END = re.compile(r"[.!?;:()\[\]\"“”]|\s[-–—]\s|\n")


def clauses(fields: Fields) -> list[int]:
    """A clause number for each token: context words count only inside the token's clause."""
    out: list[int] = []
    clause = 0
    previous_end = 0
    for token in fields.tokens:
        gap = fields.text[previous_end : token.span.start]
        if previous_end and _CLAUSE_END.search(gap):
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
    clause = clauses(fields)
    claimed: list[Span] = []
    yield from _phrases(tokens, claimed)
    for i, token in enumerate(tokens):
        pair = table.get(token.key)
        if pair is None or token.key in allowed or any(token.span.overlaps(c) for c in claimed):
            continue
        lo, hi = max(0, i - pair.window), i + 1 + pair.window
        window = [keys[j] for j in range(lo, min(hi, len(keys))) if j != i and clause[j] == clause[i]]
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
            (p for p in table.get(words[i], ()) if tuple(words[i : i + len(p.keys)]) == p.keys), None
        )
        if match is None:
            i += 1
            continue
        span = Span(tokens[i].span.start, tokens[i + len(match.keys) - 1].span.end)
        claimed.append(span)
        right = _case_like(tokens[i].text, match.right) if match.right[:1].islower() else match.right
        yield Hit(
            f'"{match.wrong}" is a slip for "{match.right}".',
            en=(span,),
            confidence=0.9,
            suggestion=right,
            evidence={"wrong": match.wrong, "right": match.right},
        )
        i += len(match.keys)


RULES = (real_word_confusion,)
