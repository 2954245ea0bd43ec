"""The ``caption-check`` command. It reads input, calls the engine, picks a formatter and
decides the exit code; it holds no checking logic.

Exit codes: 0 no finding at or above ``--fail-on``; 1 there are; 2 usage or input error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.settings import Limits

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_LIMITS = Limits()  # the hook's defaults, shown by `serve --help`


class CheckerUsageError(click.ClickException):
    exit_code = EXIT_ERROR


def read_caption_file(path: str) -> str:
    """A caption file as text, or a usage error that names the file."""
    from checker.inputs import InputFileError
    from checker.inputs import read_caption_file as read

    try:
        return read(path)
    except InputFileError as exc:
        raise CheckerUsageError(str(exc)) from None


@dataclass(frozen=True)
class RunOptions:
    """The options every checking command shares; flags given override the configuration."""

    fail_on: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    ref_date: str | None
    config: str | None
    no_config: bool

    def resolve(self, start: str | Path | None) -> Any:
        """The configuration in force for files at ``start``, with the flags laid over it; the
        configuration's lexicon is installed for this process."""
        from dataclasses import replace

        from checker import config as cfg
        from checker.data import use_lexicon
        from checker.models import Severity
        from checker.settings import SettingsError, parse_date

        try:
            conf = cfg.resolve(start, self.config, use_files=not self.no_config)
            changes: dict[str, Any] = {}
            if self.select:
                changes["select"] = tuple(c for s in self.select for c in s.split(",") if c)
            if self.ignore:
                changes["ignore"] = (
                    *conf.settings.ignore,
                    *(c for s in self.ignore for c in s.split(",") if c),
                )
            if self.fail_on:
                changes["fail_on"] = Severity.parse(self.fail_on)
            if self.ref_date:
                changes["reference_date"] = parse_date(self.ref_date, "--date")
            settings = replace(conf.settings, **changes)
        except (SettingsError, ValueError) as exc:
            raise CheckerUsageError(str(exc)) from None
        use_lexicon(conf.lexicon)
        return replace(conf, settings=settings)


_common = [
    click.option(
        "--fail-on",
        default=None,
        type=click.Choice(["error", "warning", "info"]),
        help="Exit 1 when a finding has this severity or worse (default: error, or the config's).",
    ),
    click.option("--select", multiple=True, help="Only these rule codes or prefixes (DT, CR002)."),
    click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes too."),
    click.option(
        "--date", "ref_date", help="Reference date YYYY-MM-DD for relative and yearless dates."
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Configuration file (default: the nearest .caption-checker.toml or pyproject.toml "
        "[tool.caption-checker] above the files checked).",
    ),
    click.option("--no-config", is_flag=True, help="Ignore configuration files."),
]


def common_options(func: Any) -> Any:
    """Add the shared options; the command receives them as one ``opts`` (RunOptions)."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        fail_on: str | None,
        select: tuple[str, ...],
        ignore: tuple[str, ...],
        ref_date: str | None,
        config_path: str | None,
        no_config: bool,
        **kwargs: Any,
    ) -> Any:
        opts = RunOptions(fail_on, select, ignore, ref_date, config_path, no_config)
        return func(*args, opts=opts, **kwargs)

    for option in reversed(_common):
        wrapper = option(wrapper)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="caption-checker")
def main() -> None:
    """Check English wire-photo captions against their Arabic counterparts."""


FORMATS = ["text", "json", "jsonl", "sarif", "github", "junit"]


_F = TypeVar("_F", bound=Callable[..., Any])


def _format_option(default: str) -> Callable[[_F], _F]:
    return click.option(
        "--format",
        "fmt",
        default=default,
        show_default=True,
        type=click.Choice(FORMATS),
        help="text for people; json/jsonl the contract; sarif for code scanning; github for "
        "workflow annotations; junit for CI test reports.",
    )


_jobs: Callable[[_F], _F] = click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes.",
)


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
    help="The photo: its metadata is checked against the captions, and its embedded caption is "
    "used when --en is not given.",
)
@click.option("--id", "item_id", help="An id to carry into the report.")
@_format_option("text")
@common_options
def check(
    en_text: str | None,
    ar_text: str | None,
    en_file: str | None,
    ar_file: str | None,
    image: str | None,
    item_id: str | None,
    fmt: str,
    opts: RunOptions,
) -> None:
    """Check one caption pair (either caption may be left out), and its image if given."""
    from dataclasses import replace

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
    sources = {k: v for k, v in (("en", en_file), ("ar", ar_file), ("image", image)) if v}
    first = next(iter(sources.values()), None)
    config = opts.resolve(first)
    settings = config.settings_for(first)
    try:
        report = run(CaptionPair(en=en, ar=ar, id=item_id or None, image=image), settings)
    except InputError as exc:
        raise CheckerUsageError(str(exc)) from None
    report = replace(report, sources=sources)
    ok = _emit_all(iter([report]), fmt, settings.fail_on, single=True, total=1)
    sys.exit(EXIT_OK if ok else EXIT_FINDINGS)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_format_option("jsonl")
@_jobs
@common_options
def batch(sources: tuple[str, ...], fmt: str, jobs: int, opts: RunOptions) -> None:
    """Check many pairs: JSONL manifests (one {"id", "en" or "en_file", "ar" or "ar_file",
    "image"?, "date"?} per line; - for standard input), CSV manifests with those columns, or
    folders of X.en.txt / X.ar.txt / X.jpg sidecars. Paths in a manifest are relative to it.
    Every item gets exactly one report, in order, even when it fails; a summary closes the run.
    """
    from checker import inputs

    config = opts.resolve(sources[0] if sources[0] != "-" else None)
    try:
        streams = [inputs.open_source(s) for s in sources]
    except inputs.InputFileError as exc:
        raise CheckerUsageError(str(exc)) from None
    items = (item for stream in streams for item in stream)
    ok = _run_and_emit(items, config, fmt, jobs, _count(sources))
    sys.exit(EXIT_OK if ok else EXIT_FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_format_option("text")
@_jobs
@common_options
def files(paths: tuple[str, ...], fmt: str, jobs: int, opts: RunOptions) -> None:
    """Check caption sidecar files as pre-commit passes them: any of X.en.txt, X.ar.txt and
    X.jpg (or another image) brings the others of its stem along; a lone file is checked alone.
    Other files are skipped."""
    from checker import inputs

    given = [Path(p) for p in paths]
    config = opts.resolve(given[0] if given else None)
    items = list(inputs.from_files(given))
    ok = _run_and_emit(iter(items), config, fmt, jobs, len(items))
    sys.exit(EXIT_OK if ok else EXIT_FINDINGS)


def _count(sources: tuple[str, ...]) -> int | None:
    """How many items a run will have, when that is cheap to know (for the progress bar)."""
    total = 0
    for s in sources:
        p = Path(s)
        if s == "-" or not p.is_file() or p.stat().st_size > 50_000_000:
            return None
        with p.open("rb") as fh:
            total += sum(1 for line in fh if line.strip()) - (p.suffix.lower() == ".csv")
    return total


def _run_and_emit(
    items: Iterator[Any], config: Any, fmt: str, jobs: int, total: int | None
) -> bool:
    from checker.runner import check_items

    reports = check_items(items, config, jobs)
    return _emit_all(reports, fmt, config.settings.fail_on, single=False, total=total)


def _emit_all(
    reports: Iterator[Any], fmt: str, fail_on: Any, *, single: bool, total: int | None
) -> bool:
    """Render reports in the chosen format (streaming where the format allows) and the closing
    summary; True when nothing reached the fail level."""
    import os

    from checker.formatters import github, json_format, junit, sarif, text
    from checker.runner import Summary

    summary = Summary(fail_on)
    progress = not single and total is not None and sys.stderr.isatty() and not sys.stdout.isatty()

    def counted() -> Iterator[Any]:
        for n, report in enumerate(reports, 1):
            summary.add(report)
            if progress:
                click.echo(f"\r{n:,}/{total:,} pairs", nl=False, err=True)
            yield report
        if progress:
            click.echo("", err=True)

    stream = counted()
    if fmt == "text":
        colour = sys.stdout.isatty()
        for report in stream:
            click.echo(text.render(report, colour=colour))
        if not single:
            click.echo(summary.render())
    elif fmt == "jsonl" or (fmt == "json" and single):
        for report in stream:
            click.echo(
                json_format.render_line(report) if fmt == "jsonl" else json_format.render(report)
            )
        if not single:
            click.echo(summary.render(), err=True)
    elif fmt == "json":
        click.echo(json_format.render_many(stream))
    elif fmt == "sarif":
        click.echo(sarif.render(stream))
    elif fmt == "junit":
        click.echo(junit.render(stream, fail_on))
    else:  # github
        annotations, markdown = github.render(stream)
        if annotations:
            click.echo(annotations)
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(f"{markdown}\n\n{summary.render()}\n")
        click.echo(summary.render())
    return summary.ok


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--image-root",
    type=click.Path(exists=True, file_okay=False),
    help="Folder the CMS's image paths are relative to; nothing outside it is read.",
)
@click.option(
    "--max-body",
    default=_LIMITS.max_body,
    show_default=True,
    type=click.IntRange(1_000),
    help="Largest JSON body, in bytes.",
)
@click.option(
    "--max-upload",
    default=_LIMITS.max_upload,
    show_default=True,
    type=click.IntRange(1_000),
    help="Largest image upload, in bytes.",
)
@click.option(
    "--max-items",
    default=_LIMITS.max_items,
    show_default=True,
    type=click.IntRange(1),
    help="Most pairs per batch, or figures per article.",
)
@click.option(
    "--timeout",
    default=_LIMITS.timeout,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds of checking per request.",
)
@common_options
def serve(
    host: str,
    port: int,
    image_root: str | None,
    max_body: int,
    max_upload: int,
    max_items: int,
    timeout: float,
    opts: RunOptions,
) -> None:
    """Run the pre-publication HTTP hook (POST /v1/check, /v1/batch, /v1/article; GET /healthz,
    /v1/rules, /openapi.json). Needs the [server] extra: pip install 'caption-checker[server]'."""
    try:
        from checker.server import serve as run_server
    except ImportError as exc:
        raise CheckerUsageError(
            f"the HTTP hook needs the server extra ({exc.name} is missing): "
            "pip install 'caption-checker[server]'"
        ) from None
    config = opts.resolve(image_root)
    limits = Limits(max_body=max_body, max_upload=max_upload, max_items=max_items, timeout=timeout)
    click.echo(
        f"caption-check serve: listening on http://{host}:{port} "
        f"(image root: {image_root or 'none'}, fail on {config.settings.fail_on.label})",
        err=True,
    )
    run_server(host, port, config, image_root, limits)


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
        if not p.is_dir():
            out.append(p)  # answered even when missing or unreadable: read_image says why
            continue
        try:
            children = sorted(p.iterdir())
        except OSError as exc:
            raise CheckerUsageError(f"{name}: cannot list the folder ({exc.strerror})") from None
        for child in children:
            if not child.is_file() or child.name.startswith("."):
                continue
            try:
                with child.open("rb") as fh:
                    head = fh.read(16)
            except OSError:
                out.append(child)  # an unreadable file still gets its answer ("Permission denied")
                continue
            if sniff(head):
                out.append(child)
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
    from checker.docs import page
    from checker.rules import find_rule

    r = find_rule(code)
    if r is None:
        raise CheckerUsageError(f"no rule {code!r}; `caption-check rules` lists them")
    click.echo(page(r).rstrip())


if __name__ == "__main__":  # pragma: no cover
    main()
