"""Credits as real captions write them, beyond the house styles."""

from __future__ import annotations

from checker import check


def _en(text: str):  # type: ignore[no-untyped-def]
    report = check(en=text)
    assert report.en is not None
    return report.en.credit


def _ar(text: str):  # type: ignore[no-untyped-def]
    report = check(ar=text)
    assert report.ar is not None
    return report.ar.credit


def test_arabic_handout_named_in_the_text() -> None:
    credit = _ar("صورة بثتها شبكة شام لضحايا القصف على بلدة في ريف دمشق")
    assert credit is not None
    assert (credit.agency, credit.handout) == ("Shaam News Network", True)


def test_arabic_unknown_handout_source_in_text() -> None:
    credit = _ar("صورة نشرتها تنسيقية المدينة لآثار القصف")
    assert credit is not None
    assert credit.handout
    assert credit.source == "تنسيقية المدينة"


def test_arabic_credit_with_a_label_and_guillemets() -> None:
    credit = _ar("آثار الانفجار في المرفأ (الصورة من خدمة «نيويورك تايمز»)")
    assert credit is not None
    assert credit.agency == "The New York Times"


def test_social_platform_is_a_handout_source() -> None:
    credit = _en("A cleric speaks to followers in Najaf (X)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == (None, "X", True)
    credit = _en("Smoke rises over the camp (Photo via Telegram)")
    assert credit is not None
    assert credit.source == "Telegram"


def test_newspaper_staff_photo_is_credited_to_the_paper() -> None:
    credit = _en("A poster on a wall in Beirut. (Credit: Rami Haddad/Gulf Today)")
    assert credit is not None
    assert credit.agency == "Gulf Today"
    assert credit.photographers == ("Rami Haddad",)


def test_an_organisation_in_parentheses_is_not_a_credit() -> None:
    assert _en("Officials meet at the ministry (Ministry of Health)") is None


def test_credit_before_the_caption_with_glued_agencies() -> None:
    credit = _en(
        "Rami Haddad/MoH via AFP-Getty Images - PHOTO: Rescuers carry a child from the rubble in Idlib."
    )
    assert credit is not None
    assert credit.agency == "AFP"
    assert credit.photographers == ("Rami Haddad",)
    assert (credit.source, credit.handout) == ("MoH", True)


def test_a_dateline_dash_is_not_a_credit() -> None:
    credit = _en("GAZA CITY - Smoke rises over the city on Friday. (AP Photo/Adel Hana)")
    assert credit is not None
    assert credit.text == "AP Photo/Adel Hana"


def test_handout_via_reuters_before_an_editors_notice() -> None:
    credit = _en(
        "Fighters parade in a stadium in Khan Younis, May 2, 2024. Hamas Armed Wing/Handout via "
        "REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY."
    )
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("Reuters", "Hamas Armed Wing", True)
    assert credit.photographers == ()


def test_photo_agency_through_a_distributor_is_no_handout() -> None:
    credit = _en("Smoke over Tyre, Oct. 3, 2024. (Photo by Samir Khalil/NurPhoto via Getty Images)")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("Getty Images", ("Samir Khalil",))
    assert (credit.source, credit.handout) == ("NurPhoto", False)


def test_national_agency_in_an_arabic_credit() -> None:
    credit = _ar("أمير البلاد يستقبل وزير الخارجية في الدوحة (قنا)")
    assert credit is not None
    assert credit.agency == "QNA"


def test_arabic_file_marker_alone_after_a_dash() -> None:
    credit = _ar("جنود ينتشرون في ساحة وسط المدينة - أرشيف")
    assert credit is not None
    assert (credit.agency, credit.photographers, credit.file) == (None, (), True)


def test_arabic_labelled_photographer_in_parentheses() -> None:
    credit = _ar("جانب من الدمار في المدينة القديمة (تصوير: سامر حداد)")
    assert credit is not None
    assert (credit.agency, credit.photographers) == (None, ("سامر حداد",))
    # without the label, a lone name in parentheses stays a name in the text
    assert _ar("رجل يسير في السوق (سامر حداد)") is None


def test_file_marker_alone_credits_no_one() -> None:
    report = check(en="Smoke over Gaza City. (AP Photo/Adel Hana)", ar="دخان فوق مدينة غزة (أرشيف)")
    assert "CR001" in [f.code for f in report.findings]


def test_arabic_via_names_the_source() -> None:
    credit = _ar("الرئيس يتحدث خلال القمة (الرئاسة المصرية عبر أسوشيتد برس)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("AP", "الرئاسة المصرية", True)
    credit = _ar("دمار في الحي بعد القصف (سانا عبر رويترز)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("Reuters", "SANA", True)


def test_arabic_distributor_beside_the_wire_is_no_source() -> None:
    credit = _ar("دمار في الحي بعد القصف (غيتي/الفرنسية)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("AFP", None, False)


def test_courtesy_names_the_source_body() -> None:
    credit = _en("Rescuers at work in the town. (Courtesy of the Civil Defence via AP)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("AP", "Civil Defence", True)


def test_reuters_picture_tags_are_not_part_of_the_name() -> None:
    credit = _en("Smoke over the port. REUTERS/Samir Awad TPX IMAGES OF THE DAY")
    assert credit is not None
    assert (credit.agency, credit.photographers, credit.source) == (
        "Reuters",
        ("Samir Awad",),
        None,
    )


def test_arabic_credit_in_brackets_or_after_a_bar() -> None:
    assert (_ar("دمار في الحي بعد القصف [رويترز]") or _fail()).agency == "Reuters"
    assert (_ar("دمار في الحي بعد القصف | رويترز") or _fail()).agency == "Reuters"


def test_arabic_organisation_in_a_credit_is_no_photographer() -> None:
    credit = _ar("دمار في الحي بعد القصف (وكالة الأنباء الفلسطينية - وفا)")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("WAFA", ())
    credit = _ar("رجال الإنقاذ ينتشلون ناجين (الدفاع المدني السوري)")
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == (None, "الدفاع المدني السوري", True)
    # the same words inside the text are no credit
    assert _ar("قال المتحدث باسم (وزارة الصحة) إن الوضع صعب") is None


def _fail():  # type: ignore[no-untyped-def]
    raise AssertionError("no credit found")


def test_epa_picture_id_before_the_credit() -> None:
    credit = _en("Smoke over the port. epa11616191 EPA/SAMIR AWAD")
    assert credit is not None
    assert (credit.agency, credit.photographers, credit.source) == ("EPA", ("Samir Awad",), None)


def test_credit_glued_to_the_next_caption() -> None:
    credit = _en("Smoke over the port.(AP Photo/Samir Awad)Another caption follows here.")
    assert credit is not None
    assert (credit.text, credit.agency, credit.photographers) == (
        "AP Photo/Samir Awad",
        "AP",
        ("Samir Awad",),
    )


def test_handout_agency_named_with_its_acronym() -> None:
    credit = _en(
        "The emir is sworn in, December 2, 2024. Kuwait News Agency (KUNA)/Handout via REUTERS"
    )
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("Reuters", "KUNA", True)


def test_afp_restriction_notice_after_the_credit() -> None:
    credit = _en(
        "A handout picture shows damage in Hama on May 3, 2024. (Photo by SANA / AFP) / == "
        'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / HO / SANA" - NO MARKETING =='
    )
    assert credit is not None
    assert (credit.agency, credit.source, credit.handout) == ("AFP", "SANA", True)
    assert credit.text == "Photo by SANA / AFP"


def test_video_still_via_the_wire_without_a_slash() -> None:
    credit = _en("Fire at a market in Khartoum, April 20, 2023. Reuters TV via REUTERS")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("Reuters", ())


def test_uncredited_is_no_photographer() -> None:
    credit = _en("A man walks past a mural in Tehran. (Uncredited/AP)")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("AP", ())


def test_arabic_agency_forms_and_an_issuing_body_beside_the_wire() -> None:
    assert _ar("نازحون في رفح (الصحافة الفرنسية)").agency == "AFP"
    assert _ar("البابا في أبوظبي (الأوروبية-إيبا)").agency == "EPA"
    credit = _ar("الرئيس يتحدث في طهران (الرئاسة الإيرانية - الفرنسية)")
    assert (credit.agency, credit.source, credit.handout) == ("AFP", "الرئاسة الإيرانية", True)


def test_arabic_credit_as_the_last_sentence_or_after_a_copyright_sign() -> None:
    assert _ar("أطفال ينتظرون الطعام في رفح يوم 16 يناير 2024. رويترز").agency == "Reuters"
    assert _ar("متظاهرون في ساحة الشهداء ببيروت. Getty Images").agency == "Getty Images"
    credit = _ar("الرئيس الروسي في الكرملين © Sputnik / Mikhail Klimentyev")
    assert (credit.agency, credit.photographers) == ("Sputnik", ("Mikhail Klimentyev",))


def test_arabic_national_agencies_platforms_and_ministries() -> None:
    assert _ar("رئيس الوزراء العراقي يستقبل نظيره في بغداد (واع)").agency == "INA"
    credit = _ar("دخان يتصاعد فوق الخرطوم بحري (تويتر)")
    assert (credit.source, credit.handout) == ("تويتر", True)
    credit = _ar("وزير الخارجية خلال لقائه نظيره في الرياض (الخارجية المصرية)")
    assert (credit.agency, credit.source) == (None, "الخارجية المصرية")


def test_web_credit_labels() -> None:
    credit = _en("Palestinians inspect the damage in Rafah. Photograph: Rami Haddad/Reuters")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("Reuters", ("Rami Haddad",))
    credit = _en("Rescuers search for survivors in Hatay. Image: Reuters")
    assert credit is not None
    assert credit.agency == "Reuters"


def test_arabic_credit_from_the_source() -> None:
    credit = _ar("جانب من الاحتفالات في مدينة العين (من المصدر)")
    assert (credit.agency, credit.handout) == (None, True)


def test_photo_by_a_name_for_an_outlet_and_two_photographers() -> None:
    credit = _en("A man walks in Gaza City. (Photo by Rami Haddad for The New York Times)")
    assert credit is not None
    assert (credit.agency, credit.photographers) == ("The New York Times", ("Rami Haddad",))
    credit = _en("Guests arrive. (Photo by Leila Nasser/Getty Images for Saudi Tourism Authority)")
    assert credit is not None
    assert (credit.agency, credit.source) == ("Getty Images", "Saudi Tourism Authority")
    credit = _en("A man in Aleppo. (AP Photo/Rami Haddad and Omar Khatib)")
    assert credit is not None
    assert credit.photographers == ("Rami Haddad", "Omar Khatib")
    credit = _en("A ceremony in Cairo. (Ministry of Culture and Tourism via AP)")
    assert credit is not None
    assert (credit.source, credit.photographers) == ("Ministry of Culture and Tourism", ())


def test_a_website_is_a_handout_source_and_a_rank_with_initials_stays_in_its_parentheses() -> None:
    credit = _en("Khamenei speaks in Tehran. (Photo by KHAMENEI.IR / AFP)")
    assert credit is not None
    assert (credit.agency, credit.photographers, credit.source, credit.handout) == (
        "AFP",
        (),
        "KHAMENEI.IR",
        True,
    )
    credit = _en("Soldiers train. (Staff Sgt. John Smith/U.S. Army via AP)")
    assert credit is not None
    assert credit.text == "Staff Sgt. John Smith/U.S. Army via AP"
    assert credit.photographers == ("John Smith",)


def test_an_organisation_quoted_at_the_end_is_no_credit() -> None:
    # «هيئة تحرير الشام» ends the sentence as the object of "with", not as its credit
    assert _ar("اشتباكات في إدلب بين فصائل المعارضة و«هيئة تحرير الشام»") is None
    assert _ar("مقاتلون في إدلب «رويترز»").agency == "Reuters"
    assert _ar('مقاتلون في إدلب "تصوير: سامر علي"').photographers == ("سامر علي",)


def test_a_house_credit_glued_to_the_last_sentence() -> None:
    credit = _en("Children play in the rubble.APAimages Photo / Samer Ali")
    assert credit.agency == "APA Images"
    assert credit.photographers == ("Samer Ali",)


def test_a_wire_named_as_publisher_in_the_text_is_its_credit() -> None:
    credit = _ar('في هذه الصورة التي نشرتها وكالة "رويترز" نازحون في دير البلح')
    assert (credit.agency, credit.handout) == ("Reuters", False)
    credit = _ar("صورة بثتها وكالة سانا لمبنى مدمر في حلب")
    assert (credit.agency, credit.source, credit.handout) == ("SANA", "SANA", True)


def test_credit_forms_from_photo_libraries_and_foreign_pages() -> None:
    credit = _en("Children play in Gaza City on May 2, 2023. Photo by Samer Ali\\ apaimages")
    assert (credit.agency, credit.photographers) == ("APA Images", ("Samer Ali",))
    credit = _en("Et barn i Gaza. Foto: Samer Ali / AFP")
    assert (credit.agency, credit.photographers) == ("AFP", ("Samer Ali",))


def test_a_name_cut_short_keeps_what_is_left() -> None:
    assert _en("Tents in Khan Younis, 01 May 2025. EPA/SAMER...").photographers == ("Samer",)


def test_national_agencies_of_the_region() -> None:
    assert _ar("دمار في بلدة عيتا الشعب (الوكالة الوطنية للإعلام)").agency == "NNA"
    assert _ar("غارة على صنعاء (سبأ)").agency == "Saba"
    credit = _en("Smoke rises over the town of Khiam. (NNA via AP)")
    assert (credit.agency, credit.source, credit.handout) == ("AP", "NNA", True)


def test_photo_agencies_and_an_acronym_spelt_out() -> None:
    assert _en("Children in Gaza City. IMAGO/Samer Ali").agency == "IMAGO"
    assert _en("Children in Gaza City. Samer Ali/Flash90").photographers == ("Samer Ali",)
    credit = _en("Smoke over Tehran. Samer Ali/WANA (West Asia News Agency) via REUTERS")
    assert (credit.agency, credit.photographers, credit.source) == (
        "Reuters",
        ("Samer Ali",),
        "WANA",
    )


def test_arabic_credits_of_own_photos_media_and_archive() -> None:
    assert _ar("دخان فوق غزة (الجزيرة - خاص)").agency == "Al Jazeera"
    own = _ar("دخان فوق غزة (خاص)")
    assert (own.agency, own.source, own.handout) == (None, None, False)
    assert _ar("دخان فوق غزة (الصحافة الإسرائيلية)").source == "الصحافة الإسرائيلية"
    assert _ar("دخان فوق غزة (تيليغرام)").handout
    assert _ar("دخان فوق غزة (رويترز) - أرشيفية").file


def test_an_outlet_after_the_photographer_and_a_colon_after_the_agency() -> None:
    credit = _en("Fighters rest near Kirkuk. Credit: Samer Ali/Metrography")
    assert (credit.agency, credit.photographers) == ("Metrography", ("Samer Ali",))
    credit = _en("Fighters rest near Erbil, August 27, 2014.(Reuters: Samer Ali)")
    assert (credit.agency, credit.photographers, credit.source) == ("Reuters", ("Samer Ali",), None)


def test_arabic_credit_labels_and_an_agency_first() -> None:
    assert _ar("دخان فوق غزة. حقوق الصورة: رويترز").agency == "Reuters"
    assert _ar("دخان فوق غزة. مصدر الصورة: Getty Images").agency == "Getty Images"
    assert _ar("رويترز - دخان يتصاعد فوق غزة").agency == "Reuters"
    assert _ar("غزة - دخان يتصاعد فوق المدينة") is None  # a place dateline, no credit
