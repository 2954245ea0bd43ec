"""Formatters: a finished Report (or a stream of them) -> text. They hold no checking logic."""

from __future__ import annotations

from checker.formatters import json_format, text

FORMATS = ("text", "json", "jsonl")

__all__ = ["FORMATS", "json_format", "text"]
