#!/usr/bin/env python3
"""Speed and memory (not a test: figures go into the README).

Prints:
- text-only checks: pairs/s over N generated pairs (default 10,000) on one core, peak memory;
- metadata: files/s of the reader behind ``caption-check meta`` over an image folder (default
  ../shared/corpus/images when present, else images/), next to ``exiftool -json`` reading the
  same tags of the same files in one process, in the same run;
- the cold wall time of one ``caption-check check`` on the seed pair, with and without its
  image (a fresh process each time, best of five, after one run that writes the bytecode and
  the data caches, as an installed tool has them).
Run: ``.venv/bin/python scripts/benchmark.py``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATES_EN = [
    "Smoke rises over {place} after an airstrike, {wd}, {mon} {day}, {year}. (AP Photo/{name})",
    "People walk past damaged buildings in {place}, {country} {month} {day}, {year}. REUTERS/{name}",
    "A man carries a child in {place}, {country}, on {day} {month} {year}. EPA/{upper}",
    "At least {n} people were killed in {place}, officials said. (Photo by {upper} / AFP)",
]
TEMPLATES_AR = [
    "دخان يتصاعد فوق {place_ar} بعد غارة جوية (أسوشيتد برس)",
    "أشخاص يمرون قرب مبان متضررة في {place_ar} في {day} سبتمبر/أيلول {year} (رويترز)",
    "رجل يحمل طفلا في {place_ar} (الأوروبية)",
    "مقتل {n} أشخاص على الأقل في {place_ar} (أ ف ب)",
]
PLACES = [
    ("Gaza City", "مدينة غزة", "Palestinian territories"),
    ("Aleppo", "حلب", "Syria"),
    ("Mosul", "الموصل", "Iraq"),
    ("Beirut", "بيروت", "Lebanon"),
    ("Sanaa", "صنعاء", "Yemen"),
]
NAMES = ["Rami Haddad", "Samir Aziz", "Leila Nasser", "Omar Khatib"]
MONTHS = [("September", "Sept.")]


def pairs(n: int) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        place, place_ar, country = PLACES[i % len(PLACES)]
        name = NAMES[i % len(NAMES)]
        fields = {
            "place": place,
            "place_ar": place_ar,
            "country": country,
            "name": name,
            "upper": name.upper(),
            "wd": "Saturday",
            "mon": "Sept.",
            "month": "September",
            "day": 1 + i % 28,
            "year": 2000 + i % 25,
            "n": 3 + i % 40,
        }
        out.append(
            (TEMPLATES_EN[i % 4].format(**fields), TEMPLATES_AR[(i // 4) % 4].format(**fields))
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--images", help="image folder for the metadata benchmark")
    args = parser.parse_args()
    from checker import check

    data = pairs(args.n)
    check(en=data[0][0], ar=data[0][1])  # load tables once, as a long-running process does
    start = time.perf_counter()
    findings = 0
    for en, ar in data:
        findings += len(check(en=en, ar=ar).findings)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"text-only checks: {args.n:,} pairs in {elapsed:.2f} s = {args.n / elapsed:,.0f} pairs/s "
        f"(one core, {findings:,} findings, peak RSS {peak:.0f} MB)"
    )

    metadata(Path(args.images) if args.images else None)

    exe = ROOT / ".venv" / "bin" / "caption-check"
    base = [str(exe) if exe.exists() else "caption-check", "check"]
    ar = ["--ar-file", str(ROOT / "captions" / "hmeimim-2015.ar.txt")]
    for label, cmd in (
        (
            "the seed pair",
            [*base, "--en-file", str(ROOT / "captions" / "hmeimim-2015.en.txt"), *ar],
        ),
        (
            "the seed image + Arabic caption",
            [*base, "--image", str(ROOT / "images" / "hmeimim-2015.jpg"), *ar],
        ),
    ):
        # an installed tool has its bytecode compiled (pip does it, or the first run): a
        # PYTHONDONTWRITEBYTECODE left in this shell would time the compiler on every run
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(cmd, capture_output=True, check=False, env=env)  # writes bytecode, caches
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False, env=env)
            times.append(time.perf_counter() - t0)
        print(
            f"cold `caption-check check` on {label}: best {min(times) * 1000:.0f} ms, "
            f"median {sorted(times)[2] * 1000:.0f} ms (fresh process each)"
        )
    return 0


EXIFTOOL_TAGS = [
    "-EXIF:DateTimeOriginal",
    "-EXIF:OffsetTimeOriginal",
    "-EXIF:CreateDate",
    "-Composite:GPSLatitude#",
    "-Composite:GPSLongitude#",
    "-IPTC:Caption-Abstract",
    "-IPTC:By-line",
    "-IPTC:Credit",
    "-IPTC:Source",
    "-IPTC:City",
    "-IPTC:Province-State",
    "-IPTC:Country-PrimaryLocationName",
    "-IPTC:DateCreated",
    "-IPTC:TimeCreated",
    "-IPTC:CodedCharacterSet",
    "-XMP-dc:Description",
    "-XMP-dc:Creator",
    "-XMP-photoshop:Credit",
    "-XMP-photoshop:DateCreated",
    "-XMP-photoshop:City",
    "-XMP-photoshop:State",
    "-XMP-photoshop:Country",
    "-Composite:ImageSize#",
]


def metadata(folder: Path | None) -> None:
    from checker.metadata import read_image
    from checker.metadata.containers import sniff

    if folder is None:
        shared = ROOT.parent / "shared" / "corpus" / "images"
        folder = shared if shared.is_dir() else ROOT / "images"
    files = []
    for p in sorted(folder.iterdir()):
        if p.is_file():
            with p.open("rb") as fh:
                if sniff(fh.read(16)):
                    files.append(p)
    rounds = max(1, 3000 // max(1, len(files)))
    start = time.perf_counter()
    for _ in range(rounds):
        for p in files:
            read_image(p).exiftool()
    ours = rounds * len(files) / (time.perf_counter() - start)
    line = f"metadata: {len(files)} files of {folder.name}/ x {rounds} rounds: {ours:,.0f} files/s"
    if shutil.which("exiftool"):
        start = time.perf_counter()
        subprocess.run(
            [
                "exiftool",
                "-json",
                "-G1:4",
                "-a",
                "-charset",
                "iptc=latin1",
                *EXIFTOOL_TAGS,
                *map(str, files),
            ],
            capture_output=True,
            check=False,
        )
        theirs = len(files) / (time.perf_counter() - start)
        line += f"; exiftool -json (one process, same files): {theirs:,.0f} files/s = {ours / theirs:,.0f}x"
    else:
        line += "; exiftool not installed, no comparison"
    print(line)


if __name__ == "__main__":
    raise SystemExit(main())
