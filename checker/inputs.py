"""Where caption pairs come from, as newsrooms have them: a JSONL or CSV manifest, a folder of
``X.en.txt`` / ``X.ar.txt`` / ``X.jpg`` sidecars, or a list of files (pre-commit) paired by stem.

Every source yields :class:`Item` records in order, one per pair; an item that cannot even be
read carries an ``error`` instead of a pair, so that it still gets its one output record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.models import CaptionPair

MAX_FILE_BYTES = 1_000_000
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif", ".avif")
CAPTION_SUFFIXES = {".en.txt": "en", ".ar.txt": "ar"}


@dataclass(frozen=True)
class Item:
    id: str
    pair: CaptionPair | None = None
    error: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # "en"/"ar"/"image" -> file path


class InputFileError(ValueError):
    """A caption file that cannot be used; the message names the file."""


def read_caption_file(path: str | Path) -> str:
    """A caption file as text: UTF-8 (BOM allowed), or UTF-16 with a BOM; a clear error else."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(f"{path}: {size:,} bytes is too big for a caption file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a directory, not a caption file") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the caption as UTF-8 (Windows-1256 and Latin-1 files must be converted)"
        ) from None


# --- manifests ---------------------------------------------------------------------------------


def _item_from_record(record: Any, number: int, base: Path | None) -> Item:
    if not isinstance(record, dict):
        return Item(f"line {number}", error=f"line {number} is not a JSON object")
    item_id = str(record["id"]) if record.get("id") not in (None, "") else f"line {number}"
    texts: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    for lang in ("en", "ar"):
        text, path = record.get(lang), record.get(f"{lang}_file")
        if text not in (None, "") and path not in (None, ""):
            return Item(item_id, error=f"give {lang} or {lang}_file, not both")
        if path not in (None, ""):
            resolved = _resolve(str(path), base)
            try:
                texts[lang] = read_caption_file(resolved)
            except InputFileError as exc:
                return Item(item_id, error=str(exc))
            sources[lang] = resolved
        else:
            texts[lang] = text if text != "" else None
    image = record.get("image")
    if image not in (None, ""):
        if not isinstance(image, str):
            return Item(item_id, error="image must be a file path")
        image = _resolve(image, base)
        sources["image"] = image
    else:
        image = None
    date = record.get("date") or None
    pair = CaptionPair(en=texts["en"], ar=texts["ar"], id=item_id, image=image, date=date)
    return Item(item_id, pair=pair, sources=sources)


def _resolve(path: str, base: Path | None) -> str:
    """A path in a manifest is relative to the manifest's folder, not to the working directory."""
    p = Path(path)
    return str(p if p.is_absolute() or base is None else base / p)


def _lines(handle: io.BufferedIOBase | Any) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, error): each line decoded alone, so one bad line is reported alone."""
    for number, raw in enumerate(handle, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield (
                number,
                None,
                (
                    f"line {number} is not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                    "save the manifest as UTF-8"
                ),
            )


def from_jsonl(handle: Any, base: Path | None) -> Iterator[Item]:
    for number, line, error in _lines(handle):
        if error is not None:
            yield Item(f"line {number}", error=error)
            continue
        assert line is not None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(f"line {number}", error=f"line {number} is not JSON ({exc.msg})")
            continue
        yield _item_from_record(record, number, base)


CSV_COLUMNS = ("id", "en", "ar", "en_file", "ar_file", "image", "date")


def from_csv(handle: Any, base: Path | None) -> Iterator[Item]:
    """A CSV manifest with a header row naming some of: id, en, ar, en_file, ar_file, image, date."""
    try:
        text = handle.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Item(
            "manifest",
            error=f"the CSV manifest is not UTF-8 (byte at offset {exc.start}); save it as UTF-8",
        )
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    unknown = [c for c in reader.fieldnames or [] if c not in CSV_COLUMNS]
    if unknown:
        yield Item(
            "manifest", error=f"unknown CSV column {unknown[0]!r} (known: {', '.join(CSV_COLUMNS)})"
        )
        return
    for number, row in enumerate(reader, 2):
        if None in row:
            yield Item(f"line {number}", error=f"line {number} has more fields than the header")
            continue
        yield _item_from_record(row, number, base)


# --- sidecar files -------------------------------------------------------------------------------


def split_name(path: Path) -> tuple[str, str] | None:
    """(stem, role) of a sidecar file: X.en.txt -> (X, en), X.jpg -> (X, image); None otherwise."""
    name = path.name.lower()
    for suffix, lang in CAPTION_SUFFIXES.items():
        if name.endswith(suffix):
            return path.name[: -len(suffix)], lang
    if name.endswith(IMAGE_SUFFIXES):
        return path.stem, "image"
    return None


def group_files(
    paths: Iterable[Path], *, find_siblings: bool
) -> list[tuple[Path, str, dict[str, Path]]]:
    """Group sidecars by folder and stem, in the order first seen. With ``find_siblings``, a
    file given alone brings its siblings (X.en.txt brings X.ar.txt and X.jpg if they exist)."""
    groups: dict[tuple[Path, str], dict[str, Path]] = {}
    for path in paths:
        parts = split_name(path)
        if parts is None:
            continue
        stem, role = parts
        groups.setdefault((path.parent, stem), {})[role] = path
    if find_siblings:
        for (folder, stem), roles in groups.items():
            try:
                siblings = list(folder.iterdir())
            except OSError:
                continue
            for sibling in siblings:
                parts = split_name(sibling)
                if parts and parts[0] == stem and parts[1] not in roles and sibling.is_file():
                    roles[parts[1]] = sibling
    return [(folder, stem, roles) for (folder, stem), roles in groups.items()]


def from_files(paths: Iterable[Path], *, find_siblings: bool = True) -> Iterator[Item]:
    for folder, stem, roles in group_files(paths, find_siblings=find_siblings):
        item_id = str(folder / stem) if str(folder) != "." else stem
        texts: dict[str, str | None] = {"en": None, "ar": None}
        sources = {role: str(p) for role, p in roles.items()}
        try:
            for lang in ("en", "ar"):
                if lang in roles:
                    texts[lang] = read_caption_file(roles[lang])
        except InputFileError as exc:
            yield Item(item_id, error=str(exc), sources=sources)
            continue
        image = str(roles["image"]) if "image" in roles else None
        pair = CaptionPair(en=texts["en"], ar=texts["ar"], id=item_id, image=image)
        yield Item(item_id, pair=pair, sources=sources)


def from_folder(folder: Path) -> Iterator[Item]:
    """Every sidecar group in a folder and below, sorted by path."""
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.parts)
    )
    return from_files(files, find_siblings=False)


def open_source(source: str) -> Iterator[Item]:
    """A folder, a .csv manifest, a JSONL manifest, or ``-`` (JSONL on standard input)."""
    import sys

    if source == "-":
        return from_jsonl(sys.stdin.buffer, None)
    path = Path(source)
    if path.is_dir():
        return from_folder(path)
    if not path.exists():
        raise InputFileError(f"{source}: no such file or folder")
    reader = from_csv if path.suffix.lower() == ".csv" else from_jsonl
    try:
        handle = path.open("rb")  # opened now, so that an unreadable manifest fails at once
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror})") from None
    return _reading(handle, reader, path.parent)


def _reading(handle: Any, reader: Any, base: Path) -> Iterator[Item]:
    with handle:
        yield from reader(handle, base)
