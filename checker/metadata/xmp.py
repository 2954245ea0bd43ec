"""XMP packets (including legacy ``x:xapmeta`` ones), parsed with defusedxml.

Properties are read wherever RDF puts them: as attributes of ``rdf:Description`` or as child
elements, simple or as an ``rdf:Alt`` / ``rdf:Seq`` / ``rdf:Bag`` array. Language alternatives
keep every language, x-default first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xmp/note/": "xmpNote",
}
WANTED = frozenset(
    {
        "dc:description",
        "dc:creator",
        "dc:title",
        "photoshop:Credit",
        "photoshop:Source",
        "photoshop:City",
        "photoshop:State",
        "photoshop:Country",
        "photoshop:DateCreated",
        "photoshop:Headline",
        "Iptc4xmpCore:Location",
        "Iptc4xmpCore:CountryCode",
        "exif:GPSLatitude",
        "exif:GPSLongitude",
        "exif:DateTimeOriginal",
        "xmp:CreateDate",
        "xmpNote:HasExtendedXMP",
    }
)
# namespace URIs some writers get wrong, and the right one (ExifTool fixes and warns)
_WRONG_URIS = {
    b'xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"': "MicrosoftPhoto",
}
_END = re.compile(rb"</(?:x:xmpmeta|x:xapmeta|rdf:RDF)>")


@dataclass
class Packet:
    # "dc:description" -> [(lang or None, text)], in document order
    values: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def first(self, prop: str) -> str | None:
        items = self.values.get(prop)
        return items[0][1] if items else None

    def texts(self, prop: str) -> list[str]:
        return [v for _, v in self.values.get(prop, [])]

    def merge(self, other: Packet) -> None:
        for key, items in other.values.items():
            self.values.setdefault(key, items)
        self.warnings.extend(other.warnings)


def read(data: bytes) -> Packet:
    out = Packet()
    data = _utf8(data)
    for needle, prefix in _WRONG_URIS.items():
        if needle in data:
            out.warnings.append(f"[minor] Fixed incorrect URI for xmlns:{prefix}")
    start = data.find(b"<")
    ends = list(_END.finditer(data))
    if start < 0:
        out.warnings.append("XMP packet holds no XML")
        return out
    text = data[start : ends[-1].end()] if ends else data[start:]
    try:
        root = fromstring(_wrap(text))
    except (ParseError, DefusedXmlException, ValueError) as exc:
        out.warnings.append(f"XMP format error ({str(exc).split(':')[0]})")
        return out
    for desc in root.iter(f"{{{RDF}}}Description"):
        for attr, value in desc.attrib.items():
            _put(out, attr, [(None, value)])
        for child in desc:
            _put(out, child.tag, _items(child))
    for prop, items in out.values.items():
        if any(lang == "x-default" for lang, _ in items):
            out.values[prop] = sorted(items, key=lambda item: item[0] != "x-default")
    return out


_DECL = re.compile(rb"^(<\?xml[^>]*?)\s+encoding=['\"][^'\"]*['\"]")


def _utf8(data: bytes) -> bytes:
    """XMP may be UTF-16 or UTF-32 (ExifTool's own test file is): re-encode it as UTF-8."""
    head = data[:4]
    encoding = None
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif head.startswith((b"\xfe\xff", b"\xff\xfe")):
        encoding = "utf-16"
    elif head[:2] == b"\x00<":
        encoding = "utf-16-be"
    elif head[:2] == b"<\x00" and head[2:4] != b"\x00\x00":
        encoding = "utf-16-le"
    if encoding is None:
        return data
    text = data.decode(encoding, errors="replace").lstrip("\ufeff").encode("utf-8")
    return _DECL.sub(rb"\1", text)


def _wrap(text: bytes) -> bytes:
    # a packet that is a bare rdf:RDF (legacy writers) parses as it is; xpacket PIs are fine
    return text.strip(b"\x00 \r\n\t")


def _put(out: Packet, tag: str, items: list[tuple[str | None, str]]) -> None:
    if not tag.startswith("{") or not items:
        return
    uri, _, local = tag[1:].partition("}")
    prefix = NAMESPACES.get(uri)
    if prefix is None:
        return
    key = f"{prefix}:{local}"
    if key in WANTED and key not in out.values:
        out.values[key] = items


def _items(element: Element) -> list[tuple[str | None, str]]:
    for container in element:
        if container.tag in (f"{{{RDF}}}Alt", f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"):
            return [
                (li.get(XML_LANG), li.text or "") for li in container if li.tag == f"{{{RDF}}}li"
            ]
    if len(element):
        return []  # a structure (rdf:parseType="Resource"): not a value we read
    return [(element.get(XML_LANG), element.text or "")]


_XMP_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(.*)$")


def exiftool_date(value: str) -> str:
    """XMP's ISO 8601 as ExifTool prints it: 2021-10-20T21:01:01+00:00 -> 2021:10:20 21:01:01+00:00."""
    m = _XMP_DATE.match(value.strip())
    if m:
        return f"{m[1]}:{m[2]}:{m[3]} {m[4]}{m[5] or ':00'}{m[6]}"
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value.strip()):
        return value.strip().replace("-", ":")
    return value
