"""Where a span lies in a file: 1-based line and column (code points), for SARIF and GitHub."""

from __future__ import annotations

from dataclasses import dataclass

from checker.models import Finding, Lang, Report, Span


@dataclass(frozen=True, slots=True)
class Place:
    uri: str | None  # the file, when the caption came from one
    line: int
    column: int
    end_line: int
    end_column: int
    span: Span | None
    lang: str


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def places(report: Report, finding: Finding) -> list[Place]:
    """The finding's spans as file positions; an image-only finding points at the image."""
    out: list[Place] = []
    langs: tuple[Lang, Lang] = ("en", "ar")
    for lang in langs:
        fields = report.en if lang == "en" else report.ar
        spans = finding.spans.get(lang, ())
        if fields is None or not spans:
            continue
        uri = report.sources.get(lang)
        taken = ((report.image or {}).get("captions_taken") or {}).get(lang)
        if taken and "image" in report.sources:
            uri = report.sources["image"]  # the caption was read out of the image file
        for span in spans:
            line, col = _line_col(fields.text, span.start)
            end_line, end_col = _line_col(fields.text, span.end)
            out.append(Place(uri, line, col, end_line, end_col, span, lang))
    if not out:
        uri = report.sources.get("image") or next(iter(report.sources.values()), None)
        out.append(Place(uri, 1, 1, 1, 1, None, "image"))
    return out


def excerpt(report: Report, place: Place) -> str:
    fields = report.en if place.lang == "en" else report.ar if place.lang == "ar" else None
    if fields is None or place.span is None:
        return ""
    return fields.text[place.span.start : place.span.end]


__all__ = ["Lang", "Place", "excerpt", "places"]
