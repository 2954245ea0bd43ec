"""Photoshop image resource blocks (JPEG APP13, TIFF tag 0x8649): where IPTC-IIM lives."""

from __future__ import annotations

import struct

_SIGNATURES = (b"8BIM", b"PHUT", b"DCSR", b"AgHg", b"MeSa")
IPTC_NAA = 0x0404
IPTC_DIGEST = 0x0425


def resources(data: bytes) -> tuple[list[bytes], bytes | None]:
    """The IIM blocks (in file order) and the IPTC digest found in a resource stream."""
    iptc: list[bytes] = []
    digest = None
    pos, n = 0, len(data)
    while pos + 12 <= n and data[pos : pos + 4] in _SIGNATURES:
        (rid,) = struct.unpack_from(">H", data, pos + 4)
        name_len = data[pos + 6]
        pos += 6 + ((name_len + 2) & ~1)  # Pascal string padded to an even size
        if pos + 4 > n:
            break
        (size,) = struct.unpack_from(">I", data, pos)
        pos += 4
        block = data[pos : pos + size]
        if rid == IPTC_NAA:
            iptc.append(block)
        elif rid == IPTC_DIGEST and len(block) == 16:
            digest = block
        pos += size + (size & 1)
    return iptc, digest
