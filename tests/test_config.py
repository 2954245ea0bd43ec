"""Configuration discovery, validation (errors name the file and key), the newsroom lexicon and
per-path ignores, and the command-line flags laid over them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import check
from checker.cli import main
from checker.config import discover, load, resolve
from checker.data import Lexicon, use_lexicon
from checker.models import Severity
from checker.settings import SettingsError

EN = "Smoke rises over Gaza City, Sunday, Oct. 15, 2023. (AP Photo/Adel Hana)"
AR = "دخان يتصاعد فوق مدينة غزة (أسوشيتد برس)"


@pytest.fixture(autouse=True)
def _reset_lexicon() -> Iterator[None]:
    yield
    use_lexicon(Lexicon())


def test_discovered_upward_from_the_checked_file(tmp_path: Path) -> None:
    (tmp_path / ".caption-checker.toml").write_text(
        'ignore = ["DT001"]\nfail-on = "warning"\n', "utf-8"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    found = discover(deep / "x.en.txt")
    assert found == tmp_path / ".caption-checker.toml"
    conf = resolve(deep / "x.en.txt")
    assert conf.settings.ignore == ("DT001",)
    assert conf.settings.fail_on is Severity.WARNING


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.caption-checker]\nselect = ["CR"]\nseverity = { CR001 = "error" }\n',
        "utf-8",
    )
    conf = resolve(tmp_path)
    assert conf.settings.select == ("CR",)
    assert conf.settings.severity == {"CR001": Severity.ERROR}


def test_pyproject_without_the_table_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert discover(tmp_path) is None or discover(tmp_path) != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('selct = ["CR"]', "selct"),
        ('fail-on = "fatal"', "fail-on"),
        ('ignore = ["ZZ9"]', "ignore"),
        ("severity = { XX001 = 'error' }", "severity"),
        ("[lexicon]\nagencies = [{ en = ['Mada Masr'] }]", "lexicon.agencies[0]"),
        ("[lexicon]\nplaces = [{ en = 'X', kind = 'planet' }]", "lexicon.places[0].kind"),
        ("[lexicon]\nallow = 3", "lexicon.allow"),
        ('[per-path-ignores]\n"archive/**" = ["QQ"]', "per-path-ignores.archive/**"),
        ("select = [", "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / ".caption-checker.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SettingsError) as err:
        load(path)
    assert str(path) in str(err.value)
    assert key in str(err.value)


def test_cli_reports_config_error_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".caption-checker.toml").write_text('fail-on = "fatal"', "utf-8")
    (tmp_path / "x.en.txt").write_text(EN, "utf-8")
    result = CliRunner().invoke(main, ["check", "--en-file", str(tmp_path / "x.en.txt")])
    assert result.exit_code == 2
    assert "fail-on" in result.output


def test_flags_override_the_file(tmp_path: Path) -> None:
    (tmp_path / ".caption-checker.toml").write_text('fail-on = "warning"', "utf-8")
    (tmp_path / "x.en.txt").write_text(EN, "utf-8")
    (tmp_path / "x.ar.txt").write_text(AR, "utf-8")
    args = [
        "check",
        "--en-file",
        str(tmp_path / "x.en.txt"),
        "--ar-file",
        str(tmp_path / "x.ar.txt"),
    ]
    assert CliRunner().invoke(main, args).exit_code == 1  # DT001 is a warning; the file fails on it
    assert CliRunner().invoke(main, [*args, "--fail-on", "error"]).exit_code == 0
    assert CliRunner().invoke(main, [*args, "--no-config"]).exit_code == 0


def test_lexicon_agency_and_place(tmp_path: Path) -> None:
    path = tmp_path / ".caption-checker.toml"
    path.write_text(
        "[lexicon]\n"
        "agencies = [{ id = 'Mada', en = ['Mada Masr'], ar = ['مدى مصر'] }]\n"
        "places = [{ en = 'Wadi Qelt', ar = ['وادي القلط'], parent = 'West Bank', kind = 'site', lat = 31.84, lon = 35.41 }]\n",
        "utf-8",
    )
    use_lexicon(load(path).lexicon)
    report = check(
        en="Hikers walk in Wadi Qelt. (Photo: Mada Masr)", ar="متنزهون في وادي القلط (مدى مصر)"
    )
    assert report.en is not None
    assert report.ar is not None
    assert report.en.credit is not None
    assert report.ar.credit is not None
    assert report.en.credit.agency == report.ar.credit.agency == "Mada"
    assert [p.name for p in report.ar.places] == ["Wadi Qelt"]
    assert not [f for f in report.findings if f.code in ("CR002", "PL001", "PL002")]
    use_lexicon(Lexicon())
    plain = check(ar="متنزهون في وادي القلط (مدى مصر)")
    assert plain.ar is not None
    assert plain.ar.credit is None or plain.ar.credit.agency != "Mada"


def test_lexicon_allow_and_confusions(tmp_path: Path) -> None:
    path = tmp_path / ".caption-checker.toml"
    path.write_text(
        "[lexicon]\nconfusions = [{ wrong = 'calvary', right = 'cavalry', when = ['horse', 'horses'] }]\n",
        "utf-8",
    )
    use_lexicon(load(path).lexicon)
    found = check(
        en="Soldiers of the calvary ride their horses in a parade. (AP Photo/Omar Nasser)"
    )
    assert any(f.code == "SP001" and f.suggestion == "cavalry" for f in found.findings)
    path.write_text("[lexicon]\nallow = ['runaway']\n", "utf-8")
    use_lexicon(load(path).lexicon)
    quiet = check(en="A jet takes off from a runaway at the airbase. (AP Photo/Omar Nasser)")
    assert not [f for f in quiet.findings if f.code == "SP001"]


def test_per_path_ignores(tmp_path: Path) -> None:
    (tmp_path / ".caption-checker.toml").write_text(
        '[per-path-ignores]\n"archive/**" = ["DT"]\n', "utf-8"
    )
    for folder in ("archive", "today"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.en.txt").write_text(EN, "utf-8")
        (tmp_path / folder / "x.ar.txt").write_text(AR, "utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--format", "jsonl"])
    reports = {Path(r["id"]).parent.name: r for r in map(json.loads, result.stdout.splitlines())}
    assert not [f for f in reports["archive"]["findings"] if f["code"].startswith("DT")]
    assert [f for f in reports["today"]["findings"] if f["code"] == "DT001"]
