"""Every rule, in code order. A rule module lists its rules in ``RULES``; this module joins
them and checks that codes and names are unique."""

from __future__ import annotations

from checker.rules import content, credit, date, metadata, name, number, place, spelling, text
from checker.rules.base import Context, Hit, Rule

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *content.RULES,
            *credit.RULES,
            *date.RULES,
            *metadata.RULES,
            *name.RULES,
            *number.RULES,
            *place.RULES,
            *spelling.RULES,
            *text.RULES,
        ),
        key=lambda r: r.code,
    )
)
BY_CODE: dict[str, Rule] = {r.code: r for r in ALL_RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}
if len(BY_CODE) != len(ALL_RULES) or len(BY_NAME) != len(ALL_RULES):  # pragma: no cover
    raise RuntimeError("two rules share a code or a name")


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by its code (case-insensitive) or its kebab-case name."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


__all__ = ["ALL_RULES", "BY_CODE", "BY_NAME", "Context", "Hit", "Rule", "find_rule"]
