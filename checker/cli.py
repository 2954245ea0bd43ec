"""The ``caption-check`` command. It reads input, calls the engine, picks a formatter and
decides the exit code; it holds no checking logic.

Exit codes: 0 no finding at or above ``--fail-on``; 1 there are; 2 usage or input error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MAX_FILE_BYTES = 1_000_000


class CheckerUsageError(click.ClickException):
    exit_code = EXIT_ERROR


def read_caption_file(path: str) -> str:
    """Read a caption file as UTF-8 (BOM allowed, UTF-16 with a BOM too); a clear error otherwise."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise CheckerUsageError(
                f"{path}: {p.stat().st_size:,} bytes is too big for a caption file"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise CheckerUsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CheckerUsageError(f"{path}: is a directory, not a caption file") from None
    except OSError as exc:
        raise CheckerUsageError(f"{path}: cannot read ({exc.strerror})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CheckerUsageError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the caption as UTF-8 (Windows-1256 and Latin-1 files must be converted)"
        ) from None


def _settings(
    fail_on: str, select: tuple[str, ...], ignore: tuple[str, ...], date: str | None
) -> Any:
    from checker.models import Severity
    from checker.settings import Settings, SettingsError, parse_date

    try:
        return Settings(
            select=tuple(c for s in select for c in s.split(",") if c),
            ignore=tuple(c for s in ignore for c in s.split(",") if c),
            fail_on=Severity.parse(fail_on),
            reference_date=parse_date(date, "--date") if date else None,
        )
    except (SettingsError, ValueError) as exc:
        raise CheckerUsageError(str(exc)) from None


_common = [
    click.option(
        "--fail-on",
        default="error",
        show_default=True,
        type=click.Choice(["error", "warning", "info"]),
        help="Exit 1 when a finding has this severity or worse.",
    ),
    click.option("--select", multiple=True, help="Only these rule codes or prefixes (DT, CR002)."),
    click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes."),
    click.option(
        "--date", "ref_date", help="Reference date YYYY-MM-DD for relative and yearless dates."
    ),
]


def common_options(func: Any) -> Any:
    for option in reversed(_common):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="caption-checker")
def main() -> None:
    """Check English wire-photo captions against their Arabic counterparts."""


@main.command()
@click.option("--en", "en_text", help="The English caption.")
@click.option("--ar", "ar_text", help="The Arabic caption.")
@click.option(
    "--en-file", type=click.Path(dir_okay=False), help="File holding the English caption."
)
@click.option("--ar-file", type=click.Path(dir_okay=False), help="File holding the Arabic caption.")
@click.option(
    "--image",
    "image",
    type=click.Path(),
    help=(
        "The photo: its metadata is checked against the captions, and its embedded caption is used "
        "when --en is not given."
    ),
)
@click.option("--id", "item_id", help="An id to carry into the report.")
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json", "jsonl"]),
)
@common_options
def check(
    en_text: str | None,
    ar_text: str | None,
    en_file: str | None,
    ar_file: str | None,
    image: str | None,
    item_id: str | None,
    fmt: str,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    ref_date: str | None,
) -> None:
    """Check one caption pair (either caption may be left out), and its image if given."""
    from checker.engine import InputError, run
    from checker.models import CaptionPair

    if en_text is not None and en_file is not None:
        raise CheckerUsageError("give --en or --en-file, not both")
    if ar_text is not None and ar_file is not None:
        raise CheckerUsageError("give --ar or --ar-file, not both")
    en = read_caption_file(en_file) if en_file else en_text
    ar = read_caption_file(ar_file) if ar_file else ar_text
    if image is not None and not Path(image).is_file():
        raise CheckerUsageError(f"{image}: no such image file")
    settings = _settings(fail_on, select, ignore, ref_date)
    try:
        report = run(CaptionPair(en=en, ar=ar, id=item_id or None, image=image), settings)
    except InputError as exc:
        raise CheckerUsageError(str(exc)) from None
    _emit([report], fmt)
    worst = report.max_severity()
    sys.exit(EXIT_FINDINGS if worst is not None and worst >= settings.fail_on else EXIT_OK)


def _manifest(path: str) -> Iterator[tuple[int, Any]]:
    """Manifest lines as (line number, parsed object or an error message). Lines are read as
    bytes and decoded one by one, so a line that is not UTF-8 is reported, never mangled."""
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise CheckerUsageError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for number, raw in enumerate(fh, 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield (
                    number,
                    (
                        f"line {number} is not UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                        f"{exc.start + 1}); save the manifest as UTF-8"
                    ),
                )
                continue
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"line {number} is not JSON ({exc.msg})"


@main.command()
@click.argument("manifest", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format", "fmt", default="jsonl", show_default=True, type=click.Choice(["jsonl", "text"])
)
@common_options
def batch(
    manifest: str,
    fmt: str,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    ref_date: str | None,
) -> None:
    """Check every line {"id", "en", "ar", "image"?, "date"?} of a JSONL manifest, streaming
    reports in order. An image path is relative to the manifest's folder."""
    from checker.engine import InputError, error_report, run
    from checker.formatters import json_format, text
    from checker.models import CaptionPair

    if manifest != "-" and not Path(manifest).exists():
        raise CheckerUsageError(f"{manifest}: no such file")
    settings = _settings(fail_on, select, ignore, ref_date)
    failed = False
    colour = fmt == "text" and sys.stdout.isatty()
    for number, item in _manifest(manifest):
        item_id = None
        if isinstance(item, str):
            report = error_report(f"line {number}", item)
        elif not isinstance(item, dict):
            report = error_report(f"line {number}", f"line {number} is not a JSON object")
        else:
            item_id = str(item["id"]) if item.get("id") is not None else f"line {number}"
            image = item.get("image")
            if isinstance(image, str) and manifest != "-" and not Path(image).is_absolute():
                image = str(Path(manifest).parent / image)  # relative to the manifest, not the cwd
            try:
                pair = CaptionPair(
                    en=item.get("en"),
                    ar=item.get("ar"),
                    id=item_id,
                    image=image,
                    date=item.get("date"),
                )
                report = run(pair, settings)
            except InputError as exc:
                report = error_report(item_id, str(exc))
        if report.error is not None:
            failed = True
        worst = report.max_severity()
        if worst is not None and worst >= settings.fail_on:
            failed = True
        line = (
            json_format.render_line(report)
            if fmt == "jsonl"
            else text.render(report, colour=colour)
        )
        click.echo(line)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@main.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False))
@click.option("--misses", is_flag=True, help="List every miss: id, field, expected, got.")
def evaluate(corpus: str, misses: bool) -> None:
    """Per-field precision and recall on a hand-labelled corpus (JSONL)."""
    from checker import evaluate as ev

    try:
        result = ev.evaluate(ev.load(Path(corpus)))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckerUsageError(f"{corpus}: not a JSONL corpus ({exc})") from None
    click.echo(ev.render(result, misses=misses))


def _image_paths(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; a directory stands for the image files in it (sniffed, not by name)."""
    from checker.metadata.containers import sniff

    out: list[Path] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            for child in sorted(p.iterdir()):
                if child.is_file() and not child.name.startswith("."):
                    with child.open("rb") as fh:
                        if sniff(fh.read(16)):
                            out.append(child)
        else:
            out.append(p)
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"])
)
@click.option(
    "--compare-exiftool",
    "reference",
    type=click.Path(exists=True, dir_okay=False),
    help="An ExifTool JSON reference: print per-field agreement with it instead.",
)
@click.option(
    "--min-agreement",
    default=0.99,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="With --compare-exiftool: exit 1 below this share of agreeing values.",
)
def meta(paths: tuple[str, ...], fmt: str, reference: str | None, min_agreement: float) -> None:
    """Read the metadata embedded in image files (EXIF, IPTC, XMP, GPS).

    JSON output uses ExifTool's group-prefixed tag names and `exiftool -json -n` values. A
    directory stands for the image files in it. Every file gets an answer: a missing or broken
    one gets an Error or Warning entry, as with ExifTool.
    """
    from checker.formatters import meta as out
    from checker.metadata import read_image
    from checker.metadata.compare import compare, load_reference

    files = _image_paths(paths)
    if reference is None:
        metas = [read_image(f) for f in files]
        if fmt == "json":
            click.echo(out.render_json(metas))
        else:
            click.echo("\n\n".join(out.render_text(m) for m in metas))
        sys.exit(EXIT_ERROR if any(m.error for m in metas) else EXIT_OK)
    try:
        expected = load_reference(json.loads(Path(reference).read_text(encoding="utf-8")))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckerUsageError(f"{reference}: not an ExifTool JSON reference ({exc})") from None
    ours: dict[str, dict[str, Any]] = {}
    crashed = 0
    for f in files:
        try:
            ours[f.name] = read_image(f).exiftool()
        except Exception as exc:  # counted and shown: finding these is the point
            crashed += 1
            ours[f.name] = {"Error": f"crashed: {type(exc).__name__}: {exc}"}
    result = compare(expected, ours)
    click.echo(out.render_agreement(result, answered=len(ours), tracebacks=crashed))
    sys.exit(EXIT_OK if result.rate >= min_agreement and not crashed else EXIT_FINDINGS)


@main.command("rules")
def list_rules() -> None:
    """List every rule: code, name, category, default severity."""
    from checker.rules import ALL_RULES

    for r in ALL_RULES:
        click.echo(
            f"{r.code}  {r.name:<32} {r.category.value:<9} {r.severity.label:<8} {r.summary()}"
        )


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Print one rule's documentation (by code or name)."""
    from checker.rules import find_rule

    r = find_rule(code)
    if r is None:
        raise CheckerUsageError(f"no rule {code!r}; `caption-check rules` lists them")
    click.echo(f"{r.code} {r.name} ({r.category.value}, {r.severity.label})\n\n{r.doc}")


def _emit(reports: list[Any], fmt: str) -> None:
    from checker.formatters import json_format, text

    for report in reports:
        if fmt == "json":
            click.echo(json_format.render(report))
        elif fmt == "jsonl":
            click.echo(json_format.render_line(report))
        else:
            click.echo(text.render(report, colour=sys.stdout.isatty()))


if __name__ == "__main__":  # pragma: no cover
    main()
