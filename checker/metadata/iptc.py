"""IPTC-IIM records, decoded as ExifTool decodes them.

Text is UTF-8 when record 1:90 (CodedCharacterSet) designates UTF-8, and Windows-1252 (what
ExifTool calls Latin, and what most old newsroom software wrote) otherwise. Each dataset keeps
its raw length so that a value cut at its IIM byte limit can be recognised.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

# record 2 datasets -> ExifTool tag name, and the IIM maximum length in bytes
APPLICATION: dict[int, tuple[str, int]] = {
    5: ("ObjectName", 64),
    40: ("SpecialInstructions", 256),
    55: ("DateCreated", 8),
    60: ("TimeCreated", 11),
    80: ("By-line", 32),
    85: ("By-lineTitle", 32),
    90: ("City", 32),
    92: ("Sub-location", 32),
    95: ("Province-State", 32),
    100: ("Country-PrimaryLocationCode", 3),
    101: ("Country-PrimaryLocationName", 64),
    105: ("Headline", 256),
    110: ("Credit", 32),
    115: ("Source", 32),
    116: ("CopyrightNotice", 128),
    120: ("Caption-Abstract", 2000),
}
LIST_TAGS = frozenset({"By-line", "By-lineTitle"})
FIXED_LENGTH = frozenset({"DateCreated", "TimeCreated", "Country-PrimaryLocationCode"})
_UTF8_ESCAPES = (b"\x1b%G", b"\x1b%/G", b"\x1b%/H", b"\x1b%/I")


@dataclass
class Dataset:
    tag: str
    value: str
    record: int
    number: int
    size: int  # bytes as stored
    limit: int  # the IIM maximum
    broken: bool = False  # bytes that are not valid in the declared charset

    @property
    def source(self) -> str:
        return f"IPTC {self.record}:{self.number}"

    @property
    def at_limit(self) -> bool:
        """A free-text value as long as IIM allows: it may have been cut to fit."""
        return self.tag not in FIXED_LENGTH and self.size >= self.limit


@dataclass
class Record:
    charset: str | None = None  # ExifTool's print form of 1:90
    datasets: list[Dataset] = field(default_factory=list)

    def first(self, tag: str) -> Dataset | None:
        return next((d for d in self.datasets if d.tag == tag), None)

    def all(self, tag: str) -> list[Dataset]:
        return [d for d in self.datasets if d.tag == tag]


def charset_name(raw: bytes) -> str:
    """1:90 as ExifTool prints it: "UTF8", or the escape sequences spelled out."""
    if raw in _UTF8_ESCAPES:
        return "UTF8"
    parts = [p for p in raw.split(b"\x1b") if p]
    return ", ".join("ESC " + " ".join(chr(c) for c in p) for p in parts)


def read(block: bytes) -> Record:
    raw: list[tuple[int, int, bytes]] = []
    pos, n = 0, len(block)
    while pos + 5 <= n:
        if block[pos] != 0x1C:
            pos += 1  # padding or junk between datasets: resync on the next tag marker
            continue
        record, number, length = (
            block[pos + 1],
            block[pos + 2],
            struct.unpack_from(">H", block, pos + 3)[0],
        )
        pos += 5
        if length & 0x8000:  # extended dataset: the length is in the next N bytes
            size = length & 0x7FFF
            length = int.from_bytes(block[pos : pos + size], "big")
            pos += size
        raw.append((record, number, block[pos : pos + length]))
        pos += length
    out = Record()
    utf8 = False
    for record, number, data in raw:
        if record == 1 and number == 90:
            out.charset = charset_name(data)
            utf8 = data in _UTF8_ESCAPES
    for record, number, data in raw:
        if record != 2 or number not in APPLICATION:
            continue
        tag, limit = APPLICATION[number]
        value, broken = _decode(data, utf8)
        if tag == "DateCreated":
            value = _date(value)
        elif tag == "TimeCreated":
            value = _time(value)
        out.datasets.append(Dataset(tag, value, record, number, len(data), limit, broken))
    return out


def _decode(data: bytes, utf8: bool) -> tuple[str, bool]:
    data = data.rstrip(b"\x00")
    if utf8:
        try:
            return data.decode("utf-8"), False
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace"), True
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        # ExifTool maps the five bytes cp1252 leaves undefined to the same code points
        return data.decode("latin-1"), False


def _date(value: str) -> str:
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}:{value[4:6]}:{value[6:]}"
    return value


def _time(value: str) -> str:
    if len(value) >= 6 and value[:6].isdigit():
        out = f"{value[:2]}:{value[2:4]}:{value[4:6]}"
        tz = value[6:]
        if len(tz) == 5 and tz[0] in "+-" and tz[1:].isdigit():
            out += f"{tz[:3]}:{tz[3:]}"
        return out
    return value
