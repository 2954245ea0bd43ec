"""Every confusion pair catches its example slip and passes its example of right use; every
fixed expression is caught written wrongly and passes written rightly."""

from __future__ import annotations

import pytest

from checker import check
from checker.data import confusion_phrases, confusions

PAIRS = sorted(confusions().values(), key=lambda p: p.wrong)
PHRASES = sorted(
    (p for group in confusion_phrases().values() for p in group), key=lambda p: p.wrong
)


def test_enough_pairs_with_examples() -> None:
    assert len(PAIRS) >= 60
    for pair in PAIRS:
        assert pair.example, f"{pair.wrong}: no example of the slip"
        assert pair.fine, f"{pair.wrong}: no example of right use"


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p.wrong}->{p.right}")
def test_pair_catches_the_slip(pair: object) -> None:
    hits = [f for f in check(en=pair.example).findings if f.code == "SP001"]  # type: ignore[attr-defined]
    assert any(f.suggestion and f.suggestion.casefold() == pair.right.casefold() for f in hits), (  # type: ignore[attr-defined]
        f"{pair.example!r}: {[f.message for f in hits]}"  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p.wrong}-ok")
def test_pair_passes_right_use(pair: object) -> None:
    hits = [f for f in check(en=pair.fine).findings if f.code == "SP001"]  # type: ignore[attr-defined]
    assert not hits, f"{pair.fine!r}: {[f.message for f in hits]}"  # type: ignore[attr-defined]


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.wrong)
def test_phrase(phrase: object) -> None:
    wrong = check(en=f"Officials said {phrase.wrong} the report was true.")  # type: ignore[attr-defined]
    assert any(f.code == "SP001" for f in wrong.findings)
    right = check(en=f"Officials said {phrase.right} the report was true.")  # type: ignore[attr-defined]
    assert not any(f.code == "SP001" for f in right.findings), [f.message for f in right.findings]
