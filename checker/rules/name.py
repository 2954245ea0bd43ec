"""Name rules: the people a caption pair names, across scripts.

People are those named after a title ("President Bashar Assad" / "الرئيس السوري بشار الأسد");
names are compared by sound (``checker.translit``), so Sergei Lavrov = سيرغي لافروف.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.models import Category, Fields, PersonMention, Severity
from checker.rules.base import LANG_NAME, Context, Hit, rule
from checker.translit import same_name

# a regnal number ends a monarch's name: "Abdullah II" / "عبد الله الثاني"
_REGNAL = re.compile(r"\s+(?:[IVX]{1,4}|ال(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس))$")


def _same_person(a: str, b: str) -> bool:
    """The whole names sound alike, or their last names do (Bashar Assad / الأسد)."""
    a, b = _REGNAL.sub("", a) or a, _REGNAL.sub("", b) or b
    if same_name(a, b):
        return True
    last_a, last_b = a.split()[-1], b.split()[-1]
    return (
        len(a.split()) > 1
        and len(b.split()) > 1
        and same_name(last_a, last_b)
        and same_name(a.split()[0], b.split()[0])
    )


def _named_in(person: PersonMention, fields: Fields) -> bool:
    """Is the person named anywhere in the other caption, with or without a title?"""
    if any(_same_person(person.text, p.text) for p in fields.people):
        return True
    words = [t.text for t in fields.tokens]
    size = len(person.text.split())
    for n in {size, max(1, size - 1), size + 1}:
        for i in range(len(words) - n + 1):
            if _same_person(person.text, " ".join(words[i : i + n])):
                return True
    last = person.text.split()[-1]
    return len(last) >= 4 and any(same_name(last, w) for w in words if len(w) >= 3)


@rule("NA001", "names-differ", Category.NAME, Severity.WARNING)
def names_differ(ctx: Context) -> Iterator[Hit]:
    """The captions give the same title to different people.

    What it checks: a person named after a title in each caption (President, Prime Minister,
    Foreign Minister, King... / الرئيس، رئيس الوزراء، وزير الخارجية، الملك ...), with the same role,
    whose names do not sound alike in either script.
    Why it matters: the wrong president or minister under a photo is an error readers notice at
    once and quote for years.
    Example: EN "Russian Foreign Minister Sergei Lavrov" / AR "وزير الخارجية الأمريكي أنتوني بلينكن".
    Use instead: "وزير الخارجية الروسي سيرغي لافروف".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair
    for a in ar.people:
        same_role = [e for e in en.people if e.role == a.role]
        if not same_role or any(_same_person(e.text, a.text) for e in same_role):
            continue
        if _named_in(a, en):
            continue  # named elsewhere in the English caption: two people of the same rank
        e = same_role[0]
        yield Hit(
            f"The captions name different people as {a.role.replace('_', ' ')}: {e.text} in English, "
            f"{a.text} in Arabic.",
            en=(e.span,),
            ar=(a.span,),
            confidence=0.8,
            evidence={"role": a.role, "en": e.text, "ar": a.text},
        )


@rule("NA002", "person-only-in-one-language", Category.NAME, Severity.INFO)
def person_only_in_one_language(ctx: Context) -> Iterator[Hit]:
    """A person named (with a title) in one caption is not named in the other.

    What it checks: each person named after a title in one caption, whose name appears nowhere
    in the other caption in either script (a same-role name that differs is NA001's finding).
    Why it matters: readers of one language learn who is in the photo, the others do not.
    Example: EN "Egyptian President Abdel Fattah el-Sisi meets troops" / AR "الرئيس يلتقي الجنود".
    Use instead: "الرئيس المصري عبد الفتاح السيسي يلتقي الجنود".
    """
    for lang, here, there in ctx.directions():
        for person in here.people:
            if _named_in(person, there):
                continue
            if any(p.role == person.role for p in there.people):
                continue  # NA001 reports a same-role name that differs
            spans = {lang: (person.span,)}
            yield Hit.at(
                f"{person.text} ({person.role.replace('_', ' ')}) is named in the {LANG_NAME[lang]} "
                f"caption only.",
                spans,
                confidence=0.65,
                evidence={"role": person.role, "name": person.text},
            )


RULES = (names_differ, person_only_in_one_language)
