"""Integrity of the data tables."""

from __future__ import annotations

from checker.data import (
    agencies,
    agency_by_ar,
    ar_compact,
    confusions,
    gazetteer,
    load_toml,
    months_ar,
    months_en,
    weekdays_ar,
)


def test_agency_forms_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for agency in agencies().values():
        for form in agency.ar:
            key = ar_compact(form)
            assert seen.setdefault(key, agency.id) == agency.id, f"{form} names two agencies"
    assert agency_by_ar()[ar_compact("أ ف ب")].id == "AFP"


def test_every_month_family_is_complete() -> None:
    table = load_toml("months.toml")
    assert sorted(set(months_en().values())) == list(range(1, 13))
    for family, months in table["arabic"].items():
        assert sorted(int(m) for m in months) == list(range(1, 13)), family
    assert sorted(int(m) for m in table["hijri"]) == list(range(1, 13))
    assert months_ar()["تموز"] == 7
    assert months_ar()["جويليه"] == 7  # Maghreb جويلية after folding
    assert len(set(weekdays_ar().values())) == 7


def test_gazetteer_parents_exist_and_chain_to_a_country() -> None:
    gaz = gazetteer()
    for place in gaz.places.values():
        if place.parent:
            assert place.parent in gaz.places, place.id
        chain = [place.id, *gaz.ancestors(place.id)]
        if place.kind == "water":  # seas and rivers border several countries: they have none
            assert not place.country, place.id
            assert not place.parent, place.id
            continue
        assert gaz.places[chain[-1]].kind == "country", place.id


def test_gazetteer_knows_the_region() -> None:
    gaz = gazetteer()
    assert gaz.contains("SY", "site:hmeimim-air-base")
    assert gaz.contains("SY-LA", "site:hmeimim-air-base")
    assert gaz.contains("PS.GZ", "site:jabalia-camp")
    assert "g281133" in gaz.by_ar["غزه"]
    assert "دخان" not in gaz.by_ar  # 'smoke' is not Dukhan, Qatar


def test_confusions_have_context() -> None:
    for pair in confusions().values():
        assert pair.when, pair.wrong
        assert pair.wrong != pair.right


def test_place_words_are_folded_and_present() -> None:
    from checker.extract.places import place_words
    from checker.normalize import key_ar

    words = place_words()
    assert "in" in words.cues_en
    assert key_ar("بلدة") in words.nouns_ar
    assert key_ar("إلى") in words.cues_ar
    assert all(words.cues_en)
    assert all(words.cues_ar)
    assert all(words.nouns_ar)
