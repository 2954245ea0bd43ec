"""A TIFF/EXIF IFD reader for the tags a caption check needs, and no others.

It walks IFD0, the EXIF sub-IFD and the GPS IFD of a TIFF-structured block (an EXIF segment, a
whole TIFF file, a HEIF Exif item), never follows an offset outside the block, never visits an
IFD twice, and values come back as ExifTool prints them with ``-n``: strings cut at the first
NUL, rationals as floats, GPS coordinates as the three rationals.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

# (type id) -> (struct code, size)
_TYPES = {
    1: ("B", 1),
    2: ("s", 1),
    3: ("H", 2),
    4: ("I", 4),
    5: ("II", 8),
    6: ("b", 1),
    7: ("s", 1),
    8: ("h", 2),
    9: ("i", 4),
    10: ("ii", 8),
    11: ("f", 4),
    12: ("d", 8),
    13: ("I", 4),
}
EXIF_IFD, GPS_IFD, INTEROP_IFD = 0x8769, 0x8825, 0xA005
IPTC_TAG, XMP_TAG, PHOTOSHOP_TAG = 0x83BB, 0x02BC, 0x8649
MAX_ENTRIES = 4096  # an IFD claiming more is garbage
# the tags decoded; the rest (maker notes, thumbnails...) are skipped without reading them
IFD0_TAGS = frozenset(
    {
        0x100,
        0x101,
        0x10E,
        0x10F,
        0x110,
        0x13B,
        0x8298,
        EXIF_IFD,
        GPS_IFD,
        IPTC_TAG,
        XMP_TAG,
        PHOTOSHOP_TAG,
    }
)
EXIF_TAGS = frozenset({0x9003, 0x9004, 0x9011, 0x9291})
GPS_TAGS = frozenset(range(32))


@dataclass
class Ifds:
    ifd0: dict[int, Any] = field(default_factory=dict)
    exif: dict[int, Any] = field(default_factory=dict)
    gps: dict[int, Any] = field(default_factory=dict)
    gps_empty: bool = False  # a GPSInfo tag with no pointer in it: ExifTool warns
    raw: dict[int, bytes] = field(default_factory=dict)  # IFD0 blobs: IPTC, XMP, Photoshop
    warnings: list[str] = field(default_factory=list)


def read(block: bytes) -> Ifds:
    out = Ifds()
    if len(block) < 8:
        out.warnings.append("EXIF block too short")
        return out
    order = block[:2]
    if order == b"II":
        endian = "<"
    elif order == b"MM":
        endian = ">"
    else:
        out.warnings.append("Bad EXIF byte order")
        return out
    (ifd0,) = struct.unpack_from(endian + "I", block, 4)
    seen: set[int] = set()
    out.ifd0 = _ifd(block, endian, ifd0, seen, out, IFD0_TAGS, keep_raw=True)
    pointer = out.ifd0.pop(EXIF_IFD, None)
    if isinstance(pointer, int):
        out.exif = _ifd(block, endian, pointer, seen, out, EXIF_TAGS)
    pointer = out.ifd0.pop(GPS_IFD, None)
    if isinstance(pointer, int):
        out.gps = _ifd(block, endian, pointer, seen, out, GPS_TAGS)
    elif pointer == []:  # a GPSInfo tag with no value at all (a GPS IFD of 0 entries is fine)
        out.gps_empty = True
    return out


def _ifd(
    block: bytes,
    endian: str,
    offset: int,
    seen: set[int],
    out: Ifds,
    wanted: frozenset[int],
    *,
    keep_raw: bool = False,
) -> dict[int, Any]:
    values: dict[int, Any] = {}
    if offset in seen or offset < 8 or offset + 2 > len(block):
        return values
    seen.add(offset)
    (count,) = struct.unpack_from(endian + "H", block, offset)
    if count > MAX_ENTRIES:
        out.warnings.append("Bad IFD entry count")
        return values
    for i in range(count):
        entry = offset + 2 + 12 * i
        if entry + 12 > len(block):
            out.warnings.append("IFD truncated")
            break
        tag, kind, n = struct.unpack_from(endian + "HHI", block, entry)
        if tag not in wanted:
            continue
        spec = _TYPES.get(kind)
        if spec is None:
            continue
        code, size = spec
        total = size * n
        if total <= 4:
            data_at = entry + 8
        else:
            (data_at,) = struct.unpack_from(endian + "I", block, entry + 8)
        if data_at + total > len(block):
            continue  # the value lies outside the block: skip it, as ExifTool does
        raw = block[data_at : data_at + total]
        if keep_raw and tag in (IPTC_TAG, XMP_TAG, PHOTOSHOP_TAG):
            out.raw[tag] = raw
            continue
        values[tag] = _value(raw, endian, code, n)
    return values


def _value(raw: bytes, endian: str, code: str, n: int) -> Any:
    if code == "s":
        return raw
    if code in ("II", "ii"):
        nums = struct.unpack(f"{endian}{2 * n}{code[0]}", raw)
        vals = [_ratio(nums[i], nums[i + 1]) for i in range(0, len(nums), 2)]
        return vals[0] if n == 1 else vals
    vals = list(struct.unpack(f"{endian}{n}{code}", raw))
    return vals[0] if n == 1 else vals


def _ratio(num: int, den: int) -> float:
    if den == 0:
        return float("inf") if num else float("nan")
    return num / den


def text(value: Any) -> str | None:
    """An ASCII/UNDEFINED tag as text: cut at the first NUL, UTF-8 if it is, else Latin-1."""
    if not isinstance(value, bytes):
        return None
    raw: bytes = value.split(b"\x00", 1)[0].rstrip(b" ")
    if not raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
