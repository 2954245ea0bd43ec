"""The normalised metadata view of one image."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.metadata.credentials import Credentials

# The order in which a person reads the fields, and ExifTool's names for them.
FIELD_ORDER = (
    "EXIF:DateTimeOriginal",
    "EXIF:OffsetTimeOriginal",
    "EXIF:SubSecTimeOriginal",
    "EXIF:CreateDate",
    "EXIF:ImageDescription",
    "EXIF:Artist",
    "EXIF:Copyright",
    "EXIF:Make",
    "EXIF:Model",
    "GPSLatitude",
    "GPSLongitude",
    "GPSAltitude",
    "GPSDateTime",
    "IPTC:CodedCharacterSet",
    "IPTC:ObjectName",
    "IPTC:Headline",
    "IPTC:Caption-Abstract",
    "IPTC:By-line",
    "IPTC:By-lineTitle",
    "IPTC:Credit",
    "IPTC:Source",
    "IPTC:CopyrightNotice",
    "IPTC:SpecialInstructions",
    "IPTC:City",
    "IPTC:Sub-location",
    "IPTC:Province-State",
    "IPTC:Country-PrimaryLocationName",
    "IPTC:Country-PrimaryLocationCode",
    "IPTC:DateCreated",
    "IPTC:TimeCreated",
    "XMP:Title",
    "XMP:Headline",
    "XMP:Description",
    "XMP:Creator",
    "XMP:Credit",
    "XMP:Source",
    "XMP:City",
    "XMP:Location",
    "XMP:State",
    "XMP:Country",
    "XMP:CountryCode",
    "XMP:DateCreated",
    "XMP:GPSLatitude",
    "XMP:GPSLongitude",
)


@dataclass(frozen=True, slots=True)
class MetaValue:
    """One value and where it was read: ``IPTC 2:80``, ``XMP dc:creator``, ``EXIF 0x9003``."""

    value: Any
    source: str
    note: str | None = None  # e.g. "cut at the IIM limit of 32 bytes"


@dataclass
class ImageMetadata:
    path: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    tags: dict[str, MetaValue] = field(default_factory=dict)
    copies: dict[str, list[MetaValue]] = field(default_factory=dict)  # later copies of a tag
    languages: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # XMP lang alts
    c2pa: bool = False  # a C2PA manifest store is embedded
    credentials: Credentials | None = None  # what it says, when it was read
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def get(self, name: str) -> MetaValue | None:
        return self.tags.get(name)

    def value(self, name: str) -> Any:
        found = self.tags.get(name)
        return found.value if found else None

    def put(
        self, name: str, value: Any, source: str, note: str | None = None, *, blank: bool = False
    ) -> None:
        """Keep the first reading of a tag; later ones are copies (a second IPTC block...).
        ``blank``: an empty value is kept (an IIM dataset present but empty is a fact)."""
        if value is None or value == [] or (value == "" and not blank):
            return
        item = MetaValue(value, source, note)
        if name in self.tags:
            self.copies.setdefault(name, []).append(item)
        else:
            self.tags[name] = item

    def texts(self, *names: str) -> list[tuple[str, MetaValue]]:
        """Each named tag that is present, as (name, value); list values stay lists."""
        return [(n, self.tags[n]) for n in names if n in self.tags]

    # --- the facts a caption check asks for -------------------------------------------------

    def caption(self) -> MetaValue | None:
        """The embedded caption: IPTC Caption-Abstract, else XMP dc:description, else EXIF."""
        for name in ("IPTC:Caption-Abstract", "XMP:Description", "EXIF:ImageDescription"):
            found = self.tags.get(name)
            if found and str(found.value).strip():
                return found
        return None

    def gps(self) -> tuple[float, float] | None:
        for lat_name, lon_name in (
            ("GPSLatitude", "GPSLongitude"),
            ("XMP:GPSLatitude", "XMP:GPSLongitude"),
        ):
            lat, lon = self.value(lat_name), self.value(lon_name)
            if (
                isinstance(lat, float)
                and isinstance(lon, float)
                and -90 <= lat <= 90
                and -180 <= lon <= 180
                and (lat, lon) != (0.0, 0.0)
                and self.tags[lat_name].note is None
            ):
                return lat, lon
        return None

    def capture_time(self) -> tuple[dt.datetime, str] | None:
        """When the photo was taken, with the tag it comes from; tz-aware when known."""
        exif = _exif_datetime(
            self.value("EXIF:DateTimeOriginal"), self.value("EXIF:OffsetTimeOriginal")
        )
        if exif:
            return exif, "EXIF:DateTimeOriginal"
        date = self.value("IPTC:DateCreated")
        if isinstance(date, str):
            time = self.value("IPTC:TimeCreated") or "00:00:00"
            parsed = _exif_datetime(f"{date} {time[:8]}", time[8:] or None)
            if parsed:
                return parsed, "IPTC:DateCreated"
        xmp = self.value("XMP:DateCreated")
        if isinstance(xmp, str) and len(xmp) >= 10:
            parsed = _exif_datetime(
                xmp[:19] if len(xmp) >= 19 else xmp[:10] + " 00:00:00", xmp[19:] or None
            )
            if parsed:
                return parsed, "XMP:DateCreated"
        exif = _exif_datetime(self.value("EXIF:CreateDate"), None)
        if exif:
            return exif, "EXIF:CreateDate"
        return None

    # --- outputs ----------------------------------------------------------------------------

    def exiftool(self) -> dict[str, Any]:
        """The ``exiftool -json -n`` style record: group-prefixed names, plain values."""
        out: dict[str, Any] = {}
        for name in FIELD_ORDER:
            if name in self.tags:
                out[name] = _plain(self.tags[name].value)
        if self.width is not None and self.height is not None:
            out["ImageWidth"], out["ImageHeight"] = self.width, self.height
        if self.warnings:
            out["Warning"] = list(self.warnings)
        if self.error:
            out["Error"] = self.error
        return out

    def to_json(self) -> dict[str, Any]:
        """The report's ``image`` field: every value with its source."""
        return {
            "path": self.path,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "fields": {
                name: {"value": _plain(v.value), "source": v.source}
                | ({"note": v.note} if v.note else {})
                for name, v in sorted(self.tags.items(), key=lambda kv: _order(kv[0]))
            },
            "content_credentials": self.credentials.to_json() if self.credentials else None,
            "warnings": list(self.warnings),
            "error": self.error,
        }


def _order(name: str) -> int:
    return FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER)


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return int(value) if value.is_integer() and abs(value) > 1e6 else round(value, 7)
    return value


def _exif_datetime(value: Any, offset: Any) -> dt.datetime | None:
    if not isinstance(value, str) or len(value) < 19:
        return None
    try:
        stamp = dt.datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if isinstance(offset, str):
        tz = _offset(offset)
        if tz is not None:
            return stamp.replace(tzinfo=tz)
    return stamp


def _offset(text: str) -> dt.timezone | None:
    text = text.strip()
    if text == "Z":
        return dt.UTC
    if len(text) == 6 and text[0] in "+-" and text[3] == ":":
        try:
            hours, minutes = int(text[1:3]), int(text[4:6])
        except ValueError:
            return None
        if hours > 14 or minutes > 59:
            return None
        sign = -1 if text[0] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return None
