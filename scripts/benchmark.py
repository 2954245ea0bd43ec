#!/usr/bin/env python3
"""Speed and memory of text-only checks (not a test: figures go into the README).

Prints pairs/s over N generated pairs (default 10,000) on one core, peak memory, and the cold
wall time of one ``caption-check check`` on the seed pair (a fresh process each time, best of
five). Run: ``.venv/bin/python scripts/benchmark.py``.
"""

from __future__ import annotations

import argparse
import resource
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
PLACES = [("Gaza City", "مدينة غزة", "Palestinian territories"), ("Aleppo", "حلب", "Syria"),
          ("Mosul", "الموصل", "Iraq"), ("Beirut", "بيروت", "Lebanon"), ("Sanaa", "صنعاء", "Yemen")]
NAMES = ["Rami Haddad", "Samir Aziz", "Leila Nasser", "Omar Khatib"]
MONTHS = [("September", "Sept.")]


def pairs(n: int) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        place, place_ar, country = PLACES[i % len(PLACES)]
        name = NAMES[i % len(NAMES)]
        fields = {"place": place, "place_ar": place_ar, "country": country, "name": name,
                      "upper": name.upper(), "wd": "Saturday", "mon": "Sept.", "month": "September",
                      "day": 1 + i % 28, "year": 2000 + i % 25, "n": 3 + i % 40}
        out.append((TEMPLATES_EN[i % 4].format(**fields), TEMPLATES_AR[(i // 4) % 4].format(**fields)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10_000)
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
    print(f"text-only checks: {args.n:,} pairs in {elapsed:.2f} s = {args.n / elapsed:,.0f} pairs/s "
          f"(one core, {findings:,} findings, peak RSS {peak:.0f} MB)")

    exe = ROOT / ".venv" / "bin" / "caption-check"
    cmd = [str(exe) if exe.exists() else "caption-check", "check",
           "--en-file", str(ROOT / "captions" / "hmeimim-2015.en.txt"),
           "--ar-file", str(ROOT / "captions" / "hmeimim-2015.ar.txt")]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    print(f"cold `caption-check check` on the seed pair: best {min(times) * 1000:.0f} ms, "
          f"median {sorted(times)[2] * 1000:.0f} ms (fresh process each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
