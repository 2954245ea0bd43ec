"""read_image(path) -> ImageMetadata: walk the container, decode each block, keep provenance."""

from __future__ import annotations

import hashlib
import mmap
import os
import re
import struct
import zlib
from collections.abc import Callable
from functools import partial
from typing import Any

from checker.metadata import containers, iptc, tiff, xmp
from checker.metadata.model import ImageMetadata

_IFD0 = {
    0x10E: "ImageDescription",
    0x10F: "Make",
    0x110: "Model",
    0x13B: "Artist",
    0x8298: "Copyright",
}
_EXIF = {
    0x9003: "DateTimeOriginal",
    0x9004: "CreateDate",
    0x9011: "OffsetTimeOriginal",
    0x9291: "SubSecTimeOriginal",
}
_XMP = {
    "dc:title": "Title",
    "photoshop:Headline": "Headline",
    "dc:description": "Description",
    "dc:creator": "Creator",
    "photoshop:Credit": "Credit",
    "photoshop:Source": "Source",
    "photoshop:City": "City",
    "Iptc4xmpCore:Location": "Location",
    "photoshop:State": "State",
    "photoshop:Country": "Country",
    "Iptc4xmpCore:CountryCode": "CountryCode",
    "photoshop:DateCreated": "DateCreated",
}
_LIST_PROPS = frozenset({"dc:creator"})


def read_image(path: str | os.PathLike[str]) -> ImageMetadata:
    """Read one file. Never raises for a bad file: problems land in ``error`` / ``warnings``."""
    meta = ImageMetadata(path=os.fspath(path))
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0:
                meta.error = "File is empty"
                return meta
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as buf:
                _read(buf, meta)
        if meta.c2pa:
            from checker.metadata.credentials import read_credentials

            meta.credentials = read_credentials(os.fspath(path), meta.format)
    except FileNotFoundError:
        meta.error = "File not found"
    except IsADirectoryError:
        meta.error = "Is a directory, not an image file"
    except PermissionError:
        meta.error = "Permission denied"
    except OSError as exc:
        meta.error = f"Cannot read the file ({exc.strerror or exc})"
    return meta


def read_bytes(data: bytes, name: str = "<upload>") -> ImageMetadata:
    """Read an image held in memory (an HTTP upload)."""
    meta = ImageMetadata(path=name)
    if not data:
        meta.error = "File is empty"
    else:
        _read(memoryview(data), meta)
    if meta.c2pa:
        from checker.metadata.credentials import read_credentials

        meta.credentials = read_credentials(data, meta.format)
    return meta


# what a damaged block can raise from the decoders; anything else is a bug and propagates
_DAMAGE = (struct.error, IndexError, ValueError, OverflowError, zlib.error)


def _guarded(what: str, meta: ImageMetadata, step: Callable[[], None]) -> None:
    """Decode one block; a damaged block costs a warning, never the other blocks."""
    try:
        step()
    except _DAMAGE as exc:
        meta.warnings.append(f"Damaged {what} ({type(exc).__name__}: {exc})")


def _read(buf: containers.Buffer, meta: ImageMetadata) -> None:
    try:
        blocks = containers.scan(buf)
    except _DAMAGE as exc:
        meta.warnings.append(f"Damaged file structure ({type(exc).__name__}: {exc})")
        return
    meta.format = blocks.format
    if blocks.format is None:
        meta.error = blocks.warnings[0] if blocks.warnings else "Unknown file type"
        return
    meta.width, meta.height = blocks.width, blocks.height
    meta.c2pa = blocks.c2pa
    meta.warnings.extend(blocks.warnings)
    whole = blocks.format == "TIFF"
    for block in blocks.exif:
        _guarded("EXIF block", meta, partial(_exif, block, meta, blocks, whole_file=whole))
    for index, block in enumerate(blocks.iptc):
        _guarded("IPTC block", meta, partial(_iptc, block, meta, second=index > 0))
    digest = blocks.iptc_digest
    if blocks.iptc and digest is not None and _md5(blocks.iptc[0]) != digest:
        meta.warnings.append("IPTCDigest is not current. XMP may be out of sync")
    packet = xmp.Packet()
    for raw in blocks.xmp:
        packet.merge(xmp.read(raw))
    for parts in blocks.xmp_extended.values():
        packet.merge(xmp.read(b"".join(parts[k] for k in sorted(parts))))
    _guarded("XMP packet", meta, partial(_xmp, packet, meta))


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()


def _exif(
    block: bytes, meta: ImageMetadata, blocks: containers.Blocks, *, whole_file: bool
) -> None:
    ifds = tiff.read(block)
    meta.warnings.extend(w for w in ifds.warnings if w not in meta.warnings)
    if whole_file:
        width, height = ifds.ifd0.get(0x100), ifds.ifd0.get(0x101)
        if isinstance(width, int) and isinstance(height, int):
            meta.width, meta.height = width, height
        if tiff.IPTC_TAG in ifds.raw:
            blocks.iptc.append(ifds.raw[tiff.IPTC_TAG])
        if tiff.PHOTOSHOP_TAG in ifds.raw:
            blocks.add_photoshop(ifds.raw[tiff.PHOTOSHOP_TAG])
        if tiff.XMP_TAG in ifds.raw:
            blocks.xmp.append(ifds.raw[tiff.XMP_TAG])
    for tag, name in _IFD0.items():
        meta.put(f"EXIF:{name}", tiff.text(ifds.ifd0.get(tag)), f"EXIF 0x{tag:04X}")
    for tag, name in _EXIF.items():
        meta.put(f"EXIF:{name}", tiff.text(ifds.exif.get(tag)), f"EXIF 0x{tag:04X}")
    if ifds.gps_empty:
        meta.warnings.append("[minor] Empty GPSInfo data")
    _gps(ifds.gps, meta)


def _gps(gps: dict[int, Any], meta: ImageMetadata) -> None:
    for name, ref_tag, tag, negative in (("GPSLatitude", 1, 2, b"S"), ("GPSLongitude", 3, 4, b"W")):
        value = _degrees(gps.get(tag))
        if value is None:
            continue
        ref = gps.get(ref_tag)
        note = None
        if isinstance(ref, bytes) and ref[:1].upper() in (b"N", b"S", b"E", b"W"):
            if ref[:1].upper() == negative:
                value = -value
        else:
            note = "no N/S/E/W reference: the sign is unknown"
        meta.put(name, value, f"EXIF GPS 0x{tag:04X}", note)
    altitude = gps.get(6)
    if isinstance(altitude, float):
        below = gps.get(5) == 1 or gps.get(5) == b"\x01"
        meta.put("GPSAltitude", -altitude if below else altitude, "EXIF GPS 0x0006")
    stamp, clock = tiff.text(gps.get(29)), gps.get(7)
    if stamp and isinstance(clock, list) and len(clock) == 3 and all(map(_finite, clock)):
        h, m, s = clock
        meta.put(
            "GPSDateTime", f"{stamp} {int(h):02d}:{int(m):02d}:{int(s):02d}Z", "EXIF GPS 0x001D"
        )


def _finite(x: Any) -> bool:
    return isinstance(x, float) and x == x and x not in (float("inf"), float("-inf"))


def _degrees(value: Any) -> float | None:
    if isinstance(value, float):
        value = [value]
    if not isinstance(value, list) or not value or not all(map(_finite, value)):
        return None
    parts = [*value, 0.0, 0.0][:3]
    return float(parts[0] + parts[1] / 60 + parts[2] / 3600)


def _iptc(block: bytes, meta: ImageMetadata, *, second: bool) -> None:
    record = iptc.read(block)
    group = "IPTC2" if second else "IPTC"
    if record.charset is not None:
        meta.put("IPTC:CodedCharacterSet", record.charset, f"{group} 1:90")
    seen: set[str] = set()
    for dataset in record.datasets:
        if dataset.tag in seen:
            continue
        seen.add(dataset.tag)
        found = record.all(dataset.tag)
        value: Any = [d.value for d in found] if dataset.tag in iptc.LIST_TAGS else dataset.value
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        note = None
        if any(d.at_limit for d in found):
            note = f"fills the IIM limit of {dataset.limit} bytes: it may have been cut"
        if any(d.broken for d in found):
            note = "holds bytes that are not valid text: it was cut or mis-encoded"
        source = dataset.source if not second else f"IPTC2 {dataset.record}:{dataset.number}"
        meta.put(f"IPTC:{dataset.tag}", value, source, note, blank=True)


def _xmp(packet: xmp.Packet, meta: ImageMetadata) -> None:
    meta.warnings.extend(w for w in packet.warnings if w not in meta.warnings)
    for prop, name in _XMP.items():
        items = packet.values.get(prop)
        if not items:
            continue
        source = f"XMP {prop}"
        if prop in _LIST_PROPS:
            texts = [t for _, t in items]
            meta.put(f"XMP:{name}", texts[0] if len(texts) == 1 else texts, source)
            continue
        value = items[0][1]
        if prop == "photoshop:DateCreated":
            value = xmp.exiftool_date(value)
        meta.put(f"XMP:{name}", value, source)
        if len(items) > 1 and any(lang for lang, _ in items):
            meta.languages[f"XMP:{name}"] = [(lang or "", text) for lang, text in items]
    for prop, name in (
        ("exif:GPSLatitude", "XMP:GPSLatitude"),
        ("exif:GPSLongitude", "XMP:GPSLongitude"),
    ):
        coordinate = _xmp_coordinate(packet.first(prop))
        if coordinate is not None:
            meta.put(name, coordinate, f"XMP {prop}")


_COORD = re.compile(r"^\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$")


def _xmp_coordinate(text: str | None) -> float | None:
    """XMP's "54,59.38N" / "54,59,22.8N" -> signed decimal degrees."""
    if not text:
        return None
    m = _COORD.match(text)
    if not m:
        return None
    value = int(m[1]) + float(m[2]) / 60 + float(m[3] or 0) / 3600
    return -value if m[4] in "SW" else value
