"""Reference tables, loaded once from the data files beside this module and cached.

Every table here is data (TOML or TSV), not code: agencies, month and weekday names, number
words, relative day words, confusion pairs and the gazetteer. ``tests/test_data.py`` checks
their integrity. Where each comes from is in NOTICE.md.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from checker.normalize import key_ar, key_en

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- the newsroom's own lexicon (configuration), laid over the shipped tables ---------------------


@dataclass(frozen=True)
class Lexicon:
    """A newsroom's additions: agencies with their Arabic names, places with their parents,
    confusion pairs, and words never flagged. Validated by :mod:`checker.config`."""

    agencies: tuple[dict[str, Any], ...] = ()
    places: tuple[dict[str, Any], ...] = ()
    confusions: tuple[dict[str, Any], ...] = ()
    allow: tuple[str, ...] = ()
    source: str = ""  # the file it came from, for error messages

    def __bool__(self) -> bool:
        return bool(self.agencies or self.places or self.confusions or self.allow)


_LEXICON = Lexicon()
_T = TypeVar("_T")
_C = TypeVar("_C")
_DEPENDENT: list[Any] = []


def lexicon_cache(func: Callable[[], _T]) -> Callable[[], _T]:
    """Cache a table that the newsroom lexicon extends; :func:`use_lexicon` rebuilds it."""
    return register_dependent(cache(func))


def register_dependent(cached: _C) -> _C:
    """Register any cache (``functools.cache``/``lru_cache``) whose answers depend on the tables."""
    _DEPENDENT.append(cached)
    return cached


def use_lexicon(lexicon: Lexicon) -> None:
    """Lay a newsroom lexicon over the shipped tables for this process (CLI, server, library)."""
    global _LEXICON
    _LEXICON = lexicon
    for cached in _DEPENDENT:
        cached.cache_clear()


def current_lexicon() -> Lexicon:
    return _LEXICON


@lexicon_cache
def allowed_words() -> frozenset[str]:
    """Words the newsroom never wants flagged (case-folded English keys)."""
    return frozenset(key_en(w) for w in _LEXICON.allow)


def _read_text(name: str) -> str:
    return resources.files("checker.data").joinpath(name).read_text(encoding="utf-8")


def _source_key(name: str) -> str:
    """What identifies a shipped data file's version for the caches built from it: its size and
    modification time (reading and hashing the 3.5 MB gazetteer took 12 ms of a cold start),
    or its text when it is not a plain file."""
    try:
        st = os.stat(str(resources.files("checker.data").joinpath(name)))
    except (OSError, TypeError):
        return _read_text(name)
    return f"{name}:{st.st_size}:{st.st_mtime_ns}"


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A data table. Parsed TOML is kept as marshal data in the cache directory: the big tables
    (confusions.toml) take 15-20 ms to parse, a few to unmarshal."""
    text = _read_text(name)
    path = _cache_path(text, name.replace(".", "-"))
    loaded = cache_load(path)
    if isinstance(loaded, dict):
        return loaded
    table = tomllib.loads(text)
    cache_store(path, table)
    return table


# --- agencies ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    tier: int
    en: tuple[str, ...]
    ar: tuple[str, ...]
    kind: str = ""  # "photo agency": its pictures are its own work, not handouts


@lexicon_cache
def agencies() -> dict[str, Agency]:
    out: dict[str, Agency] = {}
    for rec in [*load_toml("agencies.toml")["agency"], *_LEXICON.agencies]:
        old = out.get(rec["id"])
        en = tuple(dict.fromkeys((*(old.en if old else ()), *rec.get("en", ()))))
        ar = tuple(dict.fromkeys((*(old.ar if old else ()), *rec.get("ar", ()))))
        out[rec["id"]] = Agency(
            rec["id"],
            int(rec.get("tier", old.tier if old else 3)),
            en,
            ar,
            str(rec.get("kind", old.kind if old else "")),
        )
    return out


@lexicon_cache
def agency_by_en() -> dict[str, Agency]:
    """English form (case-folded key) -> agency."""
    return {key_en(form): a for a in agencies().values() for form in a.en}


@lexicon_cache
def agency_by_ar() -> dict[str, Agency]:
    """Arabic form (normalised key, spaces and dots dropped) -> agency."""
    return {ar_compact(form): a for a in agencies().values() for form in a.ar}


def ar_compact(text: str) -> str:
    """Arabic key with spaces and dots removed: أ ف ب, أ.ف.ب and أف ب compare equal."""
    return "".join(ch for ch in key_ar(text) if ch.isalnum())


# --- months, weekdays, relative days, numbers ----------------------------------------------------


@cache
def months_en() -> dict[str, int]:
    """Case-folded English month form (with its dot, if any) -> month number."""
    table = load_toml("months.toml")["english"]
    return {form.casefold(): int(m) for m, forms in table.items() for form in forms}


@cache
def months_ar() -> dict[str, int]:
    """Normalised Arabic Gregorian month form (all families) -> month number."""
    out: dict[str, int] = {}
    for family in load_toml("months.toml")["arabic"].values():
        for m, forms in family.items():
            for form in forms:
                out[key_ar(form)] = int(m)
    return out


@cache
def months_hijri() -> dict[str, int]:
    table = load_toml("months.toml")["hijri"]
    return {key_ar(form): int(m) for m, forms in table.items() for form in forms}


@cache
def weekdays_en() -> dict[str, int]:
    table = load_toml("weekdays.toml")["english"]
    return {form.casefold(): int(d) for d, forms in table.items() for form in forms}


@cache
def weekdays_ar() -> dict[str, int]:
    table = load_toml("weekdays.toml")["arabic"]
    return {key_ar(form): int(d) for d, forms in table.items() for form in forms}


@cache
def relative_days(lang: str) -> dict[str, int]:
    table = load_toml("relative.toml")["english" if lang == "en" else "arabic"]
    keyf = key_en if lang == "en" else key_ar
    return {keyf(k): int(v) for k, v in table.items()}


def relative_periods(lang: str) -> tuple[str, ...]:
    """Loosely dated periods ("last summer", "الشهر الماضي"), folded as caption text is."""
    table = load_toml("relative.toml")["periods"]["english" if lang == "en" else "arabic"]
    keyf = key_en if lang == "en" else key_ar
    return tuple(keyf(p) for p in table)


@dataclass(frozen=True, slots=True)
class NumberWords:
    units: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, float]
    approx: tuple[str, ...]
    at_least: tuple[str, ...]  # lower bounds, written before the figure (Arabic: or after it)
    half_before: tuple[str, ...]  # "half a million", "نصف مليون"
    half_after: tuple[str, ...]  # "مليون ونصف", "a million and a half"


@cache
def number_words(lang: str) -> NumberWords:
    table = load_toml("numbers.toml")["english" if lang == "en" else "arabic"]
    keyf = key_en if lang == "en" else key_ar
    return NumberWords(
        units={keyf(k): float(v) for k, v in table["units"].items()},
        multipliers={keyf(k): float(v) for k, v in table["multipliers"].items()},
        vague={keyf(k): float(v) for k, v in table["vague"].items()},
        approx=tuple(keyf(w) for w in table["approx"]["words"]),
        at_least=tuple(keyf(w) for w in table["at_least"]["words"]),
        half_before=tuple(keyf(w) for w in table["half"]["before"]),
        half_after=tuple(keyf(w) for w in table["half"]["after"]),
    )


@dataclass(frozen=True, slots=True)
class Confusion:
    wrong: str
    right: str
    window: int
    when: tuple[str, ...]
    unless: tuple[str, ...]
    example: str = ""
    fine: str = ""


@lexicon_cache
def confusions() -> dict[str, Confusion]:
    """Context-gated real-word confusions, keyed by the wrong word (case-folded)."""
    out: dict[str, Confusion] = {}
    for rec in [
        *load_toml("confusions.toml")["pair"],
        *(c for c in _LEXICON.confusions if "when" in c),
    ]:
        out[rec["wrong"].casefold()] = Confusion(
            rec["wrong"],
            rec["right"],
            int(rec.get("window", 3)),
            tuple(key_en(w) for w in rec["when"]),
            tuple(key_en(w) for w in rec.get("unless", [])),
            rec.get("example", ""),
            rec.get("fine", ""),
        )
    return out


@dataclass(frozen=True, slots=True)
class Phrase:
    wrong: str
    right: str
    keys: tuple[str, ...]  # the wrong phrase as token keys


@lexicon_cache
def confusion_phrases() -> dict[str, list[Phrase]]:
    """Fixed expressions written wrongly, indexed by the key of their first word."""
    out: dict[str, list[Phrase]] = {}
    for rec in load_toml("confusions.toml").get("phrase", []):
        keys = tuple(phrase_word(w) for w in _PHRASE_WORD.findall(rec["wrong"]))
        out.setdefault(keys[0], []).append(Phrase(rec["wrong"], rec["right"], keys))
    for phrases in out.values():
        phrases.sort(key=lambda p: -len(p.keys))  # the longest phrase first
    return out


def phrase_word(word: str) -> str:
    """A word of a fixed expression as compared: case-folded, apostrophes kept (its != it's)."""
    return word.casefold().replace("\u2019", "'")


_PHRASE_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W_]+)*|\d+")


# --- gazetteer ------------------------------------------------------------------------------------

_KIND_RANK = {"country": 0, "region": 1, "water": 1, "admin1": 2, "city": 3, "camp": 4, "site": 4}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    country: str
    parent: str
    lat: float | None
    lon: float | None
    population: int
    name_en: str
    # other English spellings; at run time only countries keep theirs (every variant of every
    # place is a key of the lookup index, Gazetteer.by_en, which is what lookups use)
    variants_en: tuple[str, ...]
    names_ar: tuple[str, ...]


class PlaceTable(dict[str, Place]):
    """Place id -> Place, each record made on first use: a check reads a handful of the 12,000
    places, and making them all took a sixth of a cold start. A dict underneath, so that a place
    already made is found at dict speed; membership, length and iteration cover every row."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        super().__init__()
        self._rows = {row[0]: row for row in rows}

    def __missing__(self, key: str) -> Place:
        place = Place(*self._rows[key])
        self[key] = place
        return place

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._rows else default

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def keys(self) -> Any:
        return self._rows.keys()

    def values(self) -> Any:
        return [self[k] for k in self._rows]

    def items(self) -> Any:
        return [(k, self[k]) for k in self._rows]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: Mapping[str, Place]
    by_en: dict[str, tuple[str, ...]]  # key_en -> ids, best first
    by_ar: dict[str, tuple[str, ...]]  # ar_place_key -> ids, best first
    heads_en: dict[str, int]  # first word of an English key -> most words of a key it starts
    heads_ar: dict[str, int]
    # Arabic keys that are also everyday words ("الخليل" the friend, "صور" pictures, "الباب" the
    # door): marked "~" in gazetteer.tsv; such a name is a place only with the words around it
    common_ar: frozenset[str] = frozenset()
    _ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """The place's parents up to its country, nearest first."""
        known = self._ancestors.get(place_id)
        if known is None:
            known = self._ancestors[place_id] = tuple(self._walk_up(place_id))
        return known

    def _walk_up(self, place_id: str) -> list[str]:
        out: list[str] = []
        seen = {place_id}
        current = self.places.get(place_id)
        while current is not None and current.parent and current.parent not in seen:
            out.append(current.parent)
            seen.add(current.parent)
            current = self.places.get(current.parent)
        return out

    def contains(self, outer: str, inner: str) -> bool:
        return outer == inner or outer in self.ancestors(inner)

    def country_name(self, code: str) -> str:
        place = self.places.get(code)
        return place.name_en if place else code


def ar_place_key(text: str) -> str:
    """Arabic gazetteer key: the normalised name, article kept. A name with the article
    (العمارة, Al-Amarah) must be written with it: عمارة alone is "a building"."""
    return key_ar(text)


def _rank(place: Place) -> tuple[int, int]:
    return (_KIND_RANK.get(place.kind, 5), -place.population)


def _parse_gazetteer(text: str) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for line in text.splitlines():
        if not line or line.startswith(("#", "id\t")):
            continue
        pid, kind, country, parent, lat, lon, pop, name_en, var_en, names_ar = line.split("\t")
        places[pid] = Place(
            pid,
            kind,
            country,
            parent,
            float(lat) if lat else None,
            float(lon) if lon else None,
            int(pop or 0),
            name_en,
            tuple(var_en.split("|")) if var_en else (),
            tuple(n.lstrip("~") for n in names_ar.split("|")) if names_ar else (),
        )
    return places


def _common_ar(text: str) -> frozenset[str]:
    """The Arabic names gazetteer.tsv marks "~" (everyday words as well as place names), unless
    another place bears the same name unmarked (بغداد the governorate is marked, the city not)."""
    marked: set[str] = set()
    plain: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for name in line.rsplit("\t", 1)[-1].split("|"):
            if name.startswith("~"):
                marked.add(ar_place_key(name[1:]))
            elif name:
                plain.add(ar_place_key(name))
    return frozenset(marked - plain)


# The Arabic article inside an English name, as the wires spell it: "el", "al", and "al"
# assimilated to the sun letter that follows ("ash Shughur", "ad Dana", "ez-Zor")
_ARTICLES_EN = frozenset(
    ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "er", "es", "esh",
     "et", "ez", "en", "ul"]
)  # fmt: skip


def article_key_en(key: str) -> str:
    """A lookup key with the article inside a name written one way: "jisr ash shughur" and
    "jisr al shughur", "ras el ain" and "ras al ain" are one key. The first and last words are
    left alone ("As Suwayda", "Port of Spain")."""
    words = key.split(" ")
    if len(words) < 3:
        return key
    return " ".join([words[0], *("al" if w in _ARTICLES_EN else w for w in words[1:-1]), words[-1]])


def _build_index(
    places: dict[str, Place],
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    by_en: dict[str, list[str]] = {}
    by_ar: dict[str, list[str]] = {}
    for place in places.values():
        for form in (place.name_en, *place.variants_en):
            k = key_en(form)
            if k:
                by_en.setdefault(k, []).append(place.id)
                common = article_key_en(k)
                if common != k:  # "Ras el Ain" is also found as "Ras al-Ain"
                    by_en.setdefault(common, []).append(place.id)
        for form in place.names_ar:
            k = ar_place_key(form)
            if k:
                by_ar.setdefault(k, []).append(place.id)

    def ordered(index: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        return {
            k: tuple(sorted(dict.fromkeys(ids), key=lambda i: _rank(places[i])))
            for k, ids in index.items()
        }

    return ordered(by_en), ordered(by_ar)


def _heads(index: dict[str, tuple[str, ...]]) -> dict[str, int]:
    heads: dict[str, int] = {}
    for key in index:
        words = key.split(" ")
        heads[words[0]] = max(heads.get(words[0], 0), len(words))
    return heads


def _cache_path(source: str, kind: str = "gazetteer-v2") -> Path:
    """Where built data is kept between runs: the user's cache directory (or
    $CAPTION_CHECKER_CACHE), one marshal file per kind, keyed by the source data's own hash."""
    base = os.environ.get("CAPTION_CHECKER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "caption-checker"
    )
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
    return Path(base) / f"{kind}-{digest}.marshal"


def cache_load(path: Path) -> Any:
    """What a cache file holds, or None when it is missing or unreadable (only time is lost)."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def cache_store(path: Path, value: Any) -> None:
    """Write a cache file atomically and remove older files of the same kind."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        tmp.replace(path)
        for old in path.parent.glob(f"{kind}-*.marshal"):
            if old != path and old.name.rsplit("-", 1)[0] == kind:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # unwritable cache, or a value marshal cannot hold: rebuilt next time


@lexicon_cache
def gazetteer() -> Gazetteer:
    base = _shipped_gazetteer()
    return _with_places(base, _LEXICON.places) if _LEXICON.places else base


def _with_places(base: Gazetteer, extra: tuple[dict[str, Any], ...]) -> Gazetteer:
    """The shipped gazetteer plus the newsroom's places (a new index, the shipped one untouched)."""
    places = dict(base.places)
    by_en = {k: list(v) for k, v in base.by_en.items()}
    by_ar = {k: list(v) for k, v in base.by_ar.items()}
    for rec in extra:
        parent = str(rec.get("parent", ""))
        if parent and parent not in places:
            parent = (
                base.by_en.get(key_en(parent)) or base.by_ar.get(ar_place_key(parent)) or ("",)
            )[0]
        country = places[parent].country if parent in places else str(rec.get("country", ""))
        names_ar = rec.get("ar", [])
        names_ar = [names_ar] if isinstance(names_ar, str) else list(names_ar)
        pid = str(rec.get("id") or f"local:{key_en(rec['en']).replace(' ', '-')}")
        place = Place(pid, str(rec.get("kind", "site")), country, parent, rec.get("lat"), rec.get("lon"), 0,
                      str(rec["en"]), tuple(rec.get("variants", ())), tuple(names_ar))  # fmt: skip
        places[pid] = place
        for form in (place.name_en, *place.variants_en):
            by_en.setdefault(key_en(form), []).insert(0, pid)  # the newsroom's reading first
        for form in place.names_ar:
            by_ar.setdefault(ar_place_key(form), []).insert(0, pid)
    en = {k: tuple(dict.fromkeys(v)) for k, v in by_en.items()}
    ar = {k: tuple(dict.fromkeys(v)) for k, v in by_ar.items()}
    return Gazetteer(places, en, ar, _heads(en), _heads(ar), base.common_ar)


@cache
def _shipped_gazetteer() -> Gazetteer:
    """The gazetteer with its lookup index. Parsing the table and building the index take a few
    hundred ms, so both are kept in the user's cache directory (as marshal data, keyed by the
    table's hash); a missing or unwritable cache only costs time."""
    path = _cache_path(_source_key("gazetteer.tsv"), "gazetteer-v4")
    loaded = cache_load(path)
    if isinstance(loaded, tuple) and len(loaded) == 6:
        rows, by_en, by_ar, heads_en, heads_ar, common = loaded
        return Gazetteer(PlaceTable(rows), by_en, by_ar, heads_en, heads_ar, common)
    source = _read_text("gazetteer.tsv")
    places = _parse_gazetteer(source)
    common = _common_ar(source)
    by_en, by_ar = _build_index(places)
    heads_en, heads_ar = _heads(by_en), _heads(by_ar)
    rows = [
        (
            p.id,
            p.kind,
            p.country,
            p.parent,
            p.lat,
            p.lon,
            p.population,
            p.name_en,
            p.variants_en if p.kind == "country" else (),
            p.names_ar,
        )
        for p in places.values()
    ]
    cache_store(path, (rows, by_en, by_ar, heads_en, heads_ar, common))
    return Gazetteer(PlaceTable(rows), by_en, by_ar, heads_en, heads_ar, common)


# --- spelling variants of place names -------------------------------------------------------------


def place_skeleton(name: str) -> str:
    """A place name's consonant skeleton for variant spellings (Sulaimaniyah = Sulaymaniyah,
    Falluja = Fallujah): spaces, a leading article and a final -h dropped."""
    from checker.translit import skeleton_en

    skeleton = skeleton_en(name).replace(" ", "")
    return skeleton[:-1] if skeleton.endswith("H") else skeleton


@lexicon_cache
def skeleton_index() -> dict[str, tuple[str, ...]]:
    """Skeleton -> place ids, for names of four consonant classes or more (shorter ones collide).
    Built once (half a second) and kept in the cache directory beside the gazetteer index."""

    def forms() -> Iterator[tuple[str, str]]:
        # every English variant, which the run-time place records keep for countries only
        gaz = gazetteer()
        full = _parse_gazetteer(_read_text("gazetteer.tsv"))
        extra = [gaz.places[i] for i in gaz.places if i not in full]  # the newsroom's own
        for place in [*full.values(), *extra]:
            for form in (place.name_en, *place.variants_en):
                yield place.id, form

    return _skeleton_index("skeletons", forms, place_skeleton)


def _skeleton_index(
    kind: str,
    forms: Callable[[], Iterable[tuple[str, str]]],
    skeleton_of: Callable[[str], str],
) -> dict[str, tuple[str, ...]]:
    """Skeleton -> place ids (best first) over the (place id, name) pairs ``forms()`` yields,
    for skeletons of four letters or more (shorter ones collide); cached beside the gazetteer
    index, so ``forms`` is called only when the cache is missing."""
    path = _cache_path(_source_key("gazetteer.tsv") + repr(_LEXICON.places), kind)
    loaded = cache_load(path)
    if isinstance(loaded, dict):
        return loaded
    gaz = gazetteer()
    index: dict[str, list[str]] = {}
    for place_id, form in forms():
        skeleton = skeleton_of(form)
        if len(skeleton) >= 4:
            index.setdefault(skeleton, []).append(place_id)
    out = {
        k: tuple(sorted(dict.fromkeys(v), key=lambda i: _rank(gaz.places[i])))
        for k, v in index.items()
    }
    cache_store(path, out)
    return out


# --- capitals, nisba adjectives and demonyms -----------------------------------------------------


@cache
def capitals() -> dict[str, str]:
    """Country code -> the gazetteer id of its capital city (``capitals.tsv``)."""
    out: dict[str, str] = {}
    for line in _read_text("capitals.tsv").splitlines():
        if line and not line.startswith(("#", "country\t")):
            code, place = line.split("\t")
            out[code] = place
    return out


def _country_ids(ids: tuple[str, ...] | None) -> str | None:
    places = gazetteer().places
    return next((i for i in ids or () if places[i].kind == "country"), None)


@register_dependent
@lru_cache(maxsize=4096)
def country_of_name_ar(word: str) -> str | None:
    """The country an Arabic word names by itself (قطر، الكويت، سوريا), as normalised caption
    text without a clitic; None for anything else."""
    return _country_ids(gazetteer().by_ar.get(ar_place_key(word)))


@register_dependent
@lru_cache(maxsize=4096)
def country_of_nisba(word: str) -> str | None:
    """The country an Arabic nisba adjective names: اللبنانية -> LB, السوري -> SY, التركية -> TR,
    الأوكرانية -> UA. ``word`` is normalised caption text (ة folded to ه); a clitic (ب، ل، و) and
    the article are set aside. Derived from the gazetteer's Arabic country names, not listed."""
    by_ar = gazetteer().by_ar
    bare = re.sub(r"^(?:[وف]?[بلك]?ال|[وف]?لل)", "", word)
    if bare == word and not word.startswith("ال"):
        return None  # a nisba adjective of a place noun carries the article: "العاصمة اللبنانية"
    if bare != word:
        found = _country_ids(by_ar.get("ال" + bare) or by_ar.get(bare))
        if found:
            return found  # "العاصمة السعودية": the country's own name is its adjective
    for ending in ("يه", "ي"):
        if bare.endswith(ending) and len(bare) > len(ending) + 2:
            stem = bare[: -len(ending)]
            for candidate in (stem, "ال" + stem, stem + "ا", stem + "يا", "ال" + stem + "يه"):
                found = _country_ids(by_ar.get(candidate))
                if found:
                    return found
    return None


@register_dependent
@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """The country an English demonym names: Lebanese -> LB, Syrian -> SY, Iraqi -> IQ,
    Moroccan -> MA, Saudi -> SA. The demonym's stem must begin a country's English name or
    variant and be at least four letters long; nothing is listed by hand."""
    low = word.casefold()
    for suffix in ("ese", "ian", "ish", "an", "i"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = low[: -len(suffix)]
            # the shortest name the stem begins: Turkish -> Turkey, not Turks and Caicos
            begins = [
                (len(name), place_id, name.split()[0] == low)
                for name, place_id in _country_names()
                if name.startswith(stem) and len(stem) >= 0.6 * len(name.split()[0])
            ]
            # American -> United States of America, Emirati -> United Arab Emirates: the stem
            # may begin the name's last word (not Marian -> San Marino)
            ends = [
                (len(name), place_id)
                for name, place_id in _country_names()
                if len(name.split()) > 1
                and name.split()[-1].startswith(stem)
                and len(stem) >= 0.75 * len(name.split()[-1])
            ]
            # a name that opens with the demonym itself is that country (Saudi Arabia) unless
            # another country's name ends with it: American Samoa is not what "American" means
            strong = [(n, i) for n, i, own in begins if not own]
            matches = strong or ends or [(n, i) for n, i, _ in begins]
            if matches:
                return min(matches)[1]
    return None


@lexicon_cache
def _country_names() -> tuple[tuple[str, str], ...]:
    return tuple(
        (key_en(name), p.id)
        for p in gazetteer().places.values()
        if p.kind == "country"
        for name in (p.name_en, *p.variants_en)
        if key_en(name)
    )


_AR_WEAK_LETTERS = re.compile("[اويىءئؤ]")


def ar_skeleton(name: str) -> str:
    """An Arabic name without its article, spaces and weak letters (ا و ي ء): خاركيف and خاركوف
    are both خركف. Long vowels are where transliterations of foreign names differ most."""
    key = ar_place_key(name).replace(" ", "")
    if key.startswith("ال"):
        key = key[2:]
    return _AR_WEAK_LETTERS.sub("", key)


@lexicon_cache
def ar_skeleton_index() -> dict[str, tuple[str, ...]]:
    """Arabic skeleton -> place ids, for skeletons of four letters or more."""

    def forms() -> Iterator[tuple[str, str]]:
        places = gazetteer().places
        return ((i, f) for i in places for f in places[i].names_ar)

    return _skeleton_index("ar-skeletons", forms, ar_skeleton)


@lexicon_cache
def clitic_words_ar() -> frozenset[str]:
    """Everyday Arabic words that read as a place with a clitic glued on: "باكرا" (early) as ب +
    Accra, "بنوك" (banks) as ب + Nuq, "بركان" (a volcano) as ب + Berkane. A word counts when the
    word list has it at least 100 times and more often than the place name left without the
    clitic ("بالعراق" is in the list, but "العراق" far more often). Built from the word list and
    the gazetteer once, then cached: the 120,000-word list is not read at each start."""
    from checker.data.english import _cache_file, arabic_frequencies
    from checker.normalize import ar_stems

    path = _cache_path(
        _source_key("gazetteer.tsv") + repr(_LEXICON.places) + str(_cache_file("ar")),
        "clitic-words-ar",
    )
    loaded = cache_load(path)
    if isinstance(loaded, (list, tuple)):
        return frozenset(loaded)
    by_ar = gazetteer().by_ar
    freq = arabic_frequencies()
    out = []
    for word, whole in freq.items():
        if whole < 100 or word[:1] not in "بلوفك":
            continue
        for stem in ar_stems(word):
            if stem != word and word != "ال" + stem and ar_place_key(stem) in by_ar:
                if whole > freq.get(stem, 0):
                    out.append(word)
                break
    cache_store(path, sorted(out))
    return frozenset(out)


# --- small closed word classes -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GrammarWords:
    """``grammar_words.toml``: event nouns, duration words, name stops, doubled-word classes.
    English words case-folded (except named days and name stops, which are matched as written),
    Arabic folded as caption text is, except the spelling lists, which compare original text."""

    date_events_en: tuple[str, ...]
    named_days_en: tuple[str, ...]
    duration_en: frozenset[str]
    background_en: tuple[str, ...]
    date_events_ar: frozenset[str]
    duration_ar: frozenset[str]
    month_parts_ar: frozenset[str]
    name_stop_en: frozenset[str]
    name_stop_ar: frozenset[str]
    name_joiners_ar: frozenset[str]
    title_adjectives_ar: frozenset[str]
    doubled_ok_en: frozenset[str]
    function_words_ar: frozenset[str]
    house_style_ar: dict[str, str]
    negation_en: frozenset[str]
    negation_ar: frozenset[str]
    not_negation_en: tuple[str, ...]
    not_negation_ar: tuple[str, ...]
    attacks_en: frozenset[str]
    attacks_ar: frozenset[str]
    attacks_between_ar: frozenset[str]


@cache
def grammar_words() -> GrammarWords:
    table = load_toml("grammar_words.toml")
    dates, names, spelling = table["dates"], table["names"], table["spelling"]
    return GrammarWords(
        date_events_en=tuple(w.casefold() for w in dates["english"]["events"]),
        named_days_en=tuple(dates["english"]["named_days"]),
        duration_en=frozenset(w.casefold() for w in dates["english"]["duration_before"]),
        background_en=tuple(w.casefold() for w in dates["english"]["background_before"]),
        date_events_ar=frozenset(key_ar(w) for w in dates["arabic"]["events"]),
        duration_ar=frozenset(key_ar(w) for w in dates["arabic"]["duration_before"]),
        month_parts_ar=frozenset(key_ar(w) for w in dates["arabic"]["month_parts"]),
        name_stop_en=frozenset(names["english"]["stop"]),
        name_stop_ar=frozenset(key_ar(w) for w in names["arabic"]["stop"]),
        name_joiners_ar=frozenset(key_ar(w) for w in names["arabic"]["joiners"]),
        title_adjectives_ar=frozenset(key_ar(w) for w in names["arabic"]["title_adjectives"]),
        doubled_ok_en=frozenset(spelling["english"]["doubled_ok"]),
        function_words_ar=frozenset(spelling["arabic"]["function_words"]),
        house_style_ar=dict(spelling["arabic"]["house_style"]),
        negation_en=frozenset(w.casefold() for w in table["negation"]["english"]),
        negation_ar=frozenset(key_ar(w) for w in table["negation"]["arabic"]),
        not_negation_en=tuple(w.casefold() for w in table["negation"]["english_not"]),
        not_negation_ar=tuple(key_ar(w) for w in table["negation"]["arabic_not"]),
        attacks_en=frozenset(w.casefold() for w in table["attacks"]["english"]),
        attacks_ar=frozenset(key_ar(w) for w in table["attacks"]["arabic"]),
        attacks_between_ar=frozenset(key_ar(w) for w in table["attacks"]["arabic_between"]),
    )


@cache
def ordinal_days() -> dict[str, int]:
    """Arabic ordinal day words ("العاشر من محرم"), folded as caption text is -> day."""
    table = load_toml("months.toml").get("ordinal_days", {})
    return {key_ar(word): int(day) for word, day in table.items()}
