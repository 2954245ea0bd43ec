"""Agreement with an ExifTool JSON reference (``make_reference.sh``'s format, or plain
``exiftool -json`` output): per field, how many of the reference's values we read the same."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

GPS_TOLERANCE = 1e-6  # degrees; the reference rounds to 7 places


@dataclass
class Agreement:
    fields: Counter[str] = field(default_factory=Counter)  # reference values per field
    agreed: Counter[str] = field(default_factory=Counter)
    disagreements: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    extras: list[tuple[str, str, Any]] = field(default_factory=list)  # ours, not in reference
    missing_files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.fields.values())

    @property
    def rate(self) -> float:
        return sum(self.agreed.values()) / self.total if self.total else 1.0


def load_reference(data: Any) -> dict[str, dict[str, Any]]:
    """Accept ``{file: {TAG: value}}`` or exiftool's own ``[{"SourceFile": ...}]`` list."""
    if isinstance(data, list):
        return {str(rec.get("SourceFile", "")).rsplit("/", 1)[-1]: rec for rec in data}
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not k.startswith("_") and isinstance(v, dict)}
    raise ValueError("an ExifTool reference is a JSON object or list")


def compare(reference: dict[str, dict[str, Any]], ours: dict[str, dict[str, Any]]) -> Agreement:
    result = Agreement()
    for name, expected in sorted(reference.items()):
        got = ours.get(name)
        if got is None:
            result.missing_files.append(name)
            got = {}
        for tag, value in expected.items():
            if tag.startswith("_") or tag in ("SourceFile",):
                continue
            result.fields[tag] += 1
            if same(tag, value, got.get(tag)):
                result.agreed[tag] += 1
            else:
                result.disagreements.append((name, tag, value, got.get(tag)))
        for tag, value in got.items():
            if tag not in expected and tag in _COMPARED:
                result.extras.append((name, tag, value))
    return result


# the fields the reference command asks ExifTool for: only these count as "extras"
_COMPARED = frozenset(
    {
        "EXIF:DateTimeOriginal", "EXIF:OffsetTimeOriginal", "EXIF:CreateDate",
        "GPSLatitude", "GPSLongitude", "IPTC:Caption-Abstract", "IPTC:By-line", "IPTC:Credit",
        "IPTC:Source", "IPTC:City", "IPTC:Province-State", "IPTC:Country-PrimaryLocationName",
        "IPTC:DateCreated", "IPTC:TimeCreated", "IPTC:CodedCharacterSet", "XMP:Description",
        "XMP:Creator", "XMP:Credit", "XMP:DateCreated", "XMP:City", "XMP:State", "XMP:Country",
        "XMP:Location", "XMP:CountryCode", "ImageWidth", "ImageHeight", "Warning",
    }
)  # fmt: skip


def same(tag: str, expected: Any, got: Any) -> bool:
    """Equal as ExifTool would print them. Warnings agree when both readers warn: the wording
    of a warning is not a metadata value."""
    if tag == "Warning":
        return bool(expected) == bool(got)
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            same(tag, e, g) for e, g in zip(expected, got, strict=True)
        )
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            number = float(got)
        except (TypeError, ValueError):
            return False
        return math.isclose(float(expected), number, abs_tol=GPS_TOLERANCE)
    return _text(expected) == _text(got)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
