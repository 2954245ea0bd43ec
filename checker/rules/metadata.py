"""Metadata rules: the captions against the image's own metadata, and the metadata against itself.

These rules run when an image is given. They read :class:`~checker.metadata.ImageMetadata` (its
values keep their provenance, e.g. ``IPTC 2:80``) and the captions' extracted fields; spans point
into the captions, and the evidence names the tags. A camera clock or a GPS fix can be wrong, so
nothing here is an error: what the file says is reported next to what the caption says.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz.fuzz import ratio

from checker.data import Place, gazetteer, register_dependent
from checker.extract import places as place_extract
from checker.extract.credits import agencies_in, is_person
from checker.models import LANGS, Category, DateMention, Fields, Lang, PlaceMention, Severity, Span
from checker.normalize import key_ar, key_en, normalize
from checker.rules.base import LANG_NAME, Context, Hit, rule
from checker.rules.date import describe
from checker.rules.place import photo_places
from checker.translit import same_name

if TYPE_CHECKING:  # the reader is imported only when an image is checked
    from checker.metadata import ImageMetadata, MetaValue

# --- shared helpers -------------------------------------------------------------------------


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if str(v).strip()]


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _key(text: str) -> str:
    return key_ar(text) if _is_arabic(text) else key_en(text)


def _sources(values: list[tuple[str, MetaValue]]) -> str:
    return ", ".join(f"{v.source}" for _, v in values)


def _quote(values: list[str]) -> str:
    return ", ".join(f"“{v}”" for v in values)


def _image(ctx: Context) -> ImageMetadata:
    assert ctx.image is not None  # the engine runs these rules only with an image
    return ctx.image


def _given(ctx: Context) -> list[tuple[Lang, Fields]]:
    """The captions the user wrote (not the one copied out of the image)."""
    return [
        (lang, f)
        for lang in LANGS
        if (f := ctx.side(lang)) is not None and lang not in ctx.embedded
    ]


# --- reading the image at all -----------------------------------------------------------------


@rule(
    "MD001",
    "image-unreadable",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def image_unreadable(ctx: Context) -> Iterator[Hit]:
    """The image file could not be read, so the captions were checked without it.

    What it checks: the image named for the pair is missing, empty, unreadable or not an image
    format the checker knows (JPEG, TIFF, PNG, WebP, HEIC/HEIF).
    Why it matters: the caption checks against the photo's own date, credit and place did not
    run; the editor should know the check was partial.
    Example: an image path that points to a deleted file.
    Use instead: give the path of the photo file itself.
    """
    image = _image(ctx)
    if image.error:
        yield Hit(
            f"The image could not be read ({image.error}); only the captions were checked.",
            confidence=1.0,
            evidence={"path": image.path, "error": image.error},
        )


@rule(
    "MD002", "image-damaged", Category.METADATA, Severity.INFO, needs_both=False, needs_image=True
)
def image_damaged(ctx: Context) -> Iterator[Hit]:
    """The image file is damaged, or its metadata blocks are out of step with each other.

    What it checks: the reader's warnings that matter to a newsroom: a truncated or corrupt
    container, a damaged metadata block, an IPTC block edited without updating the XMP copy
    (the Photoshop IPTC digest no longer matches). Cosmetic warnings are left out.
    Why it matters: a damaged file may not display, and metadata edited by one program and not
    the other will show different captions in different tools.
    Example: a PNG whose first chunk is not IHDR.
    Use instead: re-export the image from the original, or re-save its metadata in one tool.
    """
    image = _image(ctx)
    serious = [w for w in image.warnings if not w.startswith("[minor]")]
    if serious and not image.error:
        yield Hit(
            "The image file has problems: " + "; ".join(serious) + ".",
            confidence=0.9,
            evidence={"warnings": serious},
        )


# --- date --------------------------------------------------------------------------------------

_PLAUSIBLE_FROM = dt.date(1990, 1, 1)


def _local_capture(image: ImageMetadata) -> tuple[dt.date, str, int] | None:
    """The capture date, where it comes from, and the tolerance in days."""
    found = image.capture_time() or _signed_capture(image)
    if found is None:
        return None
    stamp, tag = found
    if not (_PLAUSIBLE_FROM <= stamp.date() <= dt.date.today() + dt.timedelta(days=1)):
        return None  # an unset camera clock (2099, 1970): no evidence either way
    if stamp.tzinfo is not None:
        return stamp.date(), tag, 0  # DateTimeOriginal is local time; the offset confirms it
    local = _gps_local_date(image)
    if local is not None:
        return local, "GPSDateTime", 0
    return stamp.date(), tag, 1  # no time zone: the caption may count from another midnight


def _signed_capture(image: ImageMetadata) -> tuple[dt.datetime, str] | None:
    """The capture time a C2PA manifest states (its EXIF assertion or its "created" action)."""
    cred = image.credentials
    if cred is None or not cred.verified or not cred.captured_at:
        return None
    text = cred.captured_at.replace("Z", "+00:00")
    try:
        return dt.datetime.fromisoformat(text), "C2PA manifest"
    except ValueError:
        try:
            return dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S"), "C2PA manifest"
        except ValueError:
            return None


def _gps_local_date(image: ImageMetadata) -> dt.date | None:
    """The local date of the GPS fix, when the optional ``timezonefinder`` is installed."""
    stamp, point = image.value("GPSDateTime"), image.gps()
    if not isinstance(stamp, str) or point is None:
        return None
    try:
        from zoneinfo import ZoneInfo

        from timezonefinder import TimezoneFinder  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        utc = dt.datetime.strptime(stamp[:19], "%Y:%m:%d %H:%M:%S").replace(tzinfo=dt.UTC)
        zone = TimezoneFinder().timezone_at(lat=point[0], lng=point[1])
    except ValueError:
        return None
    return utc.astimezone(ZoneInfo(zone)).date() if zone else None


def _full_dates(fields: Fields) -> list[DateMention]:
    return [d for d in fields.dates if d.is_full and not d.relative and not d.defective]


@rule(
    "MD003",
    "capture-date-differs",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def capture_date_differs(ctx: Context) -> Iterator[Hit]:
    """The caption dates the photo differently from the image's capture time.

    What it checks: the caption's full dates against EXIF DateTimeOriginal (with
    OffsetTimeOriginal), else IPTC DateCreated/TimeCreated, else XMP DateCreated. With a time
    zone the dates must be equal; without one (and without a GPS time zone, when the optional
    ``timezonefinder`` is installed) one day either way is allowed. Nothing is reported when any
    date in the caption matches, or when the camera clock is implausible (before 1990, future).
    Why it matters: a photo captioned with the wrong day is misdated news; an old photo
    captioned as today's is a classic misinformation pattern.
    Example: caption "Saturday, Oct. 3, 2015" / EXIF DateTimeOriginal 2015:09:28 14:10:00+03:00.
    Use instead: check the date with the agency; if the photo is older, say "file photo".
    """
    image = _image(ctx)
    capture = _local_capture(image)
    if capture is None:
        return
    when, tag, tolerance = capture
    mentions = [(lang, d) for lang in LANGS if (f := ctx.side(lang)) for d in _full_dates(f)]
    if not mentions:
        return
    for _, d in mentions:
        if d.year is None or d.month is None or d.day is None:
            continue
        try:
            day = dt.date(d.year, d.month, d.day)
        except ValueError:
            continue
        if abs((day - when).days) <= tolerance:
            return
    lang, first = mentions[0]
    spans = _first_per_lang([(lg, d.core_span) for lg, d in mentions])
    taken = f"{when.day} {when.strftime('%B')} {when.year}"
    which = "captions date" if len(spans) > 1 else f"{LANG_NAME[lang]} caption dates"
    yield Hit.at(
        f"The {which} the photo {describe(first)}, but the image says it was taken on {taken} "
        f"({tag}{'' if tolerance == 0 else ', no time zone recorded'}).",
        spans,
        confidence=0.8 if tolerance == 0 else 0.65,
        suggestion=f"check the date: the file says {taken}",
        evidence={"caption": first.iso, "capture": when.isoformat(), "tag": tag},
    )


def _first_per_lang(items: list[tuple[Lang, Span]]) -> dict[Lang, tuple[Span, ...]]:
    out: dict[Lang, tuple[Span, ...]] = {}
    for lang, span in items:
        out.setdefault(lang, (span,))
    return out


def _whose(langs: list[Lang]) -> str:
    return "both captions" if len(langs) > 1 else f"the {LANG_NAME[langs[0]]} caption"


# --- credit --------------------------------------------------------------------------------------

_PERSON_TAGS = ("IPTC:By-line", "XMP:Creator", "EXIF:Artist")
_AGENCY_TAGS = ("IPTC:Credit", "XMP:Credit", "IPTC:Source", "XMP:Source")


def _people(image: ImageMetadata) -> list[tuple[str, str]]:
    """(name, tag) for every byline value that names a person."""
    out: list[tuple[str, str]] = []
    signed = image.credentials.authors if image.credentials and image.credentials.verified else []
    for tag, names in [
        *((t, _texts(image.value(t))) for t in _PERSON_TAGS),
        ("C2PA author", signed),
    ]:
        for name in names:
            if is_person(name) and not any(same_name(name, n) for n, _ in out):
                out.append((name, tag))
    return out


@rule(
    "MD004",
    "photographer-differs-from-byline",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def photographer_differs(ctx: Context) -> Iterator[Hit]:
    """The caption credits a photographer the image's byline does not name.

    What it checks: the photographers of a caption's credit against IPTC By-line, XMP
    dc:creator and EXIF Artist (bylines that are agencies, "Staff" or a single word are not
    people). Names are compared by sound, across scripts: Alexander Kots = ألكسندر كوتس.
    Why it matters: crediting the wrong photographer breaks the agency's terms and wrongs two
    people; it also happens when a caption is pasted under the wrong photo.
    Example: caption "(AP Photo/Hassan Ammar)" / IPTC By-line "Bilal Hussein".
    Use instead: the photographer named in the file, unless the agency corrected it.
    """
    image = _image(ctx)
    people = _people(image)
    if not people:
        return
    spans: dict[Lang, tuple[Span, ...]] = {}
    credited: list[str] = []
    for lang, fields in _given(ctx):
        credit = fields.credit
        if credit is None or not credit.photographers:
            continue
        if any(same_name(p, name) for p in credit.photographers for name, _ in people):
            continue
        spans[lang] = credit.photographer_spans or (credit.span,)
        credited.extend(
            p for p in credit.photographers if not any(same_name(p, c) for c in credited)
        )
    if not spans:
        return
    names = _quote([n for n, _ in people])
    tags = ", ".join(dict.fromkeys(t for _, t in people))
    yield Hit.at(
        f"The credit in {_whose(list(spans))} names {', '.join(credited)}, but the image's byline "
        f"({tags}) names {names}.",
        spans,
        confidence=0.75,
        suggestion=f"credit {people[0][0]}",
        evidence={"caption": credited, "image": [n for n, _ in people]},
    )


@rule(
    "MD005",
    "agency-differs-from-credit-line",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def agency_differs(ctx: Context) -> Iterator[Hit]:
    """The caption credits an agency the image's Credit and Source lines do not name.

    What it checks: the agency of each caption's credit against the agencies named by IPTC
    Credit / Source and XMP photoshop:Credit / Source ("AFP/Getty Images" names both). Generic
    Arabic credits (وكالات) agree with any agency; an unknown outlet in Source is not compared.
    Why it matters: the credit line is a licence term; a Reuters photo credited to AP is a
    breach, and a sign the caption belongs to another photo.
    Example: caption "(أسوشيتد برس)" / IPTC Credit "REUTERS".
    Use instead: the agency of the file's Credit line.
    """
    image = _image(ctx)
    named: dict[str, str] = {}
    for tag in _AGENCY_TAGS:
        for text in _texts(image.value(tag)):
            for agency in agencies_in(text):
                named.setdefault(agency, tag)
    if not named:
        return
    spans: dict[Lang, tuple[Span, ...]] = {}
    given: list[str] = []
    for lang, fields in _given(ctx):
        credit = fields.credit
        if credit is None or credit.agency is None or credit.agency == "agencies":
            continue
        if credit.agency in named:
            continue
        spans[lang] = (credit.span,)
        given.append(credit.agency)
    if not spans:
        return
    yield Hit.at(
        f"The credit in {_whose(list(spans))} gives {', '.join(dict.fromkeys(given))}, but the "
        f"image's credit line ({', '.join(dict.fromkeys(named.values()))}) names "
        f"{', '.join(sorted(named))}.",
        spans,
        confidence=0.8,
        evidence={"caption": sorted(set(given)), "image": sorted(named)},
    )


# --- place ------------------------------------------------------------------------------------

_PLACE_TAGS = (
    ("IPTC:Sub-location", "XMP:Location"),
    ("IPTC:City", "XMP:City"),
    ("IPTC:Province-State", "XMP:State"),
    ("IPTC:Country-PrimaryLocationName", "XMP:Country"),
)


@register_dependent
@lru_cache(maxsize=4096)
def _resolve(text: str) -> tuple[PlaceMention, ...]:
    nt = normalize(text)
    return tuple(p for p in place_extract.extract(nt, "ar" if _is_arabic(text) else "en") if p.ids)


def _image_places(image: ImageMetadata) -> list[tuple[str, str, PlaceMention]]:
    """(tag, value, place) from the most specific location field to the country."""
    out: list[tuple[str, str, PlaceMention]] = []
    for tags in _PLACE_TAGS:
        for tag in tags:
            for value in _texts(image.value(tag)):
                out.extend((tag, value, p) for p in _resolve(value))
            if out and out[-1][0] == tag:
                break  # the IPTC field answered; its XMP twin says the same or is MD009's job
    return out


def _finest(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a place that contains another of the list ("Aleppo, Syria" -> Aleppo)."""
    gaz = gazetteer()
    return [
        m
        for m in mentions
        if not any(
            o is not m and any(gaz.contains(x, y) and x != y for x in m.ids for y in o.ids)
            for o in mentions
        )
    ]


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    gaz = gazetteer()
    return any(gaz.contains(x, y) or gaz.contains(y, x) for x in a for y in b)


@rule(
    "MD006",
    "place-differs-from-location",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def place_differs(ctx: Context) -> Iterator[Hit]:
    """The caption puts the photo somewhere the image's location fields do not.

    What it checks: the places of each caption's first sentence against IPTC Sub-location /
    City / Province-State / Country (and their XMP twins), resolved in the gazetteer.
    Containment is agreement (Hmeimim lies in Latakia, in Syria); a caption place that agrees
    only with the country while the file names another city is reported.
    Why it matters: the wrong place in a caption is misinformation, and a location field that
    disagrees often means the caption was written for another photo.
    Example: caption "in Aleppo" / IPTC City "Damascus".
    Use instead: the place the file records, unless the agency corrected it.
    """
    image = _image(ctx)
    recorded = _image_places(image)
    if not recorded:
        return
    specific = recorded[0][0]
    finest = [p for tag, _, p in recorded if tag == specific]
    spans: dict[Lang, tuple[Span, ...]] = {}
    names: list[str] = []
    wider = True
    for lang, fields in _given(ctx):
        mine = _finest(photo_places(fields))
        if not mine or any(_compatible(c.ids, m.ids) for c in mine for m in finest):
            continue
        wider &= any(_compatible(c.ids, p.ids) for c in mine for _, _, p in recorded)
        spans[lang] = tuple(c.span for c in mine)
        names.extend(c.name or c.text for c in mine)
    if not spans:
        return
    values = _quote(list(dict.fromkeys(v for _, v, _ in recorded)))
    yield Hit.at(
        f"{_whose(list(spans)).capitalize()} {'place' if len(spans) > 1 else 'places'} the photo in {', '.join(dict.fromkeys(names))}; "
        f"the image's location fields say {values}"
        + (" (the same country, another place)." if wider else "."),
        spans,
        confidence=0.6 if wider else 0.8,
        evidence={
            "caption": list(dict.fromkeys(names)),
            "image": [p.ids[0] for _, _, p in recorded],
        },
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


NEAR_KM = {"city": 60.0, "camp": 25.0, "site": 25.0}  # how far a GPS fix may be from a point place
REGION_KM = 120.0  # a region/country: some known place inside it lies this close to the fix


def _distance_to(place: Place, point: tuple[float, float]) -> float | None:
    """Distance from the fix to a place: to its point, or for an area to the nearest known
    place inside it; None when the gazetteer knows no coordinates for it."""
    gaz = gazetteer()
    if place.lat is not None and place.lon is not None:
        return _km(point[0], point[1], place.lat, place.lon)
    inside = [
        _km(point[0], point[1], p.lat, p.lon)
        for p in gaz.places.values()
        if p.lat is not None
        and p.lon is not None
        and p.country == place.country
        and gaz.contains(place.id, p.id)
    ]
    return min(inside) if inside else None


@rule(
    "MD007",
    "gps-far-from-place",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def gps_far_from_place(ctx: Context) -> Iterator[Hit]:
    """The image's GPS position is far from the place the caption names.

    What it checks: each place of a caption's first sentence against the EXIF GPS fix: a town
    must lie within 60 km of it (a camp or a site within 25 km); a region or a country must have
    a known place inside it within 120 km. Every reading of an ambiguous name is tried (Tripoli
    in Lebanon and in Libya), and places whose coordinates the gazetteer lacks are not judged.
    Why it matters: a phone's GPS rarely lies by hundreds of kilometres; a caption that does is
    the classic sign of an old or foreign photo passed off as local.
    Example: caption "in Gaza City" / GPS 33.51 N, 36.29 E (Damascus).
    Use instead: check where the photo was taken; correct the caption or the file.
    """
    image = _image(ctx)
    point = image.gps()
    if point is None:
        return
    spans: dict[Lang, tuple[Span, ...]] = {}
    worst: tuple[PlaceMention, float] | None = None
    for lang, fields in _given(ctx):
        far = _far_places(photo_places(fields), point)
        if far:
            spans[lang] = tuple(m.span for m, _ in far)
            if worst is None:
                worst = far[0]
    if worst is None:
        return
    mention, d = worst
    yield Hit.at(
        f"{_whose(list(spans)).capitalize()} {'place' if len(spans) > 1 else 'places'} the photo "
        f"in {mention.name or mention.text}, but the image's GPS position "
        f"({point[0]:.4f}, {point[1]:.4f}) is about {d:,.0f} km away.",
        spans,
        confidence=0.75,
        evidence={"gps": list(point), "km": round(d), "place": mention.ids[0]},
    )


def _far_places(
    mentions: list[PlaceMention], point: tuple[float, float]
) -> list[tuple[PlaceMention, float]]:
    """The photo places far from the fix; none when any photo place is close to it."""
    gaz = gazetteer()
    far: list[tuple[PlaceMention, float]] = []
    for mention in mentions:
        distances = []
        for pid in mention.ids:
            place = gaz.places.get(pid)
            if place is None or place.kind == "water":
                continue  # a sea's or a river's extent is not a point: it is not judged
            d = _distance_to(place, point)
            if d is not None:
                distances.append((d, place))
        if not distances:
            continue
        d, place = min(distances, key=lambda item: item[0])
        if d <= NEAR_KM.get(place.kind, REGION_KM):
            return []  # one photo place close to the fix is enough
        far.append((mention, d))
    return far


# --- the given caption vs the embedded one ---------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@rule(
    "MD008",
    "caption-differs-from-embedded",
    Category.METADATA,
    Severity.INFO,
    needs_both=False,
    needs_image=True,
)
def caption_differs_from_embedded(ctx: Context) -> Iterator[Hit]:
    """The English caption given differs from the caption embedded in the image.

    What it checks: the English caption sent with the pair against the image's own caption
    (IPTC Caption-Abstract, else XMP dc:description). Equal up to spacing is fine. A caption that
    stops early is reported as truncated, a close one as edited (the first changed passage is
    marked), and a different one as probably another photo's caption (a warning).
    Why it matters: the embedded caption is what the agency sent; an edit may be a correction or
    a slip, and a different caption means the wrong photo or the wrong text.
    Example: given "... takes off from a runway at Hmeimim ..." / embedded "... at Latakia ...".
    Use instead: the agency's caption, or keep the edit on purpose.
    """
    image = _image(ctx)
    if "en" in ctx.embedded or ctx.en is None:
        return
    found = image.caption()
    if found is None or _is_arabic(str(found.value)):
        return
    given, embedded = ctx.en.text, " ".join(_texts(found.value))
    a, b = _flat(given), _flat(embedded)
    if a == b or not a or not b:
        return
    similarity = ratio(a, b)
    if b.startswith(a) or a.startswith(b):
        shorter = "given caption" if len(a) < len(b) else "embedded caption"
        yield Hit(
            f"The {shorter} stops where the other goes on: one of them was cut "
            f"({len(a):,} vs {len(b):,} characters; embedded in {found.source}).",
            en=(Span(len(given.rstrip()), len(given.rstrip())),) if len(a) < len(b) else (),
            confidence=0.9,
            evidence={"tag": found.source},
        )
        return
    if similarity < 50:
        yield Hit(
            "The English caption given is not the one embedded in the image "
            f"({found.source} says “{embedded[:80]}…”): it may belong to another photo.",
            en=(ctx.en.body,),
            confidence=0.7,
            evidence={"tag": found.source, "similarity": round(similarity)},
        )
        return
    span, was = _first_change(given, embedded)
    yield Hit(
        f"The English caption was edited from the one embedded in the image ({found.source}): "
        f"“{was}” there.",
        en=(span,),
        confidence=0.9,
        suggestion=was or None,
        evidence={"tag": found.source, "similarity": round(similarity)},
    )


def _first_change(given: str, embedded: str) -> tuple[Span, str]:
    """The first passage of ``given`` that differs from ``embedded``, and what it was there."""
    matcher = difflib.SequenceMatcher(a=given, b=embedded, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # widen to whole words so the editor sees words, not letters
        while a1 > 0 and given[a1 - 1].isalnum():
            a1 -= 1
            b1 -= 1
        while a2 < len(given) and given[a2].isalnum():
            a2 += 1
            b2 += 1
        b1, b2 = max(0, b1), min(len(embedded), b2)
        return Span(a1, a2), embedded[b1:b2].strip()
    return Span(0, 0), ""


# --- the metadata against itself ------------------------------------------------------------------

_COPIES = (
    ("caption", ("IPTC:Caption-Abstract", "XMP:Description")),
    ("photographer", ("IPTC:By-line", "XMP:Creator", "EXIF:Artist")),
    ("credit", ("IPTC:Credit", "XMP:Credit")),
    ("source", ("IPTC:Source", "XMP:Source")),
    ("city", ("IPTC:City", "XMP:City")),
    ("province or state", ("IPTC:Province-State", "XMP:State")),
    ("country", ("IPTC:Country-PrimaryLocationName", "XMP:Country")),
    ("headline", ("IPTC:Headline", "XMP:Headline")),
)


def _truncated(short: MetaValue, full: str) -> bool:
    """An IIM value cut at its byte limit: the other copy starts with it (bar a broken last
    character)."""
    if not short.note or ("IIM limit" not in short.note and "not valid text" not in short.note):
        return False
    text = " ".join(_texts(short.value)).rstrip("\ufffd.")
    return len(full) > len(text) >= 1 and full.startswith(text[:-1] if len(text) > 1 else text)


def _same_value(a: str, b: str) -> bool:
    if _flat(a).casefold() == _flat(b).casefold():
        return True
    return _is_arabic(a) != _is_arabic(b) and same_name(a, b)


@rule(
    "MD009",
    "metadata-copies-disagree",
    Category.METADATA,
    Severity.INFO,
    needs_both=False,
    needs_image=True,
)
def metadata_copies_disagree(ctx: Context) -> Iterator[Hit]:
    """The image's own copies of a field (IPTC, XMP, EXIF) say different things.

    What it checks: caption, photographer, credit, source, city, state, country and headline as
    written in IPTC-IIM, in XMP and (for the photographer) in EXIF Artist. Values equal up to
    spacing and case agree; a name in Arabic and in Latin letters agrees when it sounds alike.
    A value cut at its IIM byte limit is MD010's finding, not this one.
    Why it matters: different programs show different copies, so the newsroom's CMS, the
    agency's viewer and the reader's browser may each show another caption or credit.
    Example: IPTC City "Aleppo" / XMP City "Idlib".
    Use instead: re-save the metadata from one tool so every copy agrees.
    """
    image = _image(ctx)
    for label, tags in _COPIES:
        present = [(t, v) for t in tags if (v := image.get(t)) is not None and _texts(v.value)]
        if len(present) < 2:
            continue
        base_tag, base = present[0]
        base_text = " ".join(_texts(base.value))
        differing = []
        for tag, value in present[1:]:
            text = " ".join(_texts(value.value))
            if _same_value(base_text, text):
                continue
            if _truncated(base, text) or _truncated(value, base_text):
                continue
            differing.append((tag, text))
        if not differing:
            continue
        listed = "; ".join(
            f"{tag} “{text[:60]}”" for tag, text in [(base_tag, base_text), *differing]
        )
        yield Hit(
            f"The image's copies of the {label} disagree: {listed}.",
            confidence=0.95,
            evidence={"field": label, "values": {base_tag: base_text, **dict(differing)}},
        )


@rule(
    "MD010",
    "iptc-value-truncated",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def iptc_value_truncated(ctx: Context) -> Iterator[Hit]:
    """An IPTC-IIM value was cut at its byte limit, often in the middle of an Arabic letter.

    What it checks: an IIM field that fills its maximum length (Credit and Source 32 bytes,
    By-line 32, City 32, Caption 2,000) while the XMP copy is longer and starts with the same
    text, or an IIM value whose last bytes are not valid UTF-8.
    Why it matters: Arabic letters take two bytes in UTF-8, so a 17-letter credit no longer
    fits in 32 bytes; the cut value ("البحرية الأمريكي.") is what older systems publish.
    Example: IPTC Credit “البحرية الأمريكي.” / XMP Credit “البحرية الأمريكية”.
    Use instead: shorten the value to fit, or rely on the XMP copy and fix the IIM one.
    """
    image = _image(ctx)
    for _, tags in _COPIES:
        iim = [t for t in tags if t.startswith("IPTC:")]
        xmp = [t for t in tags if t.startswith("XMP:")]
        for tag in iim:
            value = image.get(tag)
            if value is None or not value.note:
                continue
            full = next((" ".join(_texts(image.value(x))) for x in xmp if image.get(x)), "")
            cut = " ".join(_texts(value.value))
            if full and _truncated(value, full):
                yield Hit(
                    f"{tag} ({value.source}) was cut at its byte limit: “{cut}” where the XMP "
                    f"copy has “{full}”.",
                    confidence=0.95,
                    suggestion=full,
                    evidence={"tag": tag, "iptc": cut, "xmp": full},
                )
            elif "not valid text" in value.note:
                yield Hit(
                    f"{tag} ({value.source}) ends in bytes that are not valid UTF-8: it was cut "
                    f"mid-character (“{cut}”).",
                    confidence=0.9,
                    evidence={"tag": tag, "iptc": cut},
                )


# --- Content Credentials ----------------------------------------------------------------------------


@rule(
    "MD011",
    "content-credentials",
    Category.METADATA,
    Severity.INFO,
    needs_both=False,
    needs_image=True,
)
def content_credentials(ctx: Context) -> Iterator[Hit]:
    """The image carries Content Credentials (C2PA): what they establish, fact by fact.

    What it checks: a C2PA manifest store in the file, verified offline with the optional
    ``c2pa-python`` (``pip install 'caption-checker[c2pa]'``). Three facts are reported apart:
    the manifest is present, its signature is valid, and its signer is trusted (on a configured
    trust list; offline, without one, no signer is). The signed author and capture time are
    compared with the captions by MD004 and MD003.
    Why it matters: a valid signature proves who signed and that the pixels are unchanged since;
    it does not prove the signer is who a reader thinks, which is what trust lists are for.
    Example: a photo signed by "Test Photographer, Test Newsroom", signature valid, signer not on
    a trust list.
    Use instead: nothing to change; verify the signer against the agency's published certificate
    when the photo is contested.
    """
    cred = _image(ctx).credentials
    if cred is None:
        return
    if not cred.verified:
        yield Hit("The image carries Content Credentials (C2PA); they were not verified: " + (cred.note or "") + ".",
                  confidence=1.0, evidence=cred.to_json())  # fmt: skip
        return
    facts = [
        "signature valid" if cred.signature_valid else "signature NOT valid",
        "signer trusted" if cred.trusted else "signer not on a trust list",
    ]
    who = f" signed by {cred.signer}" if cred.signer else ""
    yield Hit(
        f"The image carries Content Credentials{who}: {', '.join(facts)}.",
        confidence=1.0,
        evidence=cred.to_json(),
    )


@rule(
    "MD012",
    "content-credentials-broken",
    Category.METADATA,
    Severity.WARNING,
    needs_both=False,
    needs_image=True,
)
def content_credentials_broken(ctx: Context) -> Iterator[Hit]:
    """The image's Content Credentials fail: edited after signing, or a bad signature.

    What it checks: the C2PA SDK's validation of the manifest: a data-hash mismatch (the
    image's bytes changed after it was signed) or a signature that does not verify.
    Why it matters: the credentials no longer vouch for this file; the pixels may have been
    altered, or the manifest copied from another image.
    Example: a signed JPEG whose image data was changed afterwards.
    Use instead: get the original file from the agency, or publish without relying on the
    credentials.
    """
    cred = _image(ctx).credentials
    if cred is None or not cred.verified:
        return
    if cred.edited_after_signing:
        yield Hit("The image was changed after its Content Credentials were signed: they no longer vouch for it.",
                  confidence=0.95, evidence={"status": cred.status})  # fmt: skip
    elif cred.signature_valid is False:
        yield Hit("The image's Content Credentials do not verify: " + ", ".join(cred.status or ["unreadable"]) + ".",
                  confidence=0.95, evidence={"status": cred.status})  # fmt: skip


RULES = (
    image_unreadable,
    image_damaged,
    capture_date_differs,
    photographer_differs,
    agency_differs,
    place_differs,
    gps_far_from_place,
    caption_differs_from_embedded,
    metadata_copies_disagree,
    iptc_value_truncated,
    content_credentials,
    content_credentials_broken,
)
