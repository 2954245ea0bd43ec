"""Read an image's own metadata: one normalised view, every value with its provenance.

    >>> meta = read_image("images/hmeimim-2015.jpg")
    >>> meta.get("IPTC:By-line").value, meta.get("IPTC:By-line").source
    ('Alexander Kots', 'IPTC 2:80')

The container walkers (:mod:`.containers`) find the EXIF, IPTC-IIM and XMP blocks of JPEG, TIFF,
PNG, WebP and HEIF files; :mod:`.tiff`, :mod:`.iptc` and :mod:`.xmp` decode them. Tag names and
values follow ``exiftool -json -n`` so that a newsroom can compare the two readings.
"""

from __future__ import annotations

from checker.metadata.model import ImageMetadata, MetaValue
from checker.metadata.reader import read_image

__all__ = ["ImageMetadata", "MetaValue", "read_image"]
