"""Formatters: a finished Report (or a stream of them) -> text. They hold no checking logic."""

from __future__ import annotations

from checker.formatters import github, json_format, junit, sarif, text

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit")

__all__ = ["FORMATS", "github", "json_format", "junit", "sarif", "text"]
