"""The evaluate instrument, on a small corpus of our own; and, when the shared development corpus
is present, a floor under its figures so that no change lets them fall unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import evaluate as ev

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "captions" / "dev.jsonl"


def test_scores_on_own_fixture() -> None:
    result = ev.evaluate(ev.load(ROOT / "tests" / "fixtures" / "eval_corpus.jsonl"))
    assert result.items == 3
    assert result.score("en", "agency").recall == 1.0
    assert result.score("ar", "agency").recall == 1.0
    assert result.score("en", "dates").precision == 1.0
    assert result.score("ar", "places").recall == 1.0
    assert result.typos_labelled == 1
    assert result.typos_found == 1  # "withdran"
    assert result.pairs_found == result.pairs_expected == 1  # CT001, killed vs wounded
    text = ev.render(result, misses=True)
    assert "labelled typos found: 1/1" in text


# Figures measured on dev.jsonl when these floors were set; a change may raise them, not lower them.
FLOORS = {
    ("en", "agency"): (1.0, 1.0),
    ("ar", "agency"): (1.0, 1.0),
    ("en", "photographers"): (1.0, 1.0),
    ("ar", "photographers"): (1.0, 1.0),
    ("en", "flags"): (1.0, 1.0),
    ("ar", "flags"): (1.0, 1.0),
    ("en", "dates"): (0.976, 1.0),
    ("ar", "dates"): (1.0, 1.0),
    ("en", "places"): (1.0, 1.0),
    ("ar", "places"): (0.985, 0.985),
}


@pytest.mark.skipif(not DEV.exists(), reason="the shared development corpus is not present")
def test_dev_figures_do_not_fall() -> None:
    result = ev.evaluate(ev.load(DEV))
    for (lang, field), (precision, recall) in FLOORS.items():
        score = result.score(lang, field)
        assert (score.precision or 0) >= precision - 1e-3, f"{lang} {field} precision fell"
        assert (score.recall or 0) >= recall - 1e-3, f"{lang} {field} recall fell"
    assert result.pairs_found == result.pairs_expected
    assert result.false_alarms == 0
    assert result.spelling_alarms == 0
    assert result.typos_found >= 18


def test_yearless_date_with_and_without_a_reference(tmp_path: Path) -> None:
    import json

    item = {
        "id": "t-ar-yearless",
        "kind": "ar",
        "en": None,
        "ar": "نازحون يغادرون البلدة في 14 آذار/مارس (رويترز)",
        "labels": {
            "dates": [{"text": "14 آذار/مارس", "iso": "2019-03-14", "role": "photo"}],
            "credit": {"agency": "Reuters", "photographers": []},
            "places": [],
        },
    }
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    result = ev.evaluate(ev.load(corpus))
    # scored as the corpus README defines a yearless date (iso null), and reported as such,
    # with the figure as labelled beside it
    assert result.score("ar", "dates").recall == 1.0
    assert result.score("ar", "dates as labelled").recall == 0.0
    assert result.outside_year == {"ar": 1}
    corpus.write_text(json.dumps(item | {"date": "2019-03-20"}, ensure_ascii=False) + "\n", "utf-8")
    result = ev.evaluate(ev.load(corpus))
    assert result.score("ar", "dates").recall == 1.0  # the item's reference date resolves it
