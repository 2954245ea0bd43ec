"""``caption-check meta`` output: an image's metadata for people, and the agreement report of
``--compare-exiftool``. Reading and comparing live in :mod:`checker.metadata`."""

from __future__ import annotations

import json
from typing import Any

from checker.metadata import ImageMetadata
from checker.metadata.compare import Agreement

RLI, PDI = "\u2067", "\u2069"


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    text = str(value).replace("\n", " ⏎ ")
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return f"{RLI}{text}{PDI}"
    return text


def render_text(meta: ImageMetadata) -> str:
    lines = [f"{meta.path}:"]
    if meta.error:
        lines.append(f"  error: {meta.error}")
    if meta.format:
        size = f" {meta.width}x{meta.height}" if meta.width is not None else ""
        lines.append(f"  {meta.format}{size}")
    view = meta.to_json()["fields"]
    width = max((len(name) for name in view), default=0)
    for name, item in view.items():
        note = f"  [{item['note']}]" if item.get("note") else ""
        lines.append(f"  {name:<{width}}  {_show(item['value'])}  ({item['source']}){note}")
    cred = meta.credentials
    if cred is not None:
        facts = ["Content Credentials: present"]
        if cred.verified:
            facts.append("signature " + ("valid" if cred.signature_valid else "INVALID"))
            facts.append("signer trusted" if cred.trusted else "signer not on a trust list")
            if cred.edited_after_signing:
                facts.append("image EDITED after signing")
            if cred.signer:
                facts.append(f"signed by {cred.signer}")
        else:
            facts.append(cred.note or "not verified")
        lines.append("  " + "; ".join(facts))
    lines.extend(f"  warning: {w}" for w in meta.warnings)
    return "\n".join(lines)


def render_json(metas: list[ImageMetadata]) -> str:
    return json.dumps({m.path: m.exiftool() for m in metas}, ensure_ascii=False, indent=1)


def render_agreement(result: Agreement, answered: int, tracebacks: int) -> str:
    lines = ["field                              agree / reference"]
    for tag in sorted(result.fields, key=lambda t: (-result.fields[t], t)):
        total, agreed = result.fields[tag], result.agreed[tag]
        mark = "" if agreed == total else "   <-"
        lines.append(f"  {tag:<34} {agreed:>4} / {total:<4}{mark}")
    lines.append("")
    agreed_total = sum(result.agreed.values())
    lines.append(
        f"agreement: {agreed_total}/{result.total} reference values = {result.rate:.2%}; "
        f"{answered} files answered, {len(result.missing_files)} reference files not found, "
        f"{tracebacks} crashed"
    )
    if result.disagreements:
        lines.append("\ndisagreements (file, field, ExifTool, ours):")
        for name, tag, expected, got in result.disagreements:
            lines.append(
                f"  {name}  {tag}\n    exiftool: {_show(expected)}\n    ours:     {_show(got)}"
            )
    if result.extras:
        lines.append("\nread by us, absent from the reference (file, field, ours):")
        for name, tag, value in result.extras:
            lines.append(f"  {name}  {tag}: {_show(value)}")
    if result.missing_files:
        lines.append("\nreference files not given: " + ", ".join(result.missing_files))
    return "\n".join(lines)
