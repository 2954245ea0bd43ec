"""Write small real image files with chosen metadata, for tests (no ExifTool needed).

``write_jpeg(path, {"EXIF:DateTimeOriginal": ..., "IPTC:By-line": ..., "XMP:City": ...})``
draws a 32x24 picture with Pillow, gives it EXIF through Pillow, and adds an APP13 Photoshop
segment with IPTC-IIM (declared UTF-8, each value cut at its IIM byte limit as old newsroom
software does) and an APP1 XMP packet, built here byte by byte as the standards lay them out.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image

from checker.metadata.iptc import APPLICATION

IIM_NUMBERS = {name: (number, limit) for number, (name, limit) in APPLICATION.items()}
XMP_PROPS = {
    "Description": ("dc", "description", "alt"),
    "Title": ("dc", "title", "alt"),
    "Creator": ("dc", "creator", "seq"),
    "Credit": ("photoshop", "Credit", None),
    "Source": ("photoshop", "Source", None),
    "City": ("photoshop", "City", None),
    "State": ("photoshop", "State", None),
    "Country": ("photoshop", "Country", None),
    "DateCreated": ("photoshop", "DateCreated", None),
    "Headline": ("photoshop", "Headline", None),
}
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    return float(d), float(m), round(((value - d) * 60 - m) * 60, 3)


def exif_bytes(tags: dict[str, Any]) -> bytes:
    exif = Image.Exif()
    for name, tag in (("Artist", 0x013B), ("ImageDescription", 0x010E), ("Make", 0x010F)):
        if f"EXIF:{name}" in tags:
            exif[tag] = tags[f"EXIF:{name}"]
    sub = exif.get_ifd(0x8769)
    for name, tag in (
        ("DateTimeOriginal", 0x9003),
        ("CreateDate", 0x9004),
        ("OffsetTimeOriginal", 0x9011),
    ):
        if f"EXIF:{name}" in tags:
            sub[tag] = tags[f"EXIF:{name}"]
    if "GPSLatitude" in tags:
        gps = exif.get_ifd(0x8825)
        lat, lon = float(tags["GPSLatitude"]), float(tags["GPSLongitude"])
        gps[1], gps[2] = ("N" if lat >= 0 else "S"), _dms(lat)
        gps[3], gps[4] = ("E" if lon >= 0 else "W"), _dms(lon)
        if "GPSDateTime" in tags:  # "YYYY:MM:DD HH:MM:SS", UTC
            day, clock = str(tags["GPSDateTime"]).split()
            gps[29] = day
            gps[7] = tuple(float(x) for x in clock.split(":"))
    return exif.tobytes()


def iim_bytes(tags: dict[str, Any]) -> bytes:
    out = bytearray(b"\x1c\x01\x5a\x00\x03\x1b%G")  # 1:90 CodedCharacterSet = UTF-8
    for key, value in tags.items():
        if not key.startswith("IPTC:"):
            continue
        number, limit = IIM_NUMBERS[key[5:]]
        for item in value if isinstance(value, list) else [value]:
            data = str(item).encode("utf-8")[:limit]  # cut at the byte limit, maybe mid-letter
            out += struct.pack(">BBBH", 0x1C, 2, number, len(data)) + data
    return bytes(out)


def photoshop_segment(iim: bytes) -> bytes:
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) & 1:
        block += b"\x00"
    return b"Photoshop 3.0\x00" + block


def xmp_packet(tags: dict[str, Any]) -> bytes:
    props = []
    for key, value in tags.items():
        if not key.startswith("XMP:"):
            continue
        prefix, local, kind = XMP_PROPS[key[4:]]
        if kind == "alt":
            inner = f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(str(value))}</rdf:li></rdf:Alt>'
        elif kind == "seq":
            items = value if isinstance(value, list) else [value]
            inner = (
                "<rdf:Seq>"
                + "".join(f"<rdf:li>{escape(str(v))}</rdf:li>" for v in items)
                + "</rdf:Seq>"
            )
        else:
            inner = escape(str(value))
        props.append(f"<{prefix}:{local}>{inner}</{prefix}:{local}>")
    namespaces = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NS.items())
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {namespaces}>{"".join(props)}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_bytes(tags: dict[str, Any], size: tuple[int, int] = (32, 24)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (90, 120, 160)).save(buf, "JPEG", exif=exif_bytes(tags))
    data = buf.getvalue()
    extra = b""
    if any(k.startswith("IPTC:") for k in tags):
        extra += _segment(0xED, photoshop_segment(iim_bytes(tags)))
    if any(k.startswith("XMP:") for k in tags):
        extra += _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet(tags))
    return data[:2] + extra + data[2:]


def write_jpeg(path: Path, tags: dict[str, Any]) -> Path:
    path.write_bytes(jpeg_bytes(tags))
    return path
