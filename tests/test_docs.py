"""docs/rules/ is generated from the rules' docstrings and must be current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.docs import page, pages
from checker.rules import BY_CODE

ROOT = Path(__file__).resolve().parent.parent


def test_docs_rules_are_current() -> None:
    folder = ROOT / "docs" / "rules"
    for name, text in pages().items():
        path = folder / name
        assert path.exists(), f"docs/rules/{name} is missing: run scripts/make_rule_docs.py"
        assert path.read_text("utf-8") == text, (
            f"docs/rules/{name} is stale: run scripts/make_rule_docs.py"
        )
    extra = {p.name for p in folder.glob("*.md")} - set(pages())
    assert not extra, f"docs/rules has pages of no rule: {extra}"


def test_rule_command_prints_the_page() -> None:
    result = CliRunner().invoke(main, ["rule", "SP001"])
    assert result.exit_code == 0
    assert result.output.strip() == page(BY_CODE["SP001"]).strip()
    assert "## Example" in result.output


def test_rules_command_table() -> None:
    result = CliRunner().invoke(main, ["rules"])
    for code in BY_CODE:
        assert code in result.output
