"""Rule documentation, from the rules' own docstrings: ``caption-check rule CODE`` prints a
page, and ``docs/rules/`` holds the same pages as Markdown (``scripts/make_rule_docs.py``
writes them; a test fails when they are stale)."""

from __future__ import annotations

import re
from pathlib import Path

from checker.rules import ALL_RULES
from checker.rules.base import SECTIONS, Rule


def sections(rule: Rule) -> tuple[str, dict[str, str]]:
    """The summary paragraph and the named sections of a rule's docstring."""
    doc = rule.doc
    pattern = re.compile(rf"^({'|'.join(map(re.escape, SECTIONS))}):\s*", re.MULTILINE)
    parts = pattern.split(doc)
    summary = parts[0].strip()
    named = {parts[i]: _sentence(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}
    return summary, named


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def page(rule: Rule) -> str:
    summary, named = sections(rule)
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"Category: `{rule.category.value}` · default severity: `{rule.severity.label}`"
        + (" · needs both captions" if rule.needs_both else "")
        + (" · needs the image" if rule.needs_image else ""),
        "",
        " ".join(summary.split()),
    ]
    for title in SECTIONS:
        if title in named:
            lines += ["", f"## {title}", "", named[title]]
    lines += ["", f"Turn it off with `ignore = [\"{rule.code}\"]` in `.caption-checker.toml`, or "
              f"`--ignore {rule.code}`; change its severity with `severity = {{ {rule.code} = \"info\" }}`."]  # fmt: skip
    return "\n".join(lines) + "\n"


def index() -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `scripts/make_rule_docs.py`; do not edit by hand.",
        "",
        "| code | name | category | severity | what it reports |",
        "|---|---|---|---|---|",
    ]
    for rule in ALL_RULES:
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.category.value} | "
                     f"{rule.severity.label} | {rule.summary()} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """File name -> content of every page of docs/rules/."""
    out = {"README.md": index()}
    out.update({f"{rule.code}.md": page(rule) for rule in ALL_RULES})
    return out


def write(folder: Path) -> list[str]:
    """Write docs/rules/; returns the names of the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = pages()
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
            changed.append(stale.name)
    return changed
