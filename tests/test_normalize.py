from __future__ import annotations

from checker.normalize import ar_stems, fold, key_ar, normalize, script_of


def test_arabic_folding() -> None:
    assert fold("أإآٱ") == "اااا"
    assert fold("مؤتمر") == "موتمر"
    assert fold("رئيس") == "رييس"
    assert fold("مستشفى") == "مستشفي"
    assert fold("مدينة") == "مدينه"
    assert fold("دُومَا") == "دوما"
    assert fold("غــزة") == "غزه"  # tatweel
    assert fold("١٢٣٤٥٦٧٨٩٠ ۱۲۳") == "1234567890 123"
    assert fold("،؛؟") == ",;?"


def test_offset_map_points_into_the_original() -> None:
    text = "قُتِلَ ٣ أشخاص\u200f في غــزة"
    nt = normalize(text)
    assert nt.text == "قتل 3 اشخاص في غزه"
    start = nt.text.index("غزه")
    span = nt.span(start, start + 3)
    assert text[span.start : span.end] == "غــزة"
    three = nt.text.index("3")
    assert text[nt.span(three, three + 1).start] == "٣"


def test_english_untouched_except_quotes_and_dashes() -> None:
    assert normalize("Gaza’s “City” — here").text == 'Gaza\'s "City" - here'
    assert fold("Ḩamāh") == "Hamah"


def test_clitic_stems() -> None:
    assert "اللاذقيه" in ar_stems(key_ar("باللاذقية"))
    assert "اللاذقيه" in ar_stems(key_ar("للاذقية"))
    assert "مدينه" in ar_stems(key_ar("وبمدينة"))
    assert "المدينه" in ar_stems(key_ar("للمدينة"))
    assert ar_stems("في") == ("في",)


def test_script_of() -> None:
    assert script_of("طائرة سوخوي (AP)") == "ar"
    assert script_of("A jet fighter (رويترز)") == "en"
    assert script_of("123") == ""


def test_span_keeps_the_marks_and_tatweel_after_the_last_letter() -> None:
    from checker.normalize import normalize

    text = "في 9 ذو الحجة 1444 هـ وشكراً"
    nt = normalize(text)
    start = nt.text.rindex("ه ")
    span = nt.span(start, start + 1)
    assert text[span.start : span.end] == "هـ"
    word = nt.text.index("وشكرا")
    span = nt.span(word, word + len("وشكرا"))
    assert text[span.start : span.end] == "وشكراً"
