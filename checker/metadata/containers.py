"""Find the metadata blocks inside an image file, whatever its container.

Each walker takes the whole file as a buffer (an mmap: nothing is copied until a block is
sliced out) and returns :class:`Blocks`: the raw EXIF (TIFF-structured), IPTC-IIM and XMP
payloads in file order, the real pixel size from the image header, and warnings in ExifTool's
words where the container is damaged. No walker trusts a length field: every offset is checked
against the buffer, and a damaged container yields what was read before the damage.
"""

from __future__ import annotations

import mmap
import struct
import zlib
from dataclasses import dataclass, field

from checker.metadata import photoshop

Buffer = bytes | memoryview | mmap.mmap


@dataclass
class Blocks:
    format: str | None = None
    width: int | None = None
    height: int | None = None
    exif: list[bytes] = field(default_factory=list)  # TIFF-structured, header first
    iptc: list[bytes] = field(default_factory=list)  # IIM records
    iptc_digest: bytes | None = None  # Photoshop 0x0425: MD5 of the IIM when last synced
    xmp: list[bytes] = field(default_factory=list)
    xmp_extended: dict[bytes, dict[int, bytes]] = field(default_factory=dict)  # GUID -> parts
    c2pa: bool = False  # a JUMBF / C2PA manifest store is embedded
    warnings: list[str] = field(default_factory=list)

    def add_photoshop(self, data: bytes) -> None:
        iptc, digest = photoshop.resources(data)
        self.iptc.extend(iptc)
        if digest is not None and self.iptc_digest is None:
            self.iptc_digest = digest


def sniff(head: bytes) -> str | None:
    """The container format from the first bytes, never from the file name."""
    if head.startswith(b"\xff\xd8"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc", b"avif"):
            return "HEIC" if brand != b"avif" else "AVIF"
        return "MP4"
    return None


def scan(buf: Buffer) -> Blocks:
    kind = sniff(bytes(buf[:16]))
    walker = _WALKERS.get(kind or "")
    blocks = Blocks(format=kind)
    if walker is None:
        blocks.warnings.append("Unknown file type" if len(buf) else "File is empty")
        return blocks
    walker(buf, blocks)
    return blocks


# --- JPEG -----------------------------------------------------------------------------------

_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_XMP_SIG = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXT_SIG = b"http://ns.adobe.com/xmp/extension/\x00"


def _jpeg(buf: Buffer, out: Blocks) -> None:
    pos, n = 2, len(buf)
    exif_segments = 0
    photoshop_parts: list[bytes] = []
    while True:
        # markers may be preceded by any number of 0xFF fill bytes
        while pos < n and buf[pos] == 0xFF and pos + 1 < n and buf[pos + 1] == 0xFF:
            pos += 1
        if pos + 4 > n:
            out.warnings.append("Missing JPEG SOS")
            break
        if buf[pos] != 0xFF:
            out.warnings.extend(["Missing JPEG SOS", "JPEG format error"])
            break
        marker = buf[pos + 1]
        if marker == 0xD9:  # EOI before any image data
            out.warnings.append("Missing JPEG SOS")
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # stand-alone markers
            pos += 2
            continue
        (length,) = struct.unpack_from(">H", buf, pos + 2)
        start, end = pos + 4, pos + 2 + length
        if length < 2 or end > n:
            out.warnings.append("JPEG format error")
            break
        if marker == 0xDA:  # SOS: the image data follows, no more metadata segments
            break
        seg = buf[start:end]
        if marker in _SOF and length >= 7:
            out.height, out.width = struct.unpack_from(">HH", seg, 1)
        elif marker == 0xE1:
            head = bytes(seg[:35])
            if head.startswith(b"Exif\x00"):
                exif_segments += 1
                if exif_segments == 1:
                    out.exif.append(bytes(seg[6:]))
            elif head.startswith(_XMP_SIG):
                out.xmp.append(bytes(seg[len(_XMP_SIG) :]))
            elif head.startswith(_XMP_EXT_SIG) and len(seg) > len(_XMP_EXT_SIG) + 40:
                body = bytes(seg[len(_XMP_EXT_SIG) :])
                guid = body[:32]
                (offset,) = struct.unpack_from(">I", body, 36)
                out.xmp_extended.setdefault(guid, {})[offset] = body[40:]
        elif marker == 0xED and bytes(seg[:14]) == b"Photoshop 3.0\x00":
            photoshop_parts.append(bytes(seg[14:]))
        elif marker == 0xEB and (b"jumb" in bytes(seg[:16]) or b"c2pa" in bytes(seg[:64])):
            out.c2pa = True
        pos = end
    if exif_segments > 1:
        out.warnings.append("[minor] File contains multi-segment EXIF")
    if photoshop_parts:
        # a resource block may be split across APP13 segments: join them first
        out.add_photoshop(b"".join(photoshop_parts))


# --- TIFF -----------------------------------------------------------------------------------


def _tiff(buf: Buffer, out: Blocks) -> None:
    # the whole file is the EXIF block; the IFD reader pulls IPTC/XMP/Photoshop tags from IFD0
    out.exif.append(bytes(buf))


# --- PNG ------------------------------------------------------------------------------------

_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt"}


def _png(buf: Buffer, out: Blocks) -> None:
    pos, n = 8, len(buf)
    first = True
    after_idat = False
    late_text = False
    while pos + 8 <= n:
        length, ctype = struct.unpack_from(">I4s", buf, pos)
        start, end = pos + 8, pos + 8 + length
        if first and ctype != b"IHDR":
            out.warnings.append("PNG image did not start with IHDR")
        first = False
        if end + 4 > n:
            out.warnings.append("Corrupted PNG image")
            break
        data = buf[start:end]
        if ctype == b"IHDR" and length >= 8:
            out.width, out.height = struct.unpack_from(">II", data, 0)
        elif ctype == b"IDAT":
            after_idat = True
        elif ctype == b"IEND":
            break
        elif ctype == b"eXIf":
            late_text |= after_idat
            out.exif.append(_strip_exif_header(bytes(data)))
        elif ctype in _PNG_TEXT:
            late_text |= after_idat
            _png_text(ctype, bytes(data), out)
        elif ctype == b"caBX":
            out.c2pa = True
        elif not ctype.isalpha():
            out.warnings.append("Corrupted PNG image")
            break
        pos = end + 4  # skip the CRC
    if late_text:
        out.warnings.append(
            "[minor] Text/EXIF chunk(s) found after PNG IDAT (may be ignored by some readers)"
        )


def _png_text(ctype: bytes, data: bytes, out: Blocks) -> None:
    keyword, _, rest = data.partition(b"\x00")
    try:
        if ctype == b"tEXt":
            text = rest
        elif ctype == b"zTXt":
            text = zlib.decompress(rest[1:])
        else:  # iTXt: compression flag, method, language\0, translated keyword\0, text
            compressed = rest[:1] == b"\x01"
            text = rest[2:].split(b"\x00", 2)[-1]
            if compressed:
                text = zlib.decompress(text)
    except zlib.error:
        out.warnings.append(f"Corrupted PNG {ctype.decode()} chunk {keyword.decode('latin-1')!r}")
        return
    key = keyword.decode("latin-1")
    if key == "XML:com.adobe.xmp":
        out.xmp.append(text)
    elif key.startswith("Raw profile type "):
        profile = _raw_profile(text)
        if profile is None:
            return
        kind = key.removeprefix("Raw profile type ").lower()
        if kind in ("exif", "app1"):
            out.exif.append(_strip_exif_header(profile))
        elif kind == "iptc":
            if profile.startswith(b"8BIM"):
                out.add_photoshop(profile)
            else:
                out.iptc.append(profile)
        elif kind == "8bim":
            out.add_photoshop(profile)
        elif kind == "xmp":
            out.xmp.append(profile)


def _raw_profile(text: bytes) -> bytes | None:
    """ImageMagick's text profile: "\\nTYPE\\n   LENGTH\\nHEX..." -> the bytes."""
    parts = text.split(None, 2)
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    try:
        data = bytes.fromhex(parts[2].decode("ascii"))
    except ValueError:
        return None
    return data[: int(parts[1])]


def _strip_exif_header(data: bytes) -> bytes:
    return data[6:] if data.startswith(b"Exif\x00") else data


# --- WebP -----------------------------------------------------------------------------------


def _webp(buf: Buffer, out: Blocks) -> None:
    pos, n = 12, len(buf)
    while pos + 8 <= n:
        ctype, length = struct.unpack_from("<4sI", buf, pos)
        start, end = pos + 8, pos + 8 + length
        data = buf[start : min(end, n)]
        if ctype == b"VP8X" and len(data) >= 10:
            out.width = 1 + int.from_bytes(bytes(data[4:7]), "little")
            out.height = 1 + int.from_bytes(bytes(data[7:10]), "little")
        elif ctype == b"VP8 " and len(data) >= 10 and out.width is None:
            w, h = struct.unpack_from("<HH", data, 6)
            out.width, out.height = w & 0x3FFF, h & 0x3FFF
        elif ctype == b"VP8L" and len(data) >= 5 and out.width is None:
            (bits,) = struct.unpack_from("<I", data, 1)
            out.width, out.height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        elif ctype == b"EXIF":
            raw = bytes(data)
            if raw.startswith(b"Exif\x00"):
                out.warnings.append("[minor] Improper EXIF header")
            out.exif.append(_strip_exif_header(raw))
        elif ctype == b"XMP ":
            out.xmp.append(bytes(data))
        elif ctype == b"C2PA":
            out.c2pa = True
        if end > n:
            out.warnings.append("Truncated WebP file")
            break
        pos = end + (length & 1)


# --- HEIF (ISO base media file format) ------------------------------------------------------


def _boxes(buf: Buffer, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of the boxes in [start, end)."""
    found = []
    pos = start
    while pos + 8 <= end:
        size, btype = struct.unpack_from(">I4s", buf, pos)
        head = 8
        if size == 1 and pos + 16 <= end:
            (size,) = struct.unpack_from(">Q", buf, pos + 8)
            head = 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            break
        found.append((bytes(btype), pos + head, pos + size))
        pos += size
    return found


_C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")


def _heif(buf: Buffer, out: Blocks) -> None:
    top = _boxes(buf, 0, len(buf))
    out.c2pa = any(t == b"uuid" and bytes(buf[s : s + 16]) == _C2PA_UUID for t, s, _ in top)
    meta = next(((s, e) for t, s, e in top if t == b"meta"), None)
    if meta is None:
        out.warnings.append("No HEIF meta box")
        return
    children = {t: (s, e) for t, s, e in _boxes(buf, meta[0] + 4, meta[1])}  # full box
    primary = None
    if b"pitm" in children:
        s, _ = children[b"pitm"]
        primary = struct.unpack_from(">H" if buf[s] == 0 else ">I", buf, s + 4)[0]
    items = _heif_items(buf, children.get(b"iinf"))
    locations = _heif_locations(buf, children.get(b"iloc"))
    if b"iprp" in children and primary is not None:
        size = _heif_primary_size(buf, children[b"iprp"], primary)
        if size:
            out.width, out.height = size
    for item_id, (itype, content_type) in items.items():
        extents = locations.get(item_id)
        if not extents:
            continue
        data = b"".join(bytes(buf[o : o + ln]) for o, ln in extents if o + ln <= len(buf))
        if itype == b"Exif" and len(data) >= 4:
            (skip,) = struct.unpack_from(">I", data, 0)
            out.exif.append(_strip_exif_header(data[4 + skip :]))
        elif itype == b"mime" and content_type.startswith("application/rdf+xml"):
            out.xmp.append(data)
        elif itype == b"mime" and "c2pa" in content_type:
            out.c2pa = True


def _heif_items(buf: Buffer, span: tuple[int, int] | None) -> dict[int, tuple[bytes, str]]:
    if span is None:
        return {}
    s, e = span
    version = buf[s]
    count_size = 2 if version == 0 else 4
    items: dict[int, tuple[bytes, str]] = {}
    for btype, bs, be in _boxes(buf, s + 4 + count_size, e):
        if btype != b"infe" or be - bs < 8:
            continue
        v = buf[bs]
        if v < 2:
            continue
        p = bs + 4
        if v == 2:
            (item_id,) = struct.unpack_from(">H", buf, p)
            p += 2
        else:
            (item_id,) = struct.unpack_from(">I", buf, p)
            p += 4
        p += 2  # protection index
        itype = bytes(buf[p : p + 4])
        rest = bytes(buf[p + 4 : be]).split(b"\x00")
        content_type = rest[1].decode("latin-1") if itype == b"mime" and len(rest) > 1 else ""
        items[item_id] = (itype, content_type)
    return items


def _heif_locations(buf: Buffer, span: tuple[int, int] | None) -> dict[int, list[tuple[int, int]]]:
    if span is None:
        return {}
    s, e = span
    version = buf[s]
    p = s + 4
    sizes = (buf[p] << 8) | buf[p + 1]
    off_size, len_size, base_size = sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15
    idx_size = sizes & 15 if version in (1, 2) else 0
    p += 2
    if version < 2:
        (count,) = struct.unpack_from(">H", buf, p)
        p += 2
    else:
        (count,) = struct.unpack_from(">I", buf, p)
        p += 4

    def read(size: int) -> int:
        nonlocal p
        value = int.from_bytes(bytes(buf[p : p + size]), "big") if size else 0
        p += size
        return value

    locations: dict[int, list[tuple[int, int]]] = {}
    for _ in range(count):
        if p >= e:
            break
        item_id = read(2 if version < 2 else 4)
        method = read(2) & 15 if version in (1, 2) else 0
        read(2)  # data reference index
        base = read(base_size)
        extents = []
        for _ in range(read(2)):
            read(idx_size)
            extents.append((base + read(off_size), read(len_size)))
        if method == 0:  # file offsets; idat-relative items carry no metadata we read
            locations[item_id] = extents
    return locations


def _heif_primary_size(buf: Buffer, iprp: tuple[int, int], primary: int) -> tuple[int, int] | None:
    boxes = {t: (s, e) for t, s, e in _boxes(buf, *iprp)}
    if b"ipco" not in boxes or b"ipma" not in boxes:
        return None
    props = _boxes(buf, *boxes[b"ipco"])
    s, _ = boxes[b"ipma"]
    version, flags = buf[s], int.from_bytes(bytes(buf[s + 1 : s + 4]), "big")
    p = s + 4
    (count,) = struct.unpack_from(">I", buf, p)
    p += 4
    for _ in range(count):
        if version < 1:
            (item_id,) = struct.unpack_from(">H", buf, p)
            p += 2
        else:
            (item_id,) = struct.unpack_from(">I", buf, p)
            p += 4
        n = buf[p]
        p += 1
        assoc = []
        for _ in range(n):
            if flags & 1:
                (v,) = struct.unpack_from(">H", buf, p)
                p += 2
                assoc.append(v & 0x7FFF)
            else:
                assoc.append(buf[p] & 0x7F)
                p += 1
        if item_id != primary:
            continue
        for index in assoc:
            if 0 < index <= len(props) and props[index - 1][0] == b"ispe":
                _, ps, _ = props[index - 1]
                w, h = struct.unpack_from(">II", buf, ps + 4)
                return int(w), int(h)
    return None


_WALKERS = {"JPEG": _jpeg, "TIFF": _tiff, "PNG": _png, "WEBP": _webp, "HEIC": _heif, "AVIF": _heif}
