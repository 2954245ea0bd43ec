"""People named after a title, in both languages."""

from __future__ import annotations

import pytest

from checker import check


@pytest.mark.parametrize(
    ("en", "name", "role"),
    [
        (
            "Syrian President Bashar Assad speaks. (AP Photo/Omar Nasser)",
            "Bashar Assad",
            "president",
        ),
        (
            "Palestinian President Mahmoud Abbas speaks. (AP Photo/Omar Nasser)",
            "Mahmoud Abbas",
            "president",
        ),
        (
            "Prime Minister Meloni Visits Berlin on Friday. (AP Photo/Omar Nasser)",
            "Meloni",
            "prime_minister",
        ),
        (
            "Hezbollah leader Hassan Nasrallah on a poster. (AP Photo/Omar Nasser)",
            "Hassan Nasrallah",
            "leader",
        ),
        # a name that ends at a comma or a full stop keeps its last word
        (
            "Lebanese President Joseph Aoun, left, greets a visitor. (AP Photo/Omar Nasser)",
            "Joseph Aoun",
            "president",
        ),
        (
            "Guests applaud President Joseph Aoun. (AP Photo/Omar Nasser)",
            "Joseph Aoun",
            "president",
        ),
        # a second title belongs to the same person, who keeps the first title's role
        (
            "Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrives. (AP Photo/Omar Nasser)",
            "Tamim bin Hamad Al Thani",
            "emir",
        ),
        # "General" inside an institution's name names nobody
        (
            "Foreign Minister Ali Sami speaks at the UN General Assembly. (AP Photo/Omar Nasser)",
            "Ali Sami",
            "foreign_minister",
        ),
    ],
)
def test_english(en: str, name: str, role: str) -> None:
    fields = check(en=en).en
    assert fields is not None
    assert [(p.text, p.role) for p in fields.people] == [(name, role)]


@pytest.mark.parametrize(
    ("ar", "name", "role"),
    [
        ("الرئيس السوري بشار الأسد يتحدث في دمشق (رويترز)", "بشار الأسد", "president"),
        (
            "رئيسة الوزراء الإيطالية جورجيا ميلوني تتحدث في روما (رويترز)",
            "جورجيا ميلوني",
            "prime_minister",
        ),
        (
            "وزير الخارجية الروسي سيرغي لافروف يصل إلى القاهرة (رويترز)",
            "سيرغي لافروف",
            "foreign_minister",
        ),
        # a title of a country, an adjective and a second title before the name
        ("أمير قطر الشيخ تميم بن حمد آل ثاني يصل (رويترز)", "تميم بن حمد آل ثاني", "emir"),
        (
            "أمير الكويت الجديد الشيخ مشعل الأحمد الجابر الصباح يؤدي اليمين (كونا)",
            "مشعل الأحمد الجابر الصباح",
            "emir",
        ),
        # عبد joins the next word: four words, three parts of a name
        (
            "وزير الخارجية الإيراني حسين أمير عبد اللهيان في دمشق (سانا)",
            "حسين أمير عبد اللهيان",
            "foreign_minister",
        ),
        # the title's complement with ل comes before the name
        (
            "الأمين العام للأمم المتحدة أنطونيو غوتيريش يتحدث (د ب أ)",
            "أنطونيو غوتيريش",
            "secretary_general",
        ),
        ("المبعوث الأممي الخاص لسوريا غير بيدرسون يصل إلى دمشق (سانا)", "غير بيدرسون", "envoy"),
        # a surname like a nisba, with nothing after it, is the name
        ("الرئيس السيسي يلتقي وفدا في القاهرة (رويترز)", "السيسي", "president"),
        # the name Ali is not the preposition على, which folds to the same letters
        ("المرشد الإيراني علي خامنئي يتحدث في طهران (رويترز)", "علي خامنئي", "leader"),
        # a title without its article takes a definite noun it is of: "leader of the Houthis"
        ("زعيم الحوثيين عبد الملك الحوثي يتحدث (رويترز)", "عبد الملك الحوثي", "leader"),
    ],
)
def test_arabic(ar: str, name: str, role: str) -> None:
    fields = check(ar=ar).ar
    assert fields is not None
    assert [(p.text, p.role) for p in fields.people] == [(name, role)]


def test_a_name_is_not_a_place() -> None:
    fields = check(ar="رئيسة الوزراء الإيطالية جورجيا ميلوني تتحدث في روما (رويترز)").ar
    assert fields is not None
    assert "Georgia" not in [p.name for p in fields.places]


def test_english_title_names_the_arabic_person() -> None:
    report = check(
        en="Italian Prime Minister Giorgia Meloni speaks in Rome. (AP Photo/Andrew Medichini)",
        ar="جورجيا ميلوني بعثت رسالة لقادة الاتحاد الأوروبي (أسوشيتد برس)",
    )
    assert report.ar is not None
    assert [(p.text, p.role) for p in report.ar.people] == [("جورجيا ميلوني", "prime_minister")]
    assert "Georgia" not in [p.name for p in report.ar.places]


def test_name_span_keeps_its_own_spacing() -> None:
    text = "Syrian President  Bashar  Assad speaks. (AP Photo/Omar Sanadiki)"
    fields = check(en=text).en
    assert fields is not None
    person = fields.people[0]
    assert text[person.span.start : person.span.end] == "Bashar  Assad"


def test_second_title_and_regnal_number() -> None:
    from checker import check

    report = check(
        en="Jordan's King Abdullah II speaks in Amman. (AP Photo/Sami Rauf)",
        ar="العاهل الأردني الملك عبد الله الثاني يتحدث في عمان (أسوشيتد برس/سامي رؤوف)",
    )
    assert report.ar is not None
    assert [p.text for p in report.ar.people] == ["عبد الله الثاني"]
    assert [p.name for p in report.ar.places] == ["Amman"]  # the adjective names Jordan
    assert [f.code for f in report.findings if f.category.value in ("name", "place")] == []


@pytest.mark.parametrize(
    "ar",
    [
        "احتجاج في حي الشيخ جراح بالقدس (رويترز)",  # a neighbourhood named after a title
        "سيارات في شارع الملك فيصل بالرياض (رويترز)",
    ],
)
def test_title_after_a_place_noun_names_a_place(ar: str) -> None:
    from checker import check

    report = check(ar=ar)
    assert report.ar is not None
    assert report.ar.people == ()


def test_arabic_name_stops_before_a_place_with_its_preposition() -> None:
    from checker import check

    report = check(ar="الشيخ سامي رؤوف يصلي بالقدس (رويترز)")
    assert report.ar is not None
    assert [p.text for p in report.ar.people] == ["سامي رؤوف"]
    assert [p.name for p in report.ar.places] == ["Jerusalem"]


def test_first_name_that_is_a_place_when_the_other_caption_gives_the_surname() -> None:
    from checker import check

    report = check(
        en="Prime Minister Haddad visits the port in Beirut. (AP Photo/Sami Rauf)",
        ar="جورجيا حداد تزور الميناء في بيروت (أسوشيتد برس/سامي رؤوف)",
    )
    assert report.ar is not None
    assert [p.text for p in report.ar.people] == ["جورجيا حداد"]
    assert [p.name for p in report.ar.places] == ["Beirut"]  # not Georgia


def test_a_country_adjective_after_a_title_is_never_the_name() -> None:
    fields = check(ar="الرئيس السوري على المنصة خلال القمة (رويترز)").ar
    assert fields is not None
    assert fields.people == ()


def test_a_title_before_a_bridge_or_a_road_names_no_one() -> None:
    fields = check(en="A soldier at the King Hussein Bridge crossing. (AP Photo/Omar Nasser)").en
    assert fields is not None
    assert fields.people == ()


def test_an_arabic_name_ends_before_and_with_a_title() -> None:
    report = check(
        ar="الرئيس الفرنسي إيمانويل ماكرون ورئيس الوزراء اللبناني نجيب ميقاتي في باريس (رويترز)"
    )
    assert report.ar is not None
    assert [p.text for p in report.ar.people] == ["إيمانويل ماكرون", "نجيب ميقاتي"]


def test_a_title_then_what_it_leads_then_the_name() -> None:
    # "حماس" is what the leader leads; يحيى is a name, not the verb يحيي (salutes)
    report = check(ar="زعيم حماس يحيى السنوار يتحدث في مدينة غزة (أسوشيتد برس)")
    assert report.ar is not None
    assert [p.text for p in report.ar.people] == ["يحيى السنوار"]


def test_an_italian_c_reads_as_tsh_across_scripts() -> None:
    from checker.translit import same_name

    assert same_name("Evan Vucci", "إيفان فوتشي")
    report = check(
        en="Donald Trump speaks in Palm Beach, Nov. 6, 2024. (AP Photo/Evan Vucci)",
        ar="دونالد ترامب يتحدث في بالم بيتش، 6 نوفمبر 2024 (أسوشيتد برس/إيفان فوتشي)",
    )
    assert not [f for f in report.findings if f.code in ("CR003", "CR006")]
