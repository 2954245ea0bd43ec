"""The metadata reader on files written here: every container, every block kind, and damage."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from imagegen import exif_bytes, iim_bytes, jpeg_bytes, photoshop_segment, xmp_packet
from PIL import Image, PngImagePlugin

from checker.metadata import read_image
from checker.metadata.reader import read_bytes

TAGS = {
    "EXIF:DateTimeOriginal": "2015:10:03 11:20:00",
    "EXIF:OffsetTimeOriginal": "+03:00",
    "EXIF:Artist": "Alexander Kots",
    "GPSLatitude": 35.401,
    "GPSLongitude": -35.948,
    "IPTC:Caption-Abstract": "A jet takes off from Hmeimim airbase in Syria.",
    "IPTC:By-line": ["Alexander Kots", "Second Person"],
    "IPTC:Credit": "AP",
    "IPTC:City": "حميميم",
    "IPTC:DateCreated": "20151003",
    "IPTC:TimeCreated": "112000+0300",
    "XMP:Description": "A jet takes off from Hmeimim airbase in Syria.",
    "XMP:Creator": "Alexander Kots",
    "XMP:City": "Hmeimim",
    "XMP:DateCreated": "2015-10-03T11:20:00+03:00",
}


def _check_common(meta_json: dict[str, object]) -> None:
    assert meta_json["EXIF:DateTimeOriginal"] == "2015:10:03 11:20:00"
    assert meta_json["EXIF:OffsetTimeOriginal"] == "+03:00"
    assert meta_json["GPSLatitude"] == pytest.approx(35.401, abs=1e-5)
    assert meta_json["GPSLongitude"] == pytest.approx(-35.948, abs=1e-5)  # W is negative


def test_jpeg_every_block(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg_bytes(TAGS, size=(48, 20)))
    meta = read_image(path)
    out = meta.exiftool()
    _check_common(out)
    assert (out["ImageWidth"], out["ImageHeight"]) == (48, 20)  # from the frame header
    assert out["IPTC:By-line"] == ["Alexander Kots", "Second Person"]
    assert out["IPTC:City"] == "حميميم"
    assert out["IPTC:CodedCharacterSet"] == "UTF8"
    assert out["IPTC:DateCreated"] == "2015:10:03"
    assert out["IPTC:TimeCreated"] == "11:20:00+03:00"
    assert out["XMP:DateCreated"] == "2015:10:03 11:20:00+03:00"
    assert out["XMP:Creator"] == "Alexander Kots"
    assert meta.get("IPTC:By-line").source == "IPTC 2:80"  # type: ignore[union-attr]
    assert meta.get("EXIF:DateTimeOriginal").source == "EXIF 0x9003"  # type: ignore[union-attr]
    assert meta.get("XMP:Creator").source == "XMP dc:creator"  # type: ignore[union-attr]
    assert "Warning" not in out
    when, tag = meta.capture_time()  # type: ignore[misc]
    assert tag == "EXIF:DateTimeOriginal"
    assert when.utcoffset().total_seconds() == 3 * 3600  # type: ignore[union-attr]


def test_iim_without_charset_is_latin(tmp_path: Path) -> None:
    iim = struct.pack(">BBBH", 0x1C, 2, 120, 9) + "Café Noir".encode("cp1252")
    data = jpeg_bytes({})
    segment = photoshop_segment(iim)
    data = data[:2] + b"\xff\xed" + struct.pack(">H", len(segment) + 2) + segment + data[2:]
    meta = read_bytes(data)
    assert meta.value("IPTC:Caption-Abstract") == "Café Noir"
    assert meta.value("IPTC:CodedCharacterSet") is None


def test_second_iptc_block_is_a_copy() -> None:
    first = iim_bytes({"IPTC:Credit": "Getty Images"})
    second = iim_bytes({"IPTC:Credit": ""})
    data = jpeg_bytes({})
    resources = photoshop_segment(first) + photoshop_segment(second)[len(b"Photoshop 3.0\x00") :]
    data = data[:2] + b"\xff\xed" + struct.pack(">H", len(resources) + 2) + resources + data[2:]
    meta = read_bytes(data)
    assert meta.value("IPTC:Credit") == "Getty Images"
    assert [c.source for c in meta.copies["IPTC:Credit"]] == ["IPTC2 2:110"]


def test_iim_cut_mid_letter_is_noted() -> None:
    meta = read_bytes(jpeg_bytes({"IPTC:Credit": "البحرية الأمريكية"}))  # 33 bytes, limit 32
    value = meta.get("IPTC:Credit")
    assert value is not None
    assert value.value.startswith("البحرية الأمريكي")
    assert value.note is not None
    assert "not valid text" in value.note


def test_png_itxt_xmp_raw_profile_iptc_and_exif(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp_packet(TAGS).decode("utf-8"), zip=True)
    iim = iim_bytes(TAGS)
    info.add_text("Raw profile type iptc", f"\niptc\n{len(iim):8d}\n{iim.hex()}\n", zip=True)
    path = tmp_path / "a.png"
    Image.new("RGB", (20, 10)).save(path, "PNG", pnginfo=info, exif=exif_bytes(TAGS))
    out = read_image(path).exiftool()
    _check_common(out)
    assert (out["ImageWidth"], out["ImageHeight"]) == (20, 10)
    assert out["IPTC:Credit"] == "AP"
    assert out["XMP:City"] == "Hmeimim"


def test_webp_exif_and_xmp(tmp_path: Path) -> None:
    path = tmp_path / "a.webp"
    Image.new("RGB", (30, 16)).save(path, "WEBP", exif=exif_bytes(TAGS), xmp=xmp_packet(TAGS))
    out = read_image(path).exiftool()
    _check_common(out)
    assert (out["ImageWidth"], out["ImageHeight"]) == (30, 16)
    assert out["XMP:Description"].startswith("A jet")


def test_tiff_iptc_and_xmp_tags(tmp_path: Path) -> None:
    from PIL.TiffImagePlugin import ImageFileDirectory_v2

    ifd = ImageFileDirectory_v2()
    ifd[0x013B] = "Alexander Kots"
    ifd[33723] = iim_bytes(TAGS)
    ifd.tagtype[33723] = 7
    ifd[700] = xmp_packet(TAGS)
    ifd.tagtype[700] = 1
    path = tmp_path / "a.tif"
    Image.new("RGB", (12, 9)).save(path, "TIFF", tiffinfo=ifd)
    out = read_image(path).exiftool()
    assert (out["ImageWidth"], out["ImageHeight"]) == (12, 9)
    assert out["EXIF:Artist"] == "Alexander Kots"
    assert out["IPTC:Credit"] == "AP"
    assert out["XMP:Creator"] == "Alexander Kots"


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _full(kind: bytes, payload: bytes, version: int = 0) -> bytes:
    return _box(kind, bytes([version, 0, 0, 0]) + payload)


def heif_bytes(exif: bytes, xmp: bytes, size: tuple[int, int]) -> bytes:
    """A minimal HEIF: a primary image item with its ispe, an Exif item, an XMP mime item."""
    ftyp = _box(b"ftyp", b"heic" + b"\x00\x00\x00\x00" + b"mif1heic")
    infe = [
        _full(b"infe", struct.pack(">HH", 1, 0) + b"hvc1" + b"\x00", version=2),
        _full(b"infe", struct.pack(">HH", 2, 0) + b"Exif" + b"\x00", version=2),
        _full(
            b"infe", struct.pack(">HH", 3, 0) + b"mime" + b"\x00application/rdf+xml\x00", version=2
        ),
    ]
    iinf = _full(b"iinf", struct.pack(">H", 3) + b"".join(infe))
    pitm = _full(b"pitm", struct.pack(">H", 1))
    ispe = _full(b"ispe", struct.pack(">II", *size))
    ipco = _box(b"ipco", ispe)
    ipma = _full(b"ipma", struct.pack(">I", 1) + struct.pack(">HB", 1, 1) + bytes([0x81]))
    iprp = _box(b"iprp", ipco + ipma)
    exif_payload = struct.pack(">I", 6) + b"Exif\x00\x00" + exif
    items = [(1, b"\x00" * 10), (2, exif_payload), (3, xmp)]

    def build(base: int) -> bytes:
        entries = b""
        offset = base
        for item_id, data in items:
            entries += struct.pack(">HHHII", item_id, 0, 1, offset, len(data))
            offset += len(data)
        return _full(b"iloc", bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + entries)

    head_len = len(ftyp) + len(_full(b"meta", pitm + iinf + build(0) + iprp)) + 8
    meta = _full(b"meta", pitm + iinf + build(head_len) + iprp)
    mdat = _box(b"mdat", b"".join(data for _, data in items))
    return ftyp + meta + mdat


def test_heif_items(tmp_path: Path) -> None:
    path = tmp_path / "a.heic"
    tiff = exif_bytes(TAGS).removeprefix(b"Exif\x00\x00")
    path.write_bytes(heif_bytes(tiff, xmp_packet(TAGS), (4032, 3024)))
    meta = read_image(path)
    out = meta.exiftool()
    assert meta.format == "HEIC"
    _check_common(out)
    assert (out["ImageWidth"], out["ImageHeight"]) == (4032, 3024)
    assert out["XMP:Creator"] == "Alexander Kots"


def test_utf16_and_legacy_xapmeta_xmp() -> None:
    packet = xmp_packet({"XMP:City": "Hmeimim"}).decode("utf-8").replace("x:xmpmeta", "x:xapmeta")
    data = jpeg_bytes({})
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode("utf-16-be")
    data = data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]
    assert read_bytes(data).value("XMP:City") == "Hmeimim"


def test_xmp_x_default_first_and_attribute_form() -> None:
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Reuters">'
        '<dc:description><rdf:Alt><rdf:li xml:lang="ar">طائرة تقلع</rdf:li>'
        '<rdf:li xml:lang="x-default">A jet takes off</rdf:li></rdf:Alt></dc:description>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    data = jpeg_bytes({})
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    meta = read_bytes(
        data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]
    )
    assert meta.value("XMP:Description") == "A jet takes off"
    assert meta.value("XMP:Credit") == "Reuters"
    assert ("ar", "طائرة تقلع") in meta.languages["XMP:Description"]


def test_xmp_entity_bomb_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    data = jpeg_bytes({})
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + bomb
    meta = read_bytes(
        data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]
    )
    assert any("XMP" in w for w in meta.warnings)


@pytest.mark.parametrize(
    ("name", "data", "error", "warning"),
    [
        ("empty", b"", "File is empty", None),
        ("text", b"just some text, no image here", "Unknown file type", None),
        ("jpeg-cut-in-header", jpeg_bytes(TAGS)[:300], None, "JPEG"),
        ("png-no-ihdr", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x04tEXtabcd\x00\x00\x00\x00", None, "IHDR"),
        ("jpeg-junk-after-soi", b"\xff\xd8" + b"\x00" * 64, None, "JPEG format error"),
    ],
)
def test_damaged_files_get_an_answer(
    name: str, data: bytes, error: str | None, warning: str | None
) -> None:
    meta = read_bytes(data, name)
    if error:
        assert meta.error == error
    if warning:
        assert any(warning in w for w in meta.warnings), meta.warnings


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert read_image(tmp_path / "nope.jpg").error == "File not found"
    assert read_image(tmp_path).error is not None


def test_truncated_jpeg_keeps_what_was_read() -> None:
    data = jpeg_bytes(TAGS)
    sos = data.index(b"\xff\xda")
    meta = read_bytes(data[: sos + 20])
    assert meta.value("IPTC:Credit") == "AP"  # metadata before the cut survives
    assert meta.width == 32


def test_every_cut_of_a_real_file_is_answered() -> None:
    data = jpeg_bytes(TAGS)
    for cut in range(0, len(data), 7):
        read_bytes(data[:cut]).exiftool()  # never raises
    noisy = bytearray(data)
    for i in range(0, min(len(noisy), 2000), 13):
        noisy[i] ^= 0x5A
        read_bytes(bytes(noisy)).exiftool()


def test_gps_without_reference_is_not_trusted() -> None:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[2] = (35.0, 24.0, 0.0)
    gps[4] = (35.0, 57.0, 0.0)
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "JPEG", exif=exif.tobytes())
    meta = read_bytes(buf.getvalue())
    assert meta.value("GPSLatitude") == pytest.approx(35.4)
    assert meta.gps() is None  # the sign is unknown: no check relies on it
