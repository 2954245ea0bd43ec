"""Word tokens of a normalised caption, with spans into the original text."""

from __future__ import annotations

import re

from checker.models import Lang, Span, Token
from checker.normalize import Normalized, ar_stems, key_en

_EN_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W_]+)*|\d+(?:[.,]\d+)*")
_AR_WORD = re.compile(r"[\u0621-\u064a]+|[A-Za-z]+|\d+(?:[.,]\d+)*")


def tokenize(nt: Normalized, lang: Lang) -> tuple[Token, ...]:
    """Tokens with their comparison key: case-folded English, or the Arabic stem (clitics off)."""
    if lang == "en" and nt.text is nt.original:  # ASCII text: offsets need no map
        return tuple(
            Token(m.group(0), Span(m.start(), m.end()), key_en(m.group(0)))
            for m in _EN_WORD.finditer(nt.text)
        )
    pattern = _EN_WORD if lang == "en" else _AR_WORD
    out: list[Token] = []
    identity = nt.text is nt.original
    for m in pattern.finditer(nt.text):
        word = m.group(0)
        if lang == "en":
            key = key_en(word)
        else:
            stems = ar_stems(word)
            key = stems[-1] if len(stems) > 1 else word
        if identity:
            out.append(Token(word, Span(m.start(), m.end()), key))
            continue
        span = nt.span(m.start(), m.end())
        out.append(Token(nt.original[span.start : span.end], span, key))
    return tuple(out)
