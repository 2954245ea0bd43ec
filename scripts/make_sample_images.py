#!/usr/bin/env python3
"""Generate the sample images in images/ (run again after changing this script).

The pictures are drawn here (no photo is copied: the seed photo belongs to AP), Pillow writes
their EXIF (capture time, time zone, GPS) and ExifTool (Debian: libimage-exiftool-perl) writes
IPTC-IIM and XMP, as newsroom software does. Needs exiftool on PATH.

- images/hmeimim-2015.jpg: a stand-in for the seed photo, carrying the seed's English caption
  and what AP's file carries: DateTimeOriginal 2015:10:03 with +03:00, GPS of Hmeimim Air Base,
  By-line Alexander Kots, Credit AP, Source Komsomolskaya Pravda.
- images/mismatch-2023.jpg: a photo whose metadata disagrees with captions/mismatch-2023.*.txt
  on every field: capture date, byline, credit, place, GPS position, the embedded caption; its
  IPTC and XMP copies of the city disagree; its Arabic IPTC Source was cut at 32 bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "images"


def picture(sky: tuple[int, int, int], ground: tuple[int, int, int]) -> Image.Image:
    """A plain drawn scene: sky, ground, a runway and a jet silhouette."""
    width, height = 640, 400
    img = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(img)
    for y in range(height // 2):  # sky gradient
        shade = tuple(min(255, c + y // 3) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    draw.rectangle([0, 260, width, height], fill=ground)
    draw.polygon([(180, 400), (460, 400), (350, 265), (290, 265)], fill=(70, 70, 75))
    for y in range(280, 400, 24):
        draw.line([(320, y), (320, y + 10)], fill=(230, 230, 230), width=3)
    jet = [(250, 170), (330, 150), (410, 150), (430, 140), (440, 152), (400, 162), (330, 178)]
    draw.polygon(jet, fill=(40, 45, 50))
    draw.polygon([(330, 160), (300, 120), (318, 120), (360, 158)], fill=(40, 45, 50))
    return img


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def save_with_exif(
    img: Image.Image, path: Path, when: str, offset: str, lat: float, lon: float, artist: str
) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS-1D X"
    exif[0x013B] = artist
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = when
    sub[0x9004] = when
    sub[0x9011] = offset
    gps = exif.get_ifd(0x8825)
    gps[0x0000] = b"\x02\x03\x00\x00"
    gps[0x0001] = "N" if lat >= 0 else "S"
    gps[0x0002] = dms(lat)
    gps[0x0003] = "E" if lon >= 0 else "W"
    gps[0x0004] = dms(lon)
    img.save(path, "JPEG", quality=85, exif=exif.tobytes())


def exiftool(path: Path, *assignments: str) -> None:
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            "-charset",
            "iptc=UTF8",
            "-codedcharacterset=UTF8",
            *assignments,
            str(path),
        ],
        check=True,
    )


def main() -> int:
    if shutil.which("exiftool") is None:
        print("exiftool is needed: apt-get install libimage-exiftool-perl", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)

    seed = OUT / "hmeimim-2015.jpg"
    caption = (ROOT / "captions" / "hmeimim-2015.en.txt").read_text(encoding="utf-8").strip()
    save_with_exif(
        picture((120, 160, 205), (150, 135, 100)),
        seed,
        "2015:10:03 11:20:00",
        "+03:00",
        35.401,
        35.948,
        "Alexander Kots",
    )
    exiftool(
        seed,
        f"-IPTC:Caption-Abstract={caption}",
        f"-XMP-dc:Description={caption}",
        "-IPTC:By-line=Alexander Kots",
        "-XMP-dc:Creator=Alexander Kots",
        "-IPTC:Credit=AP",
        "-XMP-photoshop:Credit=AP",
        "-IPTC:Source=Komsomolskaya Pravda",
        "-XMP-photoshop:Source=Komsomolskaya Pravda",
        "-IPTC:City=Hmeimim",
        "-XMP-photoshop:City=Hmeimim",
        "-IPTC:Province-State=Latakia",
        "-XMP-photoshop:State=Latakia",
        "-IPTC:Country-PrimaryLocationName=Syria",
        "-XMP-photoshop:Country=Syria",
        "-IPTC:DateCreated=2015:10:03",
        "-IPTC:TimeCreated=11:20:00+03:00",
        "-XMP-photoshop:DateCreated=2015-10-03T11:20:00+03:00",
    )

    odd = OUT / "mismatch-2023.jpg"
    embedded = (
        "People inspect the damage at a market after an explosion in Beirut, Lebanon, "
        "Tuesday, Sept. 12, 2023. At least six people were wounded, a security official said. "
        "(AP Photo/Hussein Malla)"
    )
    source_ar = "وكالة رويترز للأنباء - مكتب حلب"  # 57 bytes in UTF-8: IIM keeps 32
    cut = source_ar.encode("utf-8")[:32].decode("utf-8", errors="ignore")
    save_with_exif(
        picture((150, 150, 160), (110, 100, 90)),
        odd,
        "2023:08:02 09:05:00",
        "+03:00",
        36.2021,
        37.1343,
        "Bilal Hussein",
    )
    exiftool(
        odd,
        f"-IPTC:Caption-Abstract={embedded}",
        f"-XMP-dc:Description={embedded}",
        "-IPTC:By-line=Bilal Hussein",
        "-XMP-dc:Creator=Bilal Hussein",
        "-IPTC:Credit=REUTERS",
        "-XMP-photoshop:Credit=REUTERS",
        f"-IPTC:Source={cut}",
        f"-XMP-photoshop:Source={source_ar}",
        "-IPTC:City=Aleppo",
        "-XMP-photoshop:City=Idlib",
        "-IPTC:Country-PrimaryLocationName=Syria",
        "-XMP-photoshop:Country=Syria",
        "-IPTC:DateCreated=2023:08:02",
        "-IPTC:TimeCreated=09:05:00+03:00",
    )
    for path in (seed, odd):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
