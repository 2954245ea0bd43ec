"""Newsroom configuration: ``.caption-checker.toml`` or ``[tool.caption-checker]`` in
pyproject.toml, found by walking up from the files checked, overridden by command-line flags.

    # .caption-checker.toml (the same keys go under [tool.caption-checker] in pyproject.toml)
    select = ["CR", "DT", "MD"]          # rule codes or prefixes; default: all
    ignore = ["SP001"]
    fail-on = "warning"                  # error | warning | info
    min-severity = "info"                # findings below are not reported
    severity = { PL001 = "warning" }     # per-rule overrides

    [lexicon]                            # [tool.caption-checker.lexicon] in pyproject.toml
    allow = ["Hmeimim"]                  # words never flagged
    agencies = [{ id = "Mada", en = ["Mada Masr"], ar = ["مدى مصر"] }]
    places = [{ en = "Sheikh Jarrah", ar = ["الشيخ جراح"], parent = "Jerusalem", kind = "site",
                lat = 31.789, lon = 35.229 }]
    confusions = [{ wrong = "calvary", right = "cavalry", when = ["horse", "troops"] }]

    [per-path-ignores]                   # glob (relative to the config file) -> codes
    "archive/**" = ["DT", "MD003"]

Every unknown key and every bad value is an error naming the file and the key.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.data import Lexicon
from checker.models import Severity
from checker.settings import Settings, SettingsError

FILE_NAME = ".caption-checker.toml"
_TOP = {"select", "ignore", "severity", "fail-on", "min-severity", "lexicon", "per-path-ignores"}
_LEXICON = {"allow", "agencies", "places", "confusions"}
_AGENCY = ({"id"}, {"en", "ar", "tier", "kind"})
_PLACE = ({"en"}, {"id", "ar", "variants", "parent", "country", "kind", "lat", "lon"})
_CONFUSION = ({"wrong", "right", "when"}, {"unless", "window"})
_KINDS = {"country", "region", "admin1", "city", "camp", "site"}


@dataclass(frozen=True)
class Config:
    settings: Settings
    lexicon: Lexicon = field(default_factory=Lexicon)
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    path: Path | None = None  # the file read; None = defaults

    def settings_for(self, file: str | Path | None) -> Settings:
        """The settings for one checked file: the per-path ignores that match it added."""
        if file is None or not self.per_path_ignores or self.path is None:
            return self.settings
        try:
            rel = Path(file).resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            return self.settings
        extra = [
            c for pattern, codes in self.per_path_ignores if _match(rel, pattern) for c in codes
        ]
        return (
            replace(self.settings, ignore=(*self.settings.ignore, *extra))
            if extra
            else self.settings
        )


def _match(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(rel, pattern) or (
        pattern.endswith("/**") and rel.startswith(pattern[:-2])
    )


def discover(start: str | Path | None = None) -> Path | None:
    """The nearest configuration at or above ``start`` (a file or folder; default: cwd)."""
    here = Path(start or ".").resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "caption-checker" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None


def load(path: str | Path) -> Config:
    """Read and validate one configuration file."""
    path = Path(path)
    data = _read(path)
    where = f"{path}"
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("caption-checker", {})
        where = f"{path} [tool.caption-checker]"
    return _parse(data, where, path)


def _err(where: str, key: str, problem: str) -> SettingsError:
    return SettingsError(f"{where}: {key}: {problem}")


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(where, key, "expected a list of strings")
    return tuple(value)


def _severity(value: Any, where: str, key: str) -> Severity:
    if not isinstance(value, str):
        raise _err(where, key, "expected error, warning or info")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise _err(where, key, str(exc)) from None


def _records(
    value: Any, where: str, key: str, spec: tuple[set[str], set[str]]
) -> tuple[dict[str, Any], ...]:
    required, optional = spec
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _err(where, key, "expected a list of tables")
    for i, rec in enumerate(value):
        unknown = set(rec) - required - optional
        if unknown:
            raise _err(where, f"{key}[{i}]", f"unknown key {sorted(unknown)[0]!r}")
        missing = required - set(rec)
        if missing:
            raise _err(where, f"{key}[{i}]", f"missing key {sorted(missing)[0]!r}")
    return tuple(value)


def _parse(data: dict[str, Any], where: str, path: Path) -> Config:
    unknown = set(data) - _TOP
    if unknown:
        raise _err(where, sorted(unknown)[0], f"unknown key (known: {', '.join(sorted(_TOP))})")
    kwargs: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in data:
            kwargs[key] = _strings(data[key], where, key)
    if "fail-on" in data:
        kwargs["fail_on"] = _severity(data["fail-on"], where, "fail-on")
    if "min-severity" in data:
        kwargs["min_severity"] = _severity(data["min-severity"], where, "min-severity")
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise _err(where, "severity", "expected a table of CODE = severity")
        kwargs["severity"] = {
            code.upper(): _severity(v, where, f"severity.{code}") for code, v in table.items()
        }
    try:
        settings = Settings(**kwargs)
    except SettingsError as exc:
        raise SettingsError(f"{where}: {exc}") from None
    lexicon = _lexicon(data.get("lexicon", {}), where)
    ignores = data.get("per-path-ignores", {})
    if not isinstance(ignores, dict):
        raise _err(where, "per-path-ignores", "expected a table of glob = [codes]")
    per_path = tuple(
        (glob, _strings(codes, where, f"per-path-ignores.{glob}"))
        for glob, codes in ignores.items()
    )
    for glob, codes in per_path:
        try:
            Settings(ignore=codes)
        except SettingsError as exc:
            raise _err(where, f"per-path-ignores.{glob}", str(exc)) from None
    return Config(settings, lexicon, per_path, path)


def _lexicon(data: Any, where: str) -> Lexicon:
    if not isinstance(data, dict):
        raise _err(where, "lexicon", "expected a table")
    unknown = set(data) - _LEXICON
    if unknown:
        raise _err(
            where,
            f"lexicon.{sorted(unknown)[0]}",
            f"unknown key (known: {', '.join(sorted(_LEXICON))})",
        )
    agencies = _records(data.get("agencies", []), where, "lexicon.agencies", _AGENCY)
    places = _records(data.get("places", []), where, "lexicon.places", _PLACE)
    for i, rec in enumerate(places):
        if rec.get("kind", "site") not in _KINDS:
            raise _err(
                where, f"lexicon.places[{i}].kind", f"expected one of {', '.join(sorted(_KINDS))}"
            )
        for coord in ("lat", "lon"):
            if coord in rec and not isinstance(rec[coord], (int, float)):
                raise _err(where, f"lexicon.places[{i}].{coord}", "expected a number")
    confusions = _records(data.get("confusions", []), where, "lexicon.confusions", _CONFUSION)
    return Lexicon(
        agencies=agencies,
        places=places,
        confusions=confusions,
        allow=_strings(data.get("allow", []), where, "lexicon.allow"),
        source=where,
    )


def resolve(
    start: str | Path | None = None,
    explicit: str | Path | None = None,
    *,
    use_files: bool = True,
) -> Config:
    """The configuration in force: an explicit file, else the nearest one, else the defaults."""
    if explicit is not None:
        return load(explicit)
    if use_files:
        found = discover(start)
        if found is not None:
            return load(found)
    return Config(Settings())
