"""Credit rules: a credit on one side only, a different agency, a photographer, handout source
or file-photo marker dropped, and a malformed credit."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.data import agencies
from checker.models import Category, Credit, Severity, Span
from checker.rules.base import LANG_NAME, Context, Hit, other, rule
from checker.translit import same_name, similarity

# Credits that name no agency of their own: they agree with any agency.
_GENERIC = frozenset({"agencies"})


def _ar_agency_name(agency_id: str | None) -> str:
    if agency_id is None:
        return ""
    agency = agencies().get(agency_id)
    return agency.ar[0] if agency and agency.ar else agency_id


def credited(credit: Credit | None) -> Credit | None:
    """The credit if it credits someone (an agency, a photographer, a source); a bare "أرشيف"
    marks a file photo but credits no one."""
    if credit is None or not (credit.agency or credit.photographers or credit.source):
        return None
    return credit


def _mentions(credit: Credit, name: str) -> bool:
    """Does a credit name this person or outlet, in either script?"""
    if any(same_name(p, name) for p in credit.photographers):
        return True
    words = credit.text.replace("/", " ").replace("-", " ").split()
    size = len(name.split())
    for n in range(max(1, size - 1), size + 2):
        for i in range(max(0, len(words) - n) + 1):
            if same_name(" ".join(words[i : i + n]), name):
                return True
    return False


@rule("CR001", "credit-only-in-one-language", Category.CREDIT, Severity.WARNING)
def credit_only_in_one_language(ctx: Context) -> Iterator[Hit]:
    """One caption credits the photo and the other does not.

    What it checks: a credit (agency, photographer or both) found in one caption and none in the
    other.
    Why it matters: publishing a wire photo without its credit breaks the agency's terms and the
    photographer's right to be named.
    Example: EN "(AP Photo/Hassan Ammar)" / AR "صواريخ الدفاع الجوي في سماء دمشق".
    Use instead: end the Arabic caption with the credit: "(أسوشيتد برس)".
    """
    for lang, here, there in ctx.directions():
        mine = credited(here.credit)
        if mine is None or credited(there.credit) is not None:
            continue
        who = mine.agency or ", ".join(mine.photographers) or mine.source
        suggestion = None
        if lang == "en" and mine.agency:
            suggestion = f"End the Arabic caption with ({_ar_agency_name(mine.agency)})"
        spans = {lang: (mine.span,)}
        theirs = there.credit
        said = (
            f"credits no one by name (“{theirs.text}”)"
            if theirs is not None and theirs.text.strip()
            else "has no credit"
        )  # "(خاص)": the outlet's own photo, which names no agency or photographer
        yield Hit.at(
            f"Only the {LANG_NAME[lang]} caption credits the photo ({who}); the "
            f"{LANG_NAME[other(lang)]} caption {said}.",
            spans,
            confidence=0.85,
            suggestion=suggestion,
            evidence={"credit": mine.text},
        )


@rule("CR002", "credit-agency-differs", Category.CREDIT, Severity.ERROR)
def credit_agency_differs(ctx: Context) -> Iterator[Hit]:
    """The two captions credit different agencies.

    What it checks: both captions name an agency and they are not the same agency ("وكالات",
    agencies in general, agrees with any).
    Why it matters: crediting the wrong agency misattributes licensed work.
    Example: EN "(AP Photo/Hassan Ammar)" / AR "(رويترز)".
    Use instead: "(أسوشيتد برس)".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair[0].credit, pair[1].credit
    if en is None or ar is None or en.agency is None or ar.agency is None:
        return
    if en.agency == ar.agency or {en.agency, ar.agency} & _GENERIC:
        return
    if en.source and (en.source == ar.agency or similarity(en.source, ar.agency) >= 90):
        return  # the Arabic side credits the handout's origin (SANA) rather than the wire
    yield Hit(
        f"The captions credit different agencies: {en.agency} in English, {ar.agency} in Arabic.",
        en=(en.span,),
        ar=(ar.span,),
        confidence=0.9,
        suggestion=f"({_ar_agency_name(en.agency)})",
        evidence={"en": en.agency, "ar": ar.agency},
    )


@rule("CR003", "credit-photographer-dropped", Category.CREDIT, Severity.WARNING)
def credit_photographer_dropped(ctx: Context) -> Iterator[Hit]:
    """The Arabic credit drops the photographer named in the English credit.

    What it checks: the English credit names a photographer and the Arabic caption has a credit
    that does not name them (in Arabic or Latin letters).
    Why it matters: agencies license photos on condition that the photographer is named.
    Example: EN "(AP Photo/Alexander Kots)" / AR "(أسوشيتد برس)".
    Use instead: "(أسوشيتد برس/ألكسندر كوتس)".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair[0].credit, credited(pair[1].credit)
    if en is None or ar is None or not en.photographers:
        return
    if ar.photographers and len(ar.photographers) >= len(en.photographers):
        return  # the Arabic credit names its own: CR006 says when they are other people
    missing = [
        (name, span)
        for name, span in zip(en.photographers, en.photographer_spans, strict=False)
        if not _mentions(ar, name)
    ]
    if not missing:
        return
    names = " and ".join(n for n, _ in missing)
    yield Hit(
        f"The Arabic credit drops the photographer {names}, named in the English credit.",
        en=tuple(s for _, s in missing),
        ar=(ar.span,),
        confidence=0.9,
        suggestion=f"({ar.text.strip('()')}/{names})",
        evidence={"photographers": [n for n, _ in missing]},
    )


@rule("CR004", "credit-source-dropped", Category.CREDIT, Severity.WARNING)
def credit_source_dropped(ctx: Context) -> Iterator[Hit]:
    """The Arabic credit drops the handout or outlet the photo came from.

    What it checks: the English credit names a source besides the agency (a handout, an outlet
    such as "Komsomolskaya Pravda", "SANA via AP") and the Arabic credit does not.
    Why it matters: a handout photo presented as agency work hides who made the picture, which
    readers need to judge it.
    Example: EN "(AP Photo/Alexander Kots, Komsomolskaya Pravda, Photo via AP)" / AR
    "(أسوشيتد برس)".
    Use instead: "(كومسومولسكايا برافدا عبر أسوشيتد برس)".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair[0].credit, credited(pair[1].credit)
    if en is None or ar is None or not en.source or en.source == "Pool":
        return
    if _mentions(ar, en.source) or ar.agency == en.source or ar.handout:
        return
    span = en.source_span or en.span
    kind = "handout source" if en.handout else "source"
    yield Hit(
        f"The Arabic credit drops the {kind} {en.source}, named in the English credit.",
        en=(span,),
        ar=(ar.span,),
        confidence=0.85,
        suggestion=f"Name {en.source} in the Arabic credit",
        evidence={"source": en.source},
    )


@rule("CR005", "credit-file-marker-lost", Category.CREDIT, Severity.WARNING)
def credit_file_marker_lost(ctx: Context) -> Iterator[Hit]:
    """The English caption marks a file (archive) photo and the Arabic one does not.

    What it checks: "FILE -", "file photo" or ", File)" in the English caption, and no
    "أرشيف" / "أرشيفية" in the Arabic caption.
    Why it matters: an archive photo shown as new misleads readers about when it was taken.
    Example: EN "FILE - ... (AP Photo/Hassan Ammar, File)" / AR "(أسوشيتد برس)".
    Use instead: "(أسوشيتد برس - أرشيف)".
    """
    pair = ctx.both()
    if pair is None:
        return
    en_fields, ar_fields = pair
    en, ar = en_fields.credit, ar_fields.credit
    if en is None or not en.file:
        return
    if (ar is not None and ar.file) or re.search("[أا]رشيف", ar_fields.text):
        return
    yield Hit(
        "The English caption marks this as a file (archive) photo; the Arabic caption does not.",
        en=(en.span,),
        ar=(ar.span,) if ar else (),
        confidence=0.85,
        suggestion=f"({ar.text.strip('()')} - أرشيف)" if ar else "Add (أرشيف) to the credit",
    )


@rule("CR006", "credit-photographer-differs", Category.CREDIT, Severity.WARNING)
def credit_photographer_differs(ctx: Context) -> Iterator[Hit]:
    """The two credits name different photographers.

    What it checks: both credits name photographers and no name on one side matches a name on
    the other, across scripts.
    Why it matters: the picture is credited to someone who did not take it.
    Example: EN "(AP Photo/Hussein Malla)" / AR "(أسوشيتد برس/بلال حسين)".
    Use instead: "(أسوشيتد برس/حسين الملا)".
    """
    pair = ctx.both()
    if pair is None:
        return
    en, ar = pair[0].credit, pair[1].credit
    if en is None or ar is None or not en.photographers or not ar.photographers:
        return
    if any(same_name(a, e) for a in ar.photographers for e in en.photographers):
        return
    yield Hit(
        f"The credits name different photographers: {', '.join(en.photographers)} in English, "
        f"{', '.join(ar.photographers)} in Arabic.",
        en=en.photographer_spans,
        ar=ar.photographer_spans,
        confidence=0.75,
    )


@rule("CR007", "credit-malformed", Category.CREDIT, Severity.INFO, needs_both=False)
def credit_malformed(ctx: Context) -> Iterator[Hit]:
    """A credit whose punctuation is broken.

    What it checks: "AP Photo" glued to the photographer's name with its slash lost
    ("(AP PhotoHussein Malla)"), or a credit with a space before its slash broken by a line.
    Why it matters: broken credits are published as they are and look careless.
    Example: "(AP PhotoHussein Malla)".
    Use instead: "(AP Photo/Hussein Malla)".
    """
    for lang, fields in ctx.sides():
        if fields.credit is None:
            continue
        m = re.search(r"AP\s*Photo(?=[A-Z][a-z])", fields.credit.text)
        if not m:
            continue
        start = fields.credit.span.start + m.start()
        fixed = fields.credit.text[: m.end()] + "/" + fields.credit.text[m.end() :]
        yield Hit.at(
            'The credit has lost the slash between "AP Photo" and the photographer\'s name.',
            {lang: (Span(start, start + len(m.group(0)) + 1),)},
            confidence=0.95,
            suggestion=fixed,
        )


RULES = (
    credit_only_in_one_language,
    credit_agency_differs,
    credit_photographer_dropped,
    credit_source_dropped,
    credit_file_marker_lost,
    credit_photographer_differs,
    credit_malformed,
)
